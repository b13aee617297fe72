import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const SOURCE_KINDS = [
  'news',
  'paper',
  'documentation',
  'blog',
  'press_release',
  'wiki',
  'book',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A published document that facts cite: article, paper, vendor documentation, blog post. */
@Entity('source')
export class SourceEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  publisher!: string;

  @Column({ type: 'text' })
  url!: string;

  /** Publication date as `YYYY-MM-DD`; null when the source does not say. */
  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn!: string | null;

  @Column({ type: 'enum', enum: SOURCE_KINDS, enumName: 'source_kind' })
  kind!: SourceKind;

  /** True when the cited numbers come from a third-party transcription, not the primary text. */
  @Column({ type: 'boolean', default: false })
  secondary!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
