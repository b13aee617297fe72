import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/config';
import { REPORTS } from '../../src/reports/definitions/index';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/server';

/** The compiled CLI (`dist/src/cli/report.js`, rebuilt by the global set-up), run as `npm run report` runs it. */
const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'report.js');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function report(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let server: TestServer;
let database: TestDatabase;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  database = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'virtlens-report-'));
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await database?.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('npm run report', () => {
  it('--list names every report with its variables, types and defaults', async () => {
    const { code, stdout } = await report(['--list']);
    expect(code).toBe(0);
    for (const d of REPORTS) expect(stdout).toContain(`${d.name}  ${d.title}`);
    expect(stdout).toContain('--var asOf: date = 2007-08-07');
    expect(stdout).toContain('--var groupBy: LICENSE_KIND|COMPONENT_KIND|VENDOR = LICENSE_KIND');
  });

  it('starts the server in-process on the configured database and writes the same CSV as GET /reports', async () => {
    const out = path.join(dir, 'matrix.csv');
    const { code, stderr } = await report(
      [
        'interop-matrix',
        '--var',
        'asOf=2010-01-01',
        '--var',
        'guests=rhel-5,windows-xp',
        '--format',
        'csv',
        '--out',
        out,
      ],
      { DATABASE_URL: database.url, SEED_ON_START: 'false', LOG_LEVEL: 'silent' },
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining(`Wrote ${out}`) as string });
    const viaHttp = await (
      await fetch(`${server.url}/reports/interop-matrix.csv?asOf=2010-01-01&guests=rhel-5,windows-xp`)
    ).text();
    expect(await fs.readFile(out, 'utf8')).toBe(viaHttp);
  });

  it('with --url asks a running server and prints to standard output', async () => {
    const { code, stdout } = await report(['pv-speedup', '--format', 'md', '--url', server.url]);
    expect(code).toBe(0);
    expect(stdout).toBe(await (await fetch(`${server.url}/reports/pv-speedup.md`)).text());
  });

  it('an SVG chart through the CLI is the same document as over HTTP', async () => {
    const { code, stdout } = await report(['track-coverage', '--format', 'svg', '--url', server.url]);
    expect(code).toBe(0);
    expect(stdout.startsWith('<svg')).toBe(true);
    expect(stdout).toBe(await (await fetch(`${server.url}/reports/track-coverage.svg`)).text());
  });

  it.each([
    [['no-such', '--format', 'csv'], 'Unknown report "no-such"; reports: '],
    [['pv-speedup', '--format', 'xlsx'], 'Unsupported format "xlsx"; formats: csv, json, md, svg.'],
    [
      ['pv-speedup', '--format', 'csv', '--var', 'speed=1'],
      'Unknown variable "speed" for report "pv-speedup"',
    ],
  ])('refuses %j with one line and exit code 1, before starting anything', async (args, message) => {
    const { code, stderr, stdout } = await report(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it('a GraphQL error from the server is one line and exit code 1', async () => {
    const { code, stderr } = await report([
      'paravirt-paths',
      '--format',
      'csv',
      '--var',
      'guest=no-such-os',
      '--url',
      server.url,
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Report "paravirt-paths": .*no-such-os.*\n$/);
  });

  it('without a format prints the usage and exits 2', async () => {
    const { code, stderr } = await report(['pv-speedup']);
    expect(code).toBe(2);
    expect(stderr).toContain('--format is required: csv, json, md, svg.');
    expect(stderr).toContain('Usage: npm run report --');
  });
});
