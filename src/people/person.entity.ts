import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATE_PRECISIONS, type DatePrecision } from '../shared/partial-date';
import { SourceEntity } from '../sources/source.entity';
import { VendorEntity } from '../vendors/vendor.entity';

/** A person named in the sources: speakers, executives, engineers, the article's author. */
@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @OneToMany(() => PersonAffiliationEntity, (a) => a.person)
  affiliations?: PersonAffiliationEntity[];

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'person_source',
    joinColumn: { name: 'person_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}

/** Who a person worked for, with what title, and when (valid from/to; null = not stated). */
@Entity('person_affiliation')
export class PersonAffiliationEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Index()
  @Column({ name: 'person_id', type: 'integer' })
  personId!: number;

  @ManyToOne(() => PersonEntity, (p) => p.affiliations, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  @Index()
  @Column({ name: 'vendor_id', type: 'integer' })
  vendorId!: number;

  @ManyToOne(() => VendorEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: VendorEntity;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

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

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'person_affiliation_source',
    joinColumn: { name: 'person_affiliation_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}
