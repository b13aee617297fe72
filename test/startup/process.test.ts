import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/scratch-postgres';
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
});
