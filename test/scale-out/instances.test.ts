import { Client } from 'pg';
import { pino } from 'pino';
import { MIGRATIONS } from '../../migrations/index';
import { SEEDS } from '../../seeds/index';
import { startApp, type App } from '../../src/app';
import { ApiKeyService } from '../../src/auth/api-key.service';
import { loadConfig } from '../../src/config';
import { createKey, graphqlAs } from '../support/api-keys';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * Two servers side by side on one database, started together on an empty one, behave as one: what is shared lives
 * in PostgreSQL, and writes that must be unique are settled there (constraints and advisory locks), not in either
 * process.
 */

interface LogLine {
  msg: string;
  migrations?: string[];
  seed?: string;
}

let db: TestDatabase;
let admin: Client;
const servers: App[] = [];
const logs: LogLine[][] = [[], []];
let one: App;
let two: App;
let adminKey: string;
let editorKey: string;

function start(index: number): Promise<App> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: db.url,
    SEED_ON_START: 'true',
    LOG_LEVEL: 'info',
    DB_POOL_SIZE: '4',
  });
  const stream = { write: (line: string) => void logs[index].push(JSON.parse(line) as LogLine) };
  return startApp(config, pino({ level: 'info' }, stream));
}

beforeAll(async () => {
  db = await createTestDatabase({ empty: true });
  [one, two] = await Promise.all([start(0), start(1)]);
  servers.push(one, two);
  admin = new Client({ connectionString: db.url });
  await admin.connect();
  adminKey = await createKey(one.dataSource, 'admin', 'scale-out admin');
  editorKey = await createKey(one.dataSource, 'editor', 'scale-out editor');
}, 60_000);

afterAll(async () => {
  await admin?.end();
  await Promise.all(servers.map((s) => s.stop()));
  await db?.drop();
});

/** Waits until `count` backends of the test database wait for a lock (a row, table or advisory lock). */
async function waitForLockWaiters(count: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [{ n }] = (
      await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )
    ).rows;
    if (n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`fewer than ${count} requests came to wait for a lock`);
}

/**
 * Starts `requests` while this connection holds `lock` on a table, waits until `waiters` of them wait for a lock
 * (and `until`, if given), lets go, and returns what the requests answer.
 */
async function whileLocked<T>(
  lock: string,
  waiters: number,
  requests: () => Promise<T>,
  until?: (answers: Promise<T>) => Promise<unknown>,
): Promise<T> {
  await admin.query('BEGIN');
  let answers: Promise<T>;
  try {
    await admin.query(lock);
    answers = requests();
    await waitForLockWaiters(waiters);
    await until?.(answers);
  } finally {
    await admin.query('COMMIT');
  }
  return answers;
}

