import { startTestServer, type TestServer } from '../support/server';

/**
 * Look-ahead (src/lookahead): a `vendors` selection over knowledge types only is answered by one compiled SQL
 * statement; any other selection by the resolvers and their DataLoaders. Both must give the same answer. Each
 * query here runs twice: as is (compiled), and with one field the compiler does not know (Vendor.driverPackages),
 * which sends the same selection through the resolvers; the answers must match field for field.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const SOURCE = 'id slug title publisher url publishedOn kind secondary note';
const OS = `id slug name family version releasedOn releasedOnPrecision canHost canBeGuest description
  parent { slug name } vendor { slug } sources { slug }`;
const EVERY_FIELD = `
  id slug name kind website description
  sources { ${SOURCE} }
  hypervisors {
    id slug name architecture techniques licenseNote firstReleasedOn description
    vendor { slug name }
    license { id slug name spdxId kind url description isOpenSource sources { ${SOURCE} } }
    sources { slug }
    releases {
      id slug version releasedOn releasedOnPrecision description
      hypervisor { slug }
      sources { slug title }
      supportStatements {
        id slug mode status validFrom validFromPrecision validTo validToPrecision notes
        guestOs { ${OS} }
        hostOs { slug name }
        hypervisorRelease { slug version }
        sources { slug }
      }
    }
  }`;

interface Answer {
  data: { vendors: { nodes: Record<string, unknown>[] } & Record<string, unknown> };
  statements: number;
}

async function ask(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const res = await server.graphql<Answer['data']>(query.replace(THROUGH_RESOLVERS, ''), variables);
  expect(res.body.errors).toBeUndefined();
  return { data: res.body.data!, statements: Number(res.headers.get('x-sql-statements')) };
}

/** Where a query may take a field the compiler does not know (removed when the query is asked as is). */
const THROUGH_RESOLVERS = '%through-resolvers%';

/** The query with `driverPackages { name }` where THROUGH_RESOLVERS stands, and that field removed from the answer. */
async function throughResolvers(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const answer = await ask(query.replace(THROUGH_RESOLVERS, 'driverPackages { name }'), variables);
  for (const node of answer.data.vendors.nodes) delete node['driverPackages'];
  return answer;
}

describe('look-ahead on vendors', () => {
  it('answers every compiled field of every knowledge type as the resolvers do, in one statement', async () => {
    const query = `{ vendors(first: 40) { totalCount nodes { ${EVERY_FIELD} %through-resolvers% } } }`;
    const compiled = await ask(query);
    const resolved = await throughResolvers(query);
    expect(compiled.statements).toBe(1);
    expect(resolved.statements).toBeGreaterThan(5);
    expect(compiled.data).toEqual(resolved.data);
    // The comparison is not vacuous: the seeded knowledge fills every level.
    const statements = compiled.data.vendors.nodes.flatMap((v) =>
      (v['hypervisors'] as { releases: { supportStatements: unknown[] }[] }[]).flatMap((h) =>
        h.releases.flatMap((r) => r.supportStatements),
      ),
    );
    expect(compiled.data.vendors.totalCount).toBe(compiled.data.vendors.nodes.length);
    expect(statements.length).toBeGreaterThan(20);
  });

  it('pages, filters by kind, follows fragments, aliases, @include and edges as the resolvers do', async () => {
    const query = `query ($after: String, $withSources: Boolean!) {
      vendors(first: 3, after: $after, kind: COMPANY) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { __typename ...names } }
        nodes { ...names sources @include(if: $withSources) { title } %through-resolvers% }
      }
    }
    fragment names on Vendor {
      name label: name
      hypervisors { __typename ... on Hypervisor { slug } releases { version } }
      more: hypervisors { name }
    }`;
    const first = await ask(query, { after: null, withSources: true });
    const endCursor = (first.data.vendors['pageInfo'] as { endCursor: string }).endCursor;
    for (const variables of [
      { after: null, withSources: true },
      { after: endCursor, withSources: false },
    ]) {
      const compiled = await ask(query, variables);
      const resolved = await throughResolvers(query, variables);
      expect(compiled.statements).toBe(1);
      expect(compiled.data).toEqual(resolved.data);
      expect(compiled.data.vendors.nodes).toHaveLength(3);
    }
  });

  it('leaves selections with arguments on nested fields to the resolvers', async () => {
    const query = `{ vendors(first: 5) { nodes { name hypervisors { releases { supportStatements(asOf: "2007-08-07") { mode } } } } } }`;
    const answer = await ask(query);
    expect(answer.statements).toBeGreaterThan(1);
  });
});
