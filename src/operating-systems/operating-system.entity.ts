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

export const OS_FAMILIES = [
  'windows',
  'linux',
  'netware',
  'solaris',
  'bsd',
  'os2',
  'dos',
  'macos',
  'other',
] as const;
export type OsFamily = (typeof OS_FAMILIES)[number];

/** An operating system release, used as a virtualization host, a guest, or both. */
@Entity('operating_system')
export class OperatingSystemEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: OS_FAMILIES, enumName: 'os_family' })
  family!: OsFamily;

  @Index()
  @Column({ name: 'vendor_id', type: 'integer', nullable: true })
  vendorId!: number | null;

  @ManyToOne(() => VendorEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: VendorEntity | null;

  @Column({ type: 'text', nullable: true })
  version!: string | null;

  /**
   * The more general system this one is a version or edition of (Windows Server 2003 → Windows; SLES 10 SP1 →
   * SUSE Linux → Linux). A statement about the parent is taken to cover the child (marked as a family match).
   */
  @Index()
  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => OperatingSystemEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: OperatingSystemEntity | null;

  @Column({ name: 'released_on', type: 'date', nullable: true })
  releasedOn!: string | null;

  @Column({
    name: 'released_on_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  releasedOnPrecision!: DatePrecision;

  @Column({ name: 'can_host', type: 'boolean' })
  canHost!: boolean;

  @Column({ name: 'can_be_guest', type: 'boolean' })
  canBeGuest!: boolean;

  @Column({ type: 'text' })
  description!: string;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'operating_system_source',
    joinColumn: { name: 'operating_system_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}
