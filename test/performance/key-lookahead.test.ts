import { startTestServer, type TestServer } from '../support/server';

/**
 * Look-ahead on performanceStats' group keys: `key { hypervisor | release | guest | workload { … } }` is built
 * in the statistics statement itself. Each key object must be what the loaders give: the compiled answer is
 * compared with the same query made uncompilable (a field the compiler does not know on the key's type) and,
 * for workloads, with the `workloads` catalogue.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

interface Group {
  key: Record<string, Record<string, unknown> | null>;
  count: number;
}

async function stats(keySelection: string, variables: Record<string, unknown> = {}) {
  const res = await server.graphql<{ performanceStats: { groups: Group[] } }>(
    `query ($withVendor: Boolean = true) {
      performanceStats(groupBy: [HYPERVISOR, RELEASE, GUEST, WORKLOAD]) { groups { key { ${keySelection} } count } }
    }`,
    variables,
  );
  expect(res.body.errors).toBeUndefined();
  return {
    groups: res.body.data!.performanceStats.groups,
    statements: Number(res.headers.get('x-sql-statements')),
  };
}

const HYPERVISOR = 'id slug name firstReleasedOn vendor @include(if: $withVendor) { name }';
const RELEASE = 'id slug version releasedOn hypervisor { slug }';
const GUEST = 'id slug name family parent { slug }';
const WORKLOAD = 'id slug name shape metric unit higherIsBetter description';

describe('performanceStats group keys', () => {
  it('come from the statistics statement, equal to what the loaders give', async () => {
    const compiled = await stats(
      `hypervisor { ${HYPERVISOR} } release { ${RELEASE} } guest { ${GUEST} } workload { ${WORKLOAD} }`,
    );
    const loaded = await stats(
      `hypervisor { ${HYPERVISOR} driverPackages { slug } } release { ${RELEASE} overheadVsNative(workload: "net-rx") { __typename } }
       guest { ${GUEST} driverPackages { slug } } workload { ${WORKLOAD} }`,
    );
    expect(compiled.statements).toBe(1);
    expect(loaded.statements).toBeGreaterThan(3);
    const strip = (g: Group): Group => ({
      ...g,
      key: {
        ...g.key,
        hypervisor: g.key['hypervisor'] && { ...g.key['hypervisor'], driverPackages: undefined },
        release: g.key['release'] && { ...g.key['release'], overheadVsNative: undefined },
        guest: g.key['guest'] && { ...g.key['guest'], driverPackages: undefined },
      },
    });
    expect(compiled.groups.map(strip)).toEqual(loaded.groups.map(strip));
    // Native runs have no hypervisor; every other group names one, and every group a workload from the catalogue.
    expect(compiled.groups.some((g) => g.key['hypervisor'] === null)).toBe(true);
    expect(compiled.groups.filter((g) => g.key['hypervisor'] !== null).length).toBeGreaterThan(10);
    const catalogue = await server.graphql<{ workloads: Record<string, unknown>[] }>(
      `{ workloads { ${WORKLOAD} } }`,
    );
    const byId = new Map(catalogue.body.data!.workloads.map((w) => [w['id'], w]));
    for (const g of compiled.groups) expect(g.key['workload']).toEqual(byId.get(g.key['workload']!['id']));
  });

  it('honour @include on a key object’s fields', async () => {
    const { groups } = await stats(`hypervisor { ${HYPERVISOR} }`, { withVendor: false });
    expect(groups.find((g) => g.key['hypervisor'])!.key['hypervisor']).not.toHaveProperty('vendor');
  });
});
