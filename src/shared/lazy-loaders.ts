import type { LoaderGroup } from '../context';

/**
 * A factory of per-request loader sets from `groups`: each set makes a group's loaders (all of them, so loaders
 * of one group that share state stay together) the first time one is read, and keeps them for the request. A
 * request that reads three relations makes three groups, not the fifty loaders of every domain.
 *
 * The set's class is built once: one getter per loader name on its prototype, which replaces itself with plain
 * properties on first use. Two groups giving the same name is a start-up error.
 */
export function lazyLoaders<S, L extends object>(groups: readonly LoaderGroup<S>[], services: S): () => L {
  class RequestLoaders {}
  const owner = new Map<string, number>();
  groups.forEach((group, index) => {
    const names = Object.keys(group(services));
    for (const name of names) {
      if (owner.has(name)) throw new Error(`Two loader groups define the loader ${name}.`);
      owner.set(name, index);
      Object.defineProperty(RequestLoaders.prototype, name, {
        configurable: true,
        get(this: Record<string, unknown>) {
          const made = group(services) as Record<string, unknown>;
          for (const n of names) Object.defineProperty(this, n, { value: made[n], enumerable: true });
          return made[name];
        },
      });
    }
  });
  return () => new RequestLoaders() as L;
}
