import 'reflect-metadata';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { pino } from 'pino';
import { runSeeds } from '../seeds/index';
import { PROJECT_ROOT } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startScratchPostgres } from '../src/db/scratch-postgres';
import { emptyFilter, performanceStatsSql } from '../src/performance/performance.queries';
import { STATISTICS } from '../src/performance/performance.type';
import { loadSimulatedRun } from '../src/simulator/runs/load-run';
import { measure, percentile, type BenchQuery, type BenchResult, startBenchApp } from './support';

/**
 * The issue-5 figures, on a scratch embedded PostgreSQL (fsync off, like every scratch cluster here) holding the
 * seeded default run plus one simulated run of ROWS measurements (default 10,000,000; `BENCH_ROWS` changes it):
 *
 * 1. load: `loadSimulatedRun` (simulate + COPY of the rows, then the rollups, one transaction) against
 *    PostgreSQL's own `COPY … FROM '<file>' (FORMAT csv)` of the same rows into an identical table;
 * 2. `performanceStats` grouped by hypervisor × mode × workload over GraphQL against the same statistics from a
 *    plain GROUP BY over the raw rows;
 * 3. `paravirtSpeedup` with a 95% interval (Welch and bootstrap).
 *
 * Writes bench/results/analytics.{json,md} and the EXPLAIN (ANALYZE, BUFFERS) plans to analytics-plans.txt.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const RAW_REPEATS = 3;

const STATS_QUERY: BenchQuery = {
  name: 'performanceStats by hypervisor × mode × workload',
  query: `{ performanceStats(groupBy: [HYPERVISOR, MODE, WORKLOAD]) {
    groups { key { hypervisor { slug } mode workload { slug } } count mean stddev min max } } }`,
};

const SPEEDUP_QUERIES: BenchQuery[] = [
  {
    name: 'paravirtSpeedup net-rx, 95% Welch',
    query: `{ paravirtSpeedup(workload: "net-rx", confidence: 0.95) {
      ratio ratioLower ratioUpper speedup baseline { count mean scenarios { slug } } candidate { count mean } } }`,
  },
  {
    name: 'paravirtSpeedup net-rx, 95% bootstrap',
    query: `{ paravirtSpeedup(workload: "net-rx", confidence: 0.95, method: BOOTSTRAP) {
      ratio ratioLower ratioUpper speedup baseline { count } candidate { count } } }`,
  },
  {
    name: 'performanceStats with p50/p95/p99 (sketch)',
    query: `{ performanceStats(groupBy: [HYPERVISOR, MODE, WORKLOAD], percentiles: [0.5, 0.95, 0.99]) {
      groups { count mean percentiles { p value } } } }`,
  },
];

/** The plain GROUP BY the rollups replace: the same five statistics from every raw row. */
const RAW_GROUP_BY = `
  SELECT hr.hypervisor_id, s.mode, m.workload_id, count(*), avg(m.value), stddev_samp(m.value), min(m.value), max(m.value)
    FROM measurement m JOIN scenario s ON s.id = m.scenario_id
    LEFT JOIN hypervisor_release hr ON hr.id = s.hypervisor_release_id
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' });
  const pg = await startScratchPostgres(logger);
  const url = await pg.createDatabase('virtlens_bench');
  const csvDir = await fs.mkdtemp(path.join(os.tmpdir(), 'virtlens-bench-csv-'));
  await fs.chmod(csvDir, 0o777); // the server writes and reads the CSV as its own OS user
  const csv = path.join(csvDir, 'measurements.csv');
  const client = new Client({ connectionString: url });
  try {
    const ds = createDataSource({ url, poolSize: 2 });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await runSeeds(ds, logger);

    // 1. Our load: simulate + COPY + rollups in one transaction.
    const qr = ds.createQueryRunner();
    await qr.connect();
    let lastReport = 0;
    const load = await timed(async () => {
      await qr.startTransaction();
      const run = await loadSimulatedRun(qr, {
        seed: 1,
        rows: ROWS,
        label: 'bench',
        onProgress(done) {
          if (done - lastReport >= 1_000_000) {
            lastReport = done;
            process.stderr.write(`  simulated ${done.toLocaleString('en-US')} rows\n`);
          }
        },
      });
      await qr.commitTransaction();
      return run;
    });
    await qr.release();
    await ds.destroy();

    await client.connect();
    await client.query('VACUUM ANALYZE');
    // 2. PostgreSQL's own COPY of the same rows from a CSV file, into a table built like `measurement`.
    await client.query(
      `COPY (SELECT * FROM measurement WHERE run_id = $1) TO '${csv}' (FORMAT csv)`.replace(
        '$1',
        String(load.value.runId),
      ),
    );
    await client.query(
      `CREATE TABLE bench_measurement (LIKE measurement INCLUDING ALL) PARTITION BY RANGE (measured_on)`,
    );
    for (let year = 2002; year <= 2011; year++) {
      await client.query(
        `CREATE TABLE bench_measurement_y${year} PARTITION OF bench_measurement FOR VALUES FROM ('${year}-01-01') TO ('${year + 1}-01-01')`,
      );
    }
    const indexes = await client.query<{ def: string }>(
      `SELECT indexdef AS def FROM pg_indexes WHERE tablename = 'measurement'`,
    );
    for (const { def } of indexes.rows) {
      await client.query(
        def.replace(
          /INDEX (\S+) ON (ONLY )?public\.measurement/,
          'INDEX bench_$1 ON public.bench_measurement',
        ),
      );
    }
    const copy = await timed(async () => {
      await client.query('BEGIN');
      const r = await client.query(`COPY bench_measurement FROM '${csv}' (FORMAT csv)`);
      await client.query('COMMIT');
      return r.rowCount ?? 0;
    });
    await client.query('DROP TABLE bench_measurement');
    const csvBytes = (await fs.stat(csv)).size;
    await fs.rm(csvDir, { recursive: true, force: true });

    // 3. The same statistics from raw rows.
    const raw: number[] = [];
    for (let i = 0; i < RAW_REPEATS; i++) raw.push((await timed(() => client.query(RAW_GROUP_BY))).ms);

    const app = await startBenchApp(url, logger);
    const stats = await measure(app.url, STATS_QUERY, 10, 50);
    const others: BenchResult[] = [];
    for (const q of SPEEDUP_QUERIES) others.push(await measure(app.url, q, 5, 30));
    await app.stop();

    const plans: string[] = [];
    const explain = async (title: string, sql: string, params: unknown[] = []) => {
      const r = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      plans.push(`== ${title}\n${r.rows.map((x) => x['QUERY PLAN']).join('\n')}\n`);
    };
    await explain('plain GROUP BY over raw rows', RAW_GROUP_BY);
    const stats5 = performanceStatsSql(emptyFilter(), ['HYPERVISOR', 'MODE', 'WORKLOAD'], STATISTICS, []);
    await explain(
      'performanceStats by hypervisor × mode × workload (its one statement)',
      stats5.sql,
      stats5.params,
    );
    const pct = performanceStatsSql(
      emptyFilter(),
      ['HYPERVISOR', 'MODE', 'WORKLOAD'],
      STATISTICS,
      [0.5, 0.95, 0.99],
    );
    await explain('the same with p50/p95/p99 from the sketches', pct.sql, pct.params);
    const sizes = await client.query<{ rel: string; rows: string; size: string }>(
      `SELECT 'measurement' AS rel, (SELECT count(*) FROM measurement)::text AS rows,
              pg_size_pretty(sum(pg_total_relation_size(inhrelid))) AS size FROM pg_inherits
        WHERE inhparent = 'measurement'::regclass
       UNION ALL SELECT 'measurement_rollup', (SELECT count(*) FROM measurement_rollup)::text,
              pg_size_pretty(pg_total_relation_size('measurement_rollup'))
       UNION ALL SELECT 'measurement_sketch', (SELECT count(*) FROM measurement_sketch)::text,
              pg_size_pretty(pg_total_relation_size('measurement_sketch'))`,
    );

    const loadRate = load.value.rows / (load.ms / 1000);
    const copyRate = copy.value / (copy.ms / 1000);
    const rawP50 = percentile(raw, 50);
    const report = {
      node: process.version,
      cpus: os.cpus().length,
      date: new Date().toISOString(),
      rows: ROWS,
      load: {
        simulateCopyRollupSeconds: Number((load.ms / 1000).toFixed(2)),
        rowsPerSecond: Math.round(loadRate),
        rollupRows: load.value.rollupRows,
        sketchRows: load.value.sketchRows,
        postgresCsvCopySeconds: Number((copy.ms / 1000).toFixed(2)),
        postgresCsvRowsPerSecond: Math.round(copyRate),
        csvBytes,
        ratio: Number((loadRate / copyRate).toFixed(3)),
      },
      performanceStats: {
        ...stats,
        rawGroupByMs: raw.map((x) => Number(x.toFixed(1))),
        rawP50Ms: rawP50,
        speedupVsRaw: Number((rawP50 / stats.p50Ms).toFixed(1)),
      },
      others,
      tables: sizes.rows,
    };
    const dir = path.join(PROJECT_ROOT, 'bench', 'results');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'analytics.json'), JSON.stringify(report, null, 2) + '\n');
    await fs.writeFile(path.join(dir, 'analytics-plans.txt'), plans.join('\n'));
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    const md = [
      `Analytics over ${fmt(ROWS)} simulated measurements (plus the 60,000-row default run), ${report.cpus} cores, Node ${process.version}.`,
      '',
      '| figure | virtlens | reference | ratio | target |',
      '|---|---|---|---|---|',
      `| load: simulate + COPY + rollups | ${fmt(loadRate)} rows/s (${report.load.simulateCopyRollupSeconds} s) | PostgreSQL COPY from CSV: ${fmt(copyRate)} rows/s (${report.load.postgresCsvCopySeconds} s) | ${report.load.ratio}× | ≥ 0.7× |`,
      `| performanceStats, hypervisor × mode × workload | p50 ${stats.p50Ms} ms, p99 ${stats.p99Ms} ms, ${stats.sqlStatementsPerRequest} SQL statements | plain GROUP BY over raw rows: p50 ${rawP50.toFixed(0)} ms | ${report.performanceStats.speedupVsRaw}× faster | p50 < 50 ms, ≥ 20× |`,
      ...others.map(
        (o) =>
          `| ${o.name} | p50 ${o.p50Ms} ms, p99 ${o.p99Ms} ms, ${o.sqlStatementsPerRequest} SQL statements | | | ${o.name.startsWith('paravirtSpeedup') ? 'p50 < 200 ms' : ''} |`,
      ),
      '',
      '| table | rows | size |',
      '|---|---|---|',
      ...sizes.rows.map((s) => `| ${s.rel} | ${fmt(Number(s.rows))} | ${s.size} |`),
    ].join('\n');
    await fs.writeFile(path.join(dir, 'analytics.md'), md + '\n');
    console.log(md);
  } finally {
    await client.end().catch(() => undefined);
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
