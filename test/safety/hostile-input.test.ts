import { toGlobalId } from '../../src/shared/global-id';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const answer = async (query: string, variables?: Record<string, unknown>) => {
  const res = await server.graphql(query, variables);
  return { status: res.status, body: res.body };
};

/** Refused before execution: a request error, so 200 under application/json (GraphQL-over-HTTP). */
const badInput = (message: string, argumentName: string) => ({
  status: 200,
  body: { errors: [{ message, extensions: { code: 'BAD_USER_INPUT', argumentName } }] },
});

describe('strings no column can store are refused at the edge, naming the argument (defect 1)', () => {
  it('a NUL character in a String argument given as a variable', async () => {
    expect(
      await answer('query ($slug: String!) { vendor(slug: $slug) { name } }', { slug: 'x\u0000y' }),
    ).toEqual(
      badInput('Argument "slug" of field "vendor" (variable $slug) contains a NUL character (at 1).', 'slug'),
    );
  });

  it('a document checked once with good variables is still checked with each new value (the check is cached per variables)', async () => {
    const query = 'query ($slug: String!) { vendor(slug: $slug) { name } }';
    const good = { status: 200, body: { data: { vendor: { name: 'XenSource' } } } };
    const refused = badInput(
      'Argument "slug" of field "vendor" (variable $slug) contains a NUL character (at 3).',
      'slug',
    );
    expect(await answer(query, { slug: 'xensource' })).toEqual(good);
    expect(await answer(query, { slug: 'xen\u0000source' })).toEqual(refused);
    expect(await answer(query, { slug: 'xensource' })).toEqual(good);
    expect(await answer(query, { slug: 'xen\u0000source' })).toEqual(refused);
  });

  it('a NUL character written as an escape in the document', async () => {
    expect(await answer('{ vendor(slug: "kvm\\u0000") { name } }')).toEqual(
      badInput('Argument "slug" of field "vendor" contains a NUL character (at 3).', 'slug'),
    );
  });

  it('inside a list of an input object, the path names the item', async () => {
    const query = `query ($filter: PerformanceFilter) {
      performanceStats(groupBy: [HYPERVISOR], filter: $filter) { groups { count } } }`;
    expect(await answer(query, { filter: { guests: ['rhel-5', 'a\u0000b'] } })).toEqual(
      badInput(
        'Argument "filter.guests[1]" of field "performanceStats" (variable $filter) contains a NUL character (at 1).',
        'filter.guests[1]',
      ),
    );
  });

  it('an unpaired surrogate (valid JSON, not Unicode text)', async () => {
    expect(await answer('query ($q: String!) { search(query: $q) { title } }', { q: 'xen \ud800' })).toEqual(
      badInput(
        'Argument "query" of field "search" (variable $q) contains an unpaired UTF-16 surrogate (at 4).',
        'query',
      ),
    );
  });

  it('a paired surrogate (an emoji) is ordinary text', async () => {
    const res = await answer('query ($q: String!) { search(query: $q) { title } }', { q: 'xen 😀' });
    expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
  });

  it('on /reports, a NUL in a query parameter is a 400 naming the argument, not a 500', async () => {
    const res = await fetch(`${server.url}/reports/interop-matrix.csv?guests=a%00b`);
    expect({ status: res.status, body: await res.text() }).toEqual({
      status: 400,
      body: 'Report "interop-matrix": Argument "guests[0]" of field "interopMatrix" (variable $guests) contains a NUL character (at 1).\n',
    });
  });
});

describe('global ids must fit the id column (defect 2)', () => {
  const beyond = toGlobalId('Vendor', 2147483648);

  it('node(id) with an id beyond int4 is BAD_USER_INPUT naming id', async () => {
    expect(await answer('query ($id: ID!) { node(id: $id) { id } }', { id: beyond })).toEqual({
      status: 200,
      body: {
        data: { node: null },
        errors: [
          {
            message: 'id is not a valid virtlens id.',
            path: ['node'],
            locations: [{ line: 1, column: 20 }],
            extensions: { code: 'BAD_USER_INPUT', argumentName: 'id' },
          },
        ],
      },
    });
  });

  it('nodes(ids) with one bad id keeps the valid ones and names the bad one', async () => {
    const vendors = await server.graphql<{ vendors: { nodes: { id: string; name: string }[] } }>(
      '{ vendors(first: 2) { nodes { id name } } }',
    );
    const [a, b] = vendors.body.data!.vendors.nodes;
    const res = await answer('query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Vendor { name } } }', {
      ids: [a.id, beyond, b.id],
    });
    expect(res).toEqual({
      status: 200,
      body: {
        data: { nodes: [a, null, b] },
        errors: [
          {
            message: 'ids[1] is not a valid virtlens id.',
            path: ['nodes', 1],
            locations: [{ line: 1, column: 24 }],
            extensions: { code: 'BAD_USER_INPUT', argumentName: 'ids[1]' },
          },
        ],
      },
    });
  });
});

describe('dates outside what PostgreSQL and the domain accept are refused by the scalar (defect 3)', () => {
  it('asOf year 0 is a variable error, not an internal one', async () => {
    const res = await answer('query ($asOf: LocalDate) { licensingReport(asOf: $asOf) { asOf } }', {
      asOf: '0000-01-01',
    });
    expect(res).toEqual({
      status: 200,
      body: {
        errors: [
          {
            message:
              'Variable "$asOf" got invalid value "0000-01-01"; Expected type "LocalDate". LocalDate must be from 1900-01-01 to 9999-12-31, got "0000-01-01"',
            locations: [{ line: 1, column: 8 }],
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      },
    });
  });

  it('year 9999 is a date PostgreSQL stores: it is answered', async () => {
    const res = await answer('{ licensingReport(asOf: "9999-12-31") { asOf } }');
    expect(res).toEqual({ status: 200, body: { data: { licensingReport: { asOf: '9999-12-31' } } } });
  });

  it('a month of year 0 in a performance filter is refused by YearMonth', async () => {
    const res = await answer(
      '{ performanceStats(groupBy: [MONTH], filter: { from: "0000-01" }) { groups { count } } }',
    );
    expect(res.status).toBe(200);
    expect(res.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.body.errors?.[0]?.message).toContain(
      'YearMonth must be from 1900-01 to 9999-12, got "0000-01"',
    );
  });

  it('on /reports, asOf=0000-01-01 is a 400 naming the variable', async () => {
    const res = await fetch(`${server.url}/reports/licensing-report.csv?asOf=0000-01-01`);
    expect({ status: res.status, body: await res.text() }).toEqual({
      status: 400,
      body: 'Report "licensing-report": Variable "$asOf" got invalid value "0000-01-01"; Expected type "LocalDate". LocalDate must be from 1900-01-01 to 9999-12-31, got "0000-01-01"\n',
    });
  });
});
