import 'reflect-metadata';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index';
import type { Logger } from '../observability/logger';
import { ENTITIES } from './entities';
import { QueryLogger } from './query-logger';
import { capConnectionsPerRequest } from '../limits/request-connections';
import type { ReplicaRouter } from './replica-router';

// `date` columns stay `YYYY-MM-DD` strings: a JS Date would shift them by the process time zone.
types.setTypeParser(types.builtins.DATE, (value) => value);

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  /** application_name shown in pg_stat_activity. */
  applicationName?: string;
  /** Where failed and slow statements are logged. */
  logger?: Logger;
  /**
   * Every transaction of the pool's connections is read-only (`default_transaction_read_only=on`): the pool that
   * serves queries.
   */
  readOnly?: boolean;
  /** Read replicas: the pool's connections go to them (and to `url` when none answers); see ReplicaRouter. */
  replicas?: ReplicaRouter;
  /** PostgreSQL `statement_timeout` of the pool's connections, in milliseconds (unset: the server's). */
  statementTimeoutMs?: number;
  /**
   * Connections one request may hold at once (unset: no cap); see capConnectionsPerRequest. The read pool's
   * setting: a request's aliases take turns instead of holding the whole pool.
   */
  connectionsPerRequest?: number;
  /** How long a statement waits for a free connection before it is answered 503, in milliseconds (default 5000). */
  poolWaitMs?: number;
}

/** libpq `options` for the session settings of a pool's connections (set at connect, no extra round trip). */
export function sessionOptions(options: Pick<DataSourceOptions, 'readOnly' | 'statementTimeoutMs'>): string {
  const settings: string[] = [];
  if (options.readOnly) settings.push('-c default_transaction_read_only=on');
  if (options.statementTimeoutMs !== undefined)
    settings.push(`-c statement_timeout=${options.statementTimeoutMs}`);
  return settings.join(' ');
}

/** The one factory for TypeORM data sources: app, CLI and tests. Schema comes only from migrations. */
export function createDataSource(options: DataSourceOptions): DataSource {
  const poolWaitMs = options.poolWaitMs ?? 5000;
  const routed = options.replicas?.pgDriver();
  const driver =
    options.connectionsPerRequest !== undefined
      ? capConnectionsPerRequest({ perRequest: options.connectionsPerRequest, poolWaitMs }, routed)
      : routed;
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logger: new QueryLogger(options.logger),
    maxQueryExecutionTime: 1000,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'virtlens',
    // TypeORM's own `replication` option picks a slave at random, with no health check or fallback, and sends
    // `query()` and transactions to the master: the router replaces the pg module's Pool instead.
    ...(driver ? { driver } : {}),
    extra: {
      connectionTimeoutMillis: poolWaitMs,
      ...(sessionOptions(options) ? { options: sessionOptions(options) } : {}),
    },
  });
}
