import DataLoader from 'dataloader';

/** A loader of one row per id (null where missing), from a batch fetch of rows carrying their id. */
export function byIdLoader<T>(
  fetch: (ids: readonly number[]) => Promise<T[]>,
  idOf: (row: T) => number,
): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await fetch(ids);
    const byId = new Map(rows.map((r) => [idOf(r), r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A loader of many rows per key, from one batch fetch whose rows say which key they belong to (order kept). */
export function groupLoader<T>(
  fetch: (keys: readonly number[]) => Promise<T[]>,
  keyOf: (row: T) => number,
): DataLoader<number, T[]> {
  return new DataLoader(async (keys) => groupRows(keys, await fetch(keys), keyOf));
}

/** Rows grouped under each key, in the order of `keys`; keys without rows get `[]`. */
export function groupRows<T>(keys: readonly number[], rows: T[], keyOf: (row: T) => number): T[][] {
  const groups = new Map<number, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

/**
 * Loaders that also take an argument (e.g. `asOf`): one DataLoader per distinct argument, made on first use,
 * so a page of 200 parents asking with the same argument is still one statement.
 */
export function perArgument<A, L>(make: (arg: A) => L): (arg: A) => L {
  const cache = new Map<string, L>();
  return (arg) => {
    const key = JSON.stringify(arg ?? null);
    let loader = cache.get(key);
    if (!loader) {
      loader = make(arg);
      cache.set(key, loader);
    }
    return loader;
  };
}

/** The rows of several ids through a by-id loader, in the ids' order, leaving out ids without a row. */
export async function loadExisting<T>(
  loader: DataLoader<number, T | null>,
  ids: readonly number[],
): Promise<T[]> {
  const rows = await loader.loadMany(ids);
  return rows.filter((r): r is T => r !== null && !(r instanceof Error));
}
