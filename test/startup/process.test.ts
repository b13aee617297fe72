import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ApiKeyService } from '../../src/auth/api-key.service';
import { createDataSource } from '../../src/db/data-source';
import { freePort } from '../../src/db/scratch-postgres';
import { createTestDatabase } from '../support/database';
import { isAlive, spawnServer, waitFor200 } from '../support/process';

jest.setTimeout(120_000);

/** The server's one-line complaint, and its exit status. */
async function startFailure(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const server = spawnServer({ LOG_LEVEL: 'silent', ...env });
  const code = await server.exited;
  return { code, stderr: server.stderr() };
}

describe('start-up failures say what to change, in one sentence, and exit 1', () => {
  it('a bad setting', async () => {
    expect(await startFailure({ PORT: 'eighty' })).toEqual({
      code: 1,
      stderr:
        'virtlens: Invalid configuration: PORT must be a whole number from 0 to 65535 (got "eighty").\n',
    });
  });

  it('a port already in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      expect(
        await startFailure({ PORT: String(port), DATABASE_URL: 'postgres://x@127.0.0.1:1/none' }),
      ).toEqual({
        code: 1,
        stderr: `virtlens: Port ${port} on 127.0.0.1 is already in use; set PORT to a free port.\n`,
      });
    } finally {
      blocker.close();
    }
  });

  it('an unreachable DATABASE_URL, without printing its password', async () => {
    const port = await freePort();
    const result = await startFailure({
      PORT: '0',
      DATABASE_URL: `postgres://app:s3cret@127.0.0.1:${port}/virtlens`,
    });
    expect(result).toEqual({
      code: 1,
      stderr: `virtlens: Could not connect to the PostgreSQL in DATABASE_URL (127.0.0.1:${port}/virtlens: connect ECONNREFUSED 127.0.0.1:${port}); check that the server is running and the URL, user and password are right.\n`,
    });
  });

  it('a data folder that cannot be written', async () => {
    expect(await startFailure({ PORT: '0', VIRTLENS_DATA_DIR: '/proc/virtlens-data' })).toEqual({
      code: 1,
      stderr:
        'virtlens: The data folder /proc/virtlens-data cannot be created or written; set VIRTLENS_DATA_DIR to a folder you can write.\n',
    });
  });
});

