import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { auditedWrite } from '../audit/audited-write';
import { requireRole } from '../auth/viewer';
import type { BenchmarkCatalogService } from '../benchmarks/benchmark.service';
import type { Context } from '../context';
import { BadUserInputError } from '../errors';
import { required } from '../shared/resolving';
import { deleteRunAudited, type IngestService } from './ingest.service';
import {
  DeletedBenchmarkRun,
  IngestMeasurementsInput,
  IngestMeasurementsResult,
  SimulateBenchmarksInput,
  SimulationJob,
} from './ingest.type';
import { MAX_JOB_ROWS, type SimulationJobs, type SimulationJobState } from './simulation-jobs';

const BATCH_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

function toJob(state: SimulationJobState): SimulationJob {
  return { ...state, progress: state.rowsTotal ? state.rowsDone / state.rowsTotal : 0 };
}

/** Measurement writes: external batches (editor) and background simulations (admin). */
@Resolver()
export class IngestResolver {
  constructor(
    private readonly ingest: IngestService,
    private readonly jobs: SimulationJobs,
    private readonly catalog: BenchmarkCatalogService,
    private readonly writer: ConstructorParameters<typeof IngestService>[0],
  ) {}

  @Mutation(() => IngestMeasurementsResult, {
    description:
      'Loads a batch of external benchmark results, all or nothing, with its rollups; idempotent by batch id. ' +
      'Needs the editor role.',
  })
  async ingestMeasurements(
    @Arg('input', () => IngestMeasurementsInput, { description: 'The batch to load.' })
    input: IngestMeasurementsInput,
    @Ctx() ctx: Context,
  ): Promise<IngestMeasurementsResult> {
    const viewer = requireRole(ctx.viewer, 'editor', 'ingestMeasurements');
    if (!BATCH_ID.test(input.batchId)) {
      throw new BadUserInputError(
        'batchId must be 1–100 characters of letters, digits and . _ : - (starting with a letter or digit).',
        'input.batchId',
      );
    }
    const outcome = await this.ingest.ingest({ viewer, requestId: ctx.requestId }, input);
    const run = required(
      (await this.catalog.runs()).find((r) => r.id === outcome.runId) ?? null,
      'run',
      'batch',
    );
    return { ...outcome, run };
  }

  @Mutation(() => DeletedBenchmarkRun, {
    description:
      'Deletes a benchmark run with its measurements and rollups in one audited transaction: every statistic ' +
      'stops counting it at once. Needs the admin role.',
  })
  async deleteBenchmarkRun(
    @Arg('id', () => Int, { description: 'The run’s id (BenchmarkRun.id).' }) id: number,
    @Ctx() ctx: Context,
  ): Promise<DeletedBenchmarkRun> {
    const viewer = requireRole(ctx.viewer, 'admin', 'deleteBenchmarkRun');
    if (id < 1) throw new BadUserInputError(`id must be a run id ≥ 1, got ${id}.`, 'id');
    return deleteRunAudited(this.writer, { viewer, requestId: ctx.requestId }, id);
  }

  @Mutation(() => SimulationJob, {
    description:
      'Queues a background simulation; whichever server instance is free runs it (one at a time per instance), ' +
      'and any instance follows it with simulationJob or stops it with cancelSimulationJob. One job per seed ' +
      'and size is queued or running at a time. Needs the admin role.',
  })
  async simulateBenchmarks(
    @Arg('input', () => SimulateBenchmarksInput, {
      description: 'How many rows to simulate, with which seed.',
    })
    input: SimulateBenchmarksInput,
    @Ctx() ctx: Context,
  ): Promise<SimulationJob> {
    const viewer = requireRole(ctx.viewer, 'admin', 'simulateBenchmarks');
    if (!(Number.isSafeInteger(input.rows) && input.rows >= 1 && input.rows <= MAX_JOB_ROWS)) {
      throw new BadUserInputError(
        `rows must be from 1 to ${MAX_JOB_ROWS}, got ${input.rows}.`,
        'input.rows',
        {
          limit: { name: 'simulationRows', max: MAX_JOB_ROWS },
        },
      );
    }
    if (input.seed < 0) throw new BadUserInputError(`seed must be ≥ 0, got ${input.seed}.`, 'input.seed');
    const request = {
      rows: input.rows,
      seed: input.seed,
      label: input.label ?? `simulation: seed ${input.seed}, ${input.rows} rows`,
      replace: input.replace,
    };
    // The job is queued in the request's audited transaction: audited if and only if it exists.
    const id = await auditedWrite(
      this.writer,
      { viewer, requestId: ctx.requestId },
      { action: 'simulateBenchmarks', entity: 'simulation_job' },
      async (manager) => {
        const jobId = await this.jobs.submit(manager, request, `${viewer.prefix} (${viewer.name})`);
        return { entityId: jobId, before: null, after: () => Promise.resolve(request), result: jobId };
      },
    );
    this.jobs.wake();
    return toJob(required(await this.jobs.get(id), 'simulation job', id));
  }

  @Mutation(() => SimulationJob, {
    description:
      'Cancels a queued or running simulation, on whichever instance runs it: its run is rolled back and ' +
      'nothing of it is kept. Refused once the job has finished. Needs the admin role.',
  })
  async cancelSimulationJob(
    @Arg('id', () => ID, { description: 'The id simulateBenchmarks returned.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<SimulationJob> {
    const viewer = requireRole(ctx.viewer, 'admin', 'cancelSimulationJob');
    const job = await auditedWrite(
      this.writer,
      { viewer, requestId: ctx.requestId },
      { action: 'cancelSimulationJob', entity: 'simulation_job' },
      async (manager) => {
        const state = await this.jobs.cancel(manager, id);
        if (!state) throw new BadUserInputError(`No simulation job has id "${id}".`, 'id');
        return { entityId: id, before: null, after: () => Promise.resolve(state), result: state };
      },
    );
    return toJob(job);
  }

  @Query(() => SimulationJob, {
    nullable: true,
    description:
      'A background simulation, as any server instance sees it (jobs are kept in the database); null if no ' +
      'job has that id. Needs the admin role.',
  })
  async simulationJob(
    @Arg('id', () => ID, { description: 'The id simulateBenchmarks returned.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<SimulationJob | null> {
    requireRole(ctx.viewer, 'admin', 'simulationJob');
    const state = await this.jobs.get(id);
    return state ? toJob(state) : null;
  }
}
