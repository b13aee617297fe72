import { spawn } from 'node:child_process';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../../src/config';
import { CITUS_PLACEMENT, citusFollowUpScript, citusScript } from '../../src/db/citus';
import { citusProblems, readCitusCatalogue, type CitusCatalogue } from '../../src/db/citus-catalogue';
import { createDataSource } from '../../src/db/data-source';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * The migrated schema against Citus's rules for the placements in src/db/citus.ts (no Citus here: the rules are
 * checked on the catalogue, and the generated script is run against stand-ins of the two Citus functions).
 */

let db: TestDatabase;
let ds: DataSource;
let catalogue: CitusCatalogue;
beforeAll(async () => {
  db = await createTestDatabase();
  ds = createDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
  catalogue = await readCitusCatalogue(ds);
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const DISTRIBUTED = ['measurement'];

describe('the migrated schema on Citus', () => {
  it('has nothing Citus would refuse with these placements', () => {
    expect(citusProblems(catalogue)).toEqual([]);
  });

  it('places every table, and only tables that exist; partitions follow measurement', () => {
    const own = catalogue.relations.filter((r) => !r.parent).map((r) => r.name);
    expect(own.sort()).toEqual(Object.keys(CITUS_PLACEMENT).sort());
    expect(catalogue.relations.filter((r) => r.parent)).toEqual(
      Array.from({ length: 10 }, (_, i) => ({
        name: `measurement_y${2002 + i}`,
        kind: 'table',
        parent: 'measurement',
      })),
    );
  });

  it('gives the distributed tables no unique key, no identity and no foreign key; the rollups are reference tables', () => {
    const distributed = new Set([
      ...DISTRIBUTED,
      ...catalogue.relations.filter((r) => r.parent).map((r) => r.name),
    ]);
    expect(catalogue.uniques.filter((u) => distributed.has(u.table))).toEqual([]);
    expect(
      [
        'measurement_rollup',
        'measurement_sketch',
        'measurement_rollup_total',
        'measurement_sketch_total',
      ].map((t) => CITUS_PLACEMENT[t].kind),
    ).toEqual(['reference', 'reference', 'reference', 'reference']);
    expect(catalogue.columns.filter((c) => distributed.has(c.table) && c.identity)).toEqual([]);
    expect(
      catalogue.columns
        .filter((c) => distributed.has(c.table) && c.column === 'scenario_id')
        .map(({ type, notNull }) => ({ type, notNull })),
    ).toEqual(Array.from({ length: 11 }, () => ({ type: 'integer', notNull: true })));
    expect(
      catalogue.foreignKeys.filter((fk) => distributed.has(fk.table) || distributed.has(fk.referencedTable)),
    ).toEqual([]);
    expect(catalogue.triggers).toEqual([]);
  });

  it('keeps the coordinator-local tables out of every foreign key', () => {
    const local = Object.keys(CITUS_PLACEMENT).filter((t) => CITUS_PLACEMENT[t].kind === 'local');
    expect(local.sort()).toEqual([
      'api_key',
      'audit_log',
      'search_document',
      'seed_state',
      'typeorm_migration',
    ]);
    expect(
      catalogue.foreignKeys.filter((fk) => local.includes(fk.table) || local.includes(fk.referencedTable)),
    ).toEqual([]);
  });
});

describe('the Citus checks', () => {
  const withChanges = (change: Partial<{ [K in keyof CitusCatalogue]: CitusCatalogue[K] }>): string[] =>
    citusProblems({ ...catalogue, ...change });

  it('name a table without a placement and a placement without a table', () => {
    const relations = catalogue.relations
      .filter((r) => r.name !== 'workload')
      .concat({ name: 'benchmark_note', kind: 'table', parent: null });
    expect(withChanges({ relations })).toEqual([
      'benchmark_note has no Citus placement: add it to CITUS_PLACEMENT in src/db/citus.ts.',
      'workload has a Citus placement but no table: remove it.',
    ]);
  });

  it('refuse a unique key or exclusion constraint of a distributed table without scenario_id', () => {
    const uniques = [
      ...catalogue.uniques,
      {
        table: 'measurement',
        name: 'rollup_run_month',
        columns: ['run_id', 'month'],
        exclusionOperators: [],
      },
      { table: 'measurement_y2007', name: 'y2007_expr', columns: [null], exclusionOperators: [] },
      {
        table: 'measurement_y2008',
        name: 'sketch_excl',
        columns: ['scenario_id', 'bin'],
        exclusionOperators: ['<>', '='],
      },
    ];
    expect(withChanges({ uniques })).toEqual([
      'rollup_run_month on measurement (run_id, month) must include scenario_id: Citus checks uniqueness shard by shard.',
      'y2007_expr on measurement_y2007 (<expression>) must include scenario_id: Citus checks uniqueness shard by shard.',
      'sketch_excl on measurement_y2008 (scenario_id, bin) must include scenario_id with =: Citus checks uniqueness shard by shard.',
    ]);
  });

  it('refuse foreign keys from reference to distributed tables, between tables without scenario_id, and to local ones', () => {
    const fk = (table: string, columns: string[], referencedTable: string, referencedColumns: string[]) => ({
      table,
      name: `${table}_fk`,
      columns,
      referencedTable,
      referencedColumns,
      definition: '',
    });
    const foreignKeys = [
      ...catalogue.foreignKeys,
      fk('scenario', ['id'], 'measurement', ['scenario_id']),
      fk('measurement_y2008', ['run_id'], 'measurement', ['run_id']),
      fk('measurement_y2009', ['scenario_id', 'run_id'], 'measurement', ['scenario_id', 'run_id']),
      fk('measurement_rollup', ['scenario_id'], 'scenario', ['id']),
      fk('audit_log', ['key_prefix'], 'vendor', ['slug']),
    ];
    expect(withChanges({ foreignKeys })).toEqual([
      'Foreign key scenario_fk (scenario → measurement): a reference table cannot reference a distributed table.',
      'Foreign key measurement_y2008_fk (measurement_y2008 → measurement) must pair scenario_id with scenario_id: each shard checks only its own rows.',
      'Foreign key audit_log_fk (audit_log → vendor) links a coordinator-local table with a Citus table.',
    ]);
  });

  it('refuse triggers on Citus tables, int identity columns and a nullable key on distributed ones', () => {
    const columns = catalogue.columns.map((c) =>
      c.table === 'measurement' && c.column === 'scenario_id' ? { ...c, notNull: false } : c,
    );
    expect(
      withChanges({
        columns: [
          ...columns,
          { table: 'measurement', column: 'id', type: 'integer', notNull: true, identity: 'a' },
        ],
        triggers: [
          { table: 'audit_log', name: 'audit_notify' },
          { table: 'vendor', name: 'vendor_touch' },
        ],
      }),
    ).toEqual([
      'measurement.scenario_id must be NOT NULL: rows are routed by it.',
      'measurement.id is an identity column of type integer: on a distributed table it must be bigint.',
      'Trigger vendor_touch on vendor: keep triggers off Citus (reference) tables.',
    ]);
  });
});

describe('the db:citus script', () => {
  it('distributes every placed table once, the referenced tables and the co-location anchor first', () => {
    const script = citusScript(catalogue.foreignKeys);
    const calls = [...script.matchAll(/SELECT create_(reference|distributed)_table\('(\w+)'/g)].map(
      (m) => m[2],
    );
    expect([...calls].sort()).toEqual(
      Object.keys(CITUS_PLACEMENT)
        .filter((t) => CITUS_PLACEMENT[t].kind !== 'local')
        .sort(),
    );
    for (const fk of catalogue.foreignKeys.filter((k) => k.table !== k.referencedTable)) {
      expect([fk.table, calls.indexOf(fk.referencedTable) < calls.indexOf(fk.table)]).toEqual([
        fk.table,
        true,
      ]);
    }
    expect(calls.slice(-1)).toEqual(['measurement']);
  });

  it('runs on the migrated database (Citus functions stood in for) and leaves every foreign key as it was', async () => {
    const script = citusScript(catalogue.foreignKeys)
      .split('\n')
      .filter((l) => !l.startsWith('\\'))
      .join('\n');
    const runner = ds.createQueryRunner();
    try {
      await runner.query('CREATE TEMP TABLE citus_calls (n serial, call text)');
      await runner.query(`CREATE FUNCTION pg_temp.create_reference_table(t regclass) RETURNS void LANGUAGE sql
        AS $$ INSERT INTO citus_calls (call) VALUES ('reference ' || t) $$`);
      await runner.query(`CREATE FUNCTION pg_temp.create_distributed_table(t regclass, c text, colocate_with text
        DEFAULT 'default') RETURNS void LANGUAGE sql AS $$ INSERT INTO citus_calls (call) VALUES ('distributed ' || t || ' ' || c || ' ' || colocate_with) $$`);
      // pg_temp functions are found only when named with their schema.
      await runner.query(script.replace(/SELECT create_/g, 'SELECT pg_temp.create_'));
      const { length } = (await runner.query('SELECT 1 FROM citus_calls')) as unknown[];
      expect(length).toBe(Object.values(CITUS_PLACEMENT).filter((p) => p.kind !== 'local').length);
      expect(
        await runner.query('SELECT call FROM citus_calls WHERE call LIKE $1 ORDER BY n', ['distributed%']),
      ).toEqual([{ call: 'distributed measurement scenario_id default' }]);
      expect((await readCitusCatalogue(runner)).foreignKeys).toEqual(catalogue.foreignKeys);
    } finally {
      await runner.release();
    }
  });
});

describe('db:citus on a database Citus already holds', () => {
  const run = (url: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'citus.js')], {
        env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: url, LOG_LEVEL: 'silent' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  const placed = Object.keys(CITUS_PLACEMENT)
    .filter((t) => CITUS_PLACEMENT[t].kind !== 'local')
    .sort();

  // Citus's catalogue stood in for: a pg_dist_partition table in a schema on the database's search path.
  async function holds(rows: [string, 'h' | 'n'][]): Promise<void> {
    await ds.query('DROP SCHEMA IF EXISTS citus_standin CASCADE');
    await ds.query('CREATE SCHEMA citus_standin');
    await ds.query(
      'CREATE TABLE citus_standin.pg_dist_partition (logicalrelid regclass, partmethod "char", repmodel "char")',
    );
    await ds.query(
      `INSERT INTO citus_standin.pg_dist_partition
       SELECT t::regclass, m::"char", (CASE m WHEN 'n' THEN 't' ELSE 's' END)::"char" FROM unnest($1::text[], $2::text[]) AS x(t, m)`,
      [rows.map((r) => r[0]), rows.map((r) => r[1])],
    );
    await ds.query(`ALTER DATABASE ${db.name} SET search_path = public, citus_standin`);
  }
  afterAll(async () => {
    await ds.query(`ALTER DATABASE ${db.name} RESET search_path`);
    await ds.query('DROP SCHEMA IF EXISTS citus_standin CASCADE');
  });
  const asPlaced = (t: string): [string, 'h' | 'n'] => [
    t,
    CITUS_PLACEMENT[t].kind === 'distributed' ? 'h' : 'n',
  ];

  it('prints the whole script on a database Citus does not hold', async () => {
    const { code, stdout } = await run(db.url);
    expect([code, stdout]).toEqual([0, citusScript(catalogue.foreignKeys)]);
  });

  it('says the database is distributed already, and prints nothing to run, when every table is placed', async () => {
    await holds([...placed.map(asPlaced), ['measurement_y2007', 'h']]);
    expect(await run(db.url)).toEqual({
      code: 0,
      stdout: '',
      stderr: expect.stringMatching(
        new RegExp(
          `is distributed already \\(${placed.length} tables as src/db/citus.ts places them\\): nothing to do\\.\\n$`,
        ),
      ) as string,
    });
  });

  it('prints only the statements for tables added since, and refuses a table held otherwise than placed', async () => {
    await holds(placed.filter((t) => t !== 'claim_source' && t !== 'claim_workload').map(asPlaced));
    const added = await run(db.url);
    expect([added.code, added.stderr.split('; ')[1]]).toEqual([
      0,
      'placing the 2 table(s) added since: claim_source, claim_workload.\n',
    ]);
    expect(added.stdout).toBe(citusFollowUpScript(['claim_source', 'claim_workload'], catalogue.foreignKeys));
    expect(added.stdout.split('\n').filter((l) => l.startsWith('SELECT'))).toEqual([
      "SELECT create_reference_table('claim_source');",
      "SELECT create_reference_table('claim_workload');",
    ]);

    await holds(placed.map((t) => (t === 'measurement_rollup' ? [t, 'h'] : asPlaced(t))));
    const misplaced = await run(db.url);
    expect([misplaced.code, misplaced.stdout, misplaced.stderr.split('\n')[1]]).toEqual([
      1,
      '',
      '  - measurement_rollup: distributed, placed reference',
    ]);
  });
});
