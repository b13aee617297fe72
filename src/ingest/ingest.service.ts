import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { auditedWrite, type WriteRequest } from '../audit/audited-write';
import type { RunKind } from '../benchmarks/benchmark.type';
import { BadUserInputError, NotFoundError } from '../errors';
import { copyLines, deleteRun, summarizeRunWindow } from '../simulator/runs/load-run';
import { ROLLUP_COLUMNS, RollupAccumulator, SKETCH_COLUMNS } from '../simulator/runs/rows';
import { parseBatch, rowError, type BatchFormat, type BatchRow } from './parse-batch';
import { valueBoundsOf } from './value-bounds';

export interface IngestRequest {
  batchId: string;
  format: BatchFormat;
  data: string;
  label?: string | null;
}

/** A run as it was before {@link IngestService.deleteRun} removed it. */
export interface DeletedRun {
  runId: number;
  kind: RunKind;
  label: string;
  /** Its measurements, all deleted with their rollups. */
  rows: number;
}

export interface IngestOutcome {
  runId: number;
  rows: number;
  /** False when this batch id was loaded before with the same rows (a retry): nothing was written. */
  created: boolean;
}

/**
 * Loads batches of external benchmark results: all or nothing, idempotent by batch id, with the rollups of
 * the batch written in the same transaction as its rows (so every statistic includes it at once).
 */
export class IngestService {
  constructor(private readonly writer: { dataSource: DataSource; statementTimeoutMs: number }) {}

  /**
   * Several servers may receive the same batch at once: the batch id is locked (a transaction-scoped advisory
   * lock) and checked again inside the write's transaction, so exactly one of them loads it and the others
   * answer as a retry (same rows) or refuse it (other rows) — never with a unique-key clash.
   */
  async ingest(req: WriteRequest, input: IngestRequest): Promise<IngestOutcome> {
    const { rows, digest } = parseBatch(input.format, input.data);
    const retry = await loadedBefore(this.writer.dataSource.manager, input.batchId, digest);
    if (retry) return retry;
    try {
      return await auditedWrite(
        this.writer,
        req,
        { action: 'ingestMeasurements', entity: 'benchmark_run' },
        async (m) => {
          await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
            `virtlens-ingest:${input.batchId}`,
          ]);
          const raced = await loadedBefore(m, input.batchId, digest);
          if (raced) throw new LoadedMeanwhile(raced);
          const runId = await insertBatch(m, input, digest, rows);
          const after = async () =>
            (await m.query<object[]>('SELECT * FROM benchmark_run WHERE id = $1', [runId]))[0] ?? null;
          return {
            entityId: runId,
            before: null,
            after,
            result: { runId, rows: rows.length, created: true },
          };
        },
      );
    } catch (error) {
      if (error instanceof LoadedMeanwhile) return error.outcome;
      throw error;
    }
  }
}

/**
 * Deletes a run (simulated or ingested), its measurements and all four rollups in one audited transaction, so
 * every statistic stops counting it at once. A batch id deleted this way may be loaded again.
 * @throws NotFoundError naming `id` when there is no such run.
 */
export async function deleteRunAudited(
  writer: { dataSource: DataSource; statementTimeoutMs: number },
  req: WriteRequest,
  runId: number,
): Promise<DeletedRun> {
  return auditedWrite(writer, req, { action: 'deleteBenchmarkRun', entity: 'benchmark_run' }, async (m) => {
    // FOR UPDATE: a concurrent delete of the same run waits, then finds nothing.
    const [before] = await m.query<{ id: number; kind: RunKind; label: string; row_count: string }[]>(
      'SELECT * FROM benchmark_run WHERE id = $1 FOR UPDATE',
      [runId],
    );
    if (!before) throw new NotFoundError(`There is no benchmark run ${runId}.`, 'id');
    await deleteRun(m.queryRunner as QueryRunner, runId);
    return {
      entityId: runId,
      before,
      after: () => Promise.resolve(null),
      result: { runId, kind: before.kind, label: before.label, rows: Number(before.row_count) },
    };
  });
}

/** Another request loaded the same batch while this one waited: rolls this transaction back, answers a retry. */
class LoadedMeanwhile extends Error {
  constructor(readonly outcome: IngestOutcome) {
    super('batch loaded meanwhile');
  }
}

/**
 * The stored run of this batch id when its rows are the same (a retry: `created: false`); BAD_USER_INPUT when
 * they differ; null when the id is new.
 */
