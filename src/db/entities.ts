import { HypervisorEntity } from '../hypervisors/hypervisor.entity';
import { LicenseEntity } from '../licensing/license.entity';
import { SourceEntity } from '../sources/source.entity';
import { VendorEntity } from '../vendors/vendor.entity';
import { SeedStateEntity } from './seed-state.entity';

/** Every TypeORM entity, listed explicitly (no glob loading). */
export const ENTITIES = [SeedStateEntity, SourceEntity, LicenseEntity, VendorEntity, HypervisorEntity];
