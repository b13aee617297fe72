import { startTestServer, type TestServer } from '../support/server';
import { near, rawRows, withClient, type RawRow } from '../performance/raw-measurements';
import { summarize, welchRatioInterval } from '../../src/performance/statistics';
import { CLAIM_GRAPH_QUERY } from '../../src/graphiql/examples';

/**
 * Claims as part of the graph: who made them, their sources, the `claims` list and its filters, search, the
 * analytics fields of knowledge types, and the LinuxWorld session → vendor → hypervisors and driver packages →
 * evidence query in a fixed number of SQL statements.
 */

let server: TestServer;
let raw: RawRow[];
beforeAll(async () => {
  server = await startTestServer();
  raw = await rawRows(server.database.url);
}, 60_000);
afterAll(() => server.stop());

async function query<T>(q: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await server.graphql<T>(q, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
}

describe('claims', () => {
  it('say who made them, when, on which topic, from which sources, and what they assert', async () => {
    const data = await query<{ claim: unknown }>(`{
      claim(slug: "microsoft-will-land-cleanly") {
        kind madeOn madeOnPrecision person { slug } vendor { slug } session { slug } madeIn { slug } topic { slug }
        sources { url } driverPackages { slug } measure { metric }
      }
    }`);
    expect(data.claim).toEqual({
      kind: 'INTEROPERABILITY',
      madeOn: '2007-08-07',
      madeOnPrecision: 'DAY',
      person: { slug: 'sam-ramji' },
      vendor: { slug: 'microsoft' },
      session: { slug: 'lwce-2007-sam-ramji-interoperability' },
      madeIn: null,
      topic: { slug: 'linux-windows-interoperability' },
      sources: [
        { url: 'http://linuxlookup.com/2007/aug/08/windows_linux_interoperability_sincerely_yours' },
        { url: 'http://www.groklaw.net/articlebasic.php?story=2007081008381231' },
      ],
      driverPackages: [{ slug: 'microsoft-hyper-v-linux-ic' }],
      measure: null,
    });
  });

  it('give a measurable claim in data terms', async () => {
    const data = await query<{ claim: unknown }>(`{
      claim(slug: "vmware-xen-twice-the-overhead") {
        madeOn madeOnPrecision vendor { slug }
        measure {
          metric comparison threshold guest { slug } workloads { slug }
          candidate { mode paging hypervisor { slug } release { slug } driverPackage { slug } }
          baseline { mode paging hypervisor { slug } release { slug } driverPackage { slug } }
        }
      }
    }`);
    expect(data.claim).toEqual({
      madeOn: '2007-02-01',
      madeOnPrecision: 'MONTH',
      vendor: { slug: 'vmware' },
      measure: {
        metric: 'OVERHEAD_RATIO',
        comparison: 'AT_LEAST',
        threshold: 2,
        guest: { slug: 'windows-server-2003' },
        workloads: [{ slug: 'cpu-bound' }],
        candidate: {
          mode: 'HARDWARE_ASSISTED_EMULATED',
          paging: null,
          hypervisor: { slug: 'xen' },
          release: null,
          driverPackage: null,
        },
        baseline: {
          mode: 'BINARY_TRANSLATION',
          paging: null,
          hypervisor: { slug: 'vmware-esx-3-0' },
          release: null,
          driverPackage: null,
        },
      },
    });
  });

  it('hang off the vendors, people and sessions that made them', async () => {
    const data = await query<Record<string, { claims: { slug: string }[] }>>(`{
      vendor(slug: "xensource") { claims { slug } }
      person(slug: "bernard-golden") { claims { slug } }
      session(slug: "lwce-2007-sam-ramji-interoperability") { claims { slug } }
    }`);
    expect(data).toEqual({
      vendor: { claims: [{ slug: 'xensource-essentially-indistinguishable' }] },
      person: {
        claims: [
          { slug: 'golden-security-vulnerabilities-unproven' },
          { slug: 'golden-vm-sprawl-is-a-lesser-problem' },
          { slug: 'golden-windows-pv-drivers-will-be-open-sourced' },
        ],
      },
      session: { claims: [{ slug: 'microsoft-will-land-cleanly' }] },
    });
  });

  it('are listed oldest first and filtered by kind, vendor, topic, date and verdict', async () => {
    const list = async (filter: Record<string, unknown>) =>
      (
        await query<{ claims: { totalCount: number; nodes: { slug: string }[] } }>(
          'query ($filter: ClaimFilter) { claims(filter: $filter, first: 50) { totalCount nodes { slug } } }',
          { filter },
        )
      ).claims;
    const all = await list({});
    expect(all.totalCount).toBe(9);
    expect(all.nodes.slice(0, 3).map((n) => n.slug)).toEqual([
      'xen-paper-web-within-1-percent',
      'vmware-xen-twice-the-overhead',
      'xensource-essentially-indistinguishable',
    ]);
    expect((await list({ kinds: ['LICENSING', 'SECURITY'] })).nodes.map((n) => n.slug)).toEqual([
      'golden-security-vulnerabilities-unproven',
      'golden-windows-pv-drivers-will-be-open-sourced',
    ]);
    expect((await list({ vendors: ['vmware', 'amd'] })).nodes.map((n) => n.slug)).toEqual([
      'vmware-xen-twice-the-overhead',
      'amd-shadow-paging-75-percent',
    ]);
    expect((await list({ topics: ['hypervisor-benchmarks'] })).totalCount).toBe(2);
    expect((await list({ from: '2007-03-01', to: '2007-08-31' })).nodes.map((n) => n.slug)).toEqual([
      'xensource-essentially-indistinguishable',
      'novell-vmdp-near-native-io',
      'microsoft-will-land-cleanly',
    ]);
    expect((await list({ verdicts: ['CONTRADICTED'] })).nodes.map((n) => n.slug)).toEqual([
      'xen-paper-web-within-1-percent',
      'vmware-xen-twice-the-overhead',
    ]);
    expect(
      (await list({ verdicts: ['SUPPORTED'], verdictAsOf: '2007-08-07' })).nodes.map((n) => n.slug),
    ).toEqual(['novell-vmdp-near-native-io']);
  });

  it('reject unknown slugs and reversed dates by argument', async () => {
    const bad = async (filter: Record<string, unknown>) =>
      (
        await server.graphql('query ($filter: ClaimFilter) { claims(filter: $filter) { totalCount } }', {
          filter,
        })
      ).body.errors?.[0]?.extensions;
    expect(await bad({ vendors: ['nobody'] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'filter.vendors',
    });
    expect(await bad({ from: '2008-01-01', to: '2007-01-01' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'filter.from',
    });
  });

  it('are found by search and resolve as nodes', async () => {
    const data = await query<{ search: { kind: string; node: { slug?: string; id: string } }[] }>(`{
      search(query: "twice the overhead", kinds: [CLAIM], first: 3) { kind node { id ... on Claim { slug } } }
    }`);
    expect(data.search[0]).toMatchObject({ kind: 'CLAIM', node: { slug: 'vmware-xen-twice-the-overhead' } });
    const byId = await query<{ node: { slug: string } }>(
      'query ($id: ID!) { node(id: $id) { ... on Claim { slug } } }',
      { id: data.search[0].node.id },
    );
    expect(byId.node.slug).toBe('vmware-xen-twice-the-overhead');
  });
});

/** Welch fraction of native (or speedup) from raw values. */
function ratio(candidate: number[], baseline: number[], higherIsBetter: boolean) {
  const c = summarize(candidate);
  const b = summarize(baseline);
  const w = higherIsBetter ? welchRatioInterval(b, c, 0.95) : welchRatioInterval(c, b, 0.95);
  return { value: near(w.ratio, 1e-6), lower: near(w.lower, 1e-6), upper: near(w.upper, 1e-6) };
}

describe('analytics fields on knowledge types', () => {
  it('DriverPackage.speedup compares the driver with emulated devices of the same vendor’s hypervisors', async () => {
    const data = await query<{ driverPackage: { speedup: unknown[] } }>(`{
      driverPackage(slug: "novell-vmdp") {
        speedup(workload: "disk-io") {
          testbed { slug } workload { slug } dataNote
          driver { count scenarios { slug } } emulated { count scenarios { slug } }
          speedup { value lower upper }
        }
      }
    }`);
    const rows = raw.filter((r) => r.workload === 'disk-io');
    // The pack runs on Xen 3.0.4 (Pentium 4, Core 2) and Xen 3.1 (Core 2, Barcelona) testbeds.
    const expected = ['pentium4-672', 'core2-duo-2660', 'opteron-barcelona-2000'].map((testbed) => {
      const driver = rows.filter((r) => r.testbed === testbed && r.driverPackage === 'novell-vmdp');
      // Windows guests with emulated devices on hypervisors of XenSource, the vendor of the pack's hypervisor (Xen,
      // and XenEnterprise).
      const emulated = rows.filter(
        (r) =>
          r.testbed === testbed &&
          (r.hypervisor === 'xen' || r.hypervisor === 'xensource-xenenterprise') &&
          r.family === 'windows' &&
          r.mode === 'hardware_assisted_emulated',
      );
      return {
        testbed: { slug: testbed },
        workload: { slug: 'disk-io' },
        dataNote: expect.stringContaining('Simulated measurements') as string,
        driver: {
          count: driver.length,
          scenarios: [...new Set(driver.map((r) => r.scenario))].map((slug) => ({ slug })),
        },
        emulated: {
          count: emulated.length,
          scenarios: [...new Set(emulated.map((r) => r.scenario))].map((slug) => ({ slug })),
        },
        speedup: ratio(
          driver.map((r) => r.value),
          emulated.map((r) => r.value),
          true,
        ),
      };
    });
    expect(data.driverPackage.speedup).toEqual(expected);
  });

  it('Hypervisor.performance and HypervisorRelease.overheadVsNative match the raw rows and overheadVsNative', async () => {
    const data = await query<{
      hypervisor: {
        performance: {
          mode: string;
          testbed: { slug: string };
          nativeCount: number;
          result: { count: number; fractionOfNative: unknown };
        }[];
      };
      hypervisorRelease: {
        overheadVsNative: {
          scenario: { slug: string };
          count: number;
          fractionOfNative: number;
          fractionLower: number;
          fractionUpper: number;
        }[];
      };
      overheadVsNative: {
        scenario: { slug: string };
        count: number;
        fractionOfNative: number;
        fractionLower: number;
        fractionUpper: number;
      }[];
    }>(`{
      hypervisor(slug: "kvm") {
        performance(workload: "forkwait", mode: HARDWARE_ASSISTED_EMULATED) {
          mode testbed { slug } nativeCount result { count fractionOfNative { value lower upper } }
        }
      }
      hypervisorRelease(slug: "kvm-71") {
        overheadVsNative(workload: "forkwait") { scenario { slug } count fractionOfNative fractionLower fractionUpper }
      }
      overheadVsNative(filter: { releases: ["kvm-71"], workloads: ["forkwait"] }) {
        scenario { slug } count fractionOfNative fractionLower fractionUpper
      }
    }`);
    const rows = raw.filter((r) => r.workload === 'forkwait');
    // KVM needs VT-x or AMD-V: Core 2, Barcelona and Nehalem testbeds.
    const expected = ['core2-duo-2660', 'opteron-barcelona-2000', 'xeon-5500-nehalem-2930'].map((testbed) => {
      const mine = rows.filter(
        (r) => r.testbed === testbed && r.hypervisor === 'kvm' && r.mode === 'hardware_assisted_emulated',
      );
      const native = rows.filter(
        (r) => r.testbed === testbed && r.mode === 'native' && r.family === mine[0].family,
      );
      return {
        mode: 'HARDWARE_ASSISTED_EMULATED',
        testbed: { slug: testbed },
        nativeCount: native.length,
        result: {
          count: mine.length,
          fractionOfNative: ratio(
            mine.map((r) => r.value),
            native.map((r) => r.value),
            false,
          ),
        },
      };
    });
    expect(data.hypervisor.performance).toEqual(expected);
    const byScenario = (a: { scenario: { slug: string } }, b: { scenario: { slug: string } }) =>
      a.scenario.slug.localeCompare(b.scenario.slug);
    const release = [...data.hypervisorRelease.overheadVsNative].sort(byScenario);
    const reference = [...data.overheadVsNative].sort(byScenario);
    expect(release.map((r) => r.scenario.slug)).toEqual(reference.map((r) => r.scenario.slug));
    release.forEach((r, i) => {
      expect(r.count).toBe(reference[i].count);
      for (const k of ['fractionOfNative', 'fractionLower', 'fractionUpper'] as const) {
        expect(r[k]).toEqual(near(reference[i][k], 1e-9));
      }
    });
  });

  it('HardwareFeature.effect shows nested page tables removing most of KVM’s fork/wait overhead', async () => {
    const data = await query<{
      hardwareFeature: {
        effect: {
          hypervisor: { slug: string };
          mode: string;
          with: { count: number };
          without: { count: number };
          overheadReduction: { value: number; lower: number };
        }[];
      };
    }>(`{
      hardwareFeature(slug: "amd-rvi") {
        effect(workload: "forkwait") {
          hypervisor { slug } mode with { count } without { count } overheadReduction { value lower }
        }
      }
    }`);
    const kvm = data.hardwareFeature.effect.find(
      (e) => e.hypervisor.slug === 'kvm' && e.mode === 'HARDWARE_ASSISTED_EMULATED',
    );
    const features = await withClient(server.database.url, async (c) =>
      (
        await c.query<{ slug: string }>(
          `SELECT s.slug FROM scenario s JOIN scenario_hardware_feature f ON f.scenario_id = s.id
             JOIN hardware_feature h ON h.id = f.hardware_feature_id WHERE h.slug = 'amd-rvi'`,
        )
      ).rows.map((r) => r.slug),
    );
    const kvmRows = raw.filter(
      (r) => r.workload === 'forkwait' && r.hypervisor === 'kvm' && r.mode === 'hardware_assisted_emulated',
    );
    expect(kvm).toBeDefined();
    expect(kvm!.with.count).toBe(kvmRows.filter((r) => features.includes(r.scenario)).length);
    expect(kvm!.without.count).toBe(kvmRows.filter((r) => !features.includes(r.scenario)).length);
    expect(kvm!.overheadReduction.value).toBeGreaterThan(0.5);
  });

  it('unknown workloads are NOT_FOUND naming the argument', async () => {
    const res = await server.graphql(
      '{ hypervisor(slug: "xen") { performance(workload: "nope") { mode } } }',
    );
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'workload' });
  });
});

describe('from a LinuxWorld 2007 session to benchmark evidence', () => {
  interface GraphAnswer {
    sessions: {
      nodes: {
        slug: string;
        speakers: {
          vendor: {
            slug: string;
            hypervisors: {
              slug: string;
              performance: unknown[];
              releases: { overheadVsNative: unknown[] }[];
              driverPackages: { slug: string; speedup: unknown[] }[];
            }[];
            claims: { slug: string; evidence: { verdict: string } }[];
          } | null;
        }[];
      }[];
    };
  }

  async function run(first: number) {
    const res = await server.graphql<GraphAnswer>(CLAIM_GRAPH_QUERY, { first, workload: 'net-rx' });
    expect(res.body.errors).toBeUndefined();
    return { data: res.body.data!, statements: Number(res.headers.get('x-sql-statements')) };
  }

  it('runs in the same small number of SQL statements for one session or all nine', async () => {
    const one = await run(1);
    const all = await run(20);
    expect(all.data.sessions.nodes).toHaveLength(9);
    expect(one.data.sessions.nodes).toHaveLength(1);
    // One statement per relation and level (evidence: one for benchmark figures, one for licence terms, asked
    // only when some claim needs them): the first session alone may skip a few, never add any.
    expect(one.statements).toBeLessThanOrEqual(all.statements);
    expect(all.statements).toBeLessThanOrEqual(16);

    const crosby = all.data.sessions.nodes.find((s) => s.slug === 'lwce-2007-simon-crosby-xen-alternatives')!;
    const xensource = crosby.speakers[0].vendor!;
    expect(xensource.slug).toBe('xensource');
    expect(xensource.claims).toEqual([
      expect.objectContaining({
        slug: 'xensource-essentially-indistinguishable',
        evidence: expect.objectContaining({ verdict: 'MIXED' }) as unknown,
      }),
    ]);
    const xen = xensource.hypervisors.find((h) => h.slug === 'xen')!;
    expect(xen.performance.length).toBeGreaterThan(0);
    const drivers = xensource.hypervisors.flatMap((h) => h.driverPackages);
    expect(drivers.map((d) => d.slug)).toContain('xensource-windows-pv-drivers');
    expect(drivers.find((d) => d.slug === 'xensource-windows-pv-drivers')!.speedup.length).toBeGreaterThan(0);

    const ramji = all.data.sessions.nodes.find((s) => s.slug === 'lwce-2007-sam-ramji-interoperability')!;
    expect(ramji.speakers[0].vendor!.claims).toEqual([
      expect.objectContaining({
        slug: 'microsoft-will-land-cleanly',
        evidence: expect.objectContaining({ verdict: 'SUPPORTED' }) as unknown,
      }),
    ]);
  });

  it('costs the same statements with 30 sessions as with 9 (copies of the vendor sessions added)', async () => {
    const before = await run(20);
    await server.app.dataSource.query(`
      WITH src AS (
        SELECT s.*, row_number() OVER (ORDER BY s.slug) AS n FROM session s
         WHERE EXISTS (SELECT 1 FROM session_speaker sp WHERE sp.session_id = s.id AND sp.vendor_id IS NOT NULL)),
      copies AS (
        INSERT INTO session (slug, conference_id, track_id, code, title, kind, stance, starts_at, ends_at, description)
        SELECT 'bulk-' || i || '-' || src.slug, src.conference_id, src.track_id, NULL, src.title || ' (copy ' || i || ')',
               src.kind, src.stance, src.starts_at, src.ends_at, src.description
          FROM generate_series(1, 21) i JOIN src ON src.n = 1 + i % (SELECT count(*) FROM src)
        RETURNING id, slug)
      INSERT INTO session_speaker (session_id, person_id, role, vendor_id)
      SELECT c.id, sp.person_id, sp.role, sp.vendor_id
        FROM copies c JOIN session o ON c.slug LIKE 'bulk-%-' || o.slug JOIN session_speaker sp ON sp.session_id = o.id`);
    const after = await run(30);
    expect(after.data.sessions.nodes).toHaveLength(30);
    expect(after.statements).toBe(before.statements);
  });

  it('stays within the query cost limits', async () => {
    const res = await server.graphql(CLAIM_GRAPH_QUERY, { first: 20, workload: 'net-rx' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('x-query-cost'))).toBeLessThan(200_000);
  });
});
