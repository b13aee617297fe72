import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One write: who (the API key, kept as prefix and name so the entry outlives the key), when, in which request,
 * and what changed (the row before and after, as JSON; null before a create). Rows are only ever inserted, in
 * the same transaction as the write they describe.
 */
@Entity('audit_log')
@Index(['entity', 'entityId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'key_prefix', type: 'text' })
  keyPrefix!: string;

  @Column({ name: 'key_name', type: 'text' })
  keyName!: string;

  @Column({ name: 'request_id', type: 'text' })
  requestId!: string;

  /** The mutation, e.g. `createVendor`. */
  @Column({ type: 'text' })
  action!: string;

  /** The table written, e.g. `vendor`. */
  @Column({ type: 'text' })
  entity!: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;
}