async function loadedBefore(
  m: EntityManager,
  batchId: string,
  digest: string,
): Promise<IngestOutcome | null> {
  const [previous] = await m.query<{ id: number; digest: string; rows: number }[]>(
    'SELECT id, batch_digest AS digest, row_count::int AS rows FROM benchmark_run WHERE batch_id = $1',
    [batchId],
  );
  if (!previous) return null;
  if (previous.digest === digest) return { runId: previous.id, rows: previous.rows, created: false };
  throw new BadUserInputError(
    `Batch id "${batchId}" was already loaded (run ${previous.id}) with other rows; use a new batch id.`,
    'input.batchId',
  );
}

async function insertBatch(
  m: EntityManager,
  input: IngestRequest,
  digest: string,
  rows: BatchRow[],
): Promise<number> {
  const scenarioIds = await idsOf(
    m,
    'scenario',
    rows.map((r) => r.scenario),
  );
  const workloads = await workloadsOf(
    m,
    rows.map((r) => r.workload),
  );
  rows.forEach((r, i) => {
    if (!scenarioIds.has(r.scenario)) unknown(i, 'scenario', r.scenario);
    const workload = workloads.get(r.workload);
    if (!workload) return unknown(i, 'workload', r.workload);
    const { min, max } = valueBoundsOf(workload.unit);
    if (r.value < min || r.value > max) {
      throw rowError(
        i + 1,
        'value',
        `value ${r.value} ${workload.unit} is outside the plausible range of ${r.workload}, ${min} to ${max} ${workload.unit}.`,
      );
    }
  });
  const [{ id: runId }] = await m.query<[{ id: number }]>(
    `INSERT INTO benchmark_run (kind, label, batch_id, batch_digest, row_count)
     VALUES ('ingested', $1, $2, $3, $4) RETURNING id`,
    [input.label ?? `batch ${input.batchId}`, input.batchId, digest, rows.length],
  );
  const keyed = rows
    .map((r) => ({
      ...r,
      scenarioId: scenarioIds.get(r.scenario)!,
      workloadId: workloads.get(r.workload)!.id,
    }))
    .sort(
      (a, b) =>
        a.scenarioId - b.scenarioId ||
        a.workloadId - b.workloadId ||
        a.measuredOn.localeCompare(b.measuredOn),
    );
  await m.query(
    `INSERT INTO measurement (scenario_id, workload_id, run_id, measured_on, repetition, value)
     SELECT s, w, $1, d, r, v FROM unnest($2::int[], $3::smallint[], $4::date[], $5::int[], $6::float8[]) AS x(s, w, d, r, v)`,
    [
      runId,
      keyed.map((r) => r.scenarioId),
      keyed.map((r) => r.workloadId),
      keyed.map((r) => r.measuredOn),
      keyed.map((r) => r.repetition),
      keyed.map((r) => r.value),
    ],
  );
  // The same rollups the simulator writes, from the same accumulator (rows sorted by group, then date).
  const rollups = new RollupAccumulator(runId);
  let group = '';
  for (const r of keyed) {
    const month = `${r.measuredOn.slice(0, 7)}-01`;
    const key = `${r.scenarioId}/${r.workloadId}/${month}`;
    if (key !== group) {
      group = key;
      rollups.open(r.scenarioId, r.workloadId, month);
    }
    rollups.add(r.value);
  }
  rollups.close();
  const queryRunner = m.queryRunner as QueryRunner;
  await copyLines(queryRunner, 'measurement_rollup', ROLLUP_COLUMNS, rollups.rollupLines);
  await copyLines(queryRunner, 'measurement_sketch', SKETCH_COLUMNS, rollups.sketchLines);
  await summarizeRunWindow(queryRunner, runId);
  return runId;
}

async function idsOf(m: EntityManager, table: 'scenario', slugs: string[]): Promise<Map<string, number>> {
  // `table` is a literal, never input.
  const found = await m.query<{ slug: string; id: number }[]>(
    `SELECT slug, id FROM ${table} WHERE slug = ANY($1)`,
    [[...new Set(slugs)]],
  );
  return new Map(found.map((f) => [f.slug, f.id]));
}

/** The batch's workloads by slug, with the unit their values are bounded by. */
async function workloadsOf(
  m: EntityManager,
  slugs: string[],
): Promise<Map<string, { id: number; unit: string }>> {
  const found = await m.query<{ slug: string; id: number; unit: string }[]>(
    'SELECT slug, id, unit FROM workload WHERE slug = ANY($1)',
    [[...new Set(slugs)]],
  );
  return new Map(found.map((f) => [f.slug, { id: f.id, unit: f.unit }]));
}

function unknown(index: number, field: 'scenario' | 'workload', slug: string): never {
  throw rowError(
    index + 1,
    field,
    `unknown ${field} "${slug}" (see the ${field === 'scenario' ? 'scenarios' : 'workloads'} query).`,
  );
}
