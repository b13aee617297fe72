import 'reflect-metadata';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { pino } from 'pino';
import { PROJECT_ROOT } from '../src/config';
import { freePort, startScratchPostgres } from '../src/db/scratch-postgres';
import { emptyFilter, performanceStatsSql } from '../src/performance/performance.queries';
import { STATISTICS } from '../src/performance/performance.type';
import { prepareBenchDatabase, round } from './database';
import { loadTest } from './load-test';
import { MIX, OTHER_QUERIES, STATS, type MixQuery } from './mix';
import { firstDifference, startRawServer } from './raw-server';
import { renderReport, type MixResult, type Report } from './report';
import { startServerProcess } from './server-process';
import { measureStartup } from './startup';
import { measureThroughput } from './throughput';
import { measure, percentile, startBenchApp, type BenchQuery } from './support';

/**
 * `npm run bench`: the performance evidence, on a scratch embedded PostgreSQL (fsync off) holding the seeds, 300
 * synthetic vendors and BENCH_ROWS simulated measurements (default 10,000,000).
 *
 * 1. Load: simulate + COPY + rollups against PostgreSQL's own COPY of the same rows from CSV.
 * 2. The mix, one query at a time from one client: GraphQL over HTTP against the same answer from hand-written
 *    SQL through `pg` over HTTP in the same process (checked equal first), p50/p99, ratio, SQL statements.
 * 3. The rollups against a plain GROUP BY over the raw rows, with EXPLAIN (ANALYZE, BUFFERS) of both.
 * 4. The mix under load: autocannon, BENCH_CONNECTIONS (50) connections for BENCH_SECONDS (60) s against the
 *    server in its own process, with its resident memory.
 * 5. Throughput (bench/throughput.ts): the shapes of issue 16 under 10 connections, each against its raw path
 *    or the bare node:http and Apollo floors, rounds alternating (BENCH_ROUNDS × BENCH_ROUND_SECONDS).
 * 6. Cold and warm start of `npm start` on the embedded PostgreSQL.
 *
 * Writes bench/results/bench.{json,md} and plans.txt; prints the Markdown.
 */
const ROWS = Number(process.env['BENCH_ROWS'] ?? 10_000_000);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);
const WARMUP = 20;
const MEASURED = 200;
const RAW_GROUP_BY_REPEATS = 3;

