import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BenchmarkRun, RunKindEnum, type RunKind } from '../benchmarks/benchmark.type';
import { registerValuesEnum } from '../shared/enums';
import { BATCH_FORMATS, CSV_COLUMNS, MAX_BATCH_ROWS, type BatchFormat } from './parse-batch';
import { JOB_STATUSES, MAX_JOB_ROWS, MAX_RESTARTS, type JobStatus } from './simulation-jobs';

export const BatchFormatEnum = registerValuesEnum(
  BATCH_FORMATS,
  'BatchFormat',
  'How a measurement batch is encoded.',
  {
    JSON: 'A JSON array of measurement objects.',
    CSV: 'Comma-separated values with a header row naming the measurement fields.',
  },
);
export const JobStatusEnum = registerValuesEnum(
  JOB_STATUSES,
  'SimulationJobStatus',
  'Where a background simulation is.',
  {
    queued: 'Waiting for a server instance to take it (or to start it over after its runner stopped).',
    running: 'Simulating on one instance; rowsDone grows towards rowsTotal.',
    succeeded: 'Finished; its run holds every measurement.',
    failed: 'Stopped on an error (see error); nothing of it was kept.',
    cancelled: 'Stopped by cancelSimulationJob; nothing of it was kept.',
  },
);

@InputType('IngestMeasurementsInput', {
  description: 'A batch of external benchmark results to load as one run.',
})
export class IngestMeasurementsInput {
  @Field(() => String, {
    description:
      'Your id for this batch: sending the same batch again is a no-op; other rows under it are refused.',
  })
  batchId!: string;

  @Field(() => BatchFormatEnum, { description: 'How data is encoded.' })
  format!: BatchFormat;

  @Field(() => String, {
    description:
      `The rows (at most ${MAX_BATCH_ROWS}): JSON, an array of {scenario, workload, measuredOn, repetition, value}; ` +
      `or CSV with the header row "${CSV_COLUMNS.join(',')}". Values in the workload's unit.`,
  })
  data!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A human name for the run; default "batch <batchId>".',
  })
  label?: string | null;
}

@ObjectType('IngestMeasurementsResult', {
  description: 'What an ingest wrote: the run and how many measurements it holds.',
})
export class IngestMeasurementsResult {
  runId!: number;

  @Field(() => BenchmarkRun, {
    description: 'The run the batch was loaded as (the earlier one when the batch had been sent before).',
  })
  run!: BenchmarkRun;

  @Field(() => Int, { description: 'Measurements in the run.' })
  rows!: number;

  @Field(() => Boolean, {
    description: 'False when the same batch had been loaded before (nothing was written).',
  })
  created!: boolean;
}

@ObjectType('DeletedBenchmarkRun', {
  description:
    'A benchmark run as it was when deleteBenchmarkRun removed it with its measurements and rollups.',
})
export class DeletedBenchmarkRun {
  @Field(() => Int, { description: 'The id the run had.' })
  runId!: number;

  @Field(() => RunKindEnum, { description: 'Whether it was a simulation or an ingested batch.' })
  kind!: RunKind;

  @Field(() => String, { description: 'Its label.' })
  label!: string;

  @Field(() => Int, { description: 'How many measurements were deleted with it.' })
  rows!: number;
}

@InputType('SimulateBenchmarksInput', {
  description: 'A background simulation to start: how many measurements, from which seed.',
})
export class SimulateBenchmarksInput {
  @Field(() => Int, { description: `Measurements to simulate, 1 to ${MAX_JOB_ROWS}.` })
  rows!: number;

  @Field(() => Int, {
    defaultValue: 1,
    description: 'The same seed (and model version) gives the same rows.',
  })
  seed!: number;

  @Field(() => String, {
    nullable: true,
    description: 'A human name for the run; default: one naming the seed and size.',
  })
  label?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Replace a run of the same seed and size.' })
  replace!: boolean;
}

@ObjectType('SimulationJob', {
  description:
    'A background simulation, kept in the database: any server instance reports it, and whichever is free runs it.',
})
export class SimulationJob {
  @Field(() => ID, { description: 'The job’s id, for simulationJob.' })
  id!: string;

  @Field(() => JobStatusEnum, { description: 'Queued, running, succeeded, failed or cancelled.' })
  status!: JobStatus;

  @Field(() => Int, { description: 'The PRNG seed it simulates from.' })
  seed!: number;

  @Field(() => Float, { description: 'Measurements it will simulate in all.' })
  rowsTotal!: number;

  @Field(() => Float, { description: 'Measurements simulated so far.' })
  rowsDone!: number;

  @Field(() => Float, { description: 'rowsDone / rowsTotal.' })
  progress!: number;

  @Field(() => Int, { nullable: true, description: 'The run it made, once it succeeded.' })
  runId!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed; null unless status is FAILED.' })
  error!: string | null;

  @Field(() => String, { description: 'The API key (prefix and name) that started it.' })
  requestedBy!: string;

  @Field(() => Int, {
    description: `How many times it started over because the server running it stopped (at most ${MAX_RESTARTS}).`,
  })
  restarts!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The server process running it (host name:process id), while it runs; null otherwise.',
  })
  runner!: string | null;

  @Field(() => Date, { description: 'When it was queued (UTC).' })
  startedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it succeeded, failed or was cancelled (UTC); null while queued or running.',
  })
  finishedAt!: Date | null;
}
