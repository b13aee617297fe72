import {
  ConferenceEntity,
  SessionEntity,
  SessionSpeakerEntity,
  TrackEntity,
} from '../conference/conference.entity';
import {
  DriverPackageEntity,
  DriverPackagePriceTierEntity,
  DriverPackageTermEntity,
} from '../drivers/driver-package.entity';
import { HardwareFeatureEntity } from '../hardware/hardware-feature.entity';
import { HypervisorReleaseEntity } from '../hypervisors/hypervisor-release.entity';
import { HypervisorEntity } from '../hypervisors/hypervisor.entity';
import { SupportStatementEntity } from '../interop/support-statement.entity';
import { LicenseEntity } from '../licensing/license.entity';
import { OperatingSystemEntity } from '../operating-systems/operating-system.entity';
import { PersonAffiliationEntity, PersonEntity } from '../people/person.entity';
import { SourceEntity } from '../sources/source.entity';
import { TopicEntity } from '../topics/topic.entity';
import { VendorRelationEntity } from '../vendors/vendor-relation.entity';
import { VendorEntity } from '../vendors/vendor.entity';
import { CalibrationTargetEntity } from '../simulator/calibration-target.entity';
import { SeedStateEntity } from './seed-state.entity';
import { ApiKeyEntity } from '../auth/api-key.entity';
import { AuditLogEntity } from '../audit/audit-log.entity';

/** Every TypeORM entity, listed explicitly (no glob loading). */
export const ENTITIES = [
  SeedStateEntity,
  SourceEntity,
  LicenseEntity,
  VendorEntity,
  VendorRelationEntity,
  HypervisorEntity,
  HypervisorReleaseEntity,
  OperatingSystemEntity,
  HardwareFeatureEntity,
  DriverPackageEntity,
  DriverPackageTermEntity,
  DriverPackagePriceTierEntity,
  SupportStatementEntity,
  PersonEntity,
  PersonAffiliationEntity,
  TopicEntity,
  ConferenceEntity,
  TrackEntity,
  SessionEntity,
  SessionSpeakerEntity,
  CalibrationTargetEntity,
  ApiKeyEntity,
  AuditLogEntity,
];
