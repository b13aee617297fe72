import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { Logger } from '../src/observability/logger';
import { runSeeds } from '../seeds/index';
import { createDataSource } from '../src/db/data-source';
import { loadSimulatedRun } from '../src/simulator/runs/load-run';

/** How fast measurements load: ours (simulate + COPY + rollups, one transaction) against PostgreSQL's CSV COPY. */
export interface LoadFigures {
  rows: number;
  simulateCopyRollupSeconds: number;
  rowsPerSecond: number;
  postgresCsvCopySeconds: number;
  postgresCsvRowsPerSecond: number;
  csvBytes: number;
  /** Our rate over PostgreSQL's (1 = as fast as loading a ready CSV file). */
  ratio: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/**
 * The benchmark database: migrations, seeds, 300 synthetic vendors × 2 hypervisors × 2 releases (so the 3-level
 * list fills a page of 100), and one simulated run of `rows` measurements loaded as `npm run simulate` loads it.
 */
export async function prepareBenchDatabase(url: string, rows: number, logger: Logger): Promise<LoadFigures> {
  const ds = createDataSource({ url, poolSize: 2 });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await runSeeds(ds, logger);
    await ds.query(BULK_KNOWLEDGE);
    // Both loads start from a checkpoint, so neither pays for the other's (or the seeds') dirty pages.
    await ds.query('CHECKPOINT');
    const qr = ds.createQueryRunner();
    await qr.connect();
    let reported = 0;
    const load = await timed(async () => {
      await qr.startTransaction();
      const run = await loadSimulatedRun(qr, {
        seed: 1,
        rows,
        label: 'bench',
        onProgress(done) {
          if (done - reported >= 2_000_000) {
            reported = done;
            process.stderr.write(`  simulated ${done.toLocaleString('en-US')} rows\n`);
          }
        },
      });
      await qr.commitTransaction();
      return run;
    });
    await qr.release();
    const copy = await postgresCsvCopy(url, load.value.runId);
    const rate = rows / (load.ms / 1000);
    const copyRate = copy.rows / (copy.ms / 1000);
    return {
      rows,
      simulateCopyRollupSeconds: round(load.ms / 1000, 2),
      rowsPerSecond: Math.round(rate),
      postgresCsvCopySeconds: round(copy.ms / 1000, 2),
      postgresCsvRowsPerSecond: Math.round(copyRate),
      csvBytes: copy.bytes,
      ratio: round(rate / copyRate, 3),
    };
  } finally {
    await ds.destroy();
  }
}

const BULK_KNOWLEDGE = `
  WITH v AS (
    INSERT INTO vendor (slug, name, kind, description)
    SELECT 'bulk-vendor-' || i, 'Bulk Vendor ' || lpad(i::text, 3, '0'), 'company', 'Synthetic.' FROM generate_series(1, 300) i
    RETURNING id, slug
  ), h AS (
    INSERT INTO hypervisor (slug, name, vendor_id, architecture, techniques, license_id, description)
    SELECT v.slug || '-hv-' || j, 'Bulk Hypervisor ' || v.slug || '-' || j, v.id, 'hosted', '{emulation}',
           (SELECT id FROM license WHERE slug = 'gpl-2-0'), 'Synthetic.'
      FROM v, generate_series(1, 2) j
    RETURNING id, slug
  )
  INSERT INTO hypervisor_release (slug, hypervisor_id, version, description)
  SELECT h.slug || '-r' || k, h.id, k || '.0', 'Synthetic.' FROM h, generate_series(1, 2) k`;

/**
 * PostgreSQL's own COPY of the run's rows from a CSV file (written by the server first) into a table built like
 * `measurement`, in one transaction: the reference for our load rate.
 */
async function postgresCsvCopy(
  url: string,
  runId: number,
): Promise<{ ms: number; rows: number; bytes: number }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'virtlens-bench-csv-'));
  await fs.chmod(dir, 0o777); // the server writes and reads the CSV as its own OS user
  const csv = path.join(dir, 'measurements.csv');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `COPY (SELECT * FROM measurement WHERE run_id = ${Number(runId)}) TO '${csv}' (FORMAT csv)`,
    );
    await client.query(
      `CREATE TABLE bench_measurement (LIKE measurement INCLUDING ALL) PARTITION BY RANGE (measured_on)`,
    );
    for (let year = 2002; year <= 2011; year++) {
      await client.query(
        `CREATE TABLE bench_measurement_y${year} PARTITION OF bench_measurement FOR VALUES FROM ('${year}-01-01') TO ('${year + 1}-01-01')`,
      );
    }
    await client.query('CHECKPOINT');
    const copy = await timed(async () => {
      await client.query('BEGIN');
      const r = await client.query(`COPY bench_measurement FROM '${csv}' (FORMAT csv)`);
      await client.query('COMMIT');
      return r.rowCount ?? 0;
    });
    await client.query('DROP TABLE bench_measurement');
    await client.query('VACUUM ANALYZE');
    return { ms: copy.ms, rows: copy.value, bytes: (await fs.stat(csv)).size };
  } finally {
    await client.end();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function round(n: number, digits: number): number {
  return Number(n.toFixed(digits));
}
