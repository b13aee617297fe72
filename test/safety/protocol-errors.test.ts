import { pino } from 'pino';
import { startTestServer, type TestServer } from '../support/server';

/** The server's log lines at warn and above, parsed. */
const lines: Record<string, unknown>[] = [];
let server: TestServer;
beforeAll(async () => {
  const logger = pino(
    { level: 'warn', base: undefined, timestamp: false },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  server = await startTestServer({ LOG_LEVEL: 'warn' }, logger);
});
afterAll(() => server.stop());

const post = async (body: unknown) => {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

const NOT_SUPPORTED = {
  status: 200,
  body: {
    errors: [
      { message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } },
    ],
  },
};

describe("requests the server does not serve get Apollo Server's own client errors, and log nothing", () => {
  beforeEach(() => lines.splice(0));
  afterEach(() => expect(lines).toEqual([]));

  it('a persisted-query extension whose hash does not match the query', async () => {
    expect(
      await post({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
      }),
    ).toEqual(NOT_SUPPORTED);
  });

  it('a persisted-query extension with a hash only, or of another version', async () => {
    const hash = 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38';
    expect([
      await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      await post({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 2, sha256Hash: hash } },
      }),
    ]).toEqual([NOT_SUPPORTED, NOT_SUPPORTED]);
  });

  it('a subscription operation, whatever it selects', async () => {
    const refused = {
      status: 400,
      body: {
        errors: [
          {
            message: 'This server has no subscriptions; send a query or a mutation.',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    };
    expect([
      await post({ query: 'subscription { __typename }' }),
      await post({ query: 'subscription Watch { vendors(first: 1) { totalCount } }' }),
    ]).toEqual([refused, refused]);
  });
});
