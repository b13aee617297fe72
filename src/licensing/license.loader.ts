import DataLoader from 'dataloader';
import type { LoaderGroup } from '../context';
import type { LicenseService } from './license.service';
import type { License } from './license.type';

export interface LicenseLoaders {
  licenseById: DataLoader<number, License | null>;
}

/** Licenses by id (a hypervisor's license, `node(id)`). */
export const licenseLoaderGroup: LoaderGroup<{ licenses: LicenseService }> = (s): LicenseLoaders => ({
  licenseById: new DataLoader((ids) => s.licenses.byIds(ids)),
});

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends LicenseLoaders {}
}
