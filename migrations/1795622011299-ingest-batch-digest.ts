import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ingested batches keep a digest of their rows, so that sending the same batch id again is recognised as a
 * retry (answered with the stored run) and a different batch under a used id is refused.
 */
export class IngestBatchDigest1795622011299 implements MigrationInterface {
  name = 'IngestBatchDigest1795622011299';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE benchmark_run ADD COLUMN batch_digest text');
    await q.query(
      `ALTER TABLE benchmark_run ADD CONSTRAINT benchmark_run_ingested_digest
         CHECK (kind <> 'ingested' OR batch_digest IS NOT NULL)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE benchmark_run DROP CONSTRAINT benchmark_run_ingested_digest');
    await q.query('ALTER TABLE benchmark_run DROP COLUMN batch_digest');
  }
}
