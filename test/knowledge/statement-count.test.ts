import { startTestServer, type TestServer } from '../support/server';

/**
 * The contract of every list: the number of SQL statements a request costs does not grow with the page size
 * or the width of the nesting. 300 extra vendors, each with 2 hypervisors of 2 releases, make a page of 200
 * really hold 200 vendors, 400 hypervisors and 800 releases.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.app.dataSource.query(`
    WITH v AS (
      INSERT INTO vendor (slug, name, kind, description)
      SELECT 'bulk-vendor-' || i, 'Bulk Vendor ' || lpad(i::text, 3, '0'), 'company', 'Generated for the statement-count test.'
        FROM generate_series(1, 300) i
      RETURNING id, slug
    ), h AS (
      INSERT INTO hypervisor (slug, name, vendor_id, architecture, techniques, license_id, description)
      SELECT v.slug || '-hv-' || j, 'Bulk Hypervisor ' || v.slug || '-' || j, v.id, 'hosted', '{emulation}',
             (SELECT id FROM license WHERE slug = 'gpl-2-0'), 'Generated.'
        FROM v, generate_series(1, 2) j
      RETURNING id, slug
    ), r AS (
      INSERT INTO hypervisor_release (slug, hypervisor_id, version, description)
      SELECT h.slug || '-r' || k, h.id, k || '.0', 'Generated.' FROM h, generate_series(1, 2) k
      RETURNING id
    )
    INSERT INTO vendor_source (vendor_id, source_id)
    SELECT v.id, (SELECT id FROM source ORDER BY id LIMIT 1) FROM v`);
});
afterAll(() => server.stop());

const THREE_LEVELS = `query ($first: Int!) {
  vendors(first: $first) {
    totalCount
    nodes {
      name
      sources { title }
      hypervisors {
        name
        license { name sources { url } }
        releases { version supportStatements { mode guestOs { name } driverPackage { name } } }
        driverPackages { name terms { license { name } } }
      }
      people { name }
      relations { kind to { name } }
    }
  }
}`;

async function statements(first: number): Promise<{ count: number; vendors: number; releases: number }> {
  const res = await server.graphql<{ vendors: { nodes: { hypervisors: { releases: unknown[] }[] }[] } }>(
    THREE_LEVELS,
    {
      first,
    },
  );
  expect(res.body.errors).toBeUndefined();
  const vendors = res.body.data!.vendors.nodes;
  return {
    count: Number(res.headers.get('x-sql-statements')),
    vendors: vendors.length,
    releases: vendors.flatMap((v) => v.hypervisors.flatMap((h) => h.releases)).length,
  };
}

describe('SQL statements per request', () => {
  it('are the same for a 3-level query at page size 5 and 200', async () => {
    const small = await statements(5);
    const large = await statements(200);
    expect({ vendors: small.vendors, largeVendors: large.vendors }).toEqual({
      vendors: 5,
      largeVendors: 200,
    });
    expect(large.releases).toBeGreaterThanOrEqual(400);
    expect(large.count).toBe(small.count);
    // One statement per relation and level, plus the page and its count: a small, fixed number.
    expect(small.count).toBeLessThanOrEqual(20);
  });
});
