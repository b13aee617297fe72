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
import { LicenseEntity } from '../licensing/license.entity';
import { DATE_PRECISIONS, type DatePrecision } from '../shared/partial-date';
import { SourceEntity } from '../sources/source.entity';
import { VendorEntity } from '../vendors/vendor.entity';

export const HYPERVISOR_ARCHITECTURES = [
  'bare_metal',
  'hosted',
  'kernel_module',
  'os_level',
  'emulator',
] as const;
export type HypervisorArchitecture = (typeof HYPERVISOR_ARCHITECTURES)[number];

export const TECHNIQUES = [
  'paravirtualization',
  'hardware_assisted',
  'binary_translation',
  'emulation',
  'os_level',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

@Entity('hypervisor')
export class HypervisorEntity {
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

  @Column({ type: 'enum', enum: HYPERVISOR_ARCHITECTURES, enumName: 'hypervisor_architecture' })
  architecture!: HypervisorArchitecture;

  @Column({ type: 'enum', enum: TECHNIQUES, enumName: 'virtualization_technique', array: true })
  techniques!: Technique[];

  @Index()
  @Column({ name: 'license_id', type: 'integer' })
  licenseId!: number;

  @ManyToOne(() => LicenseEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'license_id' })
  license?: LicenseEntity;

  /** Dual licensing, parts under other licenses, a commercial product on an open base. */
  @Column({ name: 'license_note', type: 'text', nullable: true })
  licenseNote!: string | null;

  /** First public release (the first day of its period, see the precision); null where no source gives it. */
  @Column({ name: 'first_released_on', type: 'date', nullable: true })
  firstReleasedOn!: string | null;

  @Column({
    name: 'first_released_on_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  firstReleasedOnPrecision!: DatePrecision;

  /** When it was first announced (before it shipped); null where no source gives it. */
  @Column({ name: 'announced_on', type: 'date', nullable: true })
  announcedOn!: string | null;

  @Column({
    name: 'announced_on_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  announcedOnPrecision!: DatePrecision;

  /** First day it was no longer offered (discontinued); null while offered or not recorded. */
  @Column({ name: 'discontinued_on', type: 'date', nullable: true })
  discontinuedOn!: string | null;

  @Column({
    name: 'discontinued_on_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  discontinuedOnPrecision!: DatePrecision;

  /** When its current license terms were announced (e.g. "now a free download"); null where not recorded. */
  @Column({ name: 'license_announced_on', type: 'date', nullable: true })
  licenseAnnouncedOn!: string | null;

  @Column({
    name: 'license_announced_on_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  licenseAnnouncedOnPrecision!: DatePrecision;

  /** First day its current license terms held; null where not recorded (then: since its first release). */
  @Column({ name: 'license_available_from', type: 'date', nullable: true })
  licenseAvailableFrom!: string | null;

  @Column({
    name: 'license_available_from_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  licenseAvailableFromPrecision!: DatePrecision;

  @Column({ type: 'text' })
  description!: string;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'hypervisor_source',
    joinColumn: { name: 'hypervisor_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}
