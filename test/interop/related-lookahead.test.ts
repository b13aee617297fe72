import { startTestServer, type TestServer } from '../support/server';

/**
 * Look-ahead on interopMatrix cells and paravirtual paths: the objects they point to (statement, driver package,
 * required features; hypervisor, release, vendor, license) are built by the main statement. Each must be what the
 * loaders give: the compiled answer is compared with the same query made uncompilable (one field per object that
 * the compiler does not know), with those fields removed.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function ask<T>(query: string): Promise<{ data: T; statements: number }> {
  const res = await server.graphql<T>(query);
  expect(res.body.errors).toBeUndefined();
  return { data: res.body.data!, statements: Number(res.headers.get('x-sql-statements')) };
}

/** The aliases under which the uncompilable queries ask for their extra fields. */
const EXTRA = [
  'extraPackage',
  'extraTerms',
  'extraRequiredBy',
  'extraPackages',
  'extraHypervisors',
  'extraOverhead',
];

/** The answer without the fields named `extra` (at any depth). */
function without(value: unknown, extra: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => without(v, extra));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !extra.includes(k))
        .map(([k, v]) => [k, without(v, extra)]),
    );
  }
  return value;
}

const PACKAGE = (extra: string) =>
  `driverPackage { id slug name devices description vendor { name } hypervisor { slug } sources { slug } ${extra} }`;
const STATEMENT = (extra: string) =>
  `statement { id slug mode status validFrom validTo notes guestOs { slug } hostOs { slug } ${extra} }`;

describe('look-ahead on interop', () => {
  it('builds the matrix cells’ statement, driver package and required features as the loaders do', async () => {
    const matrix = (extra: boolean) => `{ interopMatrix(
        guests: ["windows-server-2003", "windows-xp", "rhel-5", "sles-10-sp1", "solaris"],
        hypervisors: ["xen", "kvm", "microsoft-hyper-v", "vmware-esx-3-0", "xensource-xenenterprise", "virtualbox"],
        asOf: "2008-06-01") {
      cells { state summary ${STATEMENT(extra ? 'extraPackage: driverPackage { slug }' : '')} ${PACKAGE(extra ? 'extraTerms: terms { obtainability }' : '')}
              requiredFeatures { id slug name category announcedOn shippedOn vendor { name } ${extra ? 'extraRequiredBy: requiredBy { slug }' : ''} } } } }`;
    const compiled = await ask<{ interopMatrix: { cells: Record<string, unknown>[][] } }>(matrix(false));
    const loaded = await ask<{ interopMatrix: { cells: Record<string, unknown>[][] } }>(matrix(true));
    expect(compiled.statements).toBe(2);
    expect(loaded.statements).toBeGreaterThan(4);
    expect(compiled.data).toEqual(without(loaded.data, EXTRA));
    const cells = compiled.data.interopMatrix.cells.flat();
    expect(cells.filter((c) => c['driverPackage']).length).toBeGreaterThan(0);
    expect(cells.filter((c) => (c['requiredFeatures'] as unknown[]).length).length).toBeGreaterThan(0);
    expect(cells.filter((c) => c['statement'] === null).length).toBeGreaterThan(0);
  });

  it('builds the paravirtual paths’ objects as the loaders do', async () => {
    const paths = (extra: boolean) => `{ paravirtPaths(guest: "windows-server-2003", asOf: "2010-01-01") {
      mode since ${PACKAGE(extra ? 'extraTerms: terms { obtainability }' : '')} ${STATEMENT(extra ? 'extraPackage: driverPackage { slug }' : '')}
      vendor { slug name ${extra ? 'extraPackages: driverPackages { slug }' : ''} }
      license { slug name isOpenSource ${extra ? 'extraHypervisors: hypervisors { slug }' : ''} }
      hypervisor { slug name license { name } ${extra ? 'extraPackages: driverPackages { slug }' : ''} }
      hypervisorRelease { slug version ${extra ? 'extraOverhead: overheadVsNative(workload: "net-rx") { __typename }' : ''} } } }`;
    const compiled = await ask<{ paravirtPaths: Record<string, unknown>[] }>(paths(false));
    const loaded = await ask<{ paravirtPaths: Record<string, unknown>[] }>(paths(true));
    expect(compiled.statements).toBe(2);
    expect(loaded.statements).toBeGreaterThan(4);
    expect(compiled.data).toEqual(without(loaded.data, EXTRA));
    expect(compiled.data.paravirtPaths.length).toBeGreaterThan(2);
    expect(compiled.data.paravirtPaths.some((p) => p['driverPackage'] === null)).toBe(true);
    expect(compiled.data.paravirtPaths.some((p) => p['license'] !== null)).toBe(true);
  });
});
