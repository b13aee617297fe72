import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { runSeeds } from '../seeds/index';
import { startApp } from '../src/app';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startScratchPostgres } from '../src/db/scratch-postgres';

/**
 * Knowledge-query latency: the 3-level list (vendors → hypervisors → releases → statements, with sources and
 * licenses) at page size 100, over the seeded data plus 300 synthetic vendors × 2 hypervisors × 2 releases, on a
 * scratch embedded PostgreSQL. Sequential requests over HTTP (one client), after a warm-up.
 * Writes bench/results/knowledge.{json,md}.
 */
const WARMUP = 30;
const MEASURED = 300;
const QUERY = `query ($first: Int!) { vendors(first: $first) { totalCount nodes {
  name sources { title }
  hypervisors { name license { name sources { url } } releases { version supportStatements { mode guestOs { name } } } }
} } }`;

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' });
  const pg = await startScratchPostgres(logger);
  const url = await pg.createDatabase('virtlens_bench');
  try {
    const ds = createDataSource({ url, poolSize: 2 });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await runSeeds(ds, logger);
    await ds.query(`
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
      SELECT h.slug || '-r' || k, h.id, k || '.0', 'Synthetic.' FROM h, generate_series(1, 2) k`);
    await ds.query('ANALYZE');
    await ds.destroy();

    const app = await startApp(
      loadConfig({
        PORT: '0',
        DATABASE_URL: url,
        SEED_ON_START: 'false',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      }),
      logger,
    );
    const body = JSON.stringify({ query: QUERY, variables: { first: 100 } });
    const once = async (): Promise<{ ms: number; statements: number; bytes: number }> => {
      const t0 = performance.now();
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const text = await res.text();
      if (res.status !== 200 || text.includes('"errors"'))
        throw new Error(`bad response: ${text.slice(0, 300)}`);
      return {
        ms: performance.now() - t0,
        statements: Number(res.headers.get('x-sql-statements')),
        bytes: text.length,
      };
    };
    for (let i = 0; i < WARMUP; i++) await once();
    const samples = [];
    for (let i = 0; i < MEASURED; i++) samples.push(await once());
    await app.stop();

    const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
    const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))];
    const result = {
      query: '3-level knowledge list, page size 100',
      requests: MEASURED,
      p50Ms: Number(pct(50).toFixed(2)),
      p90Ms: Number(pct(90).toFixed(2)),
      p99Ms: Number(pct(99).toFixed(2)),
      sqlStatementsPerRequest: samples[0].statements,
      responseBytes: samples[0].bytes,
      node: process.version,
      date: new Date().toISOString(),
    };
    const dir = path.join(PROJECT_ROOT, 'bench', 'results');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'knowledge.json'), JSON.stringify(result, null, 2) + '\n');
    await fs.writeFile(
      path.join(dir, 'knowledge.md'),
      `| query | requests | p50 ms | p90 ms | p99 ms | SQL statements | response bytes |\n|---|---|---|---|---|---|---|\n` +
        `| ${result.query} | ${MEASURED} | ${result.p50Ms} | ${result.p90Ms} | ${result.p99Ms} | ${result.sqlStatementsPerRequest} | ${result.responseBytes} |\n`,
    );
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
