import { Client } from 'pg';
import { freePort } from '../../src/db/scratch-postgres';
import { createKey, graphqlAs } from '../support/api-keys';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { spawnServer, waitFor200, type ServerProcess } from '../support/process';
import { createDataSource } from '../../src/db/data-source';

/**
 * Simulation jobs across server processes on one database: a job started on one instance is followed to its end
 * on another, survives the death of the instance running it (started over, never half-loaded), and one job per
 * seed and size is queued or running at a time.
 */

const ROWS = 20_000;
const SEED = 919;

interface Instance {
  url: string;
  port: number;
  process: ServerProcess;
}
interface Job {
  status: string;
  rowsDone: number;
  runId: number | null;
  error: string | null;
  restarts: number;
  runner: string | null;
}

let db: TestDatabase;
let admin: Client;
let adminKey: string;
const instances: Instance[] = [];

async function startInstance(port?: number): Promise<Instance> {
  const p = port ?? (await freePort());
  const process = spawnServer({
    NODE_ENV: 'test',
    PORT: String(p),
    DATABASE_URL: db.url,
    SEED_ON_START: 'false',
    LOG_LEVEL: 'info',
  });
  const instance = { url: `http://127.0.0.1:${p}`, port: p, process };
  instances.push(instance);
  // A start that fails says why (its stderr), rather than timing out; a slow, shared machine gets two minutes.
  await Promise.race([
    waitFor200(`${instance.url}/readyz`, 120_000),
    process.exited.then((code) => {
      throw new Error(`the server on port ${p} exited (${code}): ${process.stderr()}`);
    }),
  ]);
  return instance;
}

