import type { LoadFigures } from './database';
import type { LoadTestResult } from './load-test';
import type { StartupResult } from './startup';
import { renderThroughput, type ThroughputResult } from './throughput';
import type { BenchResult } from './support';

export interface PathTiming {
  p50Ms: number;
  p99Ms: number;
  sqlStatements: number;
}

export interface MixResult {
  name: string;
  kind: 'knowledge' | 'analytics';
  requests: number;
  responseBytes: number;
  graphql: PathTiming;
  raw: PathTiming;
  /** GraphQL p50 over raw p50. */
  ratio: number;
}

export interface Report {
  machine: string;
  date: string;
  rows: number;
  load: LoadFigures;
  mix: MixResult[];
  listStatementsAtPageSize10: number;
  others: BenchResult[];
  rawGroupBy: { ms: number[]; p50Ms: number; rollupP50Ms: number };
  loadTest: LoadTestResult;
  throughput: ThroughputResult;
  startup: StartupResult;
  benchSeconds: number;
}

/** Targets from the performance issue: GraphQL over the raw path. */
export const RATIO_TARGET = { knowledge: 1.3, analytics: 1.1 } as const;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ok = (pass: boolean) => (pass ? 'yes' : '**no**');

/** The Markdown the README and the closing note quote. */
export function renderReport(r: Report): string {
  const lt = r.loadTest;
  const list = r.mix[0];
  return [
    `Machine: ${r.machine}. ${fmt(r.rows)} simulated measurements (+ the 60,000-row default run), ${r.date.slice(0, 10)}; the whole run took ${r.benchSeconds} s.`,
    '',
    `GraphQL (one client, sequential, ${list.requests} requests each after a warm-up) against the same answer from hand-written SQL through \`pg\` in the same process (both over HTTP):`,
    '',
    '| query | GraphQL p50 / p99 ms | raw SQL p50 / p99 ms | ratio | target | met | SQL statements (GraphQL / raw) |',
    '|---|---|---|---|---|---|---|',
    ...r.mix.map(
      (m) =>
        `| ${m.name} | ${m.graphql.p50Ms} / ${m.graphql.p99Ms} | ${m.raw.p50Ms} / ${m.raw.p99Ms} | ${m.ratio}× | ≤ ${RATIO_TARGET[m.kind]}× | ${ok(m.ratio <= RATIO_TARGET[m.kind])} | ${m.graphql.sqlStatements} / ${m.raw.sqlStatements} |`,
    ),
    '',
    `SQL statements of the 3-level list: ${r.listStatementsAtPageSize10} at page size 10, ${list.graphql.sqlStatements} at 100: the count does not grow with the page.`,
    '',
    '| figure | virtlens | reference | ratio | target |',
    '|---|---|---|---|---|',
    `| load: simulate + COPY + rollups | ${fmt(r.load.rowsPerSecond)} rows/s (${r.load.simulateCopyRollupSeconds} s) | PostgreSQL COPY from CSV: ${fmt(r.load.postgresCsvRowsPerSecond)} rows/s (${r.load.postgresCsvCopySeconds} s) | ${r.load.ratio}× | ≥ 0.7× |`,
    `| performanceStats from the rollups | p50 ${r.rawGroupBy.rollupP50Ms} ms | plain GROUP BY over the raw rows: p50 ${fmt(r.rawGroupBy.p50Ms)} ms | ${(r.rawGroupBy.p50Ms / r.rawGroupBy.rollupP50Ms).toFixed(0)}× faster | ≥ 20× |`,
    `| HTTP load, the mix, ${lt.connections} connections × ${lt.durationSeconds} s (autocannon) | ${fmt(lt.requestsPerSecond)} requests/s, p50 ${lt.p50Ms} ms, p99 ${lt.p99Ms} ms, ${fmt(lt.requests)} requests, ${lt.errors} errors | | | 0 errors |`,
    `| server memory under that load | peak RSS ${lt.peakRssMb} MB | | | < 250 MB |`,
    `| start to ready (\`npm start\`, embedded PostgreSQL) | cold ${(r.startup.coldMs / 1000).toFixed(1)} s (initdb, migrations, seeds), warm ${(r.startup.warmMs / 1000).toFixed(1)} s; idle RSS ${r.startup.idleRssMb} MB | | | |`,
    '',
    renderThroughput(r.throughput),
    'More queries (GraphQL only):',
    '',
    '| query | p50 ms | p99 ms | SQL statements |',
    '|---|---|---|---|',
    ...r.others.map((o) => `| ${o.name} | ${o.p50Ms} | ${o.p99Ms} | ${o.sqlStatementsPerRequest} |`),
    '',
  ].join('\n');
}
