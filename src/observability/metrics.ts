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
}

export interface MetricsOptions {
  /** Health of the read replicas, read at each scrape (null: none, no series). */
  replicas?: () => ReplicaStatus | null;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'virtlens_' });
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
      help: 'Read replicas by host:port/database: 1 while it serves reads, 0 while it is down (its reads go elsewhere).',
      labelNames: ['replica'],
      registers: [registry],
      collect() {
        for (const r of options.replicas?.()?.replicas ?? [])
          this.set({ replica: r.name }, r.healthy ? 1 : 0);
      },
    }),
  };
}
