/**
 * A small least-recently-used map for per-document results of the request pipeline (e.g. an operation's cost
 * for given variables): at most `capacity` entries, the least recently read dropped first. Keys are made by the
 * caller from what decides the result (Apollo's query hash, operation name, variables).
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: re-inserting makes this the most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** What decides a per-operation result of the pipeline: Apollo's hash of the document, the operation, the variables. */
export interface OperationIdentity {
  queryHash: string;
  operationName: string | null;
  request: { variables?: Record<string, unknown> };
}

/** Longest operation key kept (characters): bigger variables are not remembered, so a cache stays small. */
export const MAX_OPERATION_KEY = 4096;

/**
 * The cache key of an operation (document hash × operation name × variables as JSON), or null when its variables
 * are too big to be worth keeping (the caller computes the result without caching it).
 */
export function operationKey({ queryHash, operationName, request }: OperationIdentity): string | null {
  const key = `${queryHash}\0${operationName ?? ''}\0${JSON.stringify(request.variables ?? {})}`;
  return key.length <= MAX_OPERATION_KEY ? key : null;
}
