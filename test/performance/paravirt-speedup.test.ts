import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expandFamilies } from '../../seeds/benchmark.seed';
import { SEED_DATA_DIR } from '../../seeds/seed';
import { summarize, welchRatioInterval } from '../../src/performance/statistics';
import { MODEL_VERSION } from '../../src/simulator/model/frozen-parameters';
import { TESTBEDS } from '../../src/simulator/model/model';
import { WORKLOADS } from '../../src/simulator/model/workloads';
import { DEFAULT_RUN } from '../../src/simulator/runs/default-run';
import { startTestServer, type TestServer } from '../support/server';
import { near, osWithDescendants, rawRows, withClient, type RawRow } from './raw-measurements';

let server: TestServer;
let raw: RawRow[];

beforeAll(async () => {
  server = await startTestServer();
  raw = await rawRows(server.database.url);
}, 60_000);
afterAll(() => server.stop());

const SPEEDUP = `query ($workload: String!, $baseline: ExecutionMode, $candidate: ExecutionMode,
                      $filter: PerformanceFilter, $confidence: Float, $method: IntervalMethod) {
  paravirtSpeedup(workload: $workload, baseline: $baseline, candidate: $candidate, filter: $filter,
                  confidence: $confidence, method: $method) {
    workload { slug }
    baseline { mode count mean stddev scenarios { slug } }
    candidate { mode count mean stddev scenarios { slug } }
    ratio ratioLower ratioUpper speedup speedupLower speedupUpper confidence method degreesOfFreedom dataNote
  }
}`;

