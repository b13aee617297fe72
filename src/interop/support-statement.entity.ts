import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DriverPackageEntity } from '../drivers/driver-package.entity';
import { HardwareFeatureEntity } from '../hardware/hardware-feature.entity';
import { HypervisorReleaseEntity } from '../hypervisors/hypervisor-release.entity';
import { OperatingSystemEntity } from '../operating-systems/operating-system.entity';
import { DATE_PRECISIONS, type DatePrecision } from '../shared/partial-date';
import { SourceEntity } from '../sources/source.entity';

export const VIRTUALIZATION_MODES = [
  'paravirtualized',
  'hardware_assisted_pv_drivers',
  'hardware_assisted_emulated',
  'binary_translation',
  'emulated',
  'os_level',
] as const;
export type VirtualizationMode = (typeof VIRTUALIZATION_MODES)[number];

export const SUPPORT_STATUSES = ['supported', 'experimental', 'community', 'unsupported', 'unknown'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/**
 * What a source states about running a guest OS on a hypervisor release (on a host OS) in a mode: status,
 * the hardware it needs (any one of `requiredFeatures`), the driver package it needs, and when it held.
 */
@Entity('support_statement')
export class SupportStatementEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Index()
  @Column({ name: 'hypervisor_release_id', type: 'integer' })
  hypervisorReleaseId!: number;

  @ManyToOne(() => HypervisorReleaseEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'hypervisor_release_id' })
  hypervisorRelease?: HypervisorReleaseEntity;

  @Index()
  @Column({ name: 'host_os_id', type: 'integer', nullable: true })
  hostOsId!: number | null;

  @ManyToOne(() => OperatingSystemEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'host_os_id' })
  hostOs?: OperatingSystemEntity | null;

  @Index()
  @Column({ name: 'guest_os_id', type: 'integer' })
  guestOsId!: number;

  @ManyToOne(() => OperatingSystemEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'guest_os_id' })
  guestOs?: OperatingSystemEntity;

  @Column({ type: 'enum', enum: VIRTUALIZATION_MODES, enumName: 'virtualization_mode' })
  mode!: VirtualizationMode;

  @Column({ type: 'enum', enum: SUPPORT_STATUSES, enumName: 'support_status' })
  status!: SupportStatus;

  @Index()
  @Column({ name: 'driver_package_id', type: 'integer', nullable: true })
  driverPackageId!: number | null;

  @ManyToOne(() => DriverPackageEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'driver_package_id' })
  driverPackage?: DriverPackageEntity | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({
    name: 'valid_from_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  validFromPrecision!: DatePrecision;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({
    name: 'valid_to_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  validToPrecision!: DatePrecision;

  @Column({ type: 'text' })
  notes!: string;

  @ManyToMany(() => HardwareFeatureEntity)
  @JoinTable({
    name: 'support_statement_feature',
    joinColumn: { name: 'support_statement_id' },
    inverseJoinColumn: { name: 'hardware_feature_id' },
  })
  requiredFeatures?: HardwareFeatureEntity[];

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'support_statement_source',
    joinColumn: { name: 'support_statement_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}
