import fs from 'node:fs';
import path from 'node:path';
import { summarize, welchRatioInterval } from '../../src/performance/statistics';
import { MODEL_VERSION } from '../../src/simulator/model/frozen-parameters';
import { rawRows, osWithDescendants, withClient, near, type RawRow } from '../performance/raw-measurements';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Every seeded claim's evidence and verdict, checked against figures computed here from the raw `measurement`
 * rows (never the rollups the server reads) and from the claims' seed data (never the claim tables).
 */

interface Side {
  mode?: string;
  hypervisor?: string;
  release?: string;
  driverPackage?: string;
  paging?: string;
}
interface SeedClaim {
  slug: string;
  metric?: string;
  comparison?: 'at_least' | 'at_most' | 'within';
  threshold?: number;
  guest?: string;
  workloads?: string[];
  candidate?: Side;
  baseline?: Side;
}
interface Interval {
  value: number;
  lower: number | null;
  upper: number | null;
}
interface Expected {
  workload: string;
  testbed: string;
  candidateCount: number;
  baselineCount: number | null;
  nativeCount: number;
  metric: Interval;
  bearing: string;
}

const SEED: SeedClaim[] = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../seeds/data/claims.json'), 'utf8')) as {
    claims: SeedClaim[];
  }
).claims;

let server: TestServer;
let raw: RawRow[];
let paging: Map<number, string | null>;
beforeAll(async () => {
  server = await startTestServer();
  raw = await rawRows(server.database.url);
  paging = await withClient(server.database.url, async (c) => {
    const rows = (await c.query<{ id: number; paging: string | null }>('SELECT id, paging FROM scenario'))
      .rows;
    return new Map(rows.map((r) => [r.id, r.paging]));
  });
}, 60_000);
afterAll(() => server.stop());

const EVIDENCE = `query ($slug: String!, $asOf: LocalDate) {
  claim(slug: $slug) {
    slug kind
    evidence(asOf: $asOf) {
      asOf verdict reason simulated modelVersions dataNote
      comparisons {
        workload { slug } testbed { slug } nativeCount bearing
        candidate { count fractionOfNative { value lower upper } }
        baseline { count fractionOfNative { value lower upper } }
        metric { value lower upper }
      }
      facts { date datePrecision fact bearing driverPackage { slug } }
    }
  }
}`;

interface EvidenceAnswer {
  claim: {
    evidence: {
      verdict: string;
      reason: string;
      simulated: boolean;
      modelVersions: string[];
      dataNote: string | null;
      comparisons: {
        workload: { slug: string };
        testbed: { slug: string };
        nativeCount: number;
        bearing: string;
        candidate: { count: number };
        baseline: { count: number } | null;
        metric: Interval;
      }[];
      facts: { date: string | null; datePrecision: string; fact: string; bearing: string }[];
    };
  };
}

async function evidence(slug: string, asOf: string | null = null) {
  const res = await server.graphql<EvidenceAnswer>(EVIDENCE, { slug, asOf });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.claim.evidence;
}

const matches = (side: Side, r: RawRow) =>
  (!side.mode || r.mode === side.mode) &&
  (!side.hypervisor || r.hypervisor === side.hypervisor) &&
  (!side.release || r.release === side.release) &&
  (!side.driverPackage || r.driverPackage === side.driverPackage) &&
  (!side.paging || paging.get(r.scenarioId) === side.paging);

/** Fraction of native speed with the Welch 95% interval, from raw values. */
function fraction(values: number[], native: number[], higherIsBetter: boolean): Interval {
  const s = summarize(values);
  const n = summarize(native);
  const w = higherIsBetter ? welchRatioInterval(n, s, 0.95) : welchRatioInterval(s, n, 0.95);
  return { value: w.ratio, lower: w.lower, upper: w.upper };
}

/** The claim's metric, its interval bounds taken from both sides' intervals (the conservative combination). */
function metricOf(metric: string, c: Interval, b: Interval | null): Interval {
  if (metric === 'fraction_of_native') return c;
  const [cl, cu, bl, bu] = [c.lower!, c.upper!, b!.lower!, b!.upper!];
  if (metric === 'fraction_ratio') return { value: c.value / b!.value, lower: cl / bu, upper: cu / bl };
  // Overheads 1 − fraction; both stay positive for the seeded claims, so the bounds are plain quotients.
  const ratio = {
    value: (1 - c.value) / (1 - b!.value),
    lower: (1 - cu) / (1 - bl),
    upper: (1 - cl) / (1 - bu),
  };
  if (metric === 'overhead_ratio') return ratio;
  return { value: 1 - ratio.value, lower: 1 - ratio.upper, upper: 1 - ratio.lower };
}

function bearingOf(m: Interval, comparison: string, t: number): string {
  const [lo, hi] = [m.lower!, m.upper!];
  if (comparison === 'at_least') return lo >= t ? 'SUPPORTS' : hi < t ? 'CONTRADICTS' : 'INCONCLUSIVE';
  if (comparison === 'at_most') return hi <= t ? 'SUPPORTS' : lo > t ? 'CONTRADICTS' : 'INCONCLUSIVE';
  return lo >= 1 - t && hi <= 1 + t ? 'SUPPORTS' : hi < 1 - t || lo > 1 + t ? 'CONTRADICTS' : 'INCONCLUSIVE';
}

