import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from '../sources/source.entity';

export const LICENSE_KINDS = [
  'strong_copyleft',
  'weak_copyleft',
  'permissive',
  'proprietary',
  'freeware',
] as const;
export type LicenseKind = (typeof LICENSE_KINDS)[number];

/** Kinds whose source code is open (OSI-style); the others are closed. */
export const OPEN_LICENSE_KINDS: ReadonlySet<LicenseKind> = new Set([
  'strong_copyleft',
  'weak_copyleft',
  'permissive',
]);

@Entity('license')
export class LicenseEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  /** SPDX identifier where one exists (e.g. `GPL-2.0-only`). */
  @Column({ name: 'spdx_id', type: 'text', nullable: true })
  spdxId!: string | null;

  @Column({ type: 'enum', enum: LICENSE_KINDS, enumName: 'license_kind' })
  kind!: LicenseKind;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'license_source',
    joinColumn: { name: 'license_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}
