import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ReplicaStatus } from '../db/replica-router';

/** Prometheus metrics of one server instance (served as text at `/metrics`). */
export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  readonly graphqlOperations: Counter<'operation_type' | 'outcome'>;
  readonly graphqlDuration: Histogram<'operation_type'>;
  readonly replicaUp: Gauge<'replica'>;
  readonly replicaLag: Gauge<'replica'>;
  readonly poolConnections: Gauge<'pool' | 'state'>;
  readonly poolWaiting: Gauge<'pool'>;
}

/** What a `pg` Pool tells about itself (node-postgres: `totalCount`, `idleCount`, `waitingCount`). */
export interface PoolCounts {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** A database pool by name (`read`, `write`), with its counts at the time of asking; null while it has none. */
export interface NamedPool {
  readonly name: string;
  readonly counts: PoolCounts | null;
}

export interface MetricsOptions {
  /** Health of the read replicas, read at each scrape (null: none, no series). */
  replicas?: () => ReplicaStatus | null;
  /** The database pools, read at each scrape (empty until the database is open). */
  pools?: () => readonly NamedPool[];
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  // Node's default metrics under their standard names (process_cpu_seconds_total, nodejs_heap_size_used_bytes,
  // nodejs_eventloop_lag_seconds …), as stock Node.js dashboards expect them; the server's own carry virtlens_.
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'virtlens_http_requests_total',
      help: 'HTTP requests by method, route and status code.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'virtlens_http_request_duration_seconds',
      help: 'HTTP request duration in seconds.',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: 'virtlens_graphql_operations_total',
      help: 'GraphQL operations by type and outcome (ok, error).',
      labelNames: ['operation_type', 'outcome'],
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'virtlens_graphql_operation_duration_seconds',
      help: 'GraphQL operation duration from parse to response, in seconds.',
      labelNames: ['operation_type'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    replicaUp: new Gauge({
      name: 'virtlens_db_replica_up',
      help: 'Read replicas by host:port/database: 1 while it serves reads, 0 while it is down or lags behind the primary by more than DB_REPLICA_MAX_LAG_MS (its reads go elsewhere).',
      labelNames: ['replica'],
      registers: [registry],
      collect() {
        for (const r of options.replicas?.()?.replicas ?? [])
          this.set({ replica: r.name }, r.state === 'serving' ? 1 : 0);
      },
    }),
    replicaLag: new Gauge({
      name: 'virtlens_db_replica_lag_seconds',
      help: "Read replicas' WAL replay lag behind the primary at the last check (every second), in seconds; no series while a replica is down.",
      labelNames: ['replica'],
      registers: [registry],
      collect() {
        this.reset();
        for (const r of options.replicas?.()?.replicas ?? [])
          if (r.lagMs !== null) this.set({ replica: r.name }, r.lagMs / 1000);
      },
    }),
    poolConnections: new Gauge({
      name: 'virtlens_db_pool_connections',
      help: 'Connections of each database pool (read: queries, write: migrations, seeds and mutations): state="total" open, state="idle" open and unused.',
      labelNames: ['pool', 'state'],
      registers: [registry],
      collect() {
        for (const { name, counts } of options.pools?.() ?? []) {
          if (!counts) continue;
          this.set({ pool: name, state: 'total' }, counts.totalCount);
          this.set({ pool: name, state: 'idle' }, counts.idleCount);
        }
      },
    }),
    poolWaiting: new Gauge({
      name: 'virtlens_db_pool_waiting_clients',
      help: 'Requests waiting for a connection of each database pool (above 0: the pool is the bottleneck).',
      labelNames: ['pool'],
      registers: [registry],
      collect() {
        for (const { name, counts } of options.pools?.() ?? [])
          if (counts) this.set({ pool: name }, counts.waitingCount);
      },
    }),
  };
}

/**
 * The counts of a TypeORM DataSource's `pg` pool (its driver's `master`), or null when it has none yet or the
 * pool does not count (numbers missing).
 */
export function poolCountsOf(dataSource: { driver: unknown } | null | undefined): PoolCounts | null {
  const pool = (dataSource?.driver as { master?: Partial<PoolCounts> } | undefined)?.master;
  if (!pool) return null;
  const { totalCount, idleCount, waitingCount } = pool;
  if (typeof totalCount !== 'number' || typeof idleCount !== 'number' || typeof waitingCount !== 'number')
    return null;
  return { totalCount, idleCount, waitingCount };
}