/** The comparisons a measurable claim should get, per workload, testbed and OS family, from raw rows. */
async function expectedComparisons(claim: SeedClaim, asOfMonth: string | null): Promise<Expected[]> {
  const guests = claim.guest ? await osWithDescendants(server.database.url, claim.guest) : null;
  const rows = raw.filter((r) => asOfMonth === null || r.month <= asOfMonth);
  const out: Expected[] = [];
  for (const workload of claim.workloads!) {
    const keys = new Set(
      rows
        .filter((r) => r.workload === workload && r.mode !== 'native')
        .map((r) => `${r.testbed}|${r.family}`),
    );
    for (const key of [...keys].sort()) {
      const [testbed, family] = key.split('|');
      const here = rows.filter(
        (r) => r.workload === workload && r.testbed === testbed && r.family === family,
      );
      const scenarioRows = here.filter((r) => r.mode !== 'native' && (!guests || guests.has(r.guestId)));
      const cand = scenarioRows.filter((r) => matches(claim.candidate!, r));
      const base = claim.baseline
        ? scenarioRows.filter((r) => !matches(claim.candidate!, r) && matches(claim.baseline!, r))
        : [];
      const native = here.filter((r) => r.mode === 'native').map((r) => r.value);
      if (!cand.length || (claim.baseline && !base.length) || native.length < 2) continue;
      const hib = cand[0].higherIsBetter;
      const c = fraction(
        cand.map((r) => r.value),
        native,
        hib,
      );
      const b = claim.baseline
        ? fraction(
            base.map((r) => r.value),
            native,
            hib,
          )
        : null;
      const metric = metricOf(claim.metric!, c, b);
      out.push({
        workload,
        testbed,
        candidateCount: cand.length,
        baselineCount: claim.baseline ? base.length : null,
        nativeCount: native.length,
        metric,
        bearing: bearingOf(metric, claim.comparison!, claim.threshold!),
      });
    }
  }
  return out;
}

function verdictOf(bearings: string[]): string {
  if (!bearings.length) return 'UNVERIFIABLE';
  if (bearings.every((b) => b === 'SUPPORTS')) return 'SUPPORTED';
  if (bearings.every((b) => b === 'CONTRADICTS')) return 'CONTRADICTED';
  return 'MIXED';
}

const MEASURABLE = SEED.filter((c) => c.metric);

/** The verdicts the data give today (pinned, so a model or data change that flips one is noticed). */
const VERDICTS: Record<string, string> = {
  'novell-vmdp-near-native-io': 'SUPPORTED',
  'vmware-xen-twice-the-overhead': 'CONTRADICTED',
  'xensource-essentially-indistinguishable': 'MIXED',
  'amd-shadow-paging-75-percent': 'SUPPORTED',
  'xen-paper-web-within-1-percent': 'CONTRADICTED',
  'microsoft-will-land-cleanly': 'SUPPORTED',
  'golden-windows-pv-drivers-will-be-open-sourced': 'UNVERIFIABLE',
  'golden-security-vulnerabilities-unproven': 'UNVERIFIABLE',
  'golden-vm-sprawl-is-a-lesser-problem': 'UNVERIFIABLE',
};

