import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { PoolClient } from 'pg';
import PgBoss from 'pg-boss';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { BadUserInputError } from '../errors';
import type { Logger } from '../observability/logger';
import { OccurrenceLog } from '../observability/occurrence-log';
import { loadSimulatedRun, runLockKey, type SimulationRequest } from '../simulator/runs/load-run';

/** Advisory-lock key under which instances create the job queue one at a time. */
const CREATE_QUEUE_LOCK = 'virtlens-jobs:create-queue';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A background simulation as `simulationJob(id)` reports it, from whichever instance is asked. */
export interface SimulationJobState {
  id: string;
  status: JobStatus;
  seed: number;
  rowsTotal: number;
  rowsDone: number;
  runId: number | null;
  error: string | null;
  requestedBy: string;
  /** How many times it was started over because the server running it stopped. */
  restarts: number;
  /** The server process running it (host name:process id), while it runs. */
  runner: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** Most rows one API-started simulation may make (larger: `npm run simulate`). */
export const MAX_JOB_ROWS = 50_000_000;

/** A job that stopped this many times is failed rather than started over once more. */
export const MAX_RESTARTS = 3;

type JobRequest = Omit<SimulationRequest, 'onProgress'>;
interface JobData extends JobRequest {
  requestedBy: string;
}
/** What a job's pg-boss `output` holds: progress while it runs, then its run or its error. */
interface JobOutput {
  rowsDone?: number;
  runner?: string;
  runId?: number;
  rows?: number;
  message?: string;
  value?: { message?: string };
}

const QUEUE = 'simulate-benchmarks';
const SCHEMA = 'pgboss';
/** First key of the session advisory lock a worker holds on each job it runs (the second: hashtext(job id)). */
const JOB_LOCK_SPACE = 19_019;
const POLL_MS = 1000;
const PROGRESS_MS = 250;
/** This process, as a job's `runner`. */
const RUNNER = `${os.hostname()}:${process.pid}`;
const PROGRESS_SQL = `UPDATE ${SCHEMA}.job SET output = jsonb_build_object('rowsDone', $3::bigint, 'runner', $4::text)
  WHERE name = $1 AND id = $2 AND state = 'active' RETURNING 1`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATUS_OF: Record<PgBoss.JobWithMetadata['state'], JobStatus> = {
  created: 'queued',
  retry: 'queued',
  active: 'running',
  completed: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** The load was stopped: cancelled (the job is no longer active) or this server is shutting down. */
class JobStopped extends Error {}

/** pg-boss statements on a connection of ours, inside its transaction. */
function onConnection(queryRunner: QueryRunner): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) =>
      ((await queryRunner.connect()) as PoolClient).query(text, values),
  };
}

function lockSql(fn: 'pg_advisory_lock' | 'pg_try_advisory_lock' | 'pg_advisory_unlock'): string {
  return `SELECT ${fn}(${JOB_LOCK_SPACE}, hashtext($1)) AS ok`;
}

/**
 * Background simulations, kept in PostgreSQL by pg-boss (schema `pgboss`, created and upgraded by pg-boss itself
 * under its own advisory lock), so every instance on the database shares them:
 *
 * - **start** on any instance: the job row is inserted in the audited transaction of the request. One job per
 *   seed and size is queued or running cluster-wide (a `stately` queue keyed by seed and size; asking again
 *   while one is is refused, naming it).
 * - **run** on whichever instance claims it first, one at a time per instance: the claim and a session advisory
 *   lock on the job are taken in one transaction, then the run is loaded in one transaction that also marks the
 *   job completed, so the run is visible exactly when the job says succeeded, and a failure, a cancel or a
 *   killed process leaves no row of it.
 * - **follow and cancel** on any instance: the state, progress (written every 250 ms) and result are the job's
 *   row. A cancel marks the job cancelled; its worker sees that at its next progress write, or at the latest
 *   when it tries to complete it, and rolls back.
 * - **restart**: a job marked running whose lock nobody holds lost its server (killed, or its connection cut):
 *   every instance checks each second, and one of them puts it back in the queue to start over (nothing of it
 *   was kept), at most {@link MAX_RESTARTS} times; a server that shuts down gracefully hands its job back the
 *   same way.
 */
