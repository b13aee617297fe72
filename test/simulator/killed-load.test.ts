import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../../src/config';
import { createTestDatabase, type TestDatabase } from '../support/database';

const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'simulate.js');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

async function counts(): Promise<Record<string, number>> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM benchmark_run)::int AS runs, (SELECT count(*) FROM measurement)::int AS measurements,
              (SELECT count(*) FROM measurement_rollup)::int AS rollups,
              (SELECT count(*) FROM measurement_sketch)::int AS sketches,
              (SELECT count(*) FROM measurement_rollup_total)::int AS totals`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

describe('a simulation process killed in the middle of its load', () => {
  it('leaves no row of its run behind (SIGKILL: no handler runs, the transaction dies with the connection)', async () => {
    const before = await counts();
    // Large enough that the load is still streaming when the (non-TTY, every 5 s) progress line first shows rows:
    // 3,000,000 rows could finish before that line, and the process then exited before it could be killed.
    const child = spawn(process.execPath, [CLI, '--rows', '30000000', '--seed', '4242'], {
      env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // Wait until rows are streaming (the progress bar reports some), then kill without warning.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress in time: ${output}`)), 60_000);
      const check = setInterval(() => {
        if (/\| [1-9][\d,]*\/30,000,000 rows/.test(output)) {
          clearInterval(check);
          clearTimeout(timer);
          resolve();
        }
      }, 50);
    });
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    await exited;
    // PostgreSQL notices the dropped connection and rolls the transaction back.
    await new Promise((r) => setTimeout(r, 500));
    expect(await counts()).toEqual(before);
  }, 120_000);
});
