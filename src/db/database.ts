import { MigrationExecutor, type DataSource } from 'typeorm';
import type { Config } from '../config';
import { StartupError } from '../errors';
import type { Logger } from '../observability/logger';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres';
import { ReplicaRouter, type ReplicaStatus } from './replica-router';

/** The database the server works on, and how to let go of it. */
export interface Database {
  /** The primary, read-write: migrations, seeds and mutations (a small pool, `DB_WRITE_POOL_SIZE`). */
  readonly dataSource: DataSource;
  /**
   * Read-only transactions only, with the statement timeout: every query. With `DATABASE_REPLICA_URLS`, its
   * connections go to the replicas (to the primary for a mutation's own response, and when no replica answers).
   */
  readonly readDataSource: DataSource;
  /** Health of the read replicas; null without replicas. */
  readonly replicas: { status(): ReplicaStatus } | null;
  /** Closes the pool, then stops the embedded PostgreSQL if this process started it. */
  close(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'virtlens';

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL (creating the `virtlens` database on first use),
 * then applies pending migrations under an advisory lock so that servers starting together migrate once.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let embedded: EmbeddedPostgresHandle | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, logger });
    url = await ensureDatabase(embedded, EMBEDDED_DATABASE).catch(async (error: unknown) => {
      await embedded?.stop();
      throw error;
    });
  }
  const dataSource = createDataSource({
    url,
    poolSize: config.dbWritePoolSize,
    logger,
    // No timeout here: migrations and seeds may be long; mutations SET LOCAL it (see withWriteTransaction).
  });
  const replicas = config.databaseReplicaUrls.length
    ? new ReplicaRouter({
        replicas: config.databaseReplicaUrls.map((u) => ({ url: u, name: describeUrl(u) })),
        logger,
        recheckMs: REPLICA_RECHECK_MS,
        maxLagMs: config.replicaMaxLagMs,
      })
    : undefined;
  const readDataSource = createDataSource({
    url,
    poolSize: config.dbPoolSize,
    logger,
    readOnly: true,
    statementTimeoutMs: config.statementTimeoutMs,
    replicas,
    connectionsPerRequest: config.dbConnectionsPerRequest,
    poolWaitMs: config.dbPoolWaitMs,
  });
  const close = async (): Promise<void> => {
    if (readDataSource.isInitialized) await readDataSource.destroy();
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  };
  try {
    await connect(dataSource, url, embedded !== undefined);
    await migrate(dataSource, logger);
    await readDataSource.initialize();
    if (replicas) await reportReplicas(replicas, logger);
  } catch (error) {
    await close();
    throw error;
  }
  return { dataSource, readDataSource, replicas: replicas ?? null, close };
}

/** How often a read replica that is down is tried again. */
const REPLICA_RECHECK_MS = 5000;

/**
 * A replica that is down at start does not stop the start: the primary serves its reads (each down replica got
 * its warning) until it answers. Then one line says where reads go.
 */
async function reportReplicas(replicas: ReplicaRouter, logger: Logger): Promise<void> {
  await replicas.checkAll();
  const status = replicas.status();
  logger.info(
    { replicas: status.replicas.map((r) => `${r.name} (${r.state})`) },
    status.healthy
      ? `queries read from ${status.healthy} of ${status.total} replicas`
      : 'no read replica answers: queries read from the primary until one does',
  );
}

async function ensureDatabase(pg: EmbeddedPostgresHandle, name: string): Promise<string> {
  try {
    return await pg.createDatabase(name);
  } catch (error) {
    if ((error as { code?: string }).code === '42P04') return pg.url.replace(/\/postgres$/, `/${name}`);
    throw error;
  }
}

async function connect(dataSource: DataSource, url: string, embedded: boolean): Promise<void> {
  try {
    await dataSource.initialize();
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0].replace(/\.$/, '');
    const where = describeUrl(url);
    throw new StartupError(
      embedded
        ? `Could not connect to the embedded PostgreSQL at ${where} (${reason}); delete its data folder or set VIRTLENS_DATA_DIR to a new one.`
        : `Could not connect to the PostgreSQL in DATABASE_URL (${where}: ${reason}); check that the server is running and the URL, user and password are right.`,
    );
  }
}

/** host:port/database of a URL, without credentials (safe to print). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an unparsable URL';
  }
}

const MIGRATION_LOCK = 'virtlens-migrations';

async function migrate(dataSource: DataSource, logger: Logger): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    // On the connection that holds the lock: a write pool of one connection has no second one to give.
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Readiness: the database answers and no migration is pending. */
export async function checkReadiness(
  dataSource: DataSource,
): Promise<{ database: boolean; migrations: boolean }> {
  try {
    await dataSource.query('SELECT 1');
  } catch {
    return { database: false, migrations: false };
  }
  try {
    const rows = await dataSource.query<{ name: string }[]>('SELECT name FROM typeorm_migration');
    const applied = new Set(rows.map((r) => r.name));
    return { database: true, migrations: dataSource.migrations.every((m) => m.name && applied.has(m.name)) };
  } catch {
    return { database: true, migrations: false };
  }
}
