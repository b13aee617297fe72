import { IsNull, type DataSource } from 'typeorm';
import { UnauthenticatedError } from '../errors';
import { ApiKeyEntity, ROLES, type Role } from './api-key.entity';
import { generateKey, parseKey, secretMatches } from './api-key';
import { RejectedKeys } from './rejected-keys';
import type { Viewer } from './viewer';

export interface ApiKeySummary {
  prefix: string;
  name: string;
  role: Role;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Creating, listing, revoking and checking API keys. */
export class ApiKeyService {
  /** Keys the database refused lately: presented again, they are refused without a lookup. */
  private readonly rejected = new RejectedKeys();

  constructor(private readonly db: DataSource) {}

  /** Stores a new key's hash; the returned `key` is the only time the secret exists outside its holder. */
  async create(name: string, role: Role): Promise<{ key: string; summary: ApiKeySummary }> {
    if (!ROLES.includes(role)) throw new RangeError(`role must be one of ${ROLES.join(', ')}`);
    if (!name.trim()) throw new RangeError('name must not be empty');
    const generated = generateKey();
    const row = await this.db.getRepository(ApiKeyEntity).save({
      prefix: generated.prefix,
      name: name.trim(),
      role,
      secretSha256: generated.secretSha256,
    });
    const saved = await this.db.getRepository(ApiKeyEntity).findOneByOrFail({ id: row.id });
    this.rejected.clear();
    return { key: generated.key, summary: summarize(saved) };
  }

  async list(): Promise<ApiKeySummary[]> {
    const rows = await this.db.getRepository(ApiKeyEntity).find({ order: { id: 'ASC' } });
    return rows.map(summarize);
  }

  /** @returns false when no active key has this prefix. */
  async revoke(prefix: string): Promise<boolean> {
    const result = await this.db
      .getRepository(ApiKeyEntity)
      .update({ prefix, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  /**
   * The viewer of an `Authorization` header value: null without a header; UNAUTHENTICATED for anything but
   * `Bearer <an active key>`. One indexed lookup per keyed request, none for a key refused within the last
   * minute (see {@link RejectedKeys}).
   */
  async authenticate(header: string | undefined): Promise<Viewer | null> {
    if (header === undefined || header === '') return null;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new UnauthenticatedError('The Authorization header must be "Bearer <API key>".');
    const parsed = parseKey(m[1]);
    if (!parsed) throw new UnauthenticatedError('The API key is malformed.');
    const refused = this.rejected.get(m[1]);
    if (refused !== undefined) throw new UnauthenticatedError(refused);
    const row = await this.db.getRepository(ApiKeyEntity).findOneBy({ prefix: parsed.prefix });
    if (!row || !secretMatches(parsed.secret, row.secretSha256)) {
      return this.refuse(m[1], 'The API key is not valid.');
    }
    if (row.revokedAt) return this.refuse(m[1], `The API key ${row.prefix} has been revoked.`);
    return { keyId: row.id, prefix: row.prefix, name: row.name, role: row.role };
  }

  /** Remembers the refusal (see {@link RejectedKeys}) and throws it. */
  private refuse(key: string, message: string): never {
    this.rejected.add(key, message);
    throw new UnauthenticatedError(message);
  }
}

function summarize(e: ApiKeyEntity): ApiKeySummary {
  return { prefix: e.prefix, name: e.name, role: e.role, createdAt: e.createdAt, revokedAt: e.revokedAt };
}
