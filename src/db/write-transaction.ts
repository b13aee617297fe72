import type { DataSource, EntityManager } from 'typeorm';
import { BadUserInputError } from '../errors';

/**
 * Runs a write in one transaction on the primary (read-write) data source, with the request's
 * `statement_timeout` (the write pool has none of its own: migrations and seeds may be long). All or nothing:
 * anything thrown rolls everything back, audit entries included. A unique-key clash becomes BAD_USER_INPUT.
 */
export async function withWriteTransaction<T>(
  db: DataSource,
  statementTimeoutMs: number,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = ${Math.trunc(statementTimeoutMs)}`);
      return work(manager);
    });
  } catch (error) {
    const { code, detail } =
      (error as { driverError?: { code?: string; detail?: string } }).driverError ?? {};
    if (code === '23505') {
      throw new BadUserInputError(`That would duplicate an existing row: ${detail ?? 'unique key clash'}`);
    }
    throw error;
  }
}
