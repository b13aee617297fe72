import type { Logger } from '../src/observability/logger';
import { startApp, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { performance } from 'node:perf_hooks';

export interface BenchQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface BenchResult {
  name: string;
  requests: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  sqlStatementsPerRequest: number;
  responseBytes: number;
}

/** The p-th percentile (nearest rank) of samples, in ms with two decimals. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2));
}

/** Latency of one GraphQL query over HTTP: sequential requests from one client after a warm-up. */
export async function measure(
  url: string,
  q: BenchQuery,
  warmup: number,
  measured: number,
): Promise<BenchResult> {
  const body = JSON.stringify({ query: q.query, variables: q.variables });
  const once = async (): Promise<{ ms: number; statements: number; bytes: number }> => {
    const t0 = performance.now();
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await res.text();
    if (res.status !== 200 || text.includes('"errors"'))
      throw new Error(`${q.name}: bad response: ${text.slice(0, 300)}`);
    return {
      ms: performance.now() - t0,
      statements: Number(res.headers.get('x-sql-statements')),
      bytes: text.length,
    };
  };
  for (let i = 0; i < warmup; i++) await once();
  const samples = [];
  for (let i = 0; i < measured; i++) samples.push(await once());
  const ms = samples.map((s) => s.ms);
  return {
    name: q.name,
    requests: measured,
    p50Ms: percentile(ms, 50),
    p90Ms: percentile(ms, 90),
    p99Ms: percentile(ms, 99),
    sqlStatementsPerRequest: samples[0].statements,
    responseBytes: samples[0].bytes,
  };
}

/** The server on a benchmark database, as in production, without the per-address rate limit (one client). */
export function startBenchApp(databaseUrl: string, logger: Logger): Promise<App> {
  return startApp(
    loadConfig({
      PORT: '0',
      DATABASE_URL: databaseUrl,
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      RATE_LIMIT_ANONYMOUS: '0', // one client sends thousands of requests a minute on purpose
      CONCURRENT_REQUESTS_ANONYMOUS: '0', // over many connections at once
      COST_PER_MINUTE_ANONYMOUS: '0', // and heavy queries
    }),
    logger,
  );
}
