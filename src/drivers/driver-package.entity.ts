import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { HypervisorEntity } from '../hypervisors/hypervisor.entity';
import { LicenseEntity } from '../licensing/license.entity';
import { OperatingSystemEntity } from '../operating-systems/operating-system.entity';
import { DATE_PRECISIONS, type DatePrecision } from '../shared/partial-date';
import { SourceEntity } from '../sources/source.entity';
import { VendorEntity } from '../vendors/vendor.entity';

export const DEVICE_KINDS = [
  'network',
  'block',
  'scsi',
  'bus',
  'balloon',
  'storage',
  'vmbus',
  'hypercall_adapter',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const OBTAINABILITIES = ['everyone', 'subscribers', 'customers', 'bundled', 'beta_program'] as const;
export type Obtainability = (typeof OBTAINABILITIES)[number];

/** A set of paravirtualized drivers installed in a guest (Novell's VMDP, Xen Tools, Hyper-V's Linux IC…). */
@Entity('driver_package')
export class DriverPackageEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index()
  @Column({ name: 'vendor_id', type: 'integer' })
  vendorId!: number;

  @ManyToOne(() => VendorEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: VendorEntity;

  /** The hypervisor whose PV interface the drivers talk to. */
  @Index()
  @Column({ name: 'hypervisor_id', type: 'integer' })
  hypervisorId!: number;

  @ManyToOne(() => HypervisorEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'hypervisor_id' })
  hypervisor?: HypervisorEntity;

  @Column({ type: 'enum', enum: DEVICE_KINDS, enumName: 'device_kind', array: true })
  devices!: DeviceKind[];

  @Column({ type: 'text' })
  description!: string;

  @ManyToMany(() => OperatingSystemEntity)
  @JoinTable({
    name: 'driver_package_guest_os',
    joinColumn: { name: 'driver_package_id' },
    inverseJoinColumn: { name: 'operating_system_id' },
  })
  guestOses?: OperatingSystemEntity[];

  @ManyToMany(() => OperatingSystemEntity)
  @JoinTable({
    name: 'driver_package_host_os',
    joinColumn: { name: 'driver_package_id' },
    inverseJoinColumn: { name: 'operating_system_id' },
  })
  hostOses?: OperatingSystemEntity[];

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'driver_package_source',
    joinColumn: { name: 'driver_package_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}

/**
 * The terms a driver package was available under for a period: license, who could obtain it, price.
 * Valid from `validFrom` (inclusive) to `validTo` (exclusive); null ends are open.
 */
@Entity('driver_package_term')
export class DriverPackageTermEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Index()
  @Column({ name: 'driver_package_id', type: 'integer' })
  driverPackageId!: number;

  @ManyToOne(() => DriverPackageEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'driver_package_id' })
  driverPackage?: DriverPackageEntity;

  @Index()
  @Column({ name: 'license_id', type: 'integer' })
  licenseId!: number;

  @ManyToOne(() => LicenseEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'license_id' })
  license?: LicenseEntity;

  @Column({ type: 'enum', enum: OBTAINABILITIES, enumName: 'obtainability' })
  obtainability!: Obtainability;

  @Column({ name: 'price_usd', type: 'numeric', precision: 12, scale: 2, nullable: true })
  priceUsd!: string | null;

  @Column({ name: 'price_note', type: 'text', nullable: true })
  priceNote!: string | null;

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

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** The devices these terms' version provided (a package's devices changed between versions). */
  @Column({ type: 'enum', enum: DEVICE_KINDS, enumName: 'device_kind', array: true, default: '{}' })
  devices!: DeviceKind[];

  /** The guests these terms' version supported, as the sources name them (a family covers its members). */
  @ManyToMany(() => OperatingSystemEntity)
  @JoinTable({
    name: 'driver_package_term_guest_os',
    joinColumn: { name: 'driver_package_term_id' },
    inverseJoinColumn: { name: 'operating_system_id' },
  })
  guestOses?: OperatingSystemEntity[];

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'driver_package_term_source',
    joinColumn: { name: 'driver_package_term_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}

/**
 * One price of a term (Novell's pack: $299 per server per year for up to 4 VMs, $699 for unlimited VMs). Tiers are
 * replaced with their term; `position` orders them, cheapest first as the source lists them.
 */
@Entity('driver_package_price_tier')
@Unique(['termId', 'position'])
export class DriverPackagePriceTierEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'driver_package_term_id', type: 'integer' })
  termId!: number;

  @ManyToOne(() => DriverPackageTermEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'driver_package_term_id' })
  term?: DriverPackageTermEntity;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'price_usd', type: 'numeric', precision: 12, scale: 2 })
  priceUsd!: string;

  /** What the price buys, e.g. "per physical server per year". */
  @Column({ type: 'text' })
  unit!: string;

  /** Most virtual machines the tier covers; null: no limit. */
  @Column({ name: 'max_vms', type: 'integer', nullable: true })
  maxVms!: number | null;
}
