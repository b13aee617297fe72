import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { withWriteTransaction } from '../db/write-transaction';
import { AuditService } from './audit.service';

/** Who writes, in which request: what every audit entry records (from `requireRole` and the context). */
export interface WriteRequest {
  viewer: Viewer;
  requestId: string;
}

/** What a write did: the row it touched, the row before (null for a create) and after, and its result. */
export interface AuditedChange<T> {
  entityId: string | number;
  before: object | null;
  /** Read after the work, inside the transaction. */
  after: () => Promise<object | null>;
  result: T;
}

/**
 * The write path every mutation shares (curated facts, measurement batches, jobs): one transaction on the
 * primary with the statement timeout, the work, its audit entry, then `alsoInTransaction` (a materialized view
 * refresh, rollups) — all committed together or not at all. Call it after `requireRole` and input validation.
 */
export function auditedWrite<T>(
  target: { dataSource: DataSource; statementTimeoutMs: number },
  req: WriteRequest,
  what: { action: string; entity: string },
  work: (manager: EntityManager) => Promise<AuditedChange<T>>,
  alsoInTransaction?: (manager: EntityManager) => Promise<void>,
): Promise<T> {
  return withWriteTransaction(target.dataSource, target.statementTimeoutMs, async (manager) => {
    const change = await work(manager);
    await AuditService.record(manager, {
      viewer: req.viewer,
      requestId: req.requestId,
      action: what.action,
      entity: what.entity,
      entityId: change.entityId,
      before: change.before,
      after: await change.after(),
    });
    await alsoInTransaction?.(manager);
    return change.result;
  });
}
