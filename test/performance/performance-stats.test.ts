import type { Dimension } from '../../src/performance/performance.type';
import { MAX_PERCENTILES } from '../../src/performance/performance.service';
import { SKETCH_RELATIVE_ERROR, summarize } from '../../src/performance/statistics';
import { MODEL_VERSION } from '../../src/simulator/model/frozen-parameters';
import { startTestServer, type TestServer } from '../support/server';
import {
  ascending,
  groupRows,
  KEY_SELECTION,
  loadRun,
  lowerPercentile,
  near,
  osWithDescendants,
  rawRows,
  withClient,
  type RawRow,
} from './raw-measurements';

let server: TestServer;
let raw: RawRow[];
let defaultRun: number;
let secondRun: number;

beforeAll(async () => {
  server = await startTestServer();
  // A second, smaller run with another seed: unfiltered queries pool both runs, `runs` picks one.
  secondRun = (await loadRun(server, 11, 20_000)).runId;
  defaultRun = await withClient(
    server.database.url,
    async (c) =>
      (await c.query<{ id: number }>(`SELECT id FROM benchmark_run WHERE label = 'default'`)).rows[0].id,
  );
  raw = await rawRows(server.database.url);
}, 60_000);
afterAll(() => server.stop());

const STATS = `query ($groupBy: [PerformanceDimension!]!, $filter: PerformanceFilter, $stats: [Statistic!],
                      $percentiles: [Float!]) {
  performanceStats(groupBy: $groupBy, filter: $filter, stats: $stats, percentiles: $percentiles) {
    groupBy percentileRelativeError dataNote
    groups { ${KEY_SELECTION} count mean stddev min max percentiles { p value } }
  }
}`;

