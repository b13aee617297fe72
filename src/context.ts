import DataLoader from 'dataloader';
import type { HypervisorService } from './hypervisors/hypervisor.service';
import type { Hypervisor } from './hypervisors/hypervisor.type';
import type { LicenseService } from './licensing/license.service';
import type { License } from './licensing/license.type';
import { createCitationLoaders, type CitationLoaders } from './sources/source.loader';
import type { SourceService } from './sources/source.service';
import type { VendorService } from './vendors/vendor.service';
import type { Vendor } from './vendors/vendor.type';

/** Per-request DataLoaders: one SQL statement per relation and tick, whatever the page size. */
export interface Loaders {
  vendorById: DataLoader<number, Vendor | null>;
  licenseById: DataLoader<number, License | null>;
  hypervisorsByVendor: DataLoader<number, Hypervisor[]>;
  hypervisorsByLicense: DataLoader<number, Hypervisor[]>;
  citations: CitationLoaders;
}

/** What every resolver receives. Built fresh for each request. */
export interface Context {
  requestId: string;
  loaders: Loaders;
}

export interface Services {
  sources: SourceService;
  licenses: LicenseService;
  vendors: VendorService;
  hypervisors: HypervisorService;
}

export function createContext(services: Services, requestId: string): Context {
  return {
    requestId,
    loaders: {
      vendorById: new DataLoader((ids) => services.vendors.byIds(ids)),
      licenseById: new DataLoader((ids) => services.licenses.byIds(ids)),
      hypervisorsByVendor: new DataLoader((ids) => services.hypervisors.byVendorIds(ids)),
      hypervisorsByLicense: new DataLoader((ids) => services.hypervisors.byLicenseIds(ids)),
      citations: createCitationLoaders(services.sources),
    },
  };
}
