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
import { HypervisorEntity } from '../hypervisors/hypervisor.entity';
import { SupportStatementEntity } from '../interop/support-statement.entity';
import { DATE_PRECISIONS, type DatePrecision } from '../shared/partial-date';
import { SourceEntity } from '../sources/source.entity';
import { VendorEntity } from './vendor.entity';

export const RELATION_KINDS = [
  'partnership',
  'acquisition',
  'oem_embedding',
  'interoperability_agreement',
  'investment',
  'ipo',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/**
 * A dated relation between two vendors: `from` acquires, partners with, embeds or floats `to`.
 * An acquisition makes `from` the owner of `to` from `effectiveFrom` on.
 *
 * What it changed is curated: `effect` says it in a sentence, and the three link tables name the hypervisors,
 * driver packages and support statements that the sources tie to the deal (its subject, not every product of
 * the two vendors). Empty links mean the sources tie no product to it.
 */
@Entity('vendor_relation')
export class VendorRelationEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Index()
  @Column({ name: 'from_vendor_id', type: 'integer' })
  fromVendorId!: number;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'from_vendor_id' })
  fromVendor?: VendorEntity;

  @Index()
  @Column({ name: 'to_vendor_id', type: 'integer' })
  toVendorId!: number;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'to_vendor_id' })
  toVendor?: VendorEntity;

  @Column({ type: 'enum', enum: RELATION_KINDS, enumName: 'vendor_relation_kind' })
  kind!: RelationKind;

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

  @Column({ name: 'effective_from', type: 'date', nullable: true })
  effectiveFrom!: string | null;

  @Column({
    name: 'effective_from_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  effectiveFromPrecision!: DatePrecision;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo!: string | null;

  @Column({
    name: 'effective_to_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  effectiveToPrecision!: DatePrecision;

  @Column({ name: 'amount_usd', type: 'numeric', precision: 15, scale: 2, nullable: true })
  amountUsd!: string | null;

  @Column({ name: 'amount_note', type: 'text', nullable: true })
  amountNote!: string | null;

  /** An IPO's offer price per share in US dollars; null for other kinds or where not stated. */
  @Column({ name: 'price_per_share_usd', type: 'numeric', precision: 12, scale: 2, nullable: true })
  pricePerShareUsd!: string | null;

  /** Shares offered in an IPO; null for other kinds or where not stated. */
  @Column({ name: 'shares_offered', type: 'bigint', nullable: true })
  sharesOffered!: string | null;

  @Column({ type: 'text' })
  description!: string;

  /** What the deal changed, in a sentence of our own; null where that has not been curated. */
  @Column({ type: 'text', nullable: true })
  effect!: string | null;

  @ManyToMany(() => HypervisorEntity)
  @JoinTable({
    name: 'vendor_relation_hypervisor',
    joinColumn: { name: 'vendor_relation_id' },
    inverseJoinColumn: { name: 'hypervisor_id' },
  })
  hypervisors?: HypervisorEntity[];

  @ManyToMany(() => DriverPackageEntity)
  @JoinTable({
    name: 'vendor_relation_driver_package',
    joinColumn: { name: 'vendor_relation_id' },
    inverseJoinColumn: { name: 'driver_package_id' },
  })
  driverPackages?: DriverPackageEntity[];

  @ManyToMany(() => SupportStatementEntity)
  @JoinTable({
    name: 'vendor_relation_support_statement',
    joinColumn: { name: 'vendor_relation_id' },
    inverseJoinColumn: { name: 'support_statement_id' },
  })
  supportStatements?: SupportStatementEntity[];

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'vendor_relation_source',
    joinColumn: { name: 'vendor_relation_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}
