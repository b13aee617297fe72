import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  viewer: Viewer;
  requestId: string;
  action: string;
  entity: string;
  entityId: string | number;
  before: object | null;
  after: object | null;
}

/** The audit trail: written inside each write's transaction, read by admins. */
export class AuditService {
  constructor(private readonly db: DataSource) {}

  /** Records a write through the write's own transaction, so both commit or neither does. */
  static async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.getRepository(AuditLogEntity).insert({
      keyPrefix: entry.viewer.prefix,
      keyName: entry.viewer.name,
      requestId: entry.requestId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: toJson(entry.before) as never,
      after: toJson(entry.after) as never,
    });
  }

  /** Newest first. */
  async list(filter: { entity?: string | null }, page: { offset: number; limit: number }) {
    const qb = this.db.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (filter.entity) qb.where('a.entity = :entity', { entity: filter.entity });
    const [rows, totalCount] = await qb
      .orderBy('a.id', 'DESC')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { rows, totalCount, offset: page.offset };
  }
}

/** Plain JSON (dates as ISO strings, no class instances or undefined). */
function toJson(value: object | null): Record<string, unknown> | null {
  return value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
}
