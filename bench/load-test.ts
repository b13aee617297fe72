import autocannon from 'autocannon';
import type { MixQuery } from './mix';
import type { ServerProcess } from './server-process';

export interface LoadTestResult {
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors, timeouts, non-2xx answers and 200 answers carrying GraphQL errors. */
  errors: number;
  peakRssMb: number;
}

/**
 * The whole mix under concurrent load: autocannon's connections each send the mix's queries in turn to the
 * server process, while its resident memory is sampled every 250 ms.
 */
export async function loadTest(
  server: ServerProcess,
  mix: readonly MixQuery[],
  connections: number,
  durationSeconds: number,
): Promise<LoadTestResult> {
  let graphqlErrors = 0;
  let peakRssMb = server.memory().rssMb;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, server.memory().rssMb);
  }, 250);
  try {
    const result = await autocannon({
      url: server.url,
      connections,
      duration: durationSeconds,
      timeout: 30,
      requests: mix.map((q) => ({
        method: 'POST' as const,
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q.query }),
        onResponse(status: number, body: string) {
          if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
        },
      })),
    });
    return {
      connections,
      durationSeconds,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
      peakRssMb: Math.round(peakRssMb),
    };
  } finally {
    clearInterval(sampler);
  }
}
