import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from '../sources/source.entity';

export const VENDOR_KINDS = ['company', 'university', 'project', 'individual', 'consortium'] as const;
export type VendorKind = (typeof VENDOR_KINDS)[number];

/** A company, project, university or person that makes virtualization software or hardware. */
@Entity('vendor')
export class VendorEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: VENDOR_KINDS, enumName: 'vendor_kind' })
  kind!: VendorKind;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'vendor_source',
    joinColumn: { name: 'vendor_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}
