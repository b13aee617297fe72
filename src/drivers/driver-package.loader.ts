import { byIdLoader, groupLoader, perArgument } from '../shared/loaders';
import type { LoaderGroup } from '../context';
import type { DriverPackageService } from './driver-package.service';

export type DriverLoaders = ReturnType<typeof createDriverLoaders>;

export function createDriverLoaders(packages: DriverPackageService) {
  return {
    packageById: byIdLoader(
      (ids) => packages.where('id', ids),
      (p) => p.rowId,
    ),
    packagesByVendor: groupLoader(
      (ids) => packages.where('vendor_id', ids),
      (p) => p.vendorId,
    ),
    packagesByHypervisor: groupLoader(
      (ids) => packages.where('hypervisor_id', ids),
      (p) => p.hypervisorId,
    ),
    packagesForGuest: groupLoader(
      (ids) => packages.forGuests(ids),
      (p) => p.ownerId,
    ),
    /** Terms of each package; only those valid at the argument when it is not null. */
    termsOfPackage: perArgument((asOf: string | null) =>
      groupLoader(
        (ids) => packages.terms(ids, asOf),
        (t) => t.driverPackageId,
      ),
    ),
  };
}

/** Driver packages. Registered in src/loaders.ts; made on first use in a request. */
export const driverLoaderGroup: LoaderGroup<{ drivers: DriverPackageService }> = (s) =>
  createDriverLoaders(s.drivers);

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends DriverLoaders {}
}
