import { serverAudits } from 'graphql-http';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const CSRF_GET =
  'csrfPrevention: a GET without a content-type or an apollo-require-preflight/x-apollo-operation-name header ' +
  'could come from a plain cross-site link, so it is refused (400); GETs with the header work (see limits.test).';

/**
 * MAY recommendations of the GraphQL-over-HTTP spec this server does not follow, by audit id, with the reason.
 * Anything else that is not "ok" fails the test: no MUST and no SHOULD may.
 */
const MAY_DEVIATIONS: Record<string, string> = {
  '5A70': CSRF_GET, // MAY accept application/x-www-form-urlencoded formatted GET requests
  D6D5: CSRF_GET, // MAY allow URL-encoded JSON {variables} in GETs (application/graphql-response+json)
  '6A70': CSRF_GET, // MAY allow URL-encoded JSON {variables} in GETs (application/json)
};

it('the graphql-http audit suite passes every MUST and every SHOULD; only the pinned MAYs deviate', async () => {
  const results: { id: string; name: string; status: string; reason?: string }[] = [];
  for (const audit of serverAudits({ url: `${server.url}/graphql` })) {
    const result = await audit.fn();
    results.push({
      id: result.id,
      name: result.name,
      status: result.status,
      reason: result.status === 'ok' ? undefined : result.reason,
    });
  }
  const tally = (level: string) => ({
    ok: results.filter((r) => r.name.startsWith(level) && r.status === 'ok').length,
    notOk: results.filter((r) => r.name.startsWith(level) && r.status !== 'ok').length,
  });
  // graphql-http 1.23.1: 13 MUSTs, 23 SHOULDs, 25 MAYs.
  expect({ must: tally('MUST'), should: tally('SHOULD'), may: tally('MAY') }).toEqual({
    must: { ok: 13, notOk: 0 },
    should: { ok: 23, notOk: 0 },
    may: { ok: 22, notOk: 3 },
  });
  expect(results.filter((r) => !r.name.startsWith('MAY') && r.status !== 'ok')).toEqual([]);
  expect(
    Object.fromEntries(
      results.filter((r) => r.status !== 'ok').map((r) => [r.id, MAY_DEVIATIONS[r.id] ?? r.reason]),
    ),
  ).toEqual(MAY_DEVIATIONS);
});

describe('a request that never executes: 200 under application/json, 400 under application/graphql-response+json', () => {
  const cases: [string, { query: string; variables?: Record<string, unknown> }, unknown][] = [
    [
      'a document that does not parse',
      { query: '{ vendors {' },
      {
        errors: [
          {
            message: 'Syntax Error: Expected Name, found <EOF>.',
            locations: [{ line: 1, column: 12 }],
            extensions: { code: 'GRAPHQL_PARSE_FAILED' },
          },
        ],
      },
    ],
    [
      'a document that does not validate',
      { query: '{ vendor(slug: "xen") { colour } }' },
      {
        errors: [
          {
            message: 'Cannot query field "colour" on type "Vendor".',
            locations: [{ line: 1, column: 25 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
    ],
    [
      'a variable that does not fit its type',
      { query: 'query ($n: Int) { vendors(first: $n) { totalCount } }', variables: { n: 'many' } },
      {
        errors: [
          {
            message: 'Variable "$n" got invalid value "many"; Int cannot represent non-integer value: "many"',
            locations: [{ line: 1, column: 8 }],
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      },
    ],
  ];
  const post = async (accept: string, body: unknown) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify(body),
    });
    return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
  };
  it.each(cases)('%s', async (_label, request, errors) => {
    expect({
      json: await post('application/json', request),
      graphqlResponse: await post('application/graphql-response+json', request),
    }).toEqual({
      json: { status: 200, type: 'application/json; charset=utf-8', body: errors },
      graphqlResponse: {
        status: 400,
        type: 'application/graphql-response+json; charset=utf-8',
        body: errors,
      },
    });
  });

  it('an HTTP-level refusal keeps its 400 under application/json (no query at all)', async () => {
    expect(await post('application/json', { variables: {} })).toEqual({
      status: 400,
      type: 'application/json; charset=utf-8',
      body: {
        errors: [
          {
            message: 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    });
  });
});
