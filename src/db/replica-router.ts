import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '../observability/logger';
import { readPreference, rememberReadTarget } from './read-preference';
import { answerConnect, type ConnectCallback } from './pool-connect';

/** A read replica: its URL, and a name that may be printed (host:port/database, no credentials). */
export interface ReplicaTarget {
  readonly url: string;
  readonly name: string;
}

/** `serving` reads; `lagging`: up but its replay is too far behind the primary; `down`: it does not answer. */
export type ReplicaState = 'serving' | 'lagging' | 'down';

/** Health of the read replicas, as /readyz and /metrics report it. */
export interface ReplicaStatus {
  /** Replicas serving reads. */
  healthy: number;
  total: number;
  /** `DB_REPLICA_MAX_LAG_MS`: the replay lag past which a replica serves no reads. */
  maxLagMs: number;
  /** `lagMs`: how far its replay was behind the primary at the last check (0: caught up); null while down. */
  replicas: { name: string; state: ReplicaState; lagMs: number | null }[];
}

export interface ReplicaRouterOptions {
  replicas: readonly ReplicaTarget[];
  logger: Logger;
  /** How often a replica that is down is tried again, in milliseconds (default 5000). */
  recheckMs?: number;
  /** Replay lag past which a replica serves no reads, in milliseconds (default: none). */
  maxLagMs?: number;
  /** How often every replica's lag is measured, in milliseconds (default 1000). */
  lagCheckMs?: number;
}

