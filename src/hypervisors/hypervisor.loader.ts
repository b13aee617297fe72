import DataLoader from 'dataloader';
import type { LoaderGroup } from '../context';
import type { HypervisorService } from './hypervisor.service';
import type { Hypervisor } from './hypervisor.type';

export interface HypervisorLoaders {
  hypervisorById: DataLoader<number, Hypervisor | null>;
  hypervisorsByVendor: DataLoader<number, Hypervisor[]>;
  hypervisorsByLicense: DataLoader<number, Hypervisor[]>;
}

/** Hypervisors by id, by vendor and by license. */
export const hypervisorLoaderGroup: LoaderGroup<{ hypervisors: HypervisorService }> = (
  s,
): HypervisorLoaders => ({
  hypervisorById: new DataLoader((ids) => s.hypervisors.byIds(ids)),
  hypervisorsByVendor: new DataLoader((ids) => s.hypervisors.byVendorIds(ids)),
  hypervisorsByLicense: new DataLoader((ids) => s.hypervisors.byLicenseIds(ids)),
});

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends HypervisorLoaders {}
}
