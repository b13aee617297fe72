import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { diffEntitiesAgainstDatabase } from '../../src/db/schema-diff';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await createTestDatabase({ empty: true });
  ds = createDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const tables = async (): Promise<string[]> =>
  (
    await ds.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    )
  ).map((r) => r.table_name);

describe('migrations', () => {
  it('build, from an empty database, exactly the schema the entities describe (no drift)', async () => {
    await ds.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(
      [
        'api_key',
        'audit_log',
        'benchmark_run',
        'measurement',
        'measurement_rollup',
        'measurement_rollup_total',
        'measurement_sketch',
        'measurement_sketch_total',
        ...Array.from({ length: 10 }, (_, i) => `measurement_y${2002 + i}`),
        'scenario',
        'scenario_hardware_feature',
        'scenario_workload',
        'testbed',
        'testbed_hardware_feature',
        'workload',
        'calibration_target',
        'claim',
        'claim_driver_package',
        'claim_side',
        'claim_source',
        'claim_workload',
        'conference',
        'conference_source',
        'driver_package',
        'driver_package_guest_os',
        'driver_package_host_os',
        'driver_package_price_tier',
        'driver_package_source',
        'driver_package_term',
        'driver_package_term_guest_os',
        'driver_package_term_source',
        'hardware_feature',
        'hardware_feature_source',
        'hypervisor',
        'hypervisor_release',
        'hypervisor_release_source',
        'hypervisor_source',
        'license',
        'license_source',
        'operating_system',
        'operating_system_source',
        'person',
        'person_affiliation',
        'person_affiliation_source',
        'person_source',
        'seed_state',
        'session',
        'session_source',
        'session_speaker',
        'session_topic',
        'source',
        'support_statement',
        'support_statement_feature',
        'support_statement_source',
        'topic',
        'topic_source',
        'track',
        'typeorm_migration',
        'vendor',
        'vendor_relation',
        'vendor_relation_driver_package',
        'vendor_relation_hypervisor',
        'vendor_relation_source',
        'vendor_relation_support_statement',
        'vendor_source',
      ].sort(),
    );
    const views = await ds.query(`SELECT matviewname FROM pg_matviews WHERE schemaname = 'public'`);
    expect(views).toEqual([{ matviewname: 'search_document' }]);
    const partitions = await ds.query<{ name: string; bounds: string }[]>(
      `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bounds
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'measurement'::regclass ORDER BY c.relname`,
    );
    expect(partitions).toEqual(
      Array.from({ length: 10 }, (_, i) => ({
        name: `measurement_y${2002 + i}`,
        bounds: `FOR VALUES FROM ('${2002 + i}-01-01') TO ('${2003 + i}-01-01')`,
      })),
    );
    expect(await diffEntitiesAgainstDatabase(ds)).toEqual({ up: [], down: [] });
  });

  it('revert completely, leaving no table or type behind, and apply again', async () => {
    while ((await ds.query<{ n: number }[]>('SELECT count(*)::int AS n FROM typeorm_migration'))[0].n > 0) {
      await ds.undoLastMigration({ transaction: 'each' });
    }
    expect(await tables()).toEqual(['typeorm_migration']);
    expect(await ds.query(`SELECT matviewname FROM pg_matviews WHERE schemaname = 'public'`)).toEqual([]);
    const types = await ds.query<{ typname: string }[]>(
      `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype = 'e'`,
    );
    expect(types).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await diffEntitiesAgainstDatabase(ds)).toEqual({ up: [], down: [] });
  });
});
