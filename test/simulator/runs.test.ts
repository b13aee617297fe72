import { execFile } from 'node:child_process';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { MODEL_VERSION } from '../../src/simulator/model/frozen-parameters';
import { DEFAULT_RUN } from '../../src/simulator/runs/default-run';
import {
  deleteRun,
  loadSimulatedRun,
  RunExistsError,
  type LoadedRun,
  type SimulationRequest,
} from '../../src/simulator/runs/load-run';
import { createTestDatabase, type TestDatabase } from '../support/database';

jest.setTimeout(60_000);

const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'simulate.js');

interface Db {
  database: TestDatabase;
  ds: DataSource;
}

let a: Db;
let b: Db;

async function open(): Promise<Db> {
  const database = await createTestDatabase();
  const ds = createDataSource({ url: database.url, poolSize: 2 });
  await ds.initialize();
  return { database, ds };
}

beforeAll(async () => {
  [a, b] = await Promise.all([open(), open()]);
});
afterAll(async () => {
  for (const db of [a, b]) {
    await db?.ds.destroy();
    await db?.database.drop();
  }
});

/** loadSimulatedRun in a transaction of its own, committed on success and rolled back on failure. */
async function load(
  db: Db,
  request: Omit<SimulationRequest, 'label'> & { label?: string },
): Promise<LoadedRun> {
  const queryRunner = db.ds.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    const run = await loadSimulatedRun(queryRunner, { label: `test seed ${request.seed}`, ...request });
    await queryRunner.commitTransaction();
    return run;
  } catch (error) {
    await queryRunner.rollbackTransaction();
    throw error;
  } finally {
    await queryRunner.release();
  }
}

async function remove(db: Db, runId: number): Promise<void> {
  await db.ds.transaction((manager) => deleteRun(manager.queryRunner!, runId));
}

/** A run's measurements as (scenario slug, workload slug, date, repetition, value), in a fixed order. */
function measurements(db: Db, runId: number) {
  return db.ds.query<{ scenario: string; workload: string; on: string; repetition: number; value: number }[]>(
    `SELECT s.slug AS scenario, w.slug AS workload, m.measured_on::text AS "on", m.repetition, m.value
       FROM measurement m JOIN scenario s ON s.id = m.scenario_id JOIN workload w ON w.id = m.workload_id
      WHERE m.run_id = $1
      ORDER BY s.slug, w.slug, m.repetition`,
    [runId],
  );
}

