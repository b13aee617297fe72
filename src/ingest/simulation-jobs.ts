import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { BadUserInputError } from '../errors';
import { loadSimulatedRun, type SimulationRequest } from '../simulator/runs/load-run';

export type JobStatus = 'running' | 'succeeded' | 'failed';

/** A background simulation as `simulationJob(id)` reports it. */
export interface SimulationJobState {
  id: string;
  status: JobStatus;
  seed: number;
  rowsTotal: number;
  rowsDone: number;
  runId: number | null;
  error: string | null;
  requestedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
}

/** Most rows one API-started simulation may make (larger: `npm run simulate`). */
export const MAX_JOB_ROWS = 50_000_000;

/**
 * Background simulations of this server instance, one at a time (each keeps a core busy): a job loads its run in
 * one transaction on the primary, so a failure, a cancel or a killed process leaves no row of it. Job states
 * live in this process (per instance; not shared between instances) and are forgotten at restart; the runs
 * they made are in the database.
 */
export class SimulationJobs {
  private readonly jobs = new Map<string, SimulationJobState>();
  private running: Promise<void> | null = null;
  private cancelled = false;

  constructor(private readonly writer: DataSource) {}

  /** Refuses while a job runs (check before recording the request). */
  assertIdle(): void {
    if (this.running) {
      const busy = [...this.jobs.values()].find((j) => j.status === 'running');
      throw new BadUserInputError(
        `A simulation is already running on this server (job ${busy?.id ?? 'unknown'}); wait for it to finish.`,
      );
    }
  }

  start(
    request: Omit<SimulationRequest, 'onProgress'>,
    requestedBy: string,
    id: string = randomUUID(),
  ): SimulationJobState {
    this.assertIdle();
    const job: SimulationJobState = {
      id,
      status: 'running',
      seed: request.seed,
      rowsTotal: request.rows,
      rowsDone: 0,
      runId: null,
      error: null,
      requestedBy,
      startedAt: new Date(),
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    this.running = this.run(job, request).finally(() => {
      this.running = null;
    });
    return job;
  }

  get(id: string): SimulationJobState | null {
    return this.jobs.get(id) ?? null;
  }

  /** Cancels the running job (its transaction rolls back) and waits for it: part of a graceful shutdown. */
  async stop(): Promise<void> {
    this.cancelled = true;
    await this.running;
  }

  private async run(job: SimulationJobState, request: Omit<SimulationRequest, 'onProgress'>): Promise<void> {
    const queryRunner = this.writer.createQueryRunner();
    try {
      await queryRunner.connect();
      await queryRunner.startTransaction();
      const run = await loadSimulatedRun(queryRunner, {
        ...request,
        onProgress: (done) => {
          if (this.cancelled) throw new Error('the server is shutting down; the run was rolled back');
          job.rowsDone = done;
        },
      });
      await queryRunner.commitTransaction();
      Object.assign(job, {
        status: 'succeeded',
        runId: run.runId,
        rowsDone: run.rows,
        finishedAt: new Date(),
      });
    } catch (error) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
      Object.assign(job, { status: 'failed', error: (error as Error).message, finishedAt: new Date() });
    } finally {
      await queryRunner.release().catch(() => undefined);
    }
  }
}