export class SimulationJobs {
  private boss: PgBoss | null = null;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  /** The check in flight, if any: a shutdown waits for it, so that no job is claimed after it. */
  private ticking: Promise<void> | null = null;
  private stopping = false;
  private queueDown = false;
  private readonly unavailable: OccurrenceLog | null;

  constructor(
    private readonly writer: DataSource,
    private readonly logger?: Logger,
  ) {
    this.unavailable = logger ? new OccurrenceLog(logger, 'simulation job queue unavailable') : null;
  }

  /** Creates or upgrades pg-boss's schema and the queue, then starts claiming jobs and restarting lost ones. */
  async start(): Promise<void> {
    const { url } = this.writer.options as { url?: string };
    const boss = new PgBoss({
      connectionString: url,
      schema: SCHEMA,
      max: 2,
      application_name: 'virtlens-jobs',
      schedule: false,
    });
    // pg-boss reports its own polling failures here: while the database is away, one line per interval.
    boss.on('error', (error) => this.unavailable?.record(error.message));
    await boss.start();
    // pg-boss creates a queue's partition without a lock of its own: two instances starting at once on one
    // database deadlocked in createQueue (seen in CI), so the instances take turns.
    const lock = this.writer.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [CREATE_QUEUE_LOCK]);
      await boss.createQueue(QUEUE, {
        name: QUEUE,
        policy: 'stately',
        retryLimit: 0, // restarts are decided here (see reapLost), failures are final
        expireInSeconds: 23 * 3600, // pg-boss's maximum is 24 h; lost jobs are found by their lock, not by age
        retentionMinutes: 7 * 24 * 60,
      });
    } finally {
      await lock
        .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [CREATE_QUEUE_LOCK])
        .catch(() => []);
      await lock.release();
    }
    this.boss = boss;
    this.schedule(0);
  }

  /**
   * Queues a simulation inside `manager`'s transaction (the request's audited write), or refuses while one of the
   * same seed and size is queued or running anywhere.
   */
  async submit(manager: EntityManager, request: JobRequest, requestedBy: string): Promise<string> {
    const boss = this.started();
    const key = `${request.seed}:${request.rows}`;
    const [busy] = await manager.query<{ id: string }[]>(
      `SELECT id FROM ${SCHEMA}.job WHERE name = $1 AND singleton_key = $2 AND state < 'completed' LIMIT 1`,
      [QUEUE, key],
    );
    const refuse = (id: string | undefined) =>
      new BadUserInputError(
        `A simulation of seed ${request.seed} with ${request.rows} rows is already queued or running` +
          `${id ? ` (job ${id})` : ''}; follow it with simulationJob, or cancel it first.`,
        'input',
      );
    if (busy) throw refuse(busy.id);
    const data: JobData = { ...request, requestedBy };
    const id = await boss.send(QUEUE, data, {
      id: randomUUID(),
      singletonKey: key,
      db: onConnection(manager.queryRunner!),
    });
    if (!id) throw refuse(undefined); // the same request committed meanwhile: the queue's unique index
    return id;
  }

  /** Starts claiming at once (after the submitting transaction committed). */
  wake(): void {
    this.schedule(0);
  }

  /** The job as its row says now (in `manager`'s transaction when given); null when no job has that id. */
  async get(id: string, manager?: EntityManager): Promise<SimulationJobState | null> {
    if (!UUID.test(id)) return null;
    const db = manager ? { db: onConnection(manager.queryRunner!) } : {};
    const job = await this.started().getJobById<JobData>(QUEUE, id, { includeArchive: true, ...db });
    return job ? stateOf(job) : null;
  }

  /**
   * Cancels a queued or running job in `manager`'s transaction (the request's audited write); null when no job
   * has that id. Its worker, wherever it runs, rolls its run back once this commits.
   * @throws BadUserInputError when it has already finished.
   */
  async cancel(manager: EntityManager, id: string): Promise<SimulationJobState | null> {
    if (!UUID.test(id)) return null;
    await this.started().cancel(QUEUE, id, { db: onConnection(manager.queryRunner!) });
    const job = await this.get(id, manager);
    if (job && job.status !== 'cancelled') {
      throw new BadUserInputError(`Job ${id} has already ${job.status}; there is nothing to cancel.`, 'id');
    }
    return job;
  }

  /** Hands the running job back to the queue (its transaction rolls back) and stops: part of a graceful shutdown. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    await this.current;
    await this.boss?.stop({ graceful: false, wait: true });
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('simulation jobs are not started');
    return this.boss;
  }

  private schedule(ms: number): void {
    if (this.stopping || !this.boss) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.ticking) return; // one check at a time (it schedules the next), so one claim at a time
      this.ticking = this.tick().finally(() => (this.ticking = null));
    }, ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.reapLost();
      if (!this.current && !this.stopping) {
        const claimed = await this.claim();
        if (claimed) {
          this.current = this.run(...claimed).finally(() => {
            this.current = null;
            this.schedule(0);
          });
        }
      }
      if (this.queueDown) this.logger?.info('simulation jobs: the queue answers again');
      this.queueDown = false;
    } catch (error) {
      // Checked again each second; logged once per interval with a count, not every second of an outage.
      this.unavailable?.record((error as Error).message);
      this.queueDown = true;
    }
    this.schedule(POLL_MS);
  }

  /** Claims the next job and locks it for this session, in one transaction: no moment shows it running unlocked. */
  private async claim(): Promise<[PgBoss.JobWithMetadata<JobData>, QueryRunner] | null> {
    const queryRunner = this.writer.createQueryRunner();
    try {
      await queryRunner.connect();
      await queryRunner.startTransaction();
      const [job] = await this.started().fetch<JobData>(QUEUE, {
        batchSize: 1,
        includeMetadata: true,
        db: onConnection(queryRunner),
      });
      if (job) {
        await queryRunner.query(lockSql('pg_advisory_lock'), [job.id]);
        await queryRunner.query(PROGRESS_SQL, [QUEUE, job.id, 0, RUNNER]);
      }
      await queryRunner.commitTransaction();
      if (job) return [job, queryRunner];
    } catch (error) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
      await queryRunner.release();
      throw error;
    }
    await queryRunner.release();
    return null;
  }

  private async run(job: PgBoss.JobWithMetadata<JobData>, queryRunner: QueryRunner): Promise<void> {
    const boss = this.started();
    let stopped: string | null = null;
    let reported = 0;
    const reportProgress = (rowsDone: number) => {
      boss
        .getDb()
        .executeSql(PROGRESS_SQL, [QUEUE, job.id, rowsDone, RUNNER])
        .then(
          ({ rows }) => {
            if (!rows.length) stopped ??= 'cancelled';
          },
          (error: unknown) => this.logger?.warn({ err: error, job: job.id }, 'could not record progress'),
        );
    };
    try {
      const { requestedBy: _, ...request } = job.data;
      await queryRunner.startTransaction();
      // Another loader of this run (a cancelled job still rolling back, `npm run simulate`) is waited for, not
      // failed on: the job then finds the run loaded, or loads it.
      await queryRunner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [runLockKey(request)]);
      const run = await loadSimulatedRun(queryRunner, {
        ...request,
        onProgress: (done) => {
          if (this.stopping) stopped ??= 'shutdown';
          if (stopped) throw new JobStopped(stopped);
          if (Date.now() - reported >= PROGRESS_MS) {
            reported = Date.now();
            reportProgress(done);
          }
        },
      });
      const output: JobOutput = { runId: run.runId, rows: run.rows, rowsDone: run.rows };
      // pg-boss's types say void; it answers how many jobs it completed (0: no longer active, i.e. cancelled).
      const { affected } = (await boss.complete(QUEUE, job.id, output, {
        db: onConnection(queryRunner),
      })) as unknown as { affected: number };
      if (affected !== 1) throw new JobStopped('cancelled');
      await queryRunner.commitTransaction();
      this.logger?.info({ job: job.id, runId: run.runId, rows: run.rows }, 'simulation job succeeded');
    } catch (error) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
      // Still holding the job's lock: no other instance takes it for lost while it is settled here.
      await this.settle(job, queryRunner, error).catch((e: unknown) =>
        this.logger?.warn({ err: e, job: job.id }, 'could not record how a simulation job ended'),
      );
    } finally {
      await queryRunner.query(lockSql('pg_advisory_unlock'), [job.id]).catch(() => undefined);
      await queryRunner.release();
    }
  }

  private async settle(job: PgBoss.JobWithMetadata<JobData>, queryRunner: QueryRunner, error: unknown) {
    if (error instanceof JobStopped && error.message === 'cancelled') {
      this.logger?.info({ job: job.id }, 'simulation job cancelled; its run was rolled back');
    } else if (error instanceof JobStopped) {
      await this.restartOrFail(queryRunner, job, 'this server shut down while it ran');
    } else {
      const message = (error as Error).message;
      this.logger?.warn({ job: job.id, error: message }, 'simulation job failed; its run was rolled back');
      await this.started().fail(QUEUE, job.id, { message }, { db: onConnection(queryRunner) });
    }
  }

  /** Puts a job that lost its server back in the queue (nothing of it was kept), or fails it after MAX_RESTARTS. */
  private async restartOrFail(
    queryRunner: QueryRunner,
    job: Pick<PgBoss.JobWithMetadata, 'id' | 'retryCount'>,
    why: string,
  ): Promise<void> {
    const boss = this.started();
    const db = onConnection(queryRunner);
    const restart = job.retryCount < MAX_RESTARTS;
    const message = restart
      ? `${why}; started over`
      : `${why}, for the ${MAX_RESTARTS + 1}th time; not started over again`;
    await queryRunner.startTransaction();
    try {
      await boss.fail(QUEUE, job.id, { message }, { db });
      if (restart) await boss.retry(QUEUE, job.id, { db });
      await queryRunner.commitTransaction();
    } catch (error) {
      await queryRunner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
    this.logger?.warn({ job: job.id, restart }, `simulation job: ${message}`);
  }

  /** Jobs marked running whose session lock is free: their server is gone. One instance at a time takes each. */
  private async reapLost(): Promise<void> {
    const boss = this.started();
    const { rows } = await boss
      .getDb()
      .executeSql(
        `SELECT id, retry_count AS "retryCount" FROM ${SCHEMA}.job WHERE name = $1 AND state = 'active'`,
        [QUEUE],
      );
    if (!rows.length) return;
    const queryRunner = this.writer.createQueryRunner();
    try {
      for (const job of rows as { id: string; retryCount: number }[]) {
        const [{ ok }] = await queryRunner.manager.query<[{ ok: boolean }]>(lockSql('pg_try_advisory_lock'), [
          job.id,
        ]);
        if (!ok) continue; // its server holds it, or another instance is restarting it
        try {
          const [still] = await queryRunner.manager.query<{ id: string }[]>(
            `SELECT id FROM ${SCHEMA}.job WHERE name = $1 AND id = $2 AND state = 'active'`,
            [QUEUE, job.id],
          );
          if (still) await this.restartOrFail(queryRunner, job, 'the server running it stopped');
        } finally {
          await queryRunner.query(lockSql('pg_advisory_unlock'), [job.id]);
        }
      }
    } finally {
      await queryRunner.release();
    }
  }
}

function stateOf(job: PgBoss.JobWithMetadata<JobData>): SimulationJobState {
  const output = (job.output ?? {}) as JobOutput;
  const status = STATUS_OF[job.state];
  return {
    id: job.id,
    status,
    seed: job.data.seed,
    rowsTotal: job.data.rows,
    rowsDone: status === 'queued' ? 0 : Number(output.rowsDone ?? 0),
    runId: output.runId ?? null,
    error: status === 'failed' ? (output.message ?? output.value?.message ?? 'failed') : null,
    requestedBy: job.data.requestedBy,
    restarts: job.retryCount,
    runner: status === 'running' ? (output.runner ?? null) : null,
    startedAt: job.createdOn,
    finishedAt: status === 'queued' || status === 'running' ? null : job.completedOn,
  };
}
