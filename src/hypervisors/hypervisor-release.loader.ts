import { byIdLoader, groupLoader } from '../shared/loaders';
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
