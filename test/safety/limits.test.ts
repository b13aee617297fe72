import { getIntrospectionQuery } from 'graphql';
import { Client } from 'pg';
import { createKey, graphqlAs } from '../support/api-keys';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const ask = (query: string, variables?: Record<string, unknown>) =>
  graphqlAs(server.url, null, query, variables);

/**
 * A validation-time limit error as the client sees it under application/json: a request error, so 200 (as
 * GraphQL-over-HTTP asks), which limit, its value, and the figure found.
 */
function limitHit(message: string, name: string, max: number, extra: Record<string, unknown> = {}) {
  return {
    status: 200,
    body: {
      errors: [
        { message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: { name, max }, ...extra } },
      ],
    },
  };
}
const answer = (res: Awaited<ReturnType<typeof ask>>) => ({ status: res.status, body: res.body });

describe('document limits: each says which limit it hit and its value', () => {
  /** `depth` levels of fields: `vendor(slug) { hypervisors { vendor { … name } } }`. */
  const nested = (depth: number) =>
    `{ vendor(slug: "kvm") { ${'hypervisors { vendor { '.repeat((depth - 2) / 2)}name${' } }'.repeat((depth - 2) / 2)} } }`;

  it('depth: 16 levels of fields are refused, 14 pass', async () => {
    expect((await ask(nested(14))).status).toBe(200);
    const res = await ask(nested(16));
    expect(answer(res)).toEqual(limitHit('Query depth limit of 15 exceeded, found 16.', 'depth', 15));
  });

  it('depth through fragments is counted where they are spread (the 2025 fragment-cache bypass)', async () => {
    const query = `{ vendors { nodes { ...A } } }
      fragment A on Vendor { hypervisors { vendor { ...B } } }
      fragment B on Vendor { hypervisors { vendor { ...C } } }
      fragment C on Vendor { hypervisors { vendor { ...D } } }
      fragment D on Vendor { hypervisors { vendor { ...E } } }
      fragment E on Vendor { hypervisors { vendor { ...F } } }
      fragment F on Vendor { hypervisors { vendor { ...A2 } } }
      fragment A2 on Vendor { hypervisors { vendor { name } } }`;
    expect(answer(await ask(query))).toEqual(
      limitHit('Query depth limit of 15 exceeded, found 17.', 'depth', 15),
    );
  });

  it('depth counts introspection too (a fragment named __schema hides nothing)', async () => {
    const query = `{ __type(name: "Vendor") { ...__schema } }
      fragment __schema on __Type { ${'fields { type { '.repeat(7)}name${' } }'.repeat(7)} }`;
    const depth = limitHit('Query depth limit of 15 exceeded, found 16.', 'depth', 15);
    expect(answer(await ask(query))).toEqual({
      ...depth,
      body: {
        errors: [
          ...depth.body.errors,
          {
            // graphql-js's own rule: at most 3 nested introspection lists
            message: 'Maximum introspection depth exceeded',
            locations: [{ line: 1, column: 3 }],
            extensions: {
              code: 'GRAPHQL_VALIDATION_FAILED',
              limit: { name: 'introspectionListDepth', max: 3 },
            },
          },
        ],
      },
    });
  });

  it('GraphiQL’s full introspection query fits every limit', async () => {
    const res = await ask(
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(Number(res.headers.get('x-query-cost'))).toBeGreaterThan(50_000);
  });

  it('aliases of __typename count like any other (16 of them are refused, 15 pass)', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    expect((await ask(aliases(15))).body.errors).toBeUndefined();
    expect(answer(await ask(aliases(16)))).toEqual(
      limitHit('Aliases limit of 15 exceeded, found 16.', 'aliases', 15),
    );
  });

  it('aliases: an alias bomb of 16 is refused', async () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: vendors(first: 1) { totalCount }`).join(' ')} }`;
    expect(answer(await ask(query))).toEqual(
      limitHit('Aliases limit of 15 exceeded, found 16.', 'aliases', 15),
    );
  });

  it('directives: 11 are refused', async () => {
    const query = `{ ${'__typename @include(if: true) '.repeat(11)}}`;
    expect(answer(await ask(query))).toEqual(
      limitHit('Directives limit of 10 exceeded, found 11.', 'directives', 10),
    );
  });

  it('tokens: a document over 3000 tokens is not even parsed', async () => {
    const query = `{ ${'__typename '.repeat(3000)} }`;
    expect(answer(await ask(query))).toEqual({
      status: 200,
      body: {
        errors: [
          {
            // sic: graphql-js 16's wording
            message: 'Syntax Error: Document contains more that 3000 tokens. Parsing aborted.',
            locations: [{ line: 1, column: 32992 }],
            extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: { name: 'tokens', max: 3000 } },
          },
        ],
      },
    });
  });

  it('cost: connections cost their page size times one item, and the cost is in x-query-cost', async () => {
    const cheap = await ask('{ vendors(first: 10) { nodes { name hypervisors { name } } } }');
    expect({ status: cheap.status, cost: cheap.headers.get('x-query-cost') }).toEqual({
      status: 200,
      cost: '51', // 1 + 10 vendors × (5 hypervisors × 1)
    });
    // 1 + 200 vendors × 5 hypervisors × (1 + 5 releases × (1 + 5 statements × (1 + guest 1 + driver 1 + 5 terms × 2)))
    const heavy = `query ($n: Int!) { vendors(first: $n) { nodes { hypervisors { releases { supportStatements {
      guestOs { name } driverPackage { terms { license { name } } } } } } } } }`;
    const res = await ask(heavy, { n: 200 });
    expect(answer(res)).toEqual(
      limitHit('Query cost limit of 200000 exceeded, found 331001.', 'cost', 200_000, { cost: 331_001 }),
    );
    expect(answer(await ask(heavy, { n: 20 })).status).toBe(200);
  });

  it('a fragment bomb (each fragment spreading the previous one ten times) is refused fast', async () => {
    const fragments = Array.from(
      { length: 8 },
      (_, i) => `fragment F${i + 1} on Query { ${`...F${i} `.repeat(10)}}`,
    ).join('\n');
    const query = `{ ...F8 }\nfragment F0 on Query { vendors(first: 1) { totalCount } }\n${fragments}`;
    const started = Date.now();
    const res = await ask(query);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answer(res)).toEqual({
      status: 200,
      body: {
        errors: [
          {
            message: 'Query node limit of 10000 exceeded (fragments counted where they are spread).',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: { name: 'costNodes', max: 10000 } },
          },
        ],
      },
    });
  });

  it('page size: first over 200 is BAD_USER_INPUT naming the argument and the limit', async () => {
    const res = await ask('{ sources(first: 500) { totalCount } }');
    expect(res.body.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual([
      {
        message: 'first must be between 0 and 200; got 500.',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'first', limit: { name: 'pageSize', max: 200 } },
      },
    ]);
  });
});

