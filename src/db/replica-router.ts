import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '../observability/logger';
import { readPreference, rememberReadTarget } from './read-preference';

/** A read replica: its URL, and a name that may be printed (host:port/database, no credentials). */
export interface ReplicaTarget {
  readonly url: string;
  readonly name: string;
}

/** Health of the read replicas, as /readyz and /metrics report it. */
export interface ReplicaStatus {
  healthy: number;
  total: number;
  replicas: { name: string; healthy: boolean }[];
}

export interface ReplicaRouterOptions {
  replicas: readonly ReplicaTarget[];
  logger: Logger;
  /** How often a replica that is down is tried again, in milliseconds (default 5000). */
  recheckMs?: number;
}

interface Replica extends ReplicaTarget {
  readonly index: number;
  healthy: boolean;
  /** Replaced by a fresh pool when the replica goes down: the old one's connections are dead. */
  pool: pg.Pool;
  probing: boolean;
}

type Release = (error?: Error | boolean) => void;
type ConnectCallback = (error: Error | undefined, client?: pg.PoolClient, release?: Release) => void;

/** pg-pool's own error when every connection of a full pool stays busy: load, not an unreachable replica. */
const POOL_BUSY = 'timeout exceeded when trying to connect';

/** Errors of an established connection that mean its server went away (shut down, crashed, network gone). */
const GONE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08006',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * The read pool's connections, routed: each request reads from one healthy replica (round-robin between
 * requests, the same replica for all reads of a request), from the primary when a read must see the primary
 * (see read-preference.ts), and from the primary when no replica answers. Every server gets its own pool with
 * the options TypeORM builds for the read DataSource (size, read-only, statement timeout), so a read on the
 * primary is exactly what it is without replicas.
 *
 * A replica whose connection fails (refused, timed out, shut down) is taken out at once, with one warning, and
 * tried again every `recheckMs` with a fresh connection until it answers (one more warning); the timer runs only
 * while a replica is down, is unref'd, and stops on close.
 *
 * It plugs in as TypeORM's `driver` (see {@link pgDriver}), below TypeORM: services, repositories, DataLoaders
 * and raw SQL keep using one read DataSource and need not know replicas exist.
 */
