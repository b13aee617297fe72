import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * An API key. Only the SHA-256 of its secret is stored; `prefix` (`vl_` + 8 hex digits) is the key's public
 * id, printed in lists and audit entries, and the first part of the key itself.
 */
@Entity('api_key')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  prefix!: string;

  /** Who or what holds the key, e.g. "ingest bot" or "alice". */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'api_key_role' })
  role!: Role;

  /** Hex SHA-256 of the secret part of the key. */
  @Column({ name: 'secret_sha256', type: 'text' })
  secretSha256!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