async function stats(variables: Record<string, unknown>) {
  const res = await server.graphql<{ performanceStats: any }>(STATS, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.performanceStats;
}

/** The answer computed from raw rows: every statistic, and each percentile within the sketch's error bound. */
function expected(rows: readonly RawRow[], groupBy: Dimension[], percentiles: number[] = []) {
  return {
    groupBy,
    percentileRelativeError: SKETCH_RELATIVE_ERROR,
    dataNote: expect.stringContaining(`(version ${MODEL_VERSION})`),
    groups: groupRows(rows, groupBy).map((g) => {
      const values = g.rows.map((r) => r.value);
      const s = summarize(values);
      const sorted = ascending(values);
      return {
        key: g.key,
        count: s.count,
        mean: near(s.mean),
        stddev: s.count > 1 ? near(s.stddev) : null,
        min: s.min,
        max: s.max,
        percentiles: percentiles.map((p) => ({
          p,
          value: near(lowerPercentile(sorted, p), SKETCH_RELATIVE_ERROR * (1 + 1e-9)),
        })),
      };
    }),
  };
}

describe('performanceStats against statistics of the raw measurements', () => {
  it('groups every run by hypervisor, mode and workload, with sketch percentiles within their error bound', async () => {
    const groupBy: Dimension[] = ['HYPERVISOR', 'MODE', 'WORKLOAD'];
    const percentiles = [0.01, 0.5, 0.9, 0.99];
    const answer = await stats({ groupBy, percentiles });
    expect(answer).toEqual(expected(raw, groupBy, percentiles));
    // Native runs have no hypervisor: their groups come last, with a null hypervisor.
    expect(answer.groups.at(-1).key).toMatchObject({ hypervisor: null, mode: 'NATIVE' });
  });

  it('takes every Windows version for the guest "windows", grouped by release and workload', async () => {
    const windows = await osWithDescendants(server.database.url, 'windows');
    const rows = raw.filter((r) => windows.has(r.guestId));
    expect(new Set(rows.map((r) => r.guest))).toEqual(new Set(['windows-server-2003', 'windows-xp']));
    const groupBy: Dimension[] = ['RELEASE', 'WORKLOAD'];
    expect(await stats({ groupBy, filter: { guests: ['windows'] }, percentiles: [0.5] })).toEqual(
      expected(rows, groupBy, [0.5]),
    );
  });

  it('groups PV-driver scenarios by guest, driver package and workload', async () => {
    const rows = raw.filter((r) => r.mode === 'hardware_assisted_pv_drivers');
    const groupBy: Dimension[] = ['GUEST', 'DRIVER_PACKAGE', 'WORKLOAD'];
    expect(
      await stats({ groupBy, filter: { modes: ['HARDWARE_ASSISTED_PV_DRIVERS'] }, percentiles: [0.95] }),
    ).toEqual(expected(rows, groupBy, [0.95]));
  });

  it('counts a scenario under each hardware feature it exercises, and one without any under none', async () => {
    const groupBy: Dimension[] = ['TESTBED', 'HARDWARE_FEATURE', 'WORKLOAD'];
    const rows = raw.filter((r) => r.workload === 'forkwait');
    const answer = await stats({ groupBy, filter: { workloads: ['forkwait'] }, percentiles: [0.5, 0.99] });
    expect(answer).toEqual(expected(rows, groupBy, [0.5, 0.99]));
    const barcelona = answer.groups
      .filter((g: any) => g.key.testbed.slug === 'opteron-barcelona-2000')
      .map((g: any) => g.key.hardwareFeature?.slug ?? null);
    expect(new Set(barcelona)).toEqual(new Set(['amd-v', 'amd-rvi', 'amd-tagged-tlb', null]));
    expect(barcelona.at(-1)).toBeNull();
  });

  it('narrows to one run, and pools both runs when no run is named', async () => {
    const groupBy: Dimension[] = ['SCENARIO', 'WORKLOAD'];
    const filter = { hypervisors: ['kvm'], workloads: ['net-rx', 'kernel-build'] };
    const kvm = raw.filter((r) => r.hypervisor === 'kvm' && ['net-rx', 'kernel-build'].includes(r.workload));
    for (const run of [defaultRun, secondRun]) {
      expect(await stats({ groupBy, filter: { ...filter, runs: [run] } })).toEqual(
        expected(
          kvm.filter((r) => r.runId === run),
          groupBy,
        ),
      );
    }
    const pooled = await stats({ groupBy, filter, percentiles: [0.25, 0.75] });
    expect(pooled).toEqual(expected(kvm, groupBy, [0.25, 0.75]));
    expect(new Set(kvm.map((r) => r.runId))).toEqual(new Set([defaultRun, secondRun]));
  });

  it.each([
    ['MONTH', '2007-09', '2008-02'],
    ['QUARTER', '2007-01', '2008-06'],
    ['YEAR', '2005-07', '2009-03'],
  ] as const)('buckets by %s between the months from and to, inclusive', async (bucket, from, to) => {
    const groupBy: Dimension[] = ['WORKLOAD', bucket];
    const rows = raw.filter(
      (r) => r.testbed === 'core2-duo-2660' && r.mode === 'native' && r.month >= from && r.month <= to,
    );
    const answer = await stats({
      groupBy,
      filter: { testbeds: ['core2-duo-2660'], modes: ['NATIVE'], from, to },
      percentiles: [0.5],
    });
    expect(answer).toEqual(expected(rows, groupBy, [0.5]));
    expect(answer.groups[0].key.period).toBe(
      bucket === 'MONTH' ? from : bucket === 'QUARTER' ? '2007-Q1' : '2006',
    );
  });

  it('filters by release, driver package, hardware feature and scenario together', async () => {
    const filter = {
      releases: ['kvm-60', 'kvm-62', 'kvm-71'],
      driverPackages: ['kvm-virtio-linux'],
      hardwareFeatures: ['amd-rvi'],
      scenarios: [
        'kvm-60-hvm-linux-virtio--opteron-barcelona-2000',
        'kvm-71-hvm-linux-virtio--core2-duo-2660',
        'kvm-71-hvm-linux-virtio--opteron-barcelona-2000',
      ],
    };
    const rows = raw.filter(
      (r) =>
        filter.releases.includes(r.release!) &&
        r.driverPackage === 'kvm-virtio-linux' &&
        r.features.some((f) => f.slug === 'amd-rvi') &&
        filter.scenarios.includes(r.scenario),
    );
    expect(new Set(rows.map((r) => r.scenario)).size).toBe(2);
    const groupBy: Dimension[] = ['RELEASE', 'WORKLOAD', 'YEAR'];
    expect(await stats({ groupBy, filter })).toEqual(expected(rows, groupBy));
  });

  it('gives one group over everything when nothing is grouped and one workload is named', async () => {
    const rows = raw.filter((r) => r.workload === 'oltp');
    expect(
      await stats({
        groupBy: [],
        filter: { workloads: ['oltp'] },
        stats: ['COUNT', 'MEAN'],
        percentiles: [0.5],
      }),
    ).toEqual({
      ...expected(rows, [], [0.5]),
      groups: [expect.objectContaining({ count: rows.length, stddev: null, min: null, max: null })],
    });
  });
});

async function failure(variables: Record<string, unknown>, query = STATS) {
  const res = await server.graphql(query, variables);
  expect(res.body.data ?? null).toBeNull();
  return res.body.errors!.map((e) => ({ message: e.message, extensions: e.extensions }));
}

const badInput = (message: string, argumentName: string, extra: Record<string, unknown> = {}) => [
  { message, extensions: { code: 'BAD_USER_INPUT', argumentName, ...extra } },
];

describe('performanceStats refuses bad input, naming the argument', () => {
  it.each([
    ['hypervisors', 'hypervisor'],
    ['releases', 'hypervisor release'],
    ['guests', 'operating system'],
    ['driverPackages', 'driver package'],
    ['workloads', 'workload'],
    ['testbeds', 'testbed'],
    ['hardwareFeatures', 'hardware feature'],
    ['scenarios', 'scenario'],
  ])('an unknown slug in filter.%s', async (list, noun) => {
    expect(
      await failure({ groupBy: ['WORKLOAD'], filter: { [list]: ['no-such-thing', 'nor-this'] } }),
    ).toEqual(badInput(`Unknown ${noun} "no-such-thing", "nor-this" in filter.${list}.`, `filter.${list}`));
  });

  it('an unknown run id in filter.runs (a known one beside it is fine)', async () => {
    expect(await failure({ groupBy: ['WORKLOAD'], filter: { runs: [1, 987654] } })).toEqual(
      badInput('Unknown benchmark run 987654 in filter.runs.', 'filter.runs'),
    );
  });

  it('names only the unknown slugs when known ones come with them', async () => {
    expect(
      await failure({ groupBy: ['WORKLOAD'], filter: { hypervisors: ['xen', 'kvm', 'xen-9'] } }),
    ).toEqual(badInput('Unknown hypervisor "xen-9" in filter.hypervisors.', 'filter.hypervisors'));
  });

  it.each([0, 1, 1.5, -0.5])('the percentile %p', async (p) => {
    expect(await failure({ groupBy: ['WORKLOAD'], percentiles: [0.5, p] })).toEqual(
      badInput(
        `Percentiles are fractions strictly between 0 and 1 (e.g. 0.5, 0.99), got ${p}.`,
        'percentiles',
      ),
    );
  });

  it(`more than ${MAX_PERCENTILES} percentiles`, async () => {
    const percentiles = Array.from({ length: MAX_PERCENTILES + 1 }, (_, i) => (i + 1) / 100);
    expect(await failure({ groupBy: ['WORKLOAD'], percentiles })).toEqual(
      badInput(`At most ${MAX_PERCENTILES} percentiles may be asked for.`, 'percentiles', {
        limit: { name: 'percentiles', max: MAX_PERCENTILES },
      }),
    );
  });

  it('a from month after the to month', async () => {
    expect(await failure({ groupBy: ['WORKLOAD'], filter: { from: '2008-03', to: '2007-11' } })).toEqual(
      badInput('filter.from (2008-03) is after filter.to (2007-11).', 'filter.from'),
    );
  });

  it('means over several workloads, which report in different units', async () => {
    expect(await failure({ groupBy: ['HYPERVISOR'], filter: { workloads: ['net-rx', 'net-tx'] } })).toEqual(
      badInput(
        'groupBy must include WORKLOAD unless the filter names exactly one workload: workloads report in different units.',
        'groupBy',
      ),
    );
  });

  it.each([
    [['HYPERVISOR', 'WORKLOAD', 'HYPERVISOR'], 'HYPERVISOR'],
    [['WORKLOAD', 'MONTH', 'YEAR'], 'YEAR'],
  ])('a dimension twice: %j', async (groupBy, twice) => {
    expect(await failure({ groupBy })).toEqual(
      badInput(`groupBy names ${twice} twice (or two time buckets).`, 'groupBy'),
    );
  });

  // Enum and scalar values are checked by GraphQL itself before the resolver runs: the message names the
  // variable and the path inside it.
  it.each([
    [
      { groupBy: ['WORKLOAD', 'PLANET'] },
      'Variable "$groupBy" got invalid value "PLANET" at "groupBy[1]"; Value "PLANET" does not exist in "PerformanceDimension" enum.',
    ],
    [
      { groupBy: ['WORKLOAD'], stats: ['MEDIAN'] },
      'Variable "$stats" got invalid value "MEDIAN" at "stats[0]"; Value "MEDIAN" does not exist in "Statistic" enum. Did you mean the enum value "MEAN" or "MIN"?',
    ],
    [
      { groupBy: ['WORKLOAD'], filter: { modes: ['WARP_DRIVE'] } },
      'Variable "$filter" got invalid value "WARP_DRIVE" at "filter.modes[0]"; Value "WARP_DRIVE" does not exist in "ExecutionMode" enum.',
    ],
    [
      { groupBy: ['WORKLOAD'], filter: { from: '2007-13' } },
      'Variable "$filter" got invalid value "2007-13" at "filter.from"; Expected type "YearMonth". YearMonth must be a "YYYY-MM" string, got "2007-13"',
    ],
  ])('an unknown enum value or a malformed month: %j', async (variables, message) => {
    expect(await failure(variables)).toEqual([{ message, extensions: { code: 'BAD_USER_INPUT' } }]);
  });

  it('an unknown dimension written into the query', async () => {
    expect(
      await failure({}, '{ performanceStats(groupBy: [WORKLOAD, COLOUR]) { groups { count } } }'),
    ).toEqual([
      {
        message: 'Value "COLOUR" does not exist in "PerformanceDimension" enum.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });
});