describe('two server instances on one database', () => {
  it('migrate and seed it once between them, whichever gets there first', async () => {
    const applied = logs.flat().flatMap((l) => (l.msg === 'migrations applied' ? (l.migrations ?? []) : []));
    expect([...applied].sort()).toEqual(
      MIGRATIONS.map((m) => (m as unknown as { name: string }).name).sort(),
    );
    const seeded = logs.flat().flatMap((l) => (l.msg === 'seed loaded' && l.seed ? [l.seed] : []));
    expect([...seeded].sort()).toEqual(SEEDS.map((s) => s.name).sort());
    const { rows } = await admin.query<{ n: number; distinct: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT name)::int AS distinct FROM typeorm_migration',
    );
    expect(rows).toEqual([{ n: MIGRATIONS.length, distinct: MIGRATIONS.length }]);
    const runs = await admin.query<{ kind: string; n: number }>(
      'SELECT kind::text, count(*)::int AS n FROM benchmark_run GROUP BY kind',
    );
    expect(runs.rows).toEqual([{ kind: 'simulated', n: 1 }]);
  });

  it('accept a key made through one of them on the other, and refuse it there as soon as it is revoked', async () => {
    const query = '{ auditLog(first: 1) { totalCount } }';
    const key = await createKey(one.dataSource, 'admin', 'made on one');
    expect((await graphqlAs(two.url, key, query)).body).toEqual({ data: { auditLog: { totalCount: 0 } } });
    await new ApiKeyService(one.dataSource).revoke(key.slice(0, key.indexOf('_', 3)));
    const refused = await graphqlAs(two.url, key, query);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('answer through the second with what was curated through the first, search included', async () => {
    const update = await graphqlAs(
      one.url,
      editorKey,
      `mutation { updateVendor(slug: "amd", input: { name: "Advanced Micro Devices (scale-out)" }) { slug name } }`,
    );
    expect(update.body).toEqual({
      data: { updateVendor: { slug: 'amd', name: 'Advanced Micro Devices (scale-out)' } },
    });
    const read = await graphqlAs(
      two.url,
      null,
      `{ vendor(slug: "amd") { slug name }
         search(query: "\\"Advanced Micro Devices (scale-out)\\"", kinds: [VENDOR]) { kind title } }`,
    );
    expect(read.body).toEqual({
      data: {
        vendor: { slug: 'amd', name: 'Advanced Micro Devices (scale-out)' },
        search: [{ kind: 'VENDOR', title: 'Advanced Micro Devices (scale-out)' }],
      },
    });
  });

  it('keep both of two curations committed at the same moment through each in search', async () => {
    // Both writes are held at their audit entry, then let go together: each then refreshes the search view.
    const rename = (server: App, slug: string, name: string) =>
      graphqlAs(
        server.url,
        editorKey,
        `mutation { updateVendor(slug: "${slug}", input: { name: "${name}" }) { name } }`,
      );
    const [a, b] = await whileLocked('LOCK TABLE audit_log IN EXCLUSIVE MODE', 2, () =>
      Promise.all([
        rename(one, 'citrix', 'Citrix Systems (together)'),
        rename(two, 'dell', 'Dell (together)'),
      ]),
    );
    expect([a.body, b.body]).toEqual([
      { data: { updateVendor: { name: 'Citrix Systems (together)' } } },
      { data: { updateVendor: { name: 'Dell (together)' } } },
    ]);
    for (const server of [one, two]) {
      const found = await graphqlAs(
        server.url,
        null,
        '{ search(query: "together", kinds: [VENDOR]) { title } }',
      );
      expect(found.body).toEqual({
        data: {
          search: expect.arrayContaining([
            { title: 'Citrix Systems (together)' },
            { title: 'Dell (together)' },
          ]),
        },
      });
      expect(found.body.data?.['search']).toHaveLength(2);
    }
  });

  describe('given the same measurement batch at the same moment', () => {
    const INGEST = `mutation ($input: IngestMeasurementsInput!) {
      ingestMeasurements(input: $input) { rows created run { id batchId rowCount } } }`;
    const batch = (value: number) =>
      JSON.stringify([
        {
          scenario: 'xen-3-1-pv-linux--core2-duo-2660',
          workload: 'net-rx',
          measuredOn: '2007-08-07',
          repetition: 0,
          value,
        },
      ]);
    /** Sends a batch to both servers while their inserts are held, so that both pass the first check. */
    const race = (batchId: string, first: string, second: string) =>
      whileLocked('LOCK TABLE benchmark_run IN SHARE ROW EXCLUSIVE MODE', 2, () =>
        Promise.all(
          [
            [one, first],
            [two, second],
          ].map(([server, data]) =>
            graphqlAs((server as App).url, editorKey, INGEST, {
              input: { batchId, format: 'JSON', data: data as string },
            }),
          ),
        ),
      );

    it('with the same rows: one loads it, the other answers the retry with that run', async () => {
      const answers = (await race('race-same', batch(900), batch(900))).map((r) => r.body);
      const created = answers.find((a) => (a.data?.['ingestMeasurements'] as { created: boolean }).created);
      const runId = (created?.data?.['ingestMeasurements'] as { run: { id: number } }).run.id;
      const run = { id: runId, batchId: 'race-same', rowCount: 1 };
      expect(answers).toEqual(
        expect.arrayContaining([
          { data: { ingestMeasurements: { rows: 1, created: true, run } } },
          { data: { ingestMeasurements: { rows: 1, created: false, run } } },
        ]),
      );
      const { rows } = await admin.query(`SELECT count(*)::int AS n FROM measurement WHERE run_id = $1`, [
        runId,
      ]);
      expect(rows).toEqual([{ n: 1 }]);
    });

    it('with other rows: one loads it, the other is told the batch id is taken', async () => {
      const answers = (await race('race-other', batch(900), batch(901))).map((r) => r.body);
      const loaded = answers.filter((a) => a.data);
      const refused = answers.filter((a) => a.errors);
      expect(loaded).toHaveLength(1);
      const runId = (loaded[0].data?.['ingestMeasurements'] as { run: { id: number } }).run.id;
      expect(refused).toEqual([
        {
          data: null,
          errors: [
            expect.objectContaining({
              message: `Batch id "race-other" was already loaded (run ${runId}) with other rows; use a new batch id.`,
              extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'input.batchId' }),
            }),
          ],
        },
      ]);
    });
  });

  it('queue one of two simulations of the same seed and size asked at once, refuse the other, and report it on both', async () => {
    const SIMULATE = `mutation { simulateBenchmarks(input: { rows: 2000, seed: 4242 }) { id } }`;
    const JOB = `query ($id: ID!) { simulationJob(id: $id) { status error runId } }`;
    type Job = { status: string; error: string | null; runId: number | null };
    const jobOf = async (server: App, id: string) =>
      (await graphqlAs<{ simulationJob: Job | null }>(server.url, adminKey, JOB, { id })).body.data
        ?.simulationJob;
    const answers = await Promise.all(
      [one, two].map((s) =>
        graphqlAs<{ simulateBenchmarks: { id: string } | null }>(s.url, adminKey, SIMULATE),
      ),
    );
    const accepted = answers.flatMap((a) =>
      a.body.data?.simulateBenchmarks ? [a.body.data.simulateBenchmarks.id] : [],
    );
    const refused = answers.flatMap((a) => a.body.errors ?? []);
    expect(accepted).toHaveLength(1);
    const [id] = accepted;
    // Both saw none queued: the queue's unique index settles it (then the refusal cannot name the job).
    expect(refused.map((e) => ({ message: e.message, code: e.extensions?.['code'] }))).toEqual([
      {
        message: expect.stringMatching(
          new RegExp(
            `^A simulation of seed 4242 with 2000 rows is already queued or running( \\(job ${id}\\))?; ` +
              'follow it with simulationJob, or cancel it first\\.$',
          ),
        ) as string,
        code: 'BAD_USER_INPUT',
      },
    ]);
    let job: Job | null | undefined;
    do {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = await jobOf(two, id);
    } while (job?.status === 'QUEUED' || job?.status === 'RUNNING');
    expect(job).toEqual({ status: 'SUCCEEDED', error: null, runId: expect.any(Number) as number });
    expect(await jobOf(one, id)).toEqual(job);
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM benchmark_run WHERE kind = 'simulated' AND seed = 4242`,
    );
    expect(rows).toEqual([{ n: 1 }]);
  });
});
