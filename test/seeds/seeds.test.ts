import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { runSeeds, SEEDS } from '../../seeds/index';
import { knowledgeCoreSeed } from '../../seeds/knowledge-core.seed';
import { readSeedData, SeedDataError } from '../../seeds/seed';
import { createDataSource } from '../../src/db/data-source';
import { createTestDatabase, type TestDatabase } from '../support/database';

const logger = pino({ level: 'silent' });
let db: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await createTestDatabase({ empty: true });
  ds = createDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const counts = async () =>
  (
    await ds.query<Record<string, number>[]>(`SELECT
      (SELECT count(*)::int FROM source) AS source, (SELECT count(*)::int FROM license) AS license,
      (SELECT count(*)::int FROM vendor) AS vendor, (SELECT count(*)::int FROM hypervisor) AS hypervisor,
      (SELECT count(*)::int FROM vendor_source) + (SELECT count(*)::int FROM license_source)
        + (SELECT count(*)::int FROM hypervisor_source) AS citation`)
  )[0];

describe('seeds', () => {
  it('load every seed into an empty database, each row citing a source', async () => {
    expect(await runSeeds(ds, logger)).toEqual(SEEDS.map((s) => s.name));
    expect(await counts()).toEqual({ source: 185, license: 6, vendor: 25, hypervisor: 17, citation: 160 });
    const uncited = await ds.query(`
      SELECT 'vendor' AS kind, slug FROM vendor v WHERE NOT EXISTS (SELECT 1 FROM vendor_source WHERE vendor_id = v.id)
      UNION ALL SELECT 'license', slug FROM license l WHERE NOT EXISTS (SELECT 1 FROM license_source WHERE license_id = l.id)
      UNION ALL SELECT 'hypervisor', slug FROM hypervisor h
        WHERE NOT EXISTS (SELECT 1 FROM hypervisor_source WHERE hypervisor_id = h.id)`);
    expect(uncited).toEqual([]);
  });

  it('skip data they already loaded, and reload it unchanged when forced', async () => {
    const before = await ds.query('SELECT id, slug, name FROM hypervisor ORDER BY id');
    expect(await runSeeds(ds, logger)).toEqual([]);
    expect(await runSeeds(ds, logger, { force: true })).toEqual(SEEDS.map((s) => s.name));
    expect(await ds.query('SELECT id, slug, name FROM hypervisor ORDER BY id')).toEqual(before);
    expect(await counts()).toEqual({ source: 185, license: 6, vendor: 25, hypervisor: 17, citation: 160 });
  });

  it('refuse data that names an unknown vendor, and change nothing', async () => {
    const { data } = await readSeedData(knowledgeCoreSeed);
    const hypervisors = (data['hypervisors.json'] as { slug: string; vendor: string; name: string }[]).map(
      (h) => (h.slug === 'xen' ? { ...h, name: 'Xen (edited)', vendor: 'no-such-vendor' } : h),
    );
    await expect(
      ds.transaction((m) => knowledgeCoreSeed.load(m, { ...data, 'hypervisors.json': hypervisors })),
    ).rejects.toThrow(new SeedDataError('hypervisor xen: vendor "no-such-vendor" is not in the seed data'));
    expect(await ds.query(`SELECT name FROM hypervisor WHERE slug = 'xen'`)).toEqual([{ name: 'Xen' }]);
  });

  it('refuse a row that cites no source', async () => {
    const { data } = await readSeedData(knowledgeCoreSeed);
    const vendors = (data['vendors.json'] as { slug: string; sources: string[] }[]).map((v) =>
      v.slug === 'vmware' ? { ...v, sources: [] } : v,
    );
    await expect(
      ds.transaction((m) => knowledgeCoreSeed.load(m, { ...data, 'vendors.json': vendors })),
    ).rejects.toThrow(new SeedDataError('vendor vmware cites no source'));
  });
});
