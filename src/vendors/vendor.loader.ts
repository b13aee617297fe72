import DataLoader from 'dataloader';
import type { LoaderGroup } from '../context';
import type { VendorService } from './vendor.service';
import type { Vendor } from './vendor.type';

export interface VendorLoaders {
  vendorById: DataLoader<number, Vendor | null>;
}

/** Vendors by id (a hypervisor's vendor, `node(id)`). */
export const vendorLoaderGroup: LoaderGroup<{ vendors: VendorService }> = (s): VendorLoaders => ({
  vendorById: new DataLoader((ids) => s.vendors.byIds(ids)),
});

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends VendorLoaders {}
}
