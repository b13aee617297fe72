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
import { DATE_PRECISIONS, type DatePrecision } from '../shared/partial-date';
import { SourceEntity } from '../sources/source.entity';
import { VendorEntity } from '../vendors/vendor.entity';

export const HARDWARE_CATEGORIES = ['cpu', 'mmu', 'io', 'nic', 'storage', 'platform'] as const;
export type HardwareCategory = (typeof HARDWARE_CATEGORIES)[number];

/** A hardware capability that changes virtualization (VT-x, AMD-V, nested page tables, SR-IOV…). */
@Entity('hardware_feature')
export class HardwareFeatureEntity {
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

  @Column({ type: 'enum', enum: HARDWARE_CATEGORIES, enumName: 'hardware_category' })
  category!: HardwareCategory;

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

  @Column({ name: 'shipped_on', type: 'date', nullable: true })
  shippedOn!: string | null;

  @Column({
    name: 'shipped_on_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  shippedOnPrecision!: DatePrecision;

  @Column({ type: 'text' })
  description!: string;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'hardware_feature_source',
    joinColumn: { name: 'hardware_feature_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}