describe('HTTP limits', () => {
  it('a body over MAX_REQUEST_BYTES (e.g. oversized variables) gets 413 naming the limit', async () => {
    const res = await ask('query ($q: String!) { search(query: $q) { title } }', { q: 'x'.repeat(300_000) });
    expect(answer(res)).toEqual({
      status: 413,
      body: {
        errors: [
          {
            message: 'The request body is larger than the limit of 262144 bytes.',
            extensions: { code: 'BAD_REQUEST', limit: { name: 'requestBytes', max: 262144 } },
          },
        ],
      },
    });
  });

  it('a body that is not JSON gets 400 BAD_REQUEST', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect({ status: res.status, body: await res.json() }).toEqual({
      status: 400,
      body: {
        errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
      },
    });
  });

  it('batched requests are off', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect({ status: res.status, body: await res.json() }).toEqual({
      status: 400,
      body: { errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('CSRF prevention: a simple GET without a preflight header is blocked', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json' },
    });
    expect({ status: res.status, body: await res.json() }).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n",
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    });
    const ok = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect({ status: ok.status, body: await ok.json() }).toEqual({
      status: 200,
      body: { data: { __typename: 'Query' } },
    });
  });

  it('mutations are refused over GET', async () => {
    const res = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('mutation { updateVendor(slug: "kvm", input: {}) { slug } }')}`,
      { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } },
    );
    expect(res.status).toBe(405);
  });
});

describe('database limits', () => {
  it('queries run in read-only transactions with the statement timeout; writes use the primary', async () => {
    const settings = await server.app.readDataSource.query<{ ro: string; timeout: string }[]>(
      `SELECT current_setting('default_transaction_read_only') AS ro, current_setting('statement_timeout') AS timeout`,
    );
    expect(settings).toEqual([{ ro: 'on', timeout: '5s' }]);
    await expect(
      server.app.readDataSource.query(`UPDATE vendor SET name = name WHERE slug = 'kvm'`),
    ).rejects.toMatchObject({ driverError: { code: '25006' } });
    const primary = await server.app.dataSource.query<{ ro: string }[]>(
      `SELECT current_setting('default_transaction_read_only') AS ro`,
    );
    expect(primary).toEqual([{ ro: 'off' }]);
  });
});

describe('limits that need their own server', () => {
  it('the statement timeout cancels a query and says so, with its value', async () => {
    const slow = await startTestServer({ DB_STATEMENT_TIMEOUT_MS: '300' });
    const locker = new Client({ connectionString: slow.database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE vendor IN ACCESS EXCLUSIVE MODE');
      const res = await graphqlAs(slow.url, null, '{ vendors(first: 1) { totalCount } }');
      expect(res.body).toEqual({
        data: null,
        errors: [
          {
            message:
              'A database statement ran longer than the statement timeout of 300 ms and was cancelled.',
            locations: [{ line: 1, column: 3 }],
            path: ['vendors'],
            extensions: {
              code: 'LIMIT_EXCEEDED',
              limit: { name: 'statementTimeoutMs', max: 300 },
              requestId: res.headers.get('x-request-id'),
            },
          },
        ],
      });
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
      await slow.stop();
    }
  });

  it('rate limit: per address without a key, per key (higher) with one; 429 says which and when to retry', async () => {
    const limited = await startTestServer({ RATE_LIMIT_ANONYMOUS: '3', RATE_LIMIT_KEY: '5' });
    try {
      const key = await createKey(limited.app.dataSource, 'reader');
      const q = '{ __typename }';
      const anonymous = [];
      for (let i = 0; i < 4; i++) anonymous.push(await graphqlAs(limited.url, null, q));
      expect(anonymous.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      const refused = anonymous[3];
      expect({
        retryAfter: Number(refused.headers.get('retry-after')) > 0,
        policy: refused.headers.get('ratelimit-policy'),
        body: refused.body,
      }).toEqual({
        retryAfter: true,
        policy: expect.stringMatching(/^"3-in-1min"; q=3; w=60; pk=:[A-Za-z0-9+/=]+:$/) as unknown,
        body: {
          errors: [
            {
              message: expect.stringMatching(
                /^Rate limit of 3 requests per minute exceeded for this address \(send an API key for more\); retry in \d+ s\.$/,
              ) as unknown,
              extensions: {
                code: 'RATE_LIMITED',
                limit: { name: 'rateLimitPerAddress', max: 3 },
                windowSeconds: 60,
                retryAfterSeconds: expect.any(Number) as unknown,
              },
            },
          ],
        },
      });
      const keyed = [];
      for (let i = 0; i < 6; i++) keyed.push((await graphqlAs(limited.url, key, q)).status);
      expect(keyed).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await limited.stop();
    }
  });

  it('with introspection off, validation errors stop suggesting field names', async () => {
    const closed = await startTestServer({ GRAPHQL_INTROSPECTION: 'false' });
    try {
      const res = await graphqlAs(closed.url, null, '{ vendorz(first: 1) { totalCount } }');
      expect(answer(res)).toEqual({
        status: 200,
        body: {
          errors: [
            {
              message: 'Cannot query field "vendorz" on type "Query".',
              locations: [{ line: 1, column: 3 }],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            },
          ],
        },
      });
      const open = await ask('{ vendorz(first: 1) { totalCount } }');
      expect(open.body.errors?.[0]?.message).toMatch(/Did you mean "vendor"/);
    } finally {
      await closed.stop();
    }
  });
});