/** The plain GROUP BY the rollups replace: the same five statistics from every raw row. */
const RAW_GROUP_BY = `
  SELECT hr.hypervisor_id, s.mode, m.workload_id, count(*), avg(m.value), stddev_samp(m.value), min(m.value), max(m.value)
    FROM measurement m JOIN scenario s ON s.id = m.scenario_id
    LEFT JOIN hypervisor_release hr ON hr.id = s.hypervisor_release_id
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

function step(message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' });
  const started = performance.now();
  const pg = await startScratchPostgres(logger);
  try {
    const url = await pg.createDatabase('virtlens_bench');
    step(`preparing the database: seeds, synthetic vendors, ${ROWS.toLocaleString('en-US')} measurements`);
    const load = await prepareBenchDatabase(url, ROWS, logger);

    step('the mix: GraphQL against hand-written SQL');
    const app = await startBenchApp(url, logger);
    const pool = new Pool({ connectionString: url, max: 10 });
    const raw = await startRawServer(pool, MIX);
    const mix: MixResult[] = [];
    for (const [i, q] of MIX.entries()) mix.push(await compare(app.url, raw.url, i, q, pool));
    const statementsAt10 = (await measure(app.url, pageOf(10), 2, 1)).sqlStatementsPerRequest;
    const others = [];
    for (const q of OTHER_QUERIES) others.push(await measure(app.url, q, 5, 50));
    await raw.stop();
    await app.stop();

    step('the rollups against a plain GROUP BY over raw rows');
    const rawGroupBy: number[] = [];
    for (let i = 0; i < RAW_GROUP_BY_REPEATS; i++) {
      const t0 = performance.now();
      await pool.query(RAW_GROUP_BY);
      rawGroupBy.push(performance.now() - t0);
    }
    const plans = await explainPlans(pool);
    await pool.end();

    step(`load test: ${CONNECTIONS} connections for ${SECONDS} s`);
    const server = await startServerProcess(
      {
        DATABASE_URL: url,
        SEED_ON_START: 'false',
        RATE_LIMIT_ANONYMOUS: '0',
        CONCURRENT_REQUESTS_ANONYMOUS: '0',
        COST_PER_MINUTE_ANONYMOUS: '0',
      },
      await freePort(),
    );
    const loadTestResult = await loadTest(server, MIX, CONNECTIONS, SECONDS);
    step('throughput: the shapes of issue 16 against their raw paths and floors, 10 connections');
    const throughput = await measureThroughput(server, url, {
      connections: 10,
      roundSeconds: Number(process.env['BENCH_ROUND_SECONDS'] ?? 10),
      rounds: Number(process.env['BENCH_ROUNDS'] ?? 3),
      log: step,
    });
    await server.stop();

    step('cold and warm start');
    const startup = await measureStartup();

    const stats = mix.find((m) => m.name === STATS.name)!;
    const report: Report = {
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      date: new Date().toISOString(),
      rows: ROWS,
      load,
      mix,
      listStatementsAtPageSize10: statementsAt10,
      others,
      rawGroupBy: {
        ms: rawGroupBy.map((x) => round(x, 1)),
        p50Ms: percentile(rawGroupBy, 50),
        rollupP50Ms: stats.graphql.p50Ms,
      },
      loadTest: loadTestResult,
      throughput,
      startup,
      benchSeconds: Math.round((performance.now() - started) / 1000),
    };
    const dir = path.join(PROJECT_ROOT, 'bench', 'results');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'bench.json'), JSON.stringify(report, null, 2) + '\n');
    await fs.writeFile(path.join(dir, 'plans.txt'), plans);
    const md = renderReport(report);
    await fs.writeFile(path.join(dir, 'bench.md'), md);
    console.log(md);
  } finally {
    await pg.stop();
  }
}

const pageOf = (first: number): BenchQuery => ({
  name: `3-level knowledge list (${first})`,
  query: MIX[0].query.replace('vendors(first: 100)', `vendors(first: ${first})`),
});

/** One query of the mix: same answer on both paths, then both timed, alternating request by request. */
async function compare(
  graphqlUrl: string,
  rawUrl: string,
  index: number,
  q: MixQuery,
  pool: Pool,
): Promise<MixResult> {
  const graphqlBody = JSON.stringify({ query: q.query });
  const post = async (url: string, body: string) => {
    const t0 = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await res.text();
    if (res.status !== 200 || text.includes('"errors"')) throw new Error(`${q.name}: ${text.slice(0, 300)}`);
    return { ms: performance.now() - t0, text, statements: Number(res.headers.get('x-sql-statements')) };
  };
  const graphql = () => post(`${graphqlUrl}/graphql`, graphqlBody);
  const rawPath = () => post(`${rawUrl}/raw/${index}`, '');

  const first = await graphql();
  const rawFirst = await rawPath();
  const difference = firstDifference(
    (JSON.parse(first.text) as { data: unknown }).data,
    (JSON.parse(rawFirst.text) as { data: unknown }).data,
  );
  if (difference) throw new Error(`${q.name}: the raw path answers differently (${difference})`);
  const rawStatements = await countStatements(pool, q);

  for (let i = 0; i < WARMUP; i++) {
    await graphql();
    await rawPath();
  }
  const g: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < MEASURED; i++) {
    g.push((await graphql()).ms);
    r.push((await rawPath()).ms);
  }
  const graphqlP50 = percentile(g, 50);
  const rawP50 = percentile(r, 50);
  return {
    name: q.name,
    kind: q.kind,
    requests: MEASURED,
    responseBytes: first.text.length,
    graphql: { p50Ms: graphqlP50, p99Ms: percentile(g, 99), sqlStatements: first.statements },
    raw: { p50Ms: rawP50, p99Ms: percentile(r, 99), sqlStatements: rawStatements },
    ratio: round(graphqlP50 / rawP50, 2),
  };
}

/** How many statements the raw path sends (through a pool that counts its calls). */
async function countStatements(pool: Pool, q: MixQuery): Promise<number> {
  let statements = 0;
  const counting = new Proxy(pool, {
    get: (target, property, receiver) =>
      property === 'query'
        ? (...args: Parameters<Pool['query']>) => {
            statements += 1;
            return target.query(...args);
          }
        : (Reflect.get(target, property, receiver) as unknown),
  });
  await q.raw(counting);
  return statements;
}

async function explainPlans(pool: Pool): Promise<string> {
  const plans: string[] = [];
  const explain = async (title: string, sql: string, params: unknown[] = []) => {
    const r = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    plans.push(`== ${title}\n${r.rows.map((x) => x['QUERY PLAN']).join('\n')}\n`);
  };
  await explain('plain GROUP BY over raw rows', RAW_GROUP_BY);
  const stats = performanceStatsSql(emptyFilter(), ['HYPERVISOR', 'MODE', 'WORKLOAD'], STATISTICS, []);
  await explain(
    'performanceStats by hypervisor × mode × workload (its one statement)',
    stats.sql,
    stats.params,
  );
  const pct = performanceStatsSql(
    emptyFilter(),
    ['HYPERVISOR', 'MODE', 'WORKLOAD'],
    STATISTICS,
    [0.5, 0.95, 0.99],
  );
  await explain('the same with p50/p95/p99 from the sketches', pct.sql, pct.params);
  return plans.join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
