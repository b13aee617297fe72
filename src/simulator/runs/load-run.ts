import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { QueryRunner } from 'typeorm';
import { FROZEN_PARAMETERS, MODEL_VERSION } from '../model/frozen-parameters';
import { testbed } from '../model/model';
import type { SystemConfig, SystemKind } from '../model/systems';
import { workload } from '../model/workloads';
import { planRun, type ScenarioSpec } from './plan';
import {
  MEASUREMENT_COLUMNS,
  measurementChunks,
  ROLLUP_COLUMNS,
  RollupAccumulator,
  SKETCH_COLUMNS,
} from './rows';

/** What to simulate. */
export interface SimulationRequest {
  /** Any integer in [0, 2^31): the same seed (and model version) gives the same rows. */
  readonly seed: number;
  /** How many measurements, split evenly over every (scenario, workload) pair. */
  readonly rows: number;
  readonly label: string;
  /** Replace an existing run of the same seed, model version and size instead of refusing. */
  readonly replace?: boolean;
  /** Called after each chunk of rows reaches PostgreSQL. */
  readonly onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

export interface LoadedRun {
  readonly runId: number;
  readonly rows: number;
  readonly rollupRows: number;
  readonly sketchRows: number;
}

/** A simulation of the same seed, model version and size is already stored. */
export class RunExistsError extends Error {
  constructor(readonly runId: number) {
    super(
      `a run with this seed, model version and size is already loaded (run ${runId}); replace it to load again`,
    );
  }
}

/** Another transaction (a server's job, `npm run simulate`) is loading a run of the same seed, version and size. */
export class RunBusyError extends Error {
  constructor() {
    super(
      'a run with this seed, model version and size is being loaded right now (by this or another server, or the CLI); ' +
        'wait for it to finish, then ask again',
    );
  }
}

/** The advisory lock key that one loader of a (seed, model version, size) holds until its transaction ends. */
export function runLockKey(request: Pick<SimulationRequest, 'seed' | 'rows'>): string {
  return `virtlens-run:${request.seed}:${MODEL_VERSION}:${request.rows}`;
}

/**
 * Simulates a run and stores it: the run row, every measurement (streamed with COPY, never held in memory), and
 * its rollups. Must be called inside a transaction on `queryRunner`, which makes the run all-or-nothing: a
 * failure or a killed process leaves no row of it behind.
 */
export async function loadSimulatedRun(
  queryRunner: QueryRunner,
  request: SimulationRequest,
): Promise<LoadedRun> {
  if (!queryRunner.isTransactionActive) throw new Error('loadSimulatedRun needs an open transaction');
  // One loader per (seed, version, size) across every process on the database: without it, two loads that both
  // found no run would both simulate, and the second would fail only at its INSERT, on the unique index, after
  // waiting for the whole first load. Held until commit or rollback.
  const [{ locked }] = await queryRunner.manager.query<[{ locked: boolean }]>(
    'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
    [runLockKey(request)],
  );
  if (!locked) throw new RunBusyError();
  const [existing] = await queryRunner.manager.query<{ id: number }[]>(
    `SELECT id FROM benchmark_run
      WHERE kind = 'simulated' AND seed = $1 AND model_version = $2 AND rows_requested = $3`,
    [request.seed, MODEL_VERSION, request.rows],
  );
  if (existing) {
    if (!request.replace) throw new RunExistsError(existing.id);
    await deleteRun(queryRunner, existing.id);
  }
  const cells = planRun(await readScenarioSpecs(queryRunner), request.rows);
  const [{ id: runId }] = (await queryRunner.query(
    `INSERT INTO benchmark_run (kind, label, seed, model_version, rows_requested, row_count)
     VALUES ('simulated', $1, $2, $3, $4, 0) RETURNING id`,
    [request.label, request.seed, MODEL_VERSION, request.rows],
  )) as [{ id: number }];

  const client = (await queryRunner.connect()) as PoolClient;
  const rollups = new RollupAccumulator(runId);
  let done = 0;
  const chunks = measurementChunks(
    cells,
    { runId, seed: request.seed, modelVersion: MODEL_VERSION, parameters: FROZEN_PARAMETERS },
    rollups,
  );
  await copyInto(
    client,
    'measurement',
    MEASUREMENT_COLUMNS,
    (function* () {
      for (const chunk of chunks) {
        yield chunk.bytes;
        done += chunk.rows;
        request.onProgress?.(done, request.rows);
      }
    })(),
  );
  // One write each: line by line, tens of thousands of small COPY messages cost seconds.
  await copyInto(client, 'measurement_rollup', ROLLUP_COLUMNS, [rollups.rollupLines.join('')]);
  await copyInto(client, 'measurement_sketch', SKETCH_COLUMNS, [rollups.sketchLines.join('')]);
  await summarizeRunWindow(queryRunner, runId);
  await queryRunner.query('UPDATE benchmark_run SET row_count = $2 WHERE id = $1', [runId, done]);
  return {
    runId,
    rows: done,
    rollupRows: rollups.rollupLines.length,
    sketchRows: rollups.sketchLines.length,
  };
}

/**
 * Fills the whole-window rollups of a run from its month-grain rollups (not from raw rows). Sums are added as numeric
 * (exact, so independent of the order the rows are read in, which on Citus varies), then stored as float8.
 */
export async function summarizeRunWindow(queryRunner: QueryRunner, runId: number): Promise<void> {
  await queryRunner.query(
    `INSERT INTO measurement_rollup_total (run_id, scenario_id, workload_id, count, sum, sum_sq, min, max)
     SELECT run_id, scenario_id, workload_id, sum(count), sum(sum::numeric)::float8, sum(sum_sq::numeric)::float8,
            min(min), max(max)
       FROM measurement_rollup WHERE run_id = $1 GROUP BY 1, 2, 3`,
    [runId],
  );
  await queryRunner.query(
    `INSERT INTO measurement_sketch_total (run_id, scenario_id, workload_id, bin, count)
     SELECT run_id, scenario_id, workload_id, bin, sum(count)
       FROM measurement_sketch WHERE run_id = $1 GROUP BY 1, 2, 3, 4`,
    [runId],
  );
}

/** Deletes a run with its measurements and rollups (measurements are found by scanning: runs are replaced rarely). */
export async function deleteRun(queryRunner: QueryRunner, runId: number): Promise<void> {
  const tables = [
    'measurement_sketch_total',
    'measurement_rollup_total',
    'measurement_sketch',
    'measurement_rollup',
  ];
  for (const table of [...tables, 'measurement']) {
    await queryRunner.query(`DELETE FROM ${table} WHERE run_id = $1`, [runId]);
  }
  await queryRunner.query('DELETE FROM benchmark_run WHERE id = $1', [runId]);
}

/** COPY lines of text into a table on the query runner's connection (inside its transaction). */
export async function copyLines(
  queryRunner: QueryRunner,
  table: string,
  columns: readonly string[],
  lines: readonly string[],
): Promise<void> {
  await copyInto((await queryRunner.connect()) as PoolClient, table, columns, [lines.join('')]);
}

async function copyInto(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  text: Iterable<string | Buffer>,
): Promise<void> {
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(text, { objectMode: false }), sink);
}

