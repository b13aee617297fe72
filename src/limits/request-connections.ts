import { EventEmitter } from 'node:events';
import pg from 'pg';
import { PoolBusyError } from '../errors';
import { requestScope, type RequestScope } from '../observability/request-context';
import { answerConnect, type ConnectCallback } from '../db/pool-connect';

/** pg-pool's interface as TypeORM's PostgresDriver uses it: `connect`, `end` (callback style) and `error` events. */
interface PoolLike extends EventEmitter {
  connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined;
  end(callback?: (error?: Error) => void): Promise<void> | undefined;
}

/** A `pg` module as TypeORM loads it (`driver`): only its `Pool` is used. */
export interface PgDriver {
  Pool: new (config: pg.PoolConfig) => EventEmitter;
}

/** pg-pool's own error when no connection came free within `connectionTimeoutMillis`. */
const POOL_WAIT_EXCEEDED = 'timeout exceeded when trying to connect';

/** Waiters in line for a count of permits, first come first served. */
class Semaphore {
  private readonly waiting: (() => void)[] = [];

  constructor(private free: number) {}

  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

export interface RequestConnectionOptions {
  /** Connections one request may hold at once; its other statements (e.g. other aliases) wait their turn. */
  perRequest: number;
  /** How long the wait for a connection lasted before it was given up (the pool's `connectionTimeoutMillis`). */
  poolWaitMs: number;
}

/**
 * Wraps a `pg` module (the real one, or a replica router's) so that the pool TypeORM builds from it gives one
 * request at most `perRequest` connections at a time: fifteen aliases of a heavy field take turns on their
 * request's connections instead of holding the whole pool, so other clients still get one. Statements outside
 * a request (start-up, seeds, background jobs) are not capped. A wait for a free connection that lasts past
 * the pool's limit becomes {@link PoolBusyError} (`SERVICE_UNAVAILABLE`, HTTP 503, `Retry-After`), not an
 * internal error.
 */
export function capConnectionsPerRequest(options: RequestConnectionOptions, base: PgDriver = pg): PgDriver {
  const gates = new WeakMap<RequestScope, Semaphore>();
  const gateOf = (scope: RequestScope): Semaphore => {
    let gate = gates.get(scope);
    if (!gate) {
      gate = new Semaphore(options.perRequest);
      gates.set(scope, gate);
    }
    return gate;
  };

  async function checkout(pool: PoolLike): Promise<pg.PoolClient> {
    const scope = requestScope.getStore();
    const gate = scope ? gateOf(scope) : null;
    if (gate) await gate.acquire();
    let client: pg.PoolClient;
    try {
      client = await (pool.connect() as Promise<pg.PoolClient>);
    } catch (error) {
      gate?.release();
      if ((error as Error).message === POOL_WAIT_EXCEEDED) throw new PoolBusyError(options.poolWaitMs);
      throw error;
    }
    if (gate) {
      // pg-pool gives every checkout its own release function: wrap this one so the permit comes back once.
      const release = client.release.bind(client);
      let released = false;
      client.release = (error?: Error | boolean) => {
        if (!released) {
          released = true;
          gate.release();
        }
        release(error);
      };
    }
    return client;
  }

  class CappedPool extends EventEmitter {
    private readonly pool: PoolLike;

    constructor(config: pg.PoolConfig) {
      super();
      this.pool = new base.Pool(config) as PoolLike;
      this.pool.on('error', (error: Error) => this.emit('error', error));
    }

    // Read by /metrics (see poolCountsOf).
    get totalCount(): number | undefined {
      return (this.pool as Partial<pg.Pool>).totalCount;
    }

    get idleCount(): number | undefined {
      return (this.pool as Partial<pg.Pool>).idleCount;
    }

    get waitingCount(): number | undefined {
      return (this.pool as Partial<pg.Pool>).waitingCount;
    }

    connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
      return answerConnect(checkout(this.pool), callback);
    }

    end(callback?: (error?: Error) => void): Promise<void> | undefined {
      return this.pool.end(callback);
    }
  }
  return { Pool: CappedPool };
}