export class ReplicaRouter {
  private readonly replicas: Replica[];
  private readonly recheckMs: number;
  private config: pg.PoolConfig | null = null;
  private primary: pg.Pool | null = null;
  private turn = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: ReplicaRouterOptions) {
    this.recheckMs = options.recheckMs ?? 5000;
    // Pools are made in open(), from the options TypeORM passes; until then a placeholder is never used.
    this.replicas = options.replicas.map((r, index) => ({
      ...r,
      index,
      healthy: true,
      pool: null as unknown as pg.Pool,
      probing: false,
    }));
  }

  /** The `pg` module to give TypeORM as `driver`: the one Pool it constructs is served by this router. */
  pgDriver(): { Pool: new (config: pg.PoolConfig) => EventEmitter } {
    return { Pool: routedPoolClass(this) };
  }

  status(): ReplicaStatus {
    return {
      healthy: this.replicas.filter((r) => r.healthy).length,
      total: this.replicas.length,
      replicas: this.replicas.map((r) => ({ name: r.name, healthy: r.healthy })),
    };
  }

  /** Tries every replica once (at start, so that one that is down is reported at once, not at its first read). */
  async checkAll(): Promise<void> {
    await Promise.all(
      this.replicas.map(async (replica) => {
        const error = await this.probe(replica);
        if (error === null) this.markUp(replica);
        else this.markDown(replica, error);
      }),
    );
  }

  /** Called once by the routed pool TypeORM constructs, with the pool options of the read DataSource. */
  open(config: pg.PoolConfig, onPrimaryError: (error: Error) => void): void {
    if (this.config) throw new Error('A ReplicaRouter serves one DataSource.');
    this.config = config;
    this.primary = new pg.Pool(config);
    this.primary.on('error', onPrimaryError);
    for (const replica of this.replicas) replica.pool = this.replicaPool(replica);
  }

  /** A connection for the next read: see the class comment for where it comes from. */
  async acquire(): Promise<pg.PoolClient> {
    if (!this.primary || this.closed) throw new Error('The read pool is closed.');
    const preference = readPreference();
    if (preference === 'primary') return this.primary.connect();
    for (const replica of this.candidates(preference)) {
      if (!replica.healthy) continue; // taken out by another request meanwhile
      try {
        const client = await replica.pool.connect();
        rememberReadTarget(replica.index);
        return client;
      } catch (error) {
        // A full pool is load, not a failure: answer as the read pool does without replicas.
        if ((error as Error).message === POOL_BUSY) throw error;
        this.markDown(replica, error);
      }
    }
    rememberReadTarget('primary');
    return this.primary.connect();
  }

  async end(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopRechecks();
    const pools = this.primary ? [this.primary, ...this.replicas.map((r) => r.pool)] : [];
    await Promise.all(pools.map((p) => p.end()));
  }

  /** The replica the request already reads from if it is healthy, else the healthy ones from the next in turn. */
  private candidates(preferred: number | null): Replica[] {
    const healthy = this.replicas.filter((r) => r.healthy);
    const pinned = healthy.find((r) => r.index === preferred);
    if (pinned) return [pinned, ...healthy.filter((r) => r !== pinned)];
    if (!healthy.length) return [];
    const start = this.turn++ % healthy.length;
    return [...healthy.slice(start), ...healthy.slice(0, start)];
  }

  private replicaPool(replica: Replica): pg.Pool {
    const pool = new pg.Pool({ ...this.config, connectionString: replica.url });
    // An idle connection broke: when its server went away, take the replica out before a read finds out.
    pool.on('error', (error) => {
      if (pool !== replica.pool) return; // a pool dropped at an earlier failure, closing
      if (isGone(error)) this.markDown(replica, error);
      else
        this.options.logger.warn(
          { replica: replica.name, reason: reasonOf(error) },
          'read replica connection failed',
        );
    });
    return pool;
  }

  private markDown(replica: Replica, error: unknown): void {
    if (!replica.healthy || this.closed) return;
    replica.healthy = false;
    const dead = replica.pool;
    replica.pool = this.replicaPool(replica);
    dead.end().catch(() => undefined);
    const { healthy, total } = this.status();
    this.options.logger.warn(
      { replica: replica.name, reason: reasonOf(error), healthyReplicas: healthy, totalReplicas: total },
      healthy
        ? 'read replica is down: its reads go to the other replicas'
        : 'read replica is down: reads go to the primary',
    );
    this.startRechecks();
  }

  private markUp(replica: Replica): void {
    if (replica.healthy || this.closed) return;
    replica.healthy = true;
    const { healthy, total } = this.status();
    this.options.logger.warn(
      { replica: replica.name, healthyReplicas: healthy, totalReplicas: total },
      'read replica is back: reads go to it again',
    );
    if (healthy === total) this.stopRechecks();
  }

  private startRechecks(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.recheck(), this.recheckMs);
    this.timer.unref();
  }

  private stopRechecks(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async recheck(): Promise<void> {
    await Promise.all(
      this.replicas
        .filter((r) => !r.healthy && !r.probing)
        .map(async (replica) => {
          replica.probing = true;
          try {
            if ((await this.probe(replica)) === null) this.markUp(replica);
          } finally {
            replica.probing = false;
          }
        }),
    );
  }

  /**
   * One fresh connection and `SELECT 1`, outside the pool (whose idle connections may be stale); the connect
   * timeout of the read pool bounds both steps. Null when the replica answered, else the error.
   */
  private async probe(replica: Replica): Promise<unknown> {
    const timeout = this.config?.connectionTimeoutMillis ?? 5000;
    const client = new pg.Client({ ...this.config, connectionString: replica.url, query_timeout: timeout });
    client.on('error', () => undefined); // reported through connect/query
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (error) {
      this.options.logger.debug(
        { replica: replica.name, reason: reasonOf(error) },
        'read replica still down',
      );
      return error;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** pg-pool's interface as TypeORM's PostgresDriver uses it: `connect`, `end` (callback style) and `error` events. */
function routedPoolClass(router: ReplicaRouter): new (config: pg.PoolConfig) => EventEmitter {
  return class RoutedPool extends EventEmitter {
    constructor(config: pg.PoolConfig) {
      super();
      router.open(config, (error) => this.emit('error', error));
    }

    connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
      const acquired = router.acquire();
      if (!callback) return acquired;
      acquired.then(
        (client) => callback(undefined, client, (error) => client.release(error)),
        (error: Error) => callback(error),
      );
      return undefined;
    }

    end(callback?: (error?: Error) => void): Promise<void> | undefined {
      const ended = router.end();
      if (!callback) return ended;
      ended.then(
        () => callback(),
        (error: Error) => callback(error),
      );
      return undefined;
    }
  };
}

function isGone(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return (code !== undefined && GONE_CODES.has(code)) || /Connection terminated/i.test(message ?? '');
}

/** The first line of an error, for a log line (pg's messages hold no passwords). */
function reasonOf(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return (message || code || String(error)).split('\n')[0];
}
