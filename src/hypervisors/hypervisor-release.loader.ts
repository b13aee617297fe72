import { byIdLoader, groupLoader } from '../shared/loaders';
import type { LoaderGroup } from '../context';
import type { HypervisorReleaseService } from './hypervisor-release.service';

export type ReleaseLoaders = ReturnType<typeof createReleaseLoaders>;

export function createReleaseLoaders(releases: HypervisorReleaseService) {
  return {
    releaseById: byIdLoader(
      (ids) => releases.byIds(ids),
      (r) => r.rowId,
    ),
    releasesByHypervisor: groupLoader(
      (ids) => releases.byHypervisorIds(ids),
      (r) => r.hypervisorId,
    ),
  };
}

/** Releases by id and by hypervisor. Registered in src/loaders.ts; made on first use in a request. */
export const releaseLoaderGroup: LoaderGroup<{ releases: HypervisorReleaseService }> = (s) =>
  createReleaseLoaders(s.releases);

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends ReleaseLoaders {}
}
