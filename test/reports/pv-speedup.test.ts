import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/config';
import { pvSpeedupReport } from '../../src/reports/definitions/pv-speedup.report';
import { toTable } from '../../src/reports/table';
import { startTestServer, type TestServer } from '../support/server';

/** The compiled CLI, as `npm run report` runs it (rebuilt by the global set-up). */
const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'report.js');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** What the report selects per workload, asked of paravirtSpeedup one workload at a time. */
const ROW = `workload { slug name unit higherIsBetter } speedup speedupLower speedupUpper confidence method
  baseline { mode count mean } candidate { mode count mean } dataNote`;

/** paravirtSpeedup on each workload over POST /graphql, as a client would ask it without the report. */
async function oneByOne(workloads: readonly string[], filter: Record<string, unknown>): Promise<unknown[]> {
  const answers = [];
  for (const workload of workloads) {
    const res = await server.graphql<{ paravirtSpeedup: unknown }>(
      `query ($workload: String!, $filter: PerformanceFilter) {
        paravirtSpeedup(workload: $workload, filter: $filter) { ${ROW} }
      }`,
      { workload, filter },
    );
    expect(res.body.errors).toBeUndefined();
    answers.push(res.body.data!.paravirtSpeedup);
  }
  return answers;
}

const DISK_AND_NETWORK = [
  'disk-io',
  'disk-seq-write',
  'disk-rand-read',
  'disk-rand-write',
  'net-tx',
  'net-rx',
];

/** Xen 3.0.4 (SLES 10 SP1) with Windows Server 2003: the paravirtPaths path with Novell's VMDP, against emulated. */
const XEN_PATH = {
  hypervisors: ['xen'],
  releases: ['xen-3-0-4'],
  guests: ['windows-server-2003'],
  driverPackages: ['novell-vmdp'],
};

const query = new URLSearchParams({
  workloads: DISK_AND_NETWORK.join(','),
  hypervisors: 'xen',
  releases: 'xen-3-0-4',
  guests: 'windows-server-2003',
  driverPackages: 'novell-vmdp',
}).toString();

describe('the pv-speedup report', () => {
  it('over HTTP, for a path’s release and guest on disk and network workloads: each row is paravirtSpeedup on that workload', async () => {
    const res = await fetch(`${server.url}/reports/pv-speedup.json?${query}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    const speedups = await oneByOne(DISK_AND_NETWORK, XEN_PATH);
    const table = toTable(speedups as Record<string, unknown>[]);
    expect(body).toEqual({
      report: 'pv-speedup',
      title: pvSpeedupReport.title,
      description: pvSpeedupReport.description,
      source: pvSpeedupReport.source,
      variables: {
        workloads: DISK_AND_NETWORK,
        ...XEN_PATH,
        baseline: 'HARDWARE_ASSISTED_EMULATED',
        candidate: 'HARDWARE_ASSISTED_PV_DRIVERS',
        confidence: 0.95,
        method: 'WELCH',
      },
      columns: table.columns,
      rows: table.rows,
      data: { paravirtSpeedups: speedups },
    });
    // The answer is about the workloads asked, in their order, VMDP against the same release emulated.
    expect(table.rows.map((r) => [r['workload.slug'], r['baseline.mode'], r['candidate.mode']])).toEqual(
      DISK_AND_NETWORK.map((w) => [w, 'HARDWARE_ASSISTED_EMULATED', 'HARDWARE_ASSISTED_PV_DRIVERS']),
    );
    // Every row has its interval around the estimate; on the network, VMDP is well ahead of emulated devices.
    for (const row of table.rows) {
      expect(row['speedupLower']).toBeLessThanOrEqual(row['speedup'] as number);
      expect(row['speedupUpper']).toBeGreaterThanOrEqual(row['speedup'] as number);
    }
    for (const row of table.rows.filter((r) => String(r['workload.slug']).startsWith('net-')))
      expect(row['speedupLower']).toBeGreaterThan(2);
  });

  it('with its default variables answers for CPU, network and disk workloads on KVM', async () => {
    const res = await fetch(`${server.url}/reports/pv-speedup.json`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: Record<string, unknown>[] };
    const measured = body.rows.map((r) => r['workload.slug']);
    expect(measured).toEqual(expect.arrayContaining(['kernel-build', ...DISK_AND_NETWORK]));
    const expected = await oneByOne(measured as string[], { hypervisors: ['kvm'] });
    expect(body.rows).toEqual(toTable(expected as Record<string, unknown>[]).rows);
  });

  it('through the CLI writes what GET /reports answers for the same variables', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        CLI,
        'pv-speedup',
        '--var',
        `workloads=${DISK_AND_NETWORK.join(',')}`,
        '--var',
        'hypervisors=xen',
        '--var',
        'releases=xen-3-0-4',
        '--var',
        'guests=windows-server-2003',
        '--var',
        'driverPackages=novell-vmdp',
        '--format',
        'csv',
        '--url',
        server.url,
      ],
      { cwd: PROJECT_ROOT, env: { PATH: process.env['PATH'] ?? '' }, timeout: 60_000 },
    );
    expect(stderr).toBe('');
    const viaHttp = await (await fetch(`${server.url}/reports/pv-speedup.csv?${query}`)).text();
    expect(stdout).toBe(viaHttp);
    expect(stdout.trimEnd().split('\r\n')).toHaveLength(1 + DISK_AND_NETWORK.length);
  });

  it('refuses an unknown workload with a 400 that names it, and a repeated one', async () => {
    const unknown = await fetch(`${server.url}/reports/pv-speedup.csv?workloads=disk-io,disk-nope`);
    expect({ status: unknown.status, text: await unknown.text() }).toEqual({
      status: 400,
      text: expect.stringMatching(/^Report "pv-speedup": .*disk-nope/) as string,
    });
    const twice = await fetch(`${server.url}/reports/pv-speedup.csv?workloads=net-rx,net-rx`);
    expect({ status: twice.status, text: await twice.text() }).toEqual({
      status: 400,
      text: 'Report "pv-speedup": workloads names net-rx twice; name each workload once.\n',
    });
  });
});