interface ScenarioRow {
  id: number;
  slug: string;
  systemKind: SystemKind;
  paging: 'shadow' | 'nested' | null;
  devices: 'emulated' | 'pv' | 'sriov' | null;
  testbed: string;
  overheadScale: number;
  from: string;
  to: string;
  workloads: { id: number; slug: string }[];
}

/** Every stored scenario with its workloads, as model inputs, ordered by id (the plan's order). */
export async function readScenarioSpecs(queryRunner: QueryRunner): Promise<ScenarioSpec[]> {
  const rows = await queryRunner.manager.query<ScenarioRow[]>(
    `SELECT s.id, s.slug, s.system_kind AS "systemKind", s.paging, s.devices, t.slug AS testbed,
            s.overhead_scale AS "overheadScale", s.simulated_from::text AS "from", s.simulated_to::text AS "to",
            coalesce((SELECT json_agg(json_build_object('id', w.id, 'slug', w.slug) ORDER BY w.id)
                        FROM scenario_workload sw JOIN workload w ON w.id = sw.workload_id
                       WHERE sw.scenario_id = s.id), '[]') AS workloads
       FROM scenario s JOIN testbed t ON t.id = s.testbed_id
      ORDER BY s.id`,
  );
  return rows.map((r) => {
    const config: SystemConfig =
      r.systemKind === 'hvm'
        ? { kind: 'hvm', paging: r.paging ?? 'shadow', devices: r.devices ?? 'emulated' }
        : r.devices
          ? { kind: r.systemKind, devices: r.devices }
          : { kind: r.systemKind };
    return {
      id: r.id,
      slug: r.slug,
      config,
      testbed: testbed(r.testbed),
      overheadScale: r.overheadScale,
      from: r.from,
      to: r.to,
      workloads: r.workloads.map((w) => ({ id: w.id, workload: workload(w.slug) })),
    };
  });
}
