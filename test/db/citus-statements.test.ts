import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { runSeeds } from '../../seeds/index';
import { readCitusCatalogue, type CitusCatalogue } from '../../src/db/citus-catalogue';
import { createDataSource } from '../../src/db/data-source';
import { createKey, graphqlAs } from '../support/api-keys';
import {
  citusStatementProblems,
  parserReady,
  recordStatements,
  type RecordedStatement,
} from '../support/citus-statements';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/server';

/**
 * The statements the migrations, the seeds and the write paths really send, recorded on one node and checked
 * against the rules Citus applies at run time (see test/support/citus-statements.ts): the two failures found on
 * a real cluster (a seed's DELETE correlated with a distributed table, reference tables written after a
 * parallel statement) and the search view's CTE column list are caught here.
 */

const logger = pino({ level: 'silent' });
let db: TestDatabase;
let ds: DataSource;
let catalogue: CitusCatalogue;
let migrationStatements: RecordedStatement[];
beforeAll(async () => {
  await parserReady;
  db = await createTestDatabase({ empty: true });
  ds = createDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
  const recorder = recordStatements();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    recorder.stop();
  }
  migrationStatements = recorder.statements;
  catalogue = await readCitusCatalogue(ds);
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

async function recorded(work: () => Promise<unknown>): Promise<RecordedStatement[]> {
  const recorder = recordStatements();
  try {
    await work();
  } finally {
    recorder.stop();
  }
  return recorder.statements;
}

describe('statements on Citus', () => {
  it('the migrations: only the two superseded search-view definitions name CTE columns in a list', () => {
    expect(citusStatementProblems(migrationStatements, catalogue).map((p) => p.slice(0, 60))).toEqual([
      '"CREATE MATERIALIZED VIEW search_document AS WITH docs(kind,',
      '"CREATE MATERIALIZED VIEW search_document AS WITH docs(kind,',
    ]);
  });

  it('the views the schema ends with (what REFRESH runs) name no CTE columns in a list', async () => {
    const views = await ds.query<{ name: string; definition: string }[]>(
      `SELECT c.relname AS name, pg_get_viewdef(c.oid) AS definition FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm') ORDER BY 1`,
    );
    expect(views.map((v) => v.name)).toEqual(['search_document']);
    const asStatements = views.map((v) => ({
      connection: 0,
      sql: `SELECT * FROM (${v.definition.replace(/;\s*$/, '')}) v`,
    }));
    expect(citusStatementProblems(asStatements, catalogue)).toEqual([]);
  });

  it('the seeds, loading an empty database and reloading it (which replaces the default run)', async () => {
    const statements = await recorded(async () => {
      await runSeeds(ds, logger);
      await runSeeds(ds, logger, { force: true });
    });
    expect(statements.length).toBeGreaterThan(100);
    expect(citusStatementProblems(statements, catalogue)).toEqual([]);
  });
});

describe('statements of the write paths on Citus', () => {
  let server: TestServer;
  let editor: string;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    editor = await createKey(server.app.dataSource, 'editor', 'harness');
    admin = await createKey(server.app.dataSource, 'admin', 'operator');
  });
  afterAll(() => server.stop());

  async function finished(id: string): Promise<string> {
    for (;;) {
      const res = await graphqlAs<{ simulationJob: { status: string } }>(
        server.url,
        admin,
        `query ($id: ID!) { simulationJob(id: $id) { status } }`,
        { id },
      );
      const status = res.body.data?.simulationJob.status ?? JSON.stringify(res.body);
      if (status !== 'RUNNING' && status !== 'QUEUED') return status;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('curation, ingest and simulation jobs (a new run, then its replacement)', async () => {
    const statements = await recorded(async () => {
      const vendor = await graphqlAs(
        server.url,
        editor,
        `mutation { createVendor(input: { slug: "acme-virtualization", name: "Acme Virtualization", kind: COMPANY,
          description: "Sold a Xen-based platform.", sourceSlugs: ["adamnash-2007-08-02"] }) { slug } }`,
      );
      expect(vendor.body).toEqual({ data: { createVendor: { slug: 'acme-virtualization' } } });
      const rows = [
        {
          scenario: 'xen-3-1-pv-linux--core2-duo-2660',
          workload: 'net-rx',
          measuredOn: '2007-08-07',
          repetition: 0,
          value: 901.5,
        },
      ];
      const ingest = await graphqlAs(
        server.url,
        editor,
        `mutation ($input: IngestMeasurementsInput!) { ingestMeasurements(input: $input) { rows created } }`,
        { input: { batchId: 'citus-check', format: 'JSON', data: JSON.stringify(rows) } },
      );
      expect(ingest.body).toEqual({ data: { ingestMeasurements: { rows: 1, created: true } } });
      const update = await graphqlAs(
        server.url,
        editor,
        `mutation { updateVendor(slug: "acme-virtualization", input: { name: "Acme" }) { name } }`,
      );
      expect(update.body).toEqual({ data: { updateVendor: { name: 'Acme' } } });
      // The second replaces the first's run: a delete of distributed rows, then reference-table writes.
      for (const replace of [false, true]) {
        const job = await graphqlAs<{ simulateBenchmarks: { id: string } }>(
          server.url,
          admin,
          `mutation ($replace: Boolean!) { simulateBenchmarks(input: { rows: 2000, seed: 42, replace: $replace }) { id } }`,
          { replace },
        );
        expect(await finished(job.body.data!.simulateBenchmarks.id)).toBe('SUCCEEDED');
      }
    });
    expect(citusStatementProblems(statements, catalogue)).toEqual([]);
  });
});

describe('the statement checks', () => {
  const check = (...sqls: string[]) =>
    citusStatementProblems(
      sqls.map((sql) => ({ connection: 1, sql })),
      catalogue,
    );

  it('refuse a reference-table DELETE correlated with a distributed table, not an uncorrelated one', () => {
    const sequentially = (sql: string) => [
      'BEGIN',
      "SET LOCAL citus.multi_shard_modify_mode TO 'sequential'",
      sql,
      'COMMIT',
    ];
    expect(
      check(
        ...sequentially(
          'DELETE FROM scenario s WHERE NOT EXISTS (SELECT 1 FROM measurement r WHERE r.scenario_id = s.id)',
        ),
        ...sequentially('DELETE FROM scenario s WHERE s.id NOT IN (SELECT scenario_id FROM measurement)'),
        ...sequentially('DELETE FROM scenario s USING measurement r WHERE r.scenario_id = s.id'),
      ),
    ).toEqual([
      '"DELETE FROM scenario s WHERE NOT EXISTS (SELECT 1 FROM measurement r WHERE r.scenario_id = s.id)": DELETE of reference table scenario has a correlated subquery over distributed table measurement.',
      '"DELETE FROM scenario s USING measurement r WHERE r.scenario_id = s.id": DELETE of reference table scenario joins distributed table measurement.',
    ]);
  });

  it('refuse an uncorrelated subquery over a distributed table in a write to a referenced table, in parallel mode', () => {
    expect(check('DELETE FROM scenario s WHERE s.id NOT IN (SELECT scenario_id FROM measurement)')).toEqual([
      '"DELETE FROM scenario s WHERE s.id NOT IN (SELECT scenario_id FROM measurement)": writes reference table scenario after a parallel statement on distributed table measurement in the same transaction (set citus.multi_shard_modify_mode to \'sequential\' first).',
    ]);
  });

  it('refuse a referenced reference table written after a parallel statement, unless sequential came first', () => {
    const statements = [
      'BEGIN',
      'DELETE FROM measurement WHERE run_id = 1',
      'INSERT INTO workload (slug) VALUES ($1)',
      'COMMIT',
      'BEGIN',
      "SET LOCAL citus.multi_shard_modify_mode TO 'sequential'",
      'DELETE FROM measurement WHERE run_id = 1',
      'INSERT INTO workload (slug) VALUES ($1)',
      'COMMIT',
      'BEGIN',
      'DELETE FROM measurement WHERE run_id = 1',
      "SET LOCAL citus.multi_shard_modify_mode TO 'sequential'",
      'UPDATE scenario SET name = $1',
      'ROLLBACK',
    ];
    expect(check(...statements)).toEqual([
      '"INSERT INTO workload (slug) VALUES ($1)": writes reference table workload after a parallel statement on distributed table measurement in the same transaction (set citus.multi_shard_modify_mode to \'sequential\' first).',
      '"UPDATE scenario SET name = $1": writes reference table scenario after a parallel statement on distributed table measurement in the same transaction (set citus.multi_shard_modify_mode to \'sequential\' first).',
    ]);
  });

  it('refuse a CTE column list over Citus tables, not a recursive one', () => {
    expect(
      check(
        'WITH d(k, i) AS (SELECT slug, id FROM vendor) SELECT k FROM d',
        'WITH RECURSIVE g(id) AS (SELECT id FROM topic UNION SELECT id FROM g) SELECT id FROM g',
        'WITH d AS (SELECT slug AS k FROM vendor) SELECT k FROM d',
      ),
    ).toEqual([
      '"WITH d(k, i) AS (SELECT slug, id FROM vendor) SELECT k FROM d": the CTE d names its columns in a list; Citus inlines it and loses them.',
    ]);
  });
});