describe('the embedded PostgreSQL', () => {
  let dataParent: string;
  beforeAll(() => {
    dataParent = fs.mkdtempSync(path.join(os.tmpdir(), 'virtlens-start-'));
    fs.chmodSync(dataParent, 0o777);
  });
  afterAll(() => fs.rmSync(dataParent, { recursive: true, force: true }));

  it('is created on first start, reused on the second, and stopped with the server on SIGTERM', async () => {
    const dataDir = path.join(dataParent, 'pg');
    const env = async () => ({
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      VIRTLENS_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    });

    for (const run of ['cold', 'warm'] as const) {
      const vars = await env();
      const server = spawnServer(vars);
      const base = `http://127.0.0.1:${vars.PORT}`;
      await waitFor200(`${base}/readyz`);
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ hypervisor(slug: "kvm") { vendor { name } } }' }),
      });
      expect(await res.json()).toEqual({ data: { hypervisor: { vendor: { name: 'Qumranet' } } } });

      const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(isAlive(pid)).toBe(true);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(isAlive(pid)).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);

      const messages = server
        .stdout()
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { msg: string }).msg);
      const firstRunOnly = ['creating the embedded PostgreSQL cluster', 'migrations applied', 'seed loaded'];
      for (const msg of firstRunOnly)
        expect({ run, msg, logged: messages.includes(msg) }).toEqual({ run, msg, logged: run === 'cold' });
      expect(messages).toEqual(
        expect.arrayContaining(['embedded PostgreSQL is running', 'virtlens is ready', 'stopped']),
      );
      expect(server.stderr()).toBe('');
    }
  });

  it('refuses a data folder another running server holds', async () => {
    const dataDir = path.join(dataParent, 'shared');
    const port = await freePort();
    const first = spawnServer({
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      VIRTLENS_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    try {
      await waitFor200(`http://127.0.0.1:${port}/readyz`);
    } catch (e) {
      first.child.kill('SIGTERM');
      throw e;
    }
    const second = await startFailure({
      PORT: '0',
      EMBEDDED_PG_PORT: String(await freePort()),
      VIRTLENS_DATA_DIR: dataDir,
    });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(second).toEqual({
      code: 1,
      stderr: `virtlens: Another PostgreSQL is already running on the data folder ${dataDir}; stop it (or the virtlens that started it) or set VIRTLENS_DATA_DIR to another folder.\n`,
    });
  });

  it('started twice at once on an empty data folder: one runs, the other says another server is starting there', async () => {
    for (const run of [1, 2, 3]) {
      const dataDir = path.join(dataParent, `race-${run}`);
      const ports = [await freePort(), await freePort()];
      const servers = await Promise.all(
        ports.map(async (port) =>
          spawnServer({
            PORT: String(port),
            EMBEDDED_PG_PORT: String(await freePort()),
            VIRTLENS_DATA_DIR: dataDir,
            LOG_LEVEL: 'silent',
          }),
        ),
      );
      // The loser exits at once; the winner creates the cluster and serves.
      const loser = await Promise.race(servers.map((s, i) => s.exited.then(() => i)));
      const winner = 1 - loser;
      try {
        await waitFor200(`http://127.0.0.1:${ports[winner]}/readyz`);
      } finally {
        servers[winner].child.kill('SIGTERM');
      }
      expect({ run, code: await servers[loser].exited, stderr: servers[loser].stderr() }).toEqual({
        run,
        code: 1,
        stderr: expect.stringMatching(
          new RegExp(
            `^virtlens: Another server is starting on this data folder \\(${dataDir}, process ${servers[winner].child.pid}\\); wait for it to be ready and use it, or set VIRTLENS_DATA_DIR to another folder\\.\n$`,
          ),
        ),
      });
      expect(await servers[winner].exited).toBe(0);
      expect(fs.readdirSync(dataParent).filter((f) => f.endsWith('.starting'))).toEqual([]);
    }
  }, 180_000);
});

describe('SIGTERM during requests', () => {
  it('stops accepting, lets the in-flight requests finish with their answers, and exits 0; logs hold no key', async () => {
    const database = await createTestDatabase();
    const ds = createDataSource({ url: database.url, poolSize: 1 });
    await ds.initialize();
    const { key } = await new ApiKeyService(ds).create('sigterm test', 'reader');
    await ds.destroy();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawnServer({
      PORT: String(port),
      DATABASE_URL: database.url,
      SEED_ON_START: 'false',
      LOG_LEVEL: 'debug',
    });
    const locker = new Client({ connectionString: database.url });
    try {
      await waitFor200(`${base}/readyz`);
      // Hold the vendor table so that the requests below are still running when SIGTERM arrives.
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE vendor IN ACCESS EXCLUSIVE MODE');
      const inFlight = [1, 2, 3].map(() =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query: '{ vendor(slug: "xensource") { name } }' }),
        }).then(async (r) => ({ status: r.status, body: await r.json() })),
      );
      await new Promise((r) => setTimeout(r, 500));
      server.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      const refused = await fetch(`${base}/healthz`).then(
        () => 'answered',
        () => 'refused',
      );
      await locker.query('ROLLBACK');
      expect({ refused, answers: await Promise.all(inFlight), exit: await server.exited }).toEqual({
        refused: 'refused',
        answers: Array.from({ length: 3 }, () => ({
          status: 200,
          body: { data: { vendor: { name: 'XenSource' } } },
        })),
        exit: 0,
      });
      const log = server.stdout();
      expect(log).toContain('"msg":"shutting down: finishing in-flight requests"');
      expect(log).toContain('"authorization":"[redacted]"');
      expect(log).not.toContain(key.slice(12));
    } finally {
      await locker.end().catch(() => undefined);
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await database.drop();
    }
  });
});
