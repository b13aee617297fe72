import type { Viewer } from './auth/viewer';

/**
 * The request's DataLoaders (one SQL statement per relation and tick, whatever the page size). Each domain adds
 * its own to this interface from its `*.loader.ts` (declaration merging) and exports a {@link LoaderGroup} that
 * makes them; the composition root (src/loaders.ts) lists the groups. A request makes a group's loaders the
 * first time it uses one of them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each domain
export interface Loaders {}

/** What every resolver receives. Built fresh for each request. */
export interface Context {
  requestId: string;
  /** The API key of the request (null: anonymous); mutations check its role with `requireRole`. */
  viewer: Viewer | null;
  loaders: Loaders;
}

/** A domain's loaders, made from the services they need (`S`, a part of the composition root's services). */
export type LoaderGroup<S> = (services: S) => object;
