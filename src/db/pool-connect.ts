import type pg from 'pg';

type Release = (error?: Error | boolean) => void;

/** pg-pool's `connect` callback: what TypeORM's PostgresDriver passes when it checks out a connection. */
export type ConnectCallback = (error: Error | undefined, client?: pg.PoolClient, release?: Release) => void;

/**
 * pg-pool's `connect(callback?)` over a checkout promise: the promise when there is no callback, else the
 * callback (with a release function) and undefined — as pools handed to TypeORM must answer.
 */
export function answerConnect(
  acquired: Promise<pg.PoolClient>,
  callback?: ConnectCallback,
): Promise<pg.PoolClient> | undefined {
  if (!callback) return acquired;
  acquired.then(
    (client) => callback(undefined, client, (error) => client.release(error)),
    (error: Error) => callback(error),
  );
  return undefined;
}