async function speedup(variables: Record<string, unknown>) {
  const res = await server.graphql<{ paravirtSpeedup: any }>(SPEEDUP, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.paravirtSpeedup;
}

/** One side of the comparison from raw rows: its summary and its scenarios in id order. */
function side(rows: readonly RawRow[], mode: string) {
  const mine = rows.filter((r) => r.mode === mode);
  const s = summarize(mine.map((r) => r.value));
  const scenarios = [...new Map(mine.map((r) => [r.scenarioId, r.scenario]))]
    .sort((a, b) => a[0] - b[0])
    .map(([, slug]) => ({ slug }));
  return { mode, summary: s, scenarios };
}

/** The WELCH answer computed from raw rows (rows already narrowed to the workload and the filter). */
function expectedWelch(rows: readonly RawRow[], baseline: string, candidate: string, confidence: number) {
  const b = side(rows, baseline);
  const c = side(rows, candidate);
  const w = welchRatioInterval(b.summary, c.summary, confidence);
  const higherIsBetter = rows[0].higherIsBetter;
  const shown = (x: ReturnType<typeof side>) => ({
    mode: x.mode.toUpperCase(),
    count: x.summary.count,
    mean: near(x.summary.mean),
    stddev: near(x.summary.stddev),
    scenarios: x.scenarios,
  });
  return {
    workload: { slug: rows[0].workload },
    baseline: shown(b),
    candidate: shown(c),
    ratio: near(w.ratio),
    ratioLower: near(w.lower),
    ratioUpper: near(w.upper),
    speedup: near(higherIsBetter ? w.ratio : 1 / w.ratio),
    speedupLower: near(higherIsBetter ? w.lower : 1 / w.upper),
    speedupUpper: near(higherIsBetter ? w.upper : 1 / w.lower),
    confidence,
    method: 'WELCH',
    degreesOfFreedom: near(w.degreesOfFreedom, 1e-7),
    dataNote: expect.stringContaining(`(version ${MODEL_VERSION})`),
  };
}

describe('paravirtSpeedup against the raw measurements', () => {
  it('compares PV drivers with emulated devices on net-rx by default: Welch interval over every scenario', async () => {
    const rows = raw.filter((r) => r.workload === 'net-rx');
    const answer = await speedup({ workload: 'net-rx' });
    expect(answer).toEqual(
      expectedWelch(rows, 'hardware_assisted_emulated', 'hardware_assisted_pv_drivers', 0.95),
    );
    expect(answer.speedup).toBeGreaterThan(2);
    expect(answer.ratioLower).toBeLessThan(answer.ratio);
    expect(answer.ratioUpper).toBeGreaterThan(answer.ratio);
  });

  it('inverts the ratio for a time metric: kernel builds under binary translation vs VT-x on one testbed and window', async () => {
    const rows = raw.filter(
      (r) =>
        r.workload === 'kernel-build' &&
        r.testbed === 'core2-duo-2660' &&
        r.month >= '2007-03' &&
        r.month <= '2008-10',
    );
    expect(rows[0].higherIsBetter).toBe(false);
    const answer = await speedup({
      workload: 'kernel-build',
      baseline: 'BINARY_TRANSLATION',
      candidate: 'HARDWARE_ASSISTED_EMULATED',
      filter: { testbeds: ['core2-duo-2660'], from: '2007-03', to: '2008-10' },
      confidence: 0.99,
    });
    expect(answer).toEqual(expectedWelch(rows, 'binary_translation', 'hardware_assisted_emulated', 0.99));
    expect(answer.speedup).toBeCloseTo(1 / answer.ratio, 12);
  });

  it('narrows to Windows guests of one hypervisor in one run', async () => {
    const windows = await osWithDescendants(server.database.url, 'windows');
    const runId = raw[0].runId;
    const rows = raw.filter(
      (r) => r.workload === 'net-tx' && windows.has(r.guestId) && r.hypervisor === 'xen' && r.runId === runId,
    );
    const answer = await speedup({
      workload: 'net-tx',
      filter: { guests: ['windows'], hypervisors: ['xen'], runs: [runId] },
      confidence: 0.9,
    });
    expect(answer).toEqual(
      expectedWelch(rows, 'hardware_assisted_emulated', 'hardware_assisted_pv_drivers', 0.9),
    );
    expect(answer.candidate.scenarios.map((s: { slug: string }) => s.slug)).toEqual([
      'xen-3-1-hvm-windows-vmdp--core2-duo-2660',
      'xen-3-1-hvm-windows-vmdp--opteron-barcelona-2000',
      'xen-3-0-4-hvm-windows-vmdp--pentium4-672',
      'xen-3-0-4-hvm-windows-vmdp--core2-duo-2660',
    ]);
  });

  it('filtered to a path’s release and driver package, compares it with the same release emulated', async () => {
    // The README's first question: Xen 3.0.4 with Novell's VMDP for Windows Server 2003. The driver package
    // narrows the candidate; the emulated baseline has none, so the rest of the filter matches it.
    const rows = raw.filter(
      (r) =>
        r.workload === 'disk-io' &&
        r.release === 'xen-3-0-4' &&
        r.guest === 'windows-server-2003' &&
        (r.mode === 'hardware_assisted_emulated' || r.driverPackage === 'novell-vmdp'),
    );
    const answer = await speedup({
      workload: 'disk-io',
      filter: { releases: ['xen-3-0-4'], guests: ['windows-server-2003'], driverPackages: ['novell-vmdp'] },
    });
    expect(answer).toEqual(
      expectedWelch(rows, 'hardware_assisted_emulated', 'hardware_assisted_pv_drivers', 0.95),
    );
    expect(answer.baseline.scenarios.map((s: { slug: string }) => s.slug)).toEqual([
      'xen-3-0-4-hvm-windows--pentium4-672',
      'xen-3-0-4-hvm-windows--core2-duo-2660',
    ]);
    expect(answer.candidate.scenarios.map((s: { slug: string }) => s.slug)).toEqual([
      'xen-3-0-4-hvm-windows-vmdp--pentium4-672',
      'xen-3-0-4-hvm-windows-vmdp--core2-duo-2660',
    ]);
    // Another package of the same release matches no candidate.
    expect(
      await failure({
        workload: 'disk-io',
        filter: { releases: ['xen-3-0-4'], driverPackages: ['kvm-virtio-linux'] },
      }),
    ).toEqual(
      error(
        'NOT_FOUND',
        'Fewer than two measurements of disk-io in mode hardware_assisted_pv_drivers match the filter; widen it or pick another mode.',
        'candidate',
      ),
    );
  });

  it('gives a wider interval at a higher confidence', async () => {
    const at = (confidence: number) => speedup({ workload: 'oltp', confidence });
    const [narrow, wide] = await Promise.all([at(0.8), at(0.99)]);
    expect(wide.ratio).toBe(narrow.ratio);
    expect(wide.ratioLower).toBeLessThan(narrow.ratioLower);
    expect(wide.ratioUpper).toBeGreaterThan(narrow.ratioUpper);
  });

  it('bootstraps over the sketches: the exact ratio, inside an interval close to Welch’s, the same on every call', async () => {
    const rows = raw.filter((r) => r.workload === 'web-serving' && r.testbed === 'opteron-barcelona-2000');
    const filter = { testbeds: ['opteron-barcelona-2000'] };
    const welch = expectedWelch(rows, 'hardware_assisted_emulated', 'hardware_assisted_pv_drivers', 0.95);
    const variables = { workload: 'web-serving', filter, method: 'BOOTSTRAP' };
    const boot = await speedup(variables);
    expect(boot).toEqual({
      ...welch,
      ratioLower: expect.any(Number),
      ratioUpper: expect.any(Number),
      speedupLower: expect.any(Number),
      speedupUpper: expect.any(Number),
      method: 'BOOTSTRAP',
      degreesOfFreedom: null,
    });
    const w = await speedup({ workload: 'web-serving', filter });
    const halfWidth = (w.ratioUpper - w.ratioLower) / 2;
    expect(boot.ratioLower).toBeLessThan(boot.ratio);
    expect(boot.ratioUpper).toBeGreaterThan(boot.ratio);
    expect(Math.abs(boot.ratioLower - w.ratioLower)).toBeLessThan(halfWidth / 2);
    expect(Math.abs(boot.ratioUpper - w.ratioUpper)).toBeLessThan(halfWidth / 2);
    expect(await speedup(variables)).toEqual(boot);
  });
});

async function failure(variables: Record<string, unknown>, query = SPEEDUP) {
  const res = await server.graphql(query, variables);
  expect(res.body.data ?? null).toBeNull();
  return res.body.errors!.map((e) => ({ message: e.message, extensions: e.extensions }));
}

const error = (code: string, message: string, argumentName: string) => [
  { message, extensions: { code, argumentName } },
];

describe('paravirtSpeedup refuses bad input, naming the argument', () => {
  it('the same mode on both sides', async () => {
    expect(
      await failure({ workload: 'net-rx', baseline: 'PARAVIRTUALIZED', candidate: 'PARAVIRTUALIZED' }),
    ).toEqual(error('BAD_USER_INPUT', 'candidate must differ from baseline.', 'candidate'));
  });

  it.each([0, 1, 1.5, -0.95])('the confidence %p', async (confidence) => {
    expect(await failure({ workload: 'net-rx', confidence })).toEqual(
      error(
        'BAD_USER_INPUT',
        `confidence must be between 0 and 1 (exclusive), got ${confidence}.`,
        'confidence',
      ),
    );
  });

  it('an unknown workload', async () => {
    expect(await failure({ workload: 'quake-3' })).toEqual(
      error('BAD_USER_INPUT', 'Unknown workload "quake-3" in workload.', 'workload'),
    );
  });

  it('an unknown slug in the filter', async () => {
    expect(await failure({ workload: 'net-rx', filter: { testbeds: ['cray-1'] } })).toEqual(
      error('BAD_USER_INPUT', 'Unknown testbed "cray-1" in filter.testbeds.', 'filter.testbeds'),
    );
  });

  it('modes or workloads in the filter, which the arguments choose', async () => {
    expect(await failure({ workload: 'net-rx', filter: { modes: ['NATIVE'] } })).toEqual(
      error(
        'BAD_USER_INPUT',
        'filter.modes cannot be used here: baseline and candidate choose the modes.',
        'filter.modes',
      ),
    );
    expect(await failure({ workload: 'net-rx', filter: { workloads: ['net-tx'] } })).toEqual(
      error(
        'BAD_USER_INPUT',
        'filter.workloads cannot be used here: the workload argument chooses it.',
        'filter.workloads',
      ),
    );
  });

  it('a reversed month range', async () => {
    expect(await failure({ workload: 'net-rx', filter: { from: '2009-01', to: '2008-12' } })).toEqual(
      error('BAD_USER_INPUT', 'filter.from (2009-01) is after filter.to (2008-12).', 'filter.from'),
    );
  });

  it('an unknown mode', async () => {
    expect(await failure({ workload: 'net-rx', candidate: 'TELEPATHY' })).toEqual([
      {
        message:
          'Variable "$candidate" got invalid value "TELEPATHY"; Value "TELEPATHY" does not exist in "ExecutionMode" enum.',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });

  it('says NOT_FOUND when a side has no measurements: containers never run the Windows-only graphics-2d', async () => {
    expect(await failure({ workload: 'graphics-2d', baseline: 'NATIVE', candidate: 'OS_LEVEL' })).toEqual(
      error(
        'NOT_FOUND',
        'Fewer than two measurements of graphics-2d in mode os_level match the filter; widen it or pick another mode.',
        'candidate',
      ),
    );
  });
});

describe('the benchmark catalogue', () => {
  const featureOrder = () =>
    withClient(
      server.database.url,
      async (c) => (await c.query<{ slug: string }>('SELECT slug FROM hardware_feature ORDER BY id')).rows,
    ).then((rows) => rows.map((r) => r.slug));

  it('lists every workload of the model, by slug', async () => {
    const res = await server.graphql<{ workloads: any[] }>(
      '{ workloads { slug name shape metric unit higherIsBetter description } }',
    );
    expect(res.body).toEqual({
      data: {
        workloads: [...WORKLOADS]
          .sort((a, b) => (a.slug < b.slug ? -1 : 1))
          .map((w) => ({
            slug: w.slug,
            name: w.name,
            shape: w.shape.toUpperCase(),
            metric: w.metric,
            unit: w.unit,
            higherIsBetter: w.higherIsBetter,
            description: w.description,
          })),
      },
    });
  });

  it('lists the testbeds oldest first, with the hardware features each machine has', async () => {
    const spec = JSON.parse(readFileSync(path.join(SEED_DATA_DIR, 'benchmark_scenarios.json'), 'utf8')) as {
      testbeds: { slug: string; hardwareFeatures: string[] }[];
    };
    const order = await featureOrder();
    const res = await server.graphql<{ testbeds: any[] }>(`{ testbeds {
      slug description clockHz linkBitsPerSecond cpuGeneration nestedPaging sriov availableFrom hardwareFeatures { slug }
    } }`);
    expect(res.body).toEqual({
      data: {
        testbeds: [...TESTBEDS]
          .sort((a, b) => (a.availableFrom < b.availableFrom ? -1 : 1))
          .map((t) => ({
            slug: t.slug,
            description: t.description,
            clockHz: t.clockHz,
            linkBitsPerSecond: t.linkBitsPerSecond,
            cpuGeneration: t.vtx,
            nestedPaging: t.nestedPaging,
            sriov: t.sriov,
            availableFrom: t.availableFrom,
            hardwareFeatures: spec.testbeds
              .find((x) => x.slug === t.slug)!
              .hardwareFeatures.sort((a, b) => order.indexOf(a) - order.indexOf(b))
              .map((slug) => ({ slug })),
          })),
      },
    });
  });

  it.each<[{ mode?: string; hypervisor?: string; testbed?: string; workload?: string }]>([
    [{ mode: 'HARDWARE_ASSISTED_PV_DRIVERS', testbed: 'opteron-barcelona-2000' }],
    [{ hypervisor: 'kvm', workload: 'kernel-build' }],
    [{ workload: 'graphics-2d', testbed: 'pentium4-672' }],
    [{ hypervisor: 'xen', mode: 'NATIVE' }],
  ])('lists the scenarios matching %j, with their relations', async (filter) => {
    const spec = JSON.parse(readFileSync(path.join(SEED_DATA_DIR, 'benchmark_scenarios.json'), 'utf8'));
    const order = await featureOrder();
    const releases = await withClient(
      server.database.url,
      async (c) =>
        (
          await c.query<{ slug: string; hypervisor: string }>(
            'SELECT r.slug, h.slug AS hypervisor FROM hypervisor_release r JOIN hypervisor h ON h.id = r.hypervisor_id',
          )
        ).rows,
    );
    const hypervisorOf = new Map(releases.map((r) => [r.slug, r.hypervisor]));
    const matching = expandFamilies(spec)
      .filter(
        (s) =>
          (!filter.mode || s.mode === filter.mode.toLowerCase()) &&
          (!filter.testbed || s.testbed === filter.testbed) &&
          (!filter.workload || s.workloads.includes(filter.workload)) &&
          (!filter.hypervisor || (s.release !== null && hypervisorOf.get(s.release) === filter.hypervisor)),
      )
      .sort((a, b) => (a.slug < b.slug ? -1 : 1));
    const res = await server.graphql<{ scenarios: any }>(
      `query ($mode: ExecutionMode, $hypervisor: String, $testbed: String, $workload: String) {
        scenarios(mode: $mode, hypervisor: $hypervisor, testbed: $testbed, workload: $workload, first: 100) {
          totalCount
          nodes {
            slug name mode systemKind paging devices overheadScale simulatedFrom simulatedTo
            release { slug } guest { slug } driverPackage { slug } testbed { slug }
            workloads { slug } hardwareFeatures { slug }
          }
        }
      }`,
      filter,
    );
    expect(res.body).toEqual({
      data: {
        scenarios: {
          totalCount: matching.length,
          nodes: matching.map((s) => ({
            slug: s.slug,
            name: s.name,
            mode: s.mode.toUpperCase(),
            systemKind: s.systemKind,
            paging: s.paging,
            devices: s.devices,
            overheadScale: s.overheadScale,
            simulatedFrom: s.from,
            simulatedTo: s.to,
            release: s.release && { slug: s.release },
            guest: { slug: s.guest },
            driverPackage: s.driver && { slug: s.driver },
            testbed: { slug: s.testbed },
            workloads: [...s.workloads].sort().map((slug) => ({ slug })),
            hardwareFeatures: [...s.features]
              .sort((a, b) => order.indexOf(a) - order.indexOf(b))
              .map((slug) => ({ slug })),
          })),
        },
      },
    });
    // Native scenarios have no hypervisor: only that filter matches none.
    expect(matching.length === 0).toBe(filter.mode === 'NATIVE');
  });

  it('lists the default run with its seed, model version and size', async () => {
    const res = await server.graphql<{ benchmarkRuns: any[] }>(
      '{ benchmarkRuns { id kind label seed modelVersion batchId rowCount loadedAt } }',
    );
    expect(res.body).toEqual({
      data: {
        benchmarkRuns: [
          {
            id: raw[0].runId,
            kind: 'SIMULATED',
            label: DEFAULT_RUN.label,
            seed: DEFAULT_RUN.seed,
            modelVersion: MODEL_VERSION,
            batchId: null,
            rowCount: DEFAULT_RUN.rows,
            loadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          },
        ],
      },
    });
    expect(raw).toHaveLength(DEFAULT_RUN.rows);
  });

  it('fetches a workload, a testbed and a scenario again by their global ids with node(id)', async () => {
    const list = await server.graphql<any>(
      '{ workloads { id slug } testbeds { id slug } scenarios(first: 3) { nodes { id slug } } }',
    );
    const items = [
      ['Workload', list.body.data.workloads[4]],
      ['Testbed', list.body.data.testbeds[2]],
      ['Scenario', list.body.data.scenarios.nodes[1]],
    ] as const;
    for (const [type, item] of items) {
      const res = await server.graphql<any>(
        `query ($id: ID!) { node(id: $id) { __typename id ... on Workload { slug } ... on Testbed { slug }
          ... on Scenario { slug } } }`,
        { id: item.id },
      );
      expect(res.body).toEqual({ data: { node: { __typename: type, id: item.id, slug: item.slug } } });
      expect(Buffer.from(item.id as string, 'base64').toString()).toMatch(new RegExp(`^${type}:\\d+$`));
    }
  });
});

const SPEEDUPS = `query ($workloads: [String!]!, $baseline: ExecutionMode, $candidate: ExecutionMode,
                       $filter: PerformanceFilter) {
  paravirtSpeedups(workloads: $workloads, baseline: $baseline, candidate: $candidate, filter: $filter) {
    workload { slug }
    baseline { mode count mean stddev scenarios { slug } }
    candidate { mode count mean stddev scenarios { slug } }
    ratio ratioLower ratioUpper speedup speedupLower speedupUpper confidence method degreesOfFreedom dataNote
  }
}`;

describe('paravirtSpeedups: several workloads in one request', () => {
  it('is paravirtSpeedup on each workload, in the order asked', async () => {
    const workloads = ['disk-rand-write', 'net-tx', 'kernel-build'];
    const filter = { hypervisors: ['kvm'] };
    const res = await server.graphql<{ paravirtSpeedups: any[] }>(SPEEDUPS, { workloads, filter });
    expect(res.body.errors).toBeUndefined();
    const one = [];
    for (const workload of workloads) one.push(await speedup({ workload, filter }));
    expect(res.body.data!.paravirtSpeedups).toEqual(one);
  });

  it('leaves out a workload without measurements on a side: containers never run the Windows-only graphics-2d', async () => {
    const res = await server.graphql<{ paravirtSpeedups: any[] }>(SPEEDUPS, {
      workloads: ['graphics-2d', 'net-rx'],
      baseline: 'NATIVE',
      candidate: 'OS_LEVEL',
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.paravirtSpeedups).toEqual([
      await speedup({ workload: 'net-rx', baseline: 'NATIVE', candidate: 'OS_LEVEL' }),
    ]);
  });

  it.each<[string[], string]>([
    [[], 'workloads must name 1 to 20 workloads; got 0.'],
    [['net-rx', 'disk-io', 'net-rx'], 'workloads names net-rx twice; name each workload once.'],
    [['net-rx', 'quake-3'], 'Unknown workload "quake-3" in workloads.'],
  ])('refuses workloads %j, naming the argument', async (workloads, message) => {
    expect(await failure({ workloads }, SPEEDUPS)).toEqual(error('BAD_USER_INPUT', message, 'workloads'));
  });
});