const JOB = `query ($id: ID!) { simulationJob(id: $id) { status rowsDone runId error restarts runner } }`;
async function jobOn(instance: Instance, id: string): Promise<Job | null> {
  const res = await graphqlAs<{ simulationJob: Job | null }>(instance.url, adminKey, JOB, { id });
  if (!res.body.data) throw new Error(JSON.stringify(res.body));
  return res.body.data.simulationJob;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function simulate(instance: Instance, rows = ROWS) {
  return graphqlAs<{ simulateBenchmarks: { id: string; status: string } | null }>(
    instance.url,
    adminKey,
    `mutation ($rows: Int!, $seed: Int!) { simulateBenchmarks(input: { rows: $rows, seed: $seed }) { id status } }`,
    { rows, seed: SEED },
  );
}

async function storedRuns(): Promise<{ rows: number; measurements: number }[]> {
  const { rows } = await admin.query<{ rows: number; measurements: number }>(
    `SELECT r.row_count::int AS rows, (SELECT count(*)::int FROM measurement m WHERE m.run_id = r.id) AS measurements
       FROM benchmark_run r WHERE r.kind = 'simulated' AND r.seed = $1`,
    [SEED],
  );
  return rows;
}

beforeAll(async () => {
  db = await createTestDatabase();
  admin = new Client({ connectionString: db.url });
  await admin.connect();
  const keys = createDataSource({ url: db.url, poolSize: 1 });
  await keys.initialize();
  adminKey = await createKey(keys, 'admin', 'jobs admin');
  await keys.destroy();
}, 60_000);

afterAll(async () => {
  for (const i of instances) if (i.process.child.exitCode === null) i.process.child.kill('SIGKILL');
  await Promise.all(instances.map((i) => i.process.exited));
  await admin?.end();
  await db?.drop();
});

it('a job started on one instance is followed to its end on another, and survives the death of the one running it', async () => {
  const [one, two] = await Promise.all([startInstance(), startInstance()]);
  // Hold the job at its rollups, after its measurements are sent and before it commits: mid-job, every time.
  await admin.query('BEGIN');
  await admin.query('LOCK TABLE measurement_rollup IN EXCLUSIVE MODE');
  const started = await simulate(one);
  expect(started.body).toEqual({
    data: { simulateBenchmarks: { id: expect.any(String) as string, status: 'QUEUED' } },
  });
  const id = started.body.data!.simulateBenchmarks!.id;
  const running = await until('the job to wait at its rollups', async () => {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return rows[0].n === 1 && jobOn(two, id);
  });
  expect(running).toMatchObject({ status: 'RUNNING', runId: null, error: null, restarts: 0 });
  // Whichever instance claimed it (the one it was started on, unless the other polled first) is killed.
  const pids = [one, two].map((i) => `:${i.process.child.pid}`);
  const victim = running.runner?.endsWith(pids[0]) ? one : two;
  const follower = victim === one ? two : one;
  expect(running.runner).toMatch(new RegExp(`${pids[victim === one ? 0 : 1]}$`));
  victim.process.child.kill('SIGKILL');
  await victim.process.exited;
  await admin.query('COMMIT'); // the dead instance's transaction now rolls back, freeing the job's lock

  const seen: Job[] = [];
  const restarted = startInstance(victim.port);
  const done = await until('the job to finish', async () => {
    // Runs first: a run is stored in the transaction that marks its job succeeded, never before.
    const runs = await storedRuns();
    const job = await jobOn(follower, id);
    if (job) seen.push(job);
    if (runs.length)
      expect({ runs, status: job?.status }).toEqual({
        runs: [{ rows: ROWS, measurements: ROWS }],
        status: 'SUCCEEDED',
      });
    return job?.status === 'SUCCEEDED' && job;
  });
  await restarted;
  expect(done).toEqual({
    status: 'SUCCEEDED',
    rowsDone: ROWS,
    runId: expect.any(Number) as number,
    error: null,
    restarts: 1,
    runner: null,
  });
  // Started over from nothing: the first attempt left no row, the second loaded the run whole.
  expect(seen.some((j) => j.restarts === 1 && (j.status === 'QUEUED' || j.status === 'RUNNING'))).toBe(true);
  expect(await storedRuns()).toEqual([{ rows: ROWS, measurements: ROWS }]);
  const restartedInstance = instances[instances.length - 1];
  expect(await jobOn(restartedInstance, id)).toEqual(done);
}, 240_000);

it('queues one job per seed and size across instances: another start is refused, naming it, until it ends', async () => {
  const [one, two] = instances.filter((i) => i.process.child.exitCode === null);
  const size = 3000;
  await admin.query('BEGIN');
  await admin.query('LOCK TABLE measurement_rollup IN EXCLUSIVE MODE');
  const first = await simulate(one, size);
  const id = first.body.data!.simulateBenchmarks!.id;
  for (const instance of [one, two]) {
    const again = await simulate(instance, size);
    expect(again.body.errors?.map((e) => ({ message: e.message, code: e.extensions?.['code'] }))).toEqual([
      {
        message: `A simulation of seed ${SEED} with ${size} rows is already queued or running (job ${id}); follow it with simulationJob, or cancel it first.`,
        code: 'BAD_USER_INPUT',
      },
    ]);
  }
  // Cancelled on the other instance while it runs: rolled back, and the seed and size can be asked for again.
  await until('the job to run', async () => (await jobOn(two, id))?.status === 'RUNNING');
  const cancel = await graphqlAs<{ cancelSimulationJob: Job }>(
    two.url,
    adminKey,
    `mutation ($id: ID!) { cancelSimulationJob(id: $id) { status runId } }`,
    { id },
  );
  expect(cancel.body).toEqual({ data: { cancelSimulationJob: { status: 'CANCELLED', runId: null } } });
  await admin.query('COMMIT');
  const again = await simulate(two, size);
  const second = again.body.data!.simulateBenchmarks!.id;
  const finished = await until('the second job to finish', async () => {
    const job = await jobOn(one, second);
    return job?.status === 'SUCCEEDED' && job;
  });
  expect(finished).toMatchObject({ rowsDone: size, restarts: 0, error: null });
  expect(await jobOn(one, id)).toMatchObject({ status: 'CANCELLED', runId: null });
  const { rows } = await admin.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM benchmark_run WHERE kind = 'simulated' AND seed = $1 AND rows_requested = $2`,
    [SEED, size],
  );
  expect(rows).toEqual([{ n: 1 }]);
}, 60_000);
