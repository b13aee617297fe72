import { byIdLoader, groupLoader } from '../shared/loaders';
import type { LoaderGroup } from '../context';
import type { OperatingSystemService } from './operating-system.service';

export type OperatingSystemLoaders = ReturnType<typeof createOperatingSystemLoaders>;

export function createOperatingSystemLoaders(oses: OperatingSystemService) {
  return {
    osById: byIdLoader(
      (ids) => oses.byIds(ids),
      (o) => o.rowId,
    ),
    osesByVendor: groupLoader(
      (ids) => oses.byVendorIds(ids),
      (o) => o.vendorId ?? 0,
    ),
    guestOsesOfPackage: groupLoader(
      (ids) => oses.ofDriverPackages('guest', ids),
      (o) => o.ownerId,
    ),
    hostOsesOfPackage: groupLoader(
      (ids) => oses.ofDriverPackages('host', ids),
      (o) => o.ownerId,
    ),
  };
}

/** Operating systems. Registered in src/loaders.ts; made on first use in a request. */
export const operatingSystemLoaderGroup: LoaderGroup<{ operatingSystems: OperatingSystemService }> = (s) =>
  createOperatingSystemLoaders(s.operatingSystems);

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends OperatingSystemLoaders {}
}