describe('claim evidence', () => {
  it('covers every seeded claim with a pinned verdict', () => {
    expect(SEED.map((c) => c.slug).sort()).toEqual(Object.keys(VERDICTS).sort());
  });

  it.each(MEASURABLE.map((c) => [c.slug, c] as const))(
    '%s: per workload and testbed, the metric, its interval, sample sizes and bearing match the raw measurements',
    async (slug, claim) => {
      for (const [asOf, month] of [
        [null, null],
        ['2007-08-07', '2007-08'],
      ] as const) {
        const expected = await expectedComparisons(claim, month);
        const got = await evidence(slug, asOf);
        const order = (a: { workload: string; testbed: string }, b: { workload: string; testbed: string }) =>
          claim.workloads!.indexOf(a.workload) - claim.workloads!.indexOf(b.workload) ||
          a.testbed.localeCompare(b.testbed);
        expect(
          got.comparisons
            .map((c) => ({
              workload: c.workload.slug,
              testbed: c.testbed.slug,
              candidateCount: c.candidate.count,
              baselineCount: c.baseline?.count ?? null,
              nativeCount: c.nativeCount,
              metric: c.metric,
              bearing: c.bearing,
            }))
            .sort(order),
        ).toEqual(
          expected
            .map((e) => ({
              ...e,
              metric: {
                value: near(e.metric.value, 1e-6),
                lower: near(e.metric.lower!, 1e-6),
                upper: near(e.metric.upper!, 1e-6),
              },
            }))
            .sort(order),
        );
        expect(got.verdict).toBe(verdictOf(expected.map((e) => e.bearing)));
        if (expected.length) {
          expect(got.simulated).toBe(true);
          expect(got.modelVersions).toEqual([MODEL_VERSION]);
          expect(got.dataNote).toContain(`version ${MODEL_VERSION}`);
          expect(got.reason).toContain(`Simulated data (virtlens performance model ${MODEL_VERSION})`);
        } else {
          expect(got.reason).toMatch(/^No benchmark data as of 2007-08-07/);
        }
      }
    },
  );

  it.each(Object.entries(VERDICTS))('%s is %s on all data', async (slug, verdict) => {
    expect((await evidence(slug)).verdict).toBe(verdict);
  });

  it('gives the reasons with counts and the range of the metric', async () => {
    expect((await evidence('vmware-xen-twice-the-overhead')).reason).toMatch(
      // Model 2007.2's disk and network paths put Xen's overhead far below ESX's on both compared testbeds.
      /^2 comparisons \(workload × testbed\): 0 support, 2 contradict, 0 inconclusive at 95%; overhead ratio 0\.\d{3}–0\.\d{3} against at least 2\. Simulated data/,
    );
    expect((await evidence('xensource-essentially-indistinguishable')).reason).toMatch(
      /^3 comparisons \(workload × testbed\): 1 supports, 1 contradicts, 1 inconclusive at 95%; fraction ratio \d\.\d{3}–\d\.\d{3} against within 0\.05\. /,
    );
  });

  it('AMD’s claim has no evidence before Barcelona testbeds exist in the data', async () => {
    const early = await evidence('amd-shadow-paging-75-percent', '2007-08-07');
    expect(early).toMatchObject({
      verdict: 'UNVERIFIABLE',
      comparisons: [],
      simulated: false,
      dataNote: null,
    });
  });

  it('Microsoft’s "will land cleanly" is borne out by the GPLv2 release of the Linux drivers on 2009-07-20', async () => {
    const facts = [
      { date: '2008-03-01', datePrecision: 'MONTH', bearing: 'INCONCLUSIVE' },
      { date: '2008-07-11', datePrecision: 'DAY', bearing: 'INCONCLUSIVE' },
      { date: '2008-09-01', datePrecision: 'MONTH', bearing: 'INCONCLUSIVE' },
      { date: '2009-07-20', datePrecision: 'DAY', bearing: 'SUPPORTS' },
      // Integration Components 2.0 (January 2010), the term that added RHEL 5 under the same GPLv2 terms.
      { date: '2010-01-01', datePrecision: 'MONTH', bearing: 'SUPPORTS' },
    ];
    const all = await evidence('microsoft-will-land-cleanly');
    expect(all.facts.map(({ date, datePrecision, bearing }) => ({ date, datePrecision, bearing }))).toEqual(
      facts,
    );
    expect(all.facts[3].fact).toBe(
      'Hyper-V Linux Integration Components: GNU General Public License v2.0, obtainability everyone from 2009-07-20 to 2010-01-01.',
    );
    expect(all.facts[4].fact).toMatch(
      /^Hyper-V Linux Integration Components: GNU General Public License v2\.0, obtainability everyone from 2010-01-01/,
    );
    expect(all.reason).toBe(
      'Borne out in the knowledge base: open-source terms available to everyone from 2009-07-20.',
    );
    expect(all).toMatchObject({ simulated: false, comparisons: [], dataNote: null });

    const atTheShow = await evidence('microsoft-will-land-cleanly', '2007-08-07');
    expect(atTheShow).toMatchObject({ verdict: 'UNVERIFIABLE', facts: [] });
    expect(atTheShow.reason).toBe(
      'Not borne out as of 2007-08-07: no dated term is known yet; the claim sets no deadline, so it is not contradicted.',
    );
    expect((await evidence('microsoft-will-land-cleanly', '2009-07-19')).verdict).toBe('UNVERIFIABLE');
    expect((await evidence('microsoft-will-land-cleanly', '2009-07-19')).facts).toHaveLength(3);
    expect((await evidence('microsoft-will-land-cleanly', '2009-07-20')).verdict).toBe('SUPPORTED');
  });

  it('Golden’s open-sourcing suspicion is not borne out for Novell’s pack, and not contradicted', async () => {
    const e = await evidence('golden-windows-pv-drivers-will-be-open-sourced');
    expect(e.facts.map((f) => [f.date, f.bearing])).toEqual([
      ['2007-07-01', 'INCONCLUSIVE'],
      [null, 'INCONCLUSIVE'],
    ]);
    expect(e.reason).toBe(
      'Not borne out in the knowledge base: every known term is closed or restricted; the claim sets no deadline, so it is not contradicted.',
    );
  });

  it.each(['golden-security-vulnerabilities-unproven', 'golden-vm-sprawl-is-a-lesser-problem'])(
    '%s: nothing in the data bears on it',
    async (slug) => {
      const e = await evidence(slug);
      expect(e).toMatchObject({ verdict: 'UNVERIFIABLE', comparisons: [], facts: [], simulated: false });
      expect(e.reason).toMatch(
        /^Nothing in the knowledge base \(benchmark data or dated facts\) bears on this (security|market) claim\.$/,
      );
    },
  );
});
