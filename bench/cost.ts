import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { EXAMPLE_TABS } from '../src/graphiql/examples';
import { MIX, OTHER_QUERIES } from './mix';
import type { BenchQuery } from './support';

/**
 * `npm run bench:cost`: does the computed cost (x-query-cost) track the time a query takes? Sends each GraphiQL
 * example tab, each query of the bench mix and a spread of analytics shapes (groupings from one to five
 * dimensions, with and without percentiles; the bootstrap; search by kinds), sequentially from one client, and
 * prints cost against median time with the Pearson correlation (of the values and of their logarithms) and
 * the Spearman rank correlation. Queries the cost limit refuses are listed, not timed.
 *
 * Against `BENCH_URL` (a running server), or else a server started here on the configured database (the
 * embedded one in VIRTLENS_DATA_DIR by default, with its default dataset), rate and concurrency limits off.
 */

const WARMUP = 2;
const RUNS = Number(process.env['BENCH_COST_RUNS'] ?? 9);

const stats = (groupBy: string, percentiles = '') =>
  `{ performanceStats(groupBy: [${groupBy}]${percentiles ? `, percentiles: [${percentiles}]` : ''}) {
     groups { count mean stddev ${percentiles ? 'percentiles { p value }' : ''} } } }`;

/** Analytics shapes over the range of costs, beyond the mix. */
const SHAPES: BenchQuery[] = [
  ...['WORKLOAD', 'WORKLOAD, MODE', 'HYPERVISOR, MODE, WORKLOAD', 'HYPERVISOR, MODE, WORKLOAD, TESTBED'].map(
    (g) => ({ name: `performanceStats [${g}]`, query: stats(g) }),
  ),
  {
    name: 'performanceStats [HYPERVISOR, MODE, WORKLOAD, TESTBED, MONTH]',
    query: stats('HYPERVISOR, MODE, WORKLOAD, TESTBED, MONTH'),
  },
  { name: 'performanceStats [WORKLOAD, QUARTER]', query: stats('WORKLOAD, QUARTER') },
  { name: 'performanceStats [WORKLOAD] p50', query: stats('WORKLOAD', '0.5') },
  { name: 'performanceStats [WORKLOAD, MODE] p50/p99', query: stats('WORKLOAD, MODE', '0.5, 0.99') },
  { name: 'performanceStats [WORKLOAD, MONTH] p50', query: stats('WORKLOAD, MONTH', '0.5') },
  {
    name: 'performanceStats (issue 15) [HYPERVISOR, MODE, WORKLOAD, TESTBED, MONTH] p50/p90/p99',
    query: stats('HYPERVISOR, MODE, WORKLOAD, TESTBED, MONTH', '0.5, 0.9, 0.99'),
  },
  { name: 'search (hypervisors only)', query: '{ search(query: "xen", kinds: [HYPERVISOR]) { title } }' },
  { name: 'search first 100', query: '{ search(query: "windows", first: 100) { title snippet } }' },
  { name: 'vendor(slug)', query: '{ vendor(slug: "xensource") { name } }' },
];

interface Timed {
  name: string;
  cost: number;
  medianMs: number | null;
  note?: string;
}

async function timeQuery(url: string, q: BenchQuery): Promise<Timed> {
  const body = JSON.stringify({ query: q.query, variables: q.variables });
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    const cost = Number(
      res.headers.get('x-query-cost') ??
        (JSON.parse(text) as { errors?: { extensions?: { cost?: number } }[] }).errors?.[0]?.extensions
          ?.cost ??
        NaN,
    );
    return { ms, cost, ok: res.status === 200 && !text.includes('"errors"'), text };
  };
  const first = await once();
  if (!first.ok) {
    const refused = first.text.includes('"name":"cost"');
    return {
      name: q.name,
      cost: first.cost,
      medianMs: null,
      note: refused ? 'refused by the cost limit' : first.text.slice(0, 160),
    };
  }
  for (let i = 1; i < WARMUP; i++) await once();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push((await once()).ms);
  ms.sort((a, b) => a - b);
  return { name: q.name, cost: first.cost, medianMs: ms[Math.floor(ms.length / 2)] };
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Ranks with ties averaged. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

async function main(): Promise<void> {
  let url = process.env['BENCH_URL'];
  let stop = async () => {};
  if (!url) {
    const app = await startApp(
      loadConfig({
        ...process.env,
        PORT: '0',
        RATE_LIMIT_ANONYMOUS: '0',
        CONCURRENT_REQUESTS_ANONYMOUS: '0',
        COST_PER_MINUTE_ANONYMOUS: '0',
      }),
      pino({ level: 'warn' }),
    );
    url = app.url;
    stop = () => app.stop();
  }
  const queries: BenchQuery[] = [
    ...EXAMPLE_TABS.map((t, i) => ({
      name: `GraphiQL tab ${i + 1}: ${/(?:query|mutation)\s+(\w+)/.exec(t.query)?.[1] ?? 'anonymous'}`,
      query: t.query,
      variables: t.variables ? (JSON.parse(t.variables) as Record<string, unknown>) : undefined,
    })),
    ...MIX.map((m) => ({ name: `mix: ${m.name}`, query: m.query })),
    ...OTHER_QUERIES.map((q) => ({ ...q, name: `mix: ${q.name}` })),
    ...SHAPES,
  ];
  const results: Timed[] = [];
  for (const q of queries) results.push(await timeQuery(url, q));
  await stop();

  const timed = results.filter((r): r is Timed & { medianMs: number } => r.medianMs !== null && r.cost > 0);
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`${'query'.padEnd(width)}  ${'cost'.padStart(8)}  median ms`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(width)}  ${String(r.cost).padStart(8)}  ${r.medianMs === null ? `— ${r.note}` : r.medianMs.toFixed(1).padStart(9)}`,
    );
  }
  const cost = timed.map((r) => r.cost);
  const ms = timed.map((r) => r.medianMs);
  console.log(
    `\n${timed.length} queries timed (${RUNS} runs each, median): ` +
      `Pearson r = ${pearson(cost, ms).toFixed(3)}, ` +
      `Pearson r of logs = ${pearson(cost.map(Math.log), ms.map(Math.log)).toFixed(3)}, ` +
      `Spearman ρ = ${pearson(ranks(cost), ranks(ms)).toFixed(3)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
