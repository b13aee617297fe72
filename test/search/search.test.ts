import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Hit = {
  kind: string;
  title: string;
  matchedBy: string;
  snippet: string;
  node: { id: string; slug?: string };
};
const search = async (query: string, args = '') => {
  const res = await server.graphql<{ search: Hit[] }>(
    `query ($q: String!) { search(query: $q${args}) {
       kind title matchedBy snippet node { id ... on DriverPackage { slug } ... on Hypervisor { slug } ... on Vendor { slug } ... on Session { slug } }
     } }`,
    { q: query },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.search;
};

describe('search', () => {
  it('puts Novell’s Virtual Machine Driver Pack first for "paravirtualized drivers windows suse", with a highlighted snippet', async () => {
    const hits = await search('paravirtualized drivers windows suse');
    expect(hits[0]).toEqual({
      kind: 'DRIVER_PACKAGE',
      title: 'SUSE Linux Enterprise Virtual Machine Driver Pack (VMDP)',
      matchedBy: 'TEXT',
      snippet: expect.stringMatching(
        /^<mark>SUSE<\/mark> Linux Enterprise Virtual Machine <mark>Driver<\/mark> Pack/,
      ),
      node: { id: expect.any(String), slug: 'novell-vmdp' },
    });
    expect(hits[0].snippet).toContain('<mark>paravirtualized</mark>');
    expect(hits[0].snippet).toContain('<mark>Windows</mark>');
  });

  it('finds KVM the hypervisor, its vendor Qumranet and the KVM-vs-Xen panel for "kvm"', async () => {
    const hits = await search('kvm');
    expect(hits).toHaveLength(10);
    const found = hits.map((h) => `${h.kind}:${h.node.slug ?? ''}`);
    expect(found).toEqual(
      expect.arrayContaining(['HYPERVISOR:kvm', 'VENDOR:qumranet', 'SESSION:lwce-2007-kvm-xen-panel']),
    );
  });

  it('tolerates a typo in a name', async () => {
    const hits = await search('Qumranett', ', kinds: [VENDOR]');
    expect(hits.map((h) => [h.kind, h.title, h.matchedBy])).toEqual([
      ['VENDOR', 'Qumranet', 'NAME_SIMILARITY'],
    ]);
  });

  it('restricts hits to the kinds asked for and to `first`', async () => {
    const hits = await search('xen', ', kinds: [HYPERVISOR], first: 3');
    expect(hits.map((h) => h.node.slug)).toEqual(['xen', 'xensource-xenenterprise', expect.any(String)]);
    expect(new Set(hits.map((h) => h.kind))).toEqual(new Set(['HYPERVISOR']));
  });

  it('returns the matched object itself, which node(id) returns again', async () => {
    const [hit] = await search('lguest', ', kinds: [HYPERVISOR], first: 1');
    const res = await server.graphql(
      `query ($id: ID!) { node(id: $id) { id ... on Hypervisor { slug name } } }`,
      {
        id: hit.node.id,
      },
    );
    expect(res.body).toEqual({ data: { node: { id: hit.node.id, slug: 'lguest', name: 'lguest' } } });
  });

  it.each([
    ['a blank', '   ', 'query must not be empty.', 'query'],
    ['a 201-character', 'x'.repeat(201), 'query must be at most 200 characters.', 'query'],
  ])('rejects %s query with BAD_USER_INPUT', async (_label, query, message, argumentName) => {
    const res = await server.graphql(`query ($q: String!) { search(query: $q) { title } }`, { q: query });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT', argumentName } }),
    ]);
  });

  it('answers `node { id }` from the index in one statement, with the ids the loaded objects have', async () => {
    const ask = async (node: string) => {
      const res = await server.graphql<{
        search: { kind: string; node: { id: string; __typename: string } }[];
      }>(`{ search(query: "xen windows drivers", first: 20) { kind node { ${node} } } }`);
      expect(res.body.errors).toBeUndefined();
      return { hits: res.body.data!.search, statements: Number(res.headers.get('x-sql-statements')) };
    };
    const idOnly = await ask('id __typename');
    const loaded = await ask('id __typename ... on Vendor { slug }');
    expect(idOnly.statements).toBe(1);
    expect(loaded.statements).toBeGreaterThan(1);
    expect(new Set(idOnly.hits.map((h) => h.kind)).size).toBeGreaterThan(3);
    expect(idOnly.hits).toEqual(
      loaded.hits.map(({ kind, node }) => ({
        kind,
        node: { id: node.id, __typename: node.__typename },
      })),
    );
  });

  it('rejects first outside 1..100 and an empty kinds list', async () => {
    const res = await server.graphql(`{ a: search(query: "xen", first: 0) { title } }`);
    expect(res.body.errors?.[0]).toEqual(
      expect.objectContaining({
        message: 'first must be between 1 and 100; got 0.',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
      }),
    );
    const empty = await server.graphql(`{ search(query: "xen", kinds: []) { title } }`);
    expect(empty.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'kinds' });
  });

  it('is not fooled by SQL or tsquery syntax in the query', async () => {
    for (const q of ["'; DROP TABLE vendor; --", 'xen & | ! (', '"unterminated']) {
      const res = await server.graphql(`query ($q: String!) { search(query: $q) { title } }`, { q });
      expect(res.body.errors).toBeUndefined();
    }
    const vendors = await server.graphql(`{ vendors { totalCount } }`);
    expect(vendors.body.data).toEqual({ vendors: { totalCount: 25 } });
  });
});

describe('node(id)', () => {
  it('fetches objects of every kind by global id, and null for an id that no longer exists', async () => {
    const res = await server.graphql(`{
      hypervisor(slug: "xen") { id } vendor(slug: "novell") { id } driverPackage(slug: "novell-vmdp") { id }
      session(slug: "lwce-2007-kvm-xen-panel") { id } topic(slug: "sr-iov") { id } source(slug: "xen-sosp-2003") { id }
    }`);
    const ids = Object.values(res.body.data as Record<string, { id: string }>).map((o) => o.id);
    const nodes = await server.graphql(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
      ids,
    });
    expect((nodes.body.data as { nodes: { __typename: string }[] }).nodes.map((n) => n.__typename)).toEqual([
      'Hypervisor',
      'Vendor',
      'DriverPackage',
      'Session',
      'Topic',
      'Source',
    ]);
    const gone = Buffer.from('Vendor:999999').toString('base64');
    expect((await server.graphql(`{ node(id: "${gone}") { id } }`)).body).toEqual({ data: { node: null } });
  });

  it('rejects a malformed id with BAD_USER_INPUT naming the argument', async () => {
    const res = await server.graphql(`{ node(id: "not-an-id") { id } }`);
    expect(res.body.errors?.[0]).toEqual(
      expect.objectContaining({
        message: 'id is not a valid virtlens id.',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'id' },
      }),
    );
  });
});
