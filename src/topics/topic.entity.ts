import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from '../sources/source.entity';

export const TOPIC_CATEGORIES = [
  'hypervisors',
  'paravirtualization',
  'interoperability',
  'licensing',
  'security',
  'management',
  'hardware',
  'performance',
  'market',
  'kernel',
] as const;
export type TopicCategory = (typeof TOPIC_CATEGORIES)[number];

/** A subject a session can cover, including those no session covered (the hardware gaps of 2007). */
@Entity('topic')
export class TopicEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: TOPIC_CATEGORIES, enumName: 'topic_category' })
  category!: TopicCategory;

  @Column({ type: 'text' })
  description!: string;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'topic_source',
    joinColumn: { name: 'topic_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}