/** How many rows of each benchmark table there are (of one run, or in all). */
async function tableCounts(db: Db, runId?: number): Promise<Record<string, number>> {
  const tables = [
    'measurement',
    'measurement_rollup',
    'measurement_sketch',
    'measurement_rollup_total',
    'measurement_sketch_total',
  ];
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [{ n }] = await db.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${t} WHERE $1::int IS NULL OR run_id = $1`,
      [runId ?? null],
    );
    counts[t] = n;
  }
  const [{ n }] = await db.ds.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM benchmark_run WHERE $1::int IS NULL OR id = $1',
    [runId ?? null],
  );
  counts['benchmark_run'] = n;
  return counts;
}

describe('a simulated run', () => {
  it('is deterministic: the same seed and size give the same rows in another database and after deleting it', async () => {
    const [first, elsewhere] = await Promise.all([
      load(a, { seed: 41, rows: 4_000, label: 'forty-one' }),
      load(b, { seed: 41, rows: 4_000 }),
    ]);
    expect(
      await a.ds.query(
        `SELECT kind, label, seed::int AS seed, model_version AS "modelVersion", rows_requested::int AS requested,
                row_count::int AS "rowCount" FROM benchmark_run WHERE id = $1`,
        [first.runId],
      ),
    ).toEqual([
      {
        kind: 'simulated',
        label: 'forty-one',
        seed: 41,
        modelVersion: MODEL_VERSION,
        requested: 4_000,
        rowCount: 4_000,
      },
    ]);
    expect(first).toEqual({
      runId: expect.any(Number),
      rows: 4_000,
      rollupRows: expect.any(Number),
      sketchRows: expect.any(Number),
    });
    const rows = await measurements(a, first.runId);
    expect(rows).toHaveLength(4_000);

    expect(await measurements(b, elsewhere.runId)).toEqual(rows);
    expect({ ...elsewhere, runId: 0 }).toEqual({ ...first, runId: 0 });

    await remove(a, first.runId);
    expect(await tableCounts(a, first.runId)).toEqual({
      measurement: 0,
      measurement_rollup: 0,
      measurement_sketch: 0,
      measurement_rollup_total: 0,
      measurement_sketch_total: 0,
      benchmark_run: 0,
    });
    const again = await load(a, { seed: 41, rows: 4_000 });
    expect(again.runId).not.toBe(first.runId);
    expect(await measurements(a, again.runId)).toEqual(rows);

    // Another seed: the same plan (cells, dates, repetitions), other values.
    const other = await load(b, { seed: 42, rows: 4_000 });
    const otherRows = await measurements(b, other.runId);
    expect(otherRows.map(({ value: _v, ...key }) => key)).toEqual(rows.map(({ value: _v, ...key }) => key));
    expect(otherRows.filter((r, i) => r.value === rows[i].value).length).toBeLessThan(rows.length / 20);
    await remove(b, other.runId);
    await remove(a, again.runId);
    await remove(b, elsewhere.runId);
  });

  /** Rollup rows next to the same aggregates recomputed from the run's raw rows ("grain" month or total). */
  async function rollupsAgainstRaw(db: Db, runId: number, grain: 'month' | 'total') {
    const month = grain === 'month';
    const key = `run_id, scenario_id, workload_id${month ? ', month' : ''}`;
    const raw = `SELECT run_id, scenario_id, workload_id${month ? `, date_trunc('month', measured_on)::date AS month` : ''},
                        count(*) AS count, sum(value) AS sum, sum(value * value) AS sum_sq, min(value) AS min,
                        max(value) AS max
                   FROM measurement WHERE run_id = $1 GROUP BY ${key}`;
    const stored = `SELECT * FROM measurement_rollup${month ? '' : '_total'} WHERE run_id = $1`;
    // Exact for count, min and max; sums may differ in the last bits (another order of addition).
    const [diff] = await db.ds.query<
      {
        raw: number;
        stored: number;
        unmatched: number;
        countOff: number;
        extremaOff: number;
        sumOff: number;
        sumSqOff: number;
      }[]
    >(
      `WITH raw AS (${raw}), stored AS (${stored})
       SELECT (SELECT count(*)::int FROM raw) AS raw, (SELECT count(*)::int FROM stored) AS stored,
              count(*) FILTER (WHERE r.run_id IS NULL OR s.run_id IS NULL)::int AS unmatched,
              count(*) FILTER (WHERE r.count <> s.count)::int AS "countOff",
              count(*) FILTER (WHERE r.min <> s.min OR r.max <> s.max)::int AS "extremaOff",
              max(abs(r.sum - s.sum) / r.sum) AS "sumOff",
              max(abs(r.sum_sq - s.sum_sq) / r.sum_sq) AS "sumSqOff"
         FROM raw r FULL JOIN stored s USING (${key})`,
      [runId],
    );
    return diff;
  }

  async function sketchAgainstRaw(db: Db, runId: number, grain: 'month' | 'total') {
    const month = grain === 'month';
    const key = `run_id, scenario_id, workload_id${month ? ', month' : ''}, bin`;
    const [diff] = await db.ds.query<{ raw: number; mismatched: number }[]>(
      `WITH raw AS (
         SELECT run_id, scenario_id, workload_id${month ? `, date_trunc('month', measured_on)::date AS month` : ''},
                ceil(ln(value::float8) / ln(1.01::float8))::int AS bin, count(*) AS count
           FROM measurement WHERE run_id = $1 GROUP BY ${key}),
       stored AS (SELECT * FROM measurement_sketch${month ? '' : '_total'} WHERE run_id = $1)
       SELECT (SELECT count(*)::int FROM raw) AS raw,
              count(*) FILTER (WHERE r.count IS DISTINCT FROM s.count)::int AS mismatched
         FROM raw r FULL JOIN stored s USING (${key})`,
      [runId],
    );
    return diff;
  }

  it('keeps its month and whole-window rollups and sketches equal to aggregates of its raw rows', async () => {
    const [{ id: defaultRun }] = await a.ds.query<{ id: number }[]>(
      'SELECT id FROM benchmark_run WHERE label = $1',
      [DEFAULT_RUN.label],
    );
    const fresh = await load(a, { seed: 9, rows: 6_000 });
    for (const [runId, grain] of [defaultRun, fresh.runId].flatMap((id) =>
      (['month', 'total'] as const).map((g) => [id, g] as const),
    )) {
      const rollups = await rollupsAgainstRaw(a, runId, grain);
      expect(rollups).toEqual({
        raw: rollups.stored,
        stored: expect.any(Number),
        unmatched: 0,
        countOff: 0,
        extremaOff: 0,
        sumOff: expect.any(Number),
        sumSqOff: expect.any(Number),
      });
      expect(rollups.stored).toBeGreaterThan(grain === 'month' ? 400 : 300);
      expect(rollups.sumOff).toBeLessThan(1e-12);
      expect(rollups.sumSqOff).toBeLessThan(1e-12);
      const sketch = await sketchAgainstRaw(a, runId, grain);
      expect(sketch).toEqual({ raw: expect.any(Number), mismatched: 0 });
      expect(sketch.raw).toBeGreaterThan(rollups.stored);
    }
    const counts = await tableCounts(a, fresh.runId);
    expect(counts).toMatchObject({ measurement: 6_000, measurement_rollup: fresh.rollupRows });
    expect(counts.measurement_sketch).toBe(fresh.sketchRows);
    await remove(a, fresh.runId);
  });

  it('is all-or-nothing: a failure in the middle of the COPY leaves no row of it behind', async () => {
    const before = await tableCounts(a);
    const progress: number[] = [];
    await expect(
      load(a, {
        seed: 13,
        rows: 10_000,
        onProgress(done, total) {
          progress.push(done);
          expect(total).toBe(10_000);
          if (progress.length === 1) throw new Error('disk on fire');
        },
      }),
    ).rejects.toThrow('disk on fire');
    expect(progress).toHaveLength(1);
    expect(progress[0]).toBeLessThan(10_000);
    expect(await tableCounts(a)).toEqual(before);
    expect(await a.ds.query(`SELECT count(*)::int AS n FROM benchmark_run WHERE seed = 13`)).toEqual([
      { n: 0 },
    ]);
  });

  it('refuses to run outside a transaction', async () => {
    const queryRunner = a.ds.createQueryRunner();
    try {
      await expect(loadSimulatedRun(queryRunner, { seed: 1, rows: 10, label: 'x' })).rejects.toThrow(
        new Error('loadSimulatedRun needs an open transaction'),
      );
    } finally {
      await queryRunner.release();
    }
  });

  it('refuses to load the same seed and size twice, unless asked to replace the run', async () => {
    const first = await load(a, { seed: 21, rows: 2_500 });
    const refusal = load(a, { seed: 21, rows: 2_500 });
    await expect(refusal).rejects.toBeInstanceOf(RunExistsError);
    await expect(refusal).rejects.toThrow(
      `a run with this seed, model version and size is already loaded (run ${first.runId}); replace it to load again`,
    );
    // Another size of the same seed is another run.
    const bigger = await load(a, { seed: 21, rows: 2_501 });
    const rows = await measurements(a, first.runId);

    const replaced = await load(a, { seed: 21, rows: 2_500, replace: true });
    expect(replaced.runId).not.toBe(first.runId);
    expect(await tableCounts(a, first.runId)).toMatchObject({ measurement: 0, benchmark_run: 0 });
    expect(await measurements(a, replaced.runId)).toEqual(rows);
    expect(await tableCounts(a, bigger.runId)).toMatchObject({ measurement: 2_501, benchmark_run: 1 });
    await remove(a, replaced.runId);
    await remove(a, bigger.runId);
  });
});

function simulateCli(db: Db, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: db.database.url, LOG_LEVEL: 'silent' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One line: the command, the message, and where the usage is (issue 18: errors are one line, no usage dump). */
const usageError = (message: string) =>
  new RegExp(`^${escape(`virtlens simulate: ${message}. (virtlens simulate --help shows the usage)`)}\n$`);

describe('npm run simulate', () => {
  it('loads a run, says what it stored, and stores what the library would', async () => {
    const result = await simulateCli(b, '--rows', '5000', '--seed', '3', '--no-progress');
    const match =
      /^Loaded run (\d+): 5,000 measurements \(seed 3, model (\S+)\), ([\d,]+) rollup and ([\d,]+) sketch rows in \d+\.\d s \([\d,]+ rows\/s\)\.\n$/.exec(
        result.stdout,
      );
    expect({ ...result, stdout: match ? 'matched' : result.stdout }).toEqual({
      code: 0,
      stdout: 'matched',
      stderr: '',
    });
    const [, runId, version, rollups, sketches] = match!;
    expect(version).toBe(MODEL_VERSION);
    expect(await tableCounts(b, Number(runId))).toMatchObject({
      benchmark_run: 1,
      measurement: 5_000,
      measurement_rollup: Number(rollups.replace(/,/g, '')),
      measurement_sketch: Number(sketches.replace(/,/g, '')),
    });
    expect(
      await b.ds.query(
        'SELECT label, seed::int AS seed, rows_requested::int AS rows FROM benchmark_run WHERE id = $1',
        [Number(runId)],
      ),
    ).toEqual([{ label: 'simulation: seed 3, 5,000 rows', seed: 3, rows: 5_000 }]);

    const library = await load(a, { seed: 3, rows: 5_000 });
    expect(await measurements(a, library.runId)).toEqual(await measurements(b, Number(runId)));
    await remove(a, library.runId);

    expect(await simulateCli(b, '--rows', '5000', '--seed', '3', '--no-progress')).toEqual({
      code: 1,
      stdout: '',
      stderr: `a run with this seed, model version and size is already loaded (run ${runId}); replace it to load again: pass --replace, or choose another --seed or --rows.\n`,
    });
  });

  it.each([
    [['--rows', '0'], '--rows must be an integer from 1 to 1,000,000,000, got "0"'],
    [['--rows', '10', '--seed=-1'], '--seed must be an integer from 0 to 2,147,483,647, got "-1"'],
  ])('explains its usage and exits 2 for %j', async (args, message) => {
    expect(await simulateCli(b, ...args)).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(usageError(message)),
    });
  });
});
