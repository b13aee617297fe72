import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { SEED_DATA_DIR } from '../../seeds/seed';
import { createDataSource } from '../../src/db/data-source';
import { CITATION_TABLES } from '../../src/sources/source.queries';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** Every fact of the seed files is in the database, and every row cites at least one source. */
let db: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await createTestDatabase();
  ds = createDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const seedRows = (file: string): Record<string, unknown>[] =>
  JSON.parse(fs.readFileSync(path.join(SEED_DATA_DIR, file), 'utf8')) as Record<string, unknown>[];
const count = async (sql: string): Promise<number> => (await ds.query<{ n: number }[]>(sql))[0].n;

describe('the seeded knowledge base', () => {
  it.each([
    ['sources.json + calibration_sources.json', 'source'],
    ['licenses.json', 'license'],
    ['vendors.json', 'vendor'],
    ['hypervisors.json', 'hypervisor'],
    ['hypervisor_releases.json', 'hypervisor_release'],
    ['operating_systems.json', 'operating_system'],
    ['hardware_features.json', 'hardware_feature'],
    ['driver_packages.json', 'driver_package'],
    ['support_statements.json', 'support_statement'],
    ['vendor_relations.json', 'vendor_relation'],
    ['people.json', 'person'],
    ['topics.json', 'topic'],
    ['conferences.json', 'conference'],
    ['sessions.json', 'session'],
    ['calibration_targets.json + io_calibration_targets.json', 'calibration_target'],
  ])('holds every row of %s in %s', async (files, table) => {
    const expected = files
      .split(' + ')
      .flatMap(seedRows)
      .map((r) => r['slug'] as string)
      .sort();
    const actual = (
      await ds.query<{ slug: string }[]>(`SELECT slug FROM ${table} ORDER BY slug COLLATE "C"`)
    ).map((r) => r.slug);
    expect(actual).toEqual([...expected].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('holds every driver package term, person affiliation, track and session speaker', async () => {
    const terms = seedRows('driver_packages.json').flatMap((p) => p['terms'] as unknown[]).length;
    const affiliations = seedRows('people.json').flatMap((p) => p['affiliations'] as unknown[]).length;
    const tracks = seedRows('conferences.json').flatMap((c) => c['tracks'] as unknown[]).length;
    const speakers = seedRows('sessions.json').flatMap((s) => s['speakers'] as unknown[]).length;
    expect({
      terms: await count('SELECT count(*)::int AS n FROM driver_package_term'),
      affiliations: await count('SELECT count(*)::int AS n FROM person_affiliation'),
      tracks: await count('SELECT count(*)::int AS n FROM track'),
      speakers: await count('SELECT count(*)::int AS n FROM session_speaker'),
    }).toEqual({ terms, affiliations, tracks, speakers });
  });

  it('holds what every vendor relation changed: its effect and its links', async () => {
    const expected = seedRows('vendor_relations.json').map((r) => {
      const affects = r['affects'] as Record<
        'hypervisors' | 'driverPackages' | 'supportStatements',
        string[]
      >;
      return {
        slug: r['slug'],
        effect: r['effect'],
        hypervisors: [...affects.hypervisors].sort(),
        driverPackages: [...affects.driverPackages].sort(),
        supportStatements: [...affects.supportStatements].sort(),
      };
    });
    const linked = (table: string, target: string, column: string) =>
      `ARRAY(SELECT t.slug FROM ${table} l JOIN ${target} t ON t.id = l.${column}
              WHERE l.vendor_relation_id = x.id ORDER BY t.slug COLLATE "C")`;
    const actual = await ds.query(
      `SELECT x.slug, x.effect,
              ${linked('vendor_relation_hypervisor', 'hypervisor', 'hypervisor_id')} AS hypervisors,
              ${linked('vendor_relation_driver_package', 'driver_package', 'driver_package_id')} AS "driverPackages",
              ${linked('vendor_relation_support_statement', 'support_statement', 'support_statement_id')}
                AS "supportStatements"
         FROM vendor_relation x ORDER BY x.slug COLLATE "C"`,
    );
    const byCodeUnit = (a: { slug: unknown }, b: { slug: unknown }) =>
      String(a.slug) < String(b.slug) ? -1 : String(a.slug) > String(b.slug) ? 1 : 0;
    expect(actual).toEqual(expected.sort(byCodeUnit));
  });

  it.each(Object.entries(CITATION_TABLES))(
    'leaves no %s without a source',
    async (_kind, { table, owner }) => {
      const ownerTable = owner.replace(/_id$/, '');
      const uncited = await ds.query<{ id: number }[]>(
        `SELECT o.id FROM ${ownerTable} o WHERE NOT EXISTS (SELECT 1 FROM ${table} c WHERE c.${owner} = o.id)`,
      );
      expect(uncited).toEqual([]);
    },
  );

  it('indexes every object for search', async () => {
    const documents = await count('SELECT count(*)::int AS n FROM search_document');
    const objects = await count(`SELECT (
      (SELECT count(*) FROM hypervisor) + (SELECT count(*) FROM hypervisor_release) + (SELECT count(*) FROM vendor)
      + (SELECT count(*) FROM license) + (SELECT count(*) FROM source) + (SELECT count(*) FROM operating_system)
      + (SELECT count(*) FROM hardware_feature) + (SELECT count(*) FROM driver_package)
      + (SELECT count(*) FROM support_statement) + (SELECT count(*) FROM vendor_relation) + (SELECT count(*) FROM person)
      + (SELECT count(*) FROM topic) + (SELECT count(*) FROM conference) + (SELECT count(*) FROM session)
      + (SELECT count(*) FROM claim))::int AS n`);
    expect(documents).toBe(objects);
  });
});