interface Replica extends ReplicaTarget {
  readonly index: number;
  healthy: boolean;
  /** Replaced by a fresh pool when the replica goes down: the old one's connections are dead. */
  pool: pg.Pool;
  probing: boolean;
  /** Replay lag at the last check, in milliseconds; null until measured, and while down. */
  lagMs: number | null;
  /** Within the lag limit (serves reads while healthy). */
  fresh: boolean;
  /** When a check first found its replay behind the primary's WAL position (null: caught up). */
  behindSince: number | null;
}

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
  private readonly maxLagMs: number;
  private readonly lagCheckMs: number;
  private lagTimer: NodeJS.Timeout | null = null;
  private checkingLag = false;
  private config: pg.PoolConfig | null = null;
  private primary: pg.Pool | null = null;
  private turn = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: ReplicaRouterOptions) {
    this.recheckMs = options.recheckMs ?? 5000;
    this.maxLagMs = options.maxLagMs ?? Number.POSITIVE_INFINITY;
    this.lagCheckMs = options.lagCheckMs ?? 1000;
    // Pools are made in open(), from the options TypeORM passes; until then a placeholder is never used.
    this.replicas = options.replicas.map((r, index) => ({
      ...r,
      index,
      healthy: true,
      pool: null as unknown as pg.Pool,
      probing: false,
      lagMs: null,
      fresh: true,
      behindSince: null,
    }));
  }

  /** The `pg` module to give TypeORM as `driver`: the one Pool it constructs is served by this router. */
  pgDriver(): { Pool: new (config: pg.PoolConfig) => EventEmitter } {
    return { Pool: routedPoolClass(this) };
  }

  status(): ReplicaStatus {
    return {
      healthy: this.replicas.filter(serving).length,
      total: this.replicas.length,
      maxLagMs: this.maxLagMs,
      replicas: this.replicas.map((r) => ({
        name: r.name,
        state: !r.healthy ? 'down' : r.fresh ? 'serving' : 'lagging',
        lagMs: r.healthy && r.lagMs !== null ? Math.round(r.lagMs) : null,
      })),
    };
  }

  /**
   * Tries every replica once and measures its lag (at start, so that one that is down or behind is reported at
   * once, not at its first read), then measures every replica's lag each `lagCheckMs`.
   */
  async checkAll(): Promise<void> {
    await Promise.all(
      this.replicas.map(async (replica) => {
        const error = await this.probe(replica);
        if (error === null) this.markUp(replica);
        else this.markDown(replica, error);
      }),
    );
    await this.checkLag();
    if (!this.lagTimer && !this.closed) {
      this.lagTimer = setInterval(() => void this.checkLag(), this.lagCheckMs);
      this.lagTimer.unref();
    }
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
      if (!serving(replica)) continue; // taken out by another request, or a lag check, meanwhile
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
    if (this.lagTimer) clearInterval(this.lagTimer);
    const pools = this.primary ? [this.primary, ...this.replicas.map((r) => r.pool)] : [];
    await Promise.all(pools.map((p) => p.end()));
  }

  /** The replica the request already reads from if it is healthy, else the healthy ones from the next in turn. */
  private candidates(preferred: number | null): Replica[] {
    const healthy = this.replicas.filter(serving);
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
    replica.lagMs = null;
    replica.behindSince = null;
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
      { replica: replica.name, lagMs: replica.lagMs, healthyReplicas: healthy, totalReplicas: total },
      replica.fresh
        ? 'read replica is back: reads go to it again'
        : 'read replica is back but lags behind the primary: reads go to it once it catches up',
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
            if ((await this.probe(replica)) !== null) return;
            // Back, but maybe far behind after its outage: it serves reads once its lag is known to be small.
            await this.measureLag(replica, await this.primaryLsn()).catch(() => undefined);
            this.markUp(replica);
          } finally {
            replica.probing = false;
          }
        }),
    );
  }

  /** Measures every healthy replica's lag (one check at a time; a slow one is not stacked). */
  private async checkLag(): Promise<void> {
    if (this.checkingLag || this.closed || !this.primary) return;
    this.checkingLag = true;
    try {
      const lsn = await this.primaryLsn();
      await Promise.all(this.replicas.filter((r) => r.healthy).map((r) => this.measureLag(r, lsn)));
    } catch (error) {
      this.options.logger.debug({ reason: reasonOf(error) }, 'replica lag check failed');
    } finally {
      this.checkingLag = false;
    }
  }

  /** The primary's current WAL position (from its read pool), and when it was read. */
  private async primaryLsn(): Promise<{ lsn: string; at: number }> {
    const at = Date.now();
    const { rows } = await this.primary!.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    return { lsn: rows[0].lsn, at };
  }

  /**
   * A replica is behind when it has not replayed the WAL position the primary had at the check (an idle replica
   * that has replayed everything is not, however old its last replayed transaction). Its lag is then how long
   * ago its last replayed transaction committed (`pg_last_xact_replay_timestamp()`), bounded by how long checks
   * have found it behind (plus one interval): after a long idle spell the last replayed transaction is old, yet
   * the replica is only as far behind as the first write since. Past `maxLagMs`, it serves no reads (one
   * warning), until a check finds it within the limit again (one more).
   */
  private async measureLag(replica: Replica, primary: { lsn: string; at: number }): Promise<void> {
    let row: { behind: boolean | null; sinceReplayMs: number | null };
    try {
      ({
        rows: [row],
      } = await replica.pool.query<typeof row>(
        `SELECT pg_last_wal_replay_lsn() < $1::pg_lsn AS behind,
                (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8
                  AS "sinceReplayMs"`,
        [primary.lsn],
      ));
    } catch (error) {
      if (isGone(error)) this.markDown(replica, error);
      return;
    }
    if (!row.behind) {
      replica.behindSince = null;
      replica.lagMs = 0;
    } else {
      replica.behindSince ??= primary.at;
      const observed = Date.now() - replica.behindSince + this.lagCheckMs;
      replica.lagMs = Math.min(row.sinceReplayMs ?? observed, observed);
    }
    const fresh = replica.lagMs <= this.maxLagMs;
    if (fresh === replica.fresh) return;
    replica.fresh = fresh;
    if (!replica.healthy || this.closed) return; // measured before it is marked up: said with that
    const { healthy, total } = this.status();
    const where = healthy ? 'the other replicas' : 'the primary';
    this.options.logger.warn(
      {
        replica: replica.name,
        lagMs: Math.round(replica.lagMs),
        maxLagMs: this.maxLagMs,
        healthyReplicas: healthy,
        totalReplicas: total,
      },
      fresh
        ? 'read replica caught up: reads go to it again'
        : `read replica lags behind the primary: its reads go to ${where}`,
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
      return answerConnect(router.acquire(), callback);
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

function serving(replica: Replica): boolean {
  return replica.healthy && replica.fresh;
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
