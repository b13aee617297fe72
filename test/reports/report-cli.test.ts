import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
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
    expect(stdout).toContain('--var asOf: LocalDate = 2007-08-07    The date the question is about.');
    expect(stdout).toContain(
      '--var groupBy: LicensingGroupBy! = LICENSE_KIND    How to group the components.',
    );
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
    [
      ['pv-speedup', '--format', 'csv', '--out', '/no/such/folder/x.csv'],
      '--out /no/such/folder/x.csv: the folder /no/such/folder does not exist; create it first.',
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
    expect(stderr).toMatch(/^virtlens report: Report "paravirt-paths": .*no-such-os.*\n$/);
  });

  it.each([
    [['pv-speedup'], '--format is required: csv, json, md, svg.'],
    [['pv-speedup', '--format', 'csv', '--url', 'localhost:4000'], '--url must be an http or https address'],
    [['pv-speedup', '--format', 'csv', '--url', 'nope'], "--url must be the server's address"],
    [['pv-speedup', '--format'], "Option '--format <value>' argument missing. See --help."],
    [['pv-speedup', '--colour', 'red'], "Unknown option '--colour'. See --help."],
    [[], 'Name a report: interop-matrix, paravirt-paths,'],
  ])('a usage mistake %j is one line saying what to change, exit code 2', async (args, message) => {
    const { code, stderr, stdout } = await report(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`virtlens report: ${message}`);
  });

  it('a --url where no server listens is one line naming it, exit code 1', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const { code, stderr, stdout } = await report([
      'pv-speedup',
      '--format',
      'csv',
      '--url',
      `http://127.0.0.1:${closed}`,
    ]);
    expect({ code, stdout, stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: `virtlens report: Cannot reach http://127.0.0.1:${closed} (ECONNREFUSED): start the server there, or fix --url.\n`,
    });
  });

  it('--help prints the usage on standard output', async () => {
    const { code, stdout, stderr } = await report(['--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Usage: virtlens report <name>/);
  });
});
