import { pino } from 'pino';
import { startTestServer, type TestServer } from '../support/server';

/** The server's log lines, parsed, as it writes them. */
const lines: Record<string, unknown>[] = [];
let server: TestServer;
beforeAll(async () => {
  const logger = pino(
    { level: 'info', base: undefined, timestamp: false },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  server = await startTestServer({ LOG_LEVEL: 'info' }, logger);
});
afterAll(() => server.stop());

/** The log lines of one request id, without the duration (it varies). */
function linesOf(requestId: string): Record<string, unknown>[] {
  return lines
    .filter((l) => l['requestId'] === requestId)
    .map(({ ms, ...rest }) => ({ ...rest, ms: typeof ms }));
}

/** The line is written once the response finished, which may be just after the client has it. */
async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 50));
}

describe('access log', () => {
  it('writes one line per GraphQL request: method, route, status, duration, operation name, cost, SQL statements', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'access-log-1' },
      body: JSON.stringify({ query: 'query TwoVendors { vendors(first: 2) { totalCount nodes { name } } }' }),
    });
    expect(res.status).toBe(200);
    await settle();
    expect(linesOf('access-log-1')).toEqual([
      {
        level: 30,
        msg: 'request',
        requestId: 'access-log-1',
        method: 'POST',
        route: '/graphql',
        status: 200,
        ms: 'number',
        operationName: 'TwoVendors',
        cost: Number(res.headers.get('x-query-cost')),
        sqlStatements: Number(res.headers.get('x-sql-statements')),
      },
    ]);
  });

  it('writes one line for other routes too, without the GraphQL fields', async () => {
    await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'access-log-2' } });
    await settle();
    expect(linesOf('access-log-2')).toEqual([
      {
        level: 30,
        msg: 'request',
        requestId: 'access-log-2',
        method: 'GET',
        route: '/healthz',
        status: 200,
        ms: 'number',
      },
    ]);
  });

  it('logs a failed /readyz probe as one warning saying what is missing, and its 503 as an answer', async () => {
    await server.app.dataSource.query(
      `UPDATE typeorm_migration SET name = name || '-hidden' WHERE id = (SELECT max(id) FROM typeorm_migration)`,
    );
    try {
      const res = await fetch(`${server.url}/readyz`, { headers: { 'x-request-id': 'access-log-3' } });
      expect(res.status).toBe(503);
    } finally {
      await server.app.dataSource.query(`UPDATE typeorm_migration SET name = replace(name, '-hidden', '')`);
    }
    await settle();
    expect(linesOf('access-log-3')).toEqual([
      {
        level: 40,
        msg: 'not ready',
        requestId: 'access-log-3',
        database: 'up',
        migrations: 'pending',
        graphql: 'started',
        ms: 'undefined',
      },
      {
        level: 30,
        msg: 'request',
        requestId: 'access-log-3',
        method: 'GET',
        route: '/readyz',
        status: 503,
        ms: 'number',
      },
    ]);
  });
});

describe('security headers', () => {
  it('no sniffing, no framing, and a CSP that lets API answers load nothing', async () => {
    const res = await server.graphql('{ __typename }');
    expect({
      nosniff: res.headers.get('x-content-type-options'),
      csp: res.headers.get('content-security-policy'),
    }).toEqual({ nosniff: 'nosniff', csp: "default-src 'none'; frame-ancestors 'none'" });
  });

  it('the pages (GraphiQL, /reports) may load only this server’s own scripts, styles, fonts and workers', async () => {
    const expected =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
      "font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
      "form-action 'self'; frame-ancestors 'none'";
    for (const path of ['/graphiql/', '/reports']) {
      const res = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });
      expect({ path, status: res.status, csp: res.headers.get('content-security-policy') }).toEqual({
        path,
        status: 200,
        csp: expected,
      });
    }
  });
});
