import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('operational endpoints', () => {
  it('/healthz says the process is up', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz says the database is up and every migration applied', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: 'up', migrations: 'applied' });
  });

  it('/readyz turns 503 when a migration is missing from the database', async () => {
    await server.app.dataSource.query(
      `UPDATE typeorm_migration SET name = name || '-hidden' WHERE id = (SELECT max(id) FROM typeorm_migration)`,
    );
    try {
      const res = await fetch(`${server.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'not ready', database: 'up', migrations: 'pending' });
    } finally {
      await server.app.dataSource.query(`UPDATE typeorm_migration SET name = replace(name, '-hidden', '')`);
    }
  });

  it('/metrics serves Prometheus text with request and GraphQL counters', async () => {
    await server.graphql('{ vendors(first: 1) { totalCount } }');
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^# TYPE virtlens_http_requests_total counter$/m);
    expect(text).toMatch(
      /^virtlens_http_requests_total\{method="POST",route="\/graphql",status="200"\} [1-9]/m,
    );
    expect(text).toMatch(/^virtlens_graphql_operations_total\{operation_type="query",outcome="ok"\} [1-9]/m);
    // Node's default metrics under their standard names, as stock dashboards look for them.
    expect(text).toMatch(/^process_resident_memory_bytes [0-9]/m);
    expect(text).toMatch(/^process_cpu_seconds_total [0-9]/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes [0-9]/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds [0-9]/m);
    expect(text).not.toMatch(/^virtlens_(process|nodejs)_/m);
    // Pool gauges, per pool: the read pool has served the query above; nobody waits on an idle server.
    for (const pool of ['read', 'write']) {
      expect(text).toMatch(
        new RegExp(`^virtlens_db_pool_connections\\{pool="${pool}",state="total"\\} [0-9]+$`, 'm'),
      );
      expect(text).toMatch(
        new RegExp(`^virtlens_db_pool_connections\\{pool="${pool}",state="idle"\\} [0-9]+$`, 'm'),
      );
      expect(text).toMatch(new RegExp(`^virtlens_db_pool_waiting_clients\\{pool="${pool}"\\} 0$`, 'm'));
    }
    const readTotal = /^virtlens_db_pool_connections\{pool="read",state="total"\} ([0-9]+)$/m.exec(text);
    expect(Number(readTotal?.[1])).toBeGreaterThan(0);
  });

  it('every response carries a request id, echoing a well-formed one the client sent', async () => {
    const mine = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'client-123' } });
    expect(mine.headers.get('x-request-id')).toBe('client-123');
    const generated = await fetch(`${server.url}/healthz`, {
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown paths with 404 and the list of endpoints', async () => {
    const res = await fetch(`${server.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('Not found. Try /graphql, /graphiql, /healthz, /readyz or /metrics.\n');
  });
});

describe('GraphiQL instead of Apollo’s landing page', () => {
  it('sends browsers from / and GET /graphql to the bundled GraphiQL', async () => {
    for (const path of ['/', '/graphql']) {
      const res = await fetch(`${server.url}${path}`, {
        headers: { accept: 'text/html' },
        redirect: 'manual',
      });
      expect({ path, status: res.status, location: res.headers.get('location') }).toEqual({
        path,
        status: 302,
        location: '/graphiql/',
      });
    }
  });

  it('serves the GraphiQL page and its assets from this server only', async () => {
    const res = await fetch(`${server.url}/graphiql/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    expect(html).toContain('<title>virtlens — GraphiQL</title>');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.filter((a) => !a.startsWith('data:'))).not.toHaveLength(0);
    for (const asset of assets.filter((a) => !a.startsWith('data:'))) {
      expect(asset).toMatch(/^\/graphiql\/assets\//);
      const a = await fetch(`${server.url}${asset}`);
      expect({ asset, status: a.status, cache: a.headers.get('cache-control') }).toEqual({
        asset,
        status: 200,
        cache: 'public, max-age=31536000, immutable',
      });
    }
  });
});

describe('GraphQL over HTTP', () => {
  it('keeps introspection on for GraphiQL and tools', async () => {
    const res = await server.graphql('{ __schema { queryType { name } } }');
    expect(res.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('blocks simple cross-site requests (CSRF prevention)', async () => {
    const res = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ vendors { totalCount } }')}`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
  });

  it('answers GET queries from API clients that send a preflight header', async () => {
    const res = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ vendors { totalCount } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { vendors: { totalCount: 25 } } });
  });
});
