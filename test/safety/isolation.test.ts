import type pg from 'pg';
import { poolCountsOf } from '../../src/observability/metrics';
import { createKey, graphqlAs } from '../support/api-keys';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Issue 15 item 6, isolation: a request holds at most DB_CONNECTIONS_PER_REQUEST read connections at once, a
 * client at most CONCURRENT_REQUESTS_* requests in flight, and a wait for a connection past DB_POOL_WAIT_MS is
 * 503 SERVICE_UNAVAILABLE with Retry-After (never INTERNAL_SERVER_ERROR).
 */

/** The read pool TypeORM built (callback-style `connect`, as TypeORM itself uses it). */
function readPool(server: TestServer): {
  connect(cb: (e: Error | undefined, c?: pg.PoolClient) => void): void;
} {
  return (server.app.readDataSource.driver as unknown as { master: never }).master;
}

/** Takes one read connection outside any request, as a long statement of another client would. */
function holdConnection(server: TestServer): Promise<pg.PoolClient> {
  return new Promise((resolve, reject) =>
    readPool(server).connect((error, client) =>
      client ? resolve(client) : reject(error ?? new Error('no connection')),
    ),
  );
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

const FIFTEEN_ALIASES = `{ ${Array.from(
  { length: 15 },
  (_, i) => `s${i}: performanceStats(groupBy: [WORKLOAD, MODE], stats: [MEAN]) { groups { mean } }`,
).join(' ')} }`;

describe('per request: a cap on the connections it holds at once', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DB_POOL_SIZE: '6', DB_CONNECTIONS_PER_REQUEST: '2' });
  });
  afterAll(() => server.stop());

  it('fifteen aliases take turns on two connections; the answer is whole', async () => {
    const res = await graphqlAs<Record<string, { groups: { mean: number }[] }>>(
      server.url,
      null,
      FIFTEEN_ALIASES,
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const answers = Object.values(res.body.data ?? {});
    expect(answers).toHaveLength(15);
    expect(answers[0].groups.length).toBeGreaterThan(1);
    for (const a of answers) expect(a).toEqual(answers[0]);
    // pg-pool opens a connection only when none is idle: all fifteen at once would have opened all six.
    expect(poolCountsOf(server.app.readDataSource)?.totalCount).toBeLessThanOrEqual(2);
  });
});

describe('a wait for a connection past DB_POOL_WAIT_MS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DB_POOL_SIZE: '1', DB_POOL_WAIT_MS: '200' });
  });
  afterAll(() => server.stop());

  const busy = {
    message: 'The server is busy: no database connection came free within 200 ms; retry in 1 s.',
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      limit: { name: 'poolWaitMs', max: 200 },
      retryAfterSeconds: 1,
    },
  };

  it('is 503 SERVICE_UNAVAILABLE with Retry-After, for a query and for a key check; then the pool serves again', async () => {
    const key = await createKey(server.app.dataSource, 'reader');
    const held = await holdConnection(server);
    try {
      const query = await graphqlAs(server.url, null, '{ vendor(slug: "xensource") { name } }');
      expect({
        status: query.status,
        retryAfter: query.headers.get('retry-after'),
        body: query.body,
      }).toEqual({
        status: 503,
        retryAfter: '1',
        body: {
          data: { vendor: null },
          errors: [{ ...busy, locations: [{ line: 1, column: 3 }], path: ['vendor'] }],
        },
      });
      const keyed = await graphqlAs(server.url, key, '{ vendor(slug: "xensource") { name } }');
      expect({
        status: keyed.status,
        retryAfter: keyed.headers.get('retry-after'),
        body: keyed.body,
      }).toEqual({
        status: 503,
        retryAfter: '1',
        body: { errors: [busy] },
      });
    } finally {
      held.release();
    }
    const after = await graphqlAs(server.url, key, '{ vendor(slug: "xensource") { name } }');
    expect({ status: after.status, body: after.body }).toEqual({
      status: 200,
      body: { data: { vendor: { name: 'XenSource' } } },
    });
  });
});

describe('per client: a cap on requests in flight', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      DB_POOL_SIZE: '1',
      DB_POOL_WAIT_MS: '10000',
      CONCURRENT_REQUESTS_ANONYMOUS: '2',
    });
  });
  afterAll(() => server.stop());

  it('a third request while two are in flight gets 429 with Retry-After at once; the two finish', async () => {
    const held = await holdConnection(server);
    const waiting = (poolCountsOf(server.app.readDataSource)?.waitingCount ?? 0) + 2;
    const ask = () => graphqlAs(server.url, null, '{ vendor(slug: "xensource") { name } }');
    const first = [ask(), ask()];
    let third: Awaited<ReturnType<typeof ask>>;
    try {
      await until(() => (poolCountsOf(server.app.readDataSource)?.waitingCount ?? 0) >= waiting);
      third = await ask();
    } finally {
      held.release();
    }
    expect({ status: third.status, retryAfter: third.headers.get('retry-after'), body: third.body }).toEqual({
      status: 429,
      retryAfter: '1',
      body: {
        errors: [
          {
            message:
              'At most 2 requests at a time for this address (send an API key for more); retry in 1 s.',
            extensions: {
              code: 'RATE_LIMITED',
              limit: { name: 'concurrentRequestsPerAddress', max: 2 },
              retryAfterSeconds: 1,
            },
          },
        ],
      },
    });
    for (const res of await Promise.all(first)) {
      expect({ status: res.status, body: res.body }).toEqual({
        status: 200,
        body: { data: { vendor: { name: 'XenSource' } } },
      });
    }
    // Done: the client has its two places back.
    expect((await ask()).status).toBe(200);
  });
});
