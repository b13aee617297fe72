/**
 * Generated time test: every hypervisor, driver package, host OS, support statement, vendor relation and session
 * of the seed data, on a quarterly grid of dates from 2003 to 2010. On each date, every dated answer (licensing
 * report, interop matrix, compatibility, paravirtual paths, vendor relations, sessions) must hold exactly what
 * existed then — computed here from `seeds/data/*.json`, independently of the server's SQL — and every counted
 * item must carry its dates. Undated things must appear only in the answers' `undated` lists.
 *
 * One request per date (the alias limit allows 14 paravirtPaths guests beside the other five answers).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePartialDate } from '../../src/shared/partial-date';
import { startTestServer, type TestServer } from '../support/server';

const DATA = path.join(__dirname, '../../seeds/data');
const read = <T>(file: string): T[] => JSON.parse(fs.readFileSync(path.join(DATA, file), 'utf8')) as T[];

/** The first day of a partial date, or null. */
const day = (value: string | null | undefined): string | null => parsePartialDate(value)?.date ?? null;
const minDay = (...values: (string | null)[]): string | null =>
  values.filter((v): v is string => v !== null).sort()[0] ?? null;
/** `from ≤ d < to`, with a null `from` never holding (undated) and a null `to` open. */
const holds = (from: string | null, to: string | null, d: string): boolean =>
  from !== null && from <= d && (to === null || to > d);

interface HypervisorJson {
  slug: string;
  firstReleasedOn: string | null;
  discontinuedOn?: string | null;
}
interface ReleaseJson {
  slug: string;
  hypervisor: string;
  releasedOn: string | null;
}
interface TermJson {
  validFrom: string | null;
  validTo: string | null;
}
interface PackageJson {
  slug: string;
  terms: TermJson[];
}
interface OsJson {
  slug: string;
  parent: string | null;
  releasedOn: string | null;
  canHost: boolean;
}
interface StatementJson {
  slug: string;
  hypervisorRelease: string;
  guestOs: string;
  mode: string;
  validFrom: string | null;
  validTo: string | null;
}
interface RelationJson {
  slug: string;
  announcedOn: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}
interface SessionJson {
  slug: string;
  startsAt: string | null;
  heldOn?: string | null;
}

const hypervisors = read<HypervisorJson>('hypervisors.json');
const releases = read<ReleaseJson>('hypervisor_releases.json');
const packages = read<PackageJson>('driver_packages.json');
const oses = read<OsJson>('operating_systems.json');
const statements = read<StatementJson>('support_statements.json');
const relations = read<RelationJson>('vendor_relations.json');
const sessions = read<SessionJson>('sessions.json');

const releaseBySlug = new Map(releases.map((r) => [r.slug, r]));
/** Each hypervisor's existence: its first known release (own date or earliest release) to its discontinuation. */
const hvPeriod = new Map(
  hypervisors.map((h) => [
    h.slug,
    {
      from: minDay(
        day(h.firstReleasedOn),
        ...releases.filter((r) => r.hypervisor === h.slug).map((r) => day(r.releasedOn)),
      ),
      to: day(h.discontinuedOn),
    },
  ]),
);
/** Each statement's counted period: its start, else its release's; its end, or its hypervisor's. */
const statementPeriod = new Map(
  statements.map((s) => {
    const release = releaseBySlug.get(s.hypervisorRelease)!;
    const to = minDay(day(s.validTo), hvPeriod.get(release.hypervisor)!.to);
    return [
      s.slug,
      { from: day(s.validFrom) ?? day(release.releasedOn), to, hypervisor: release.hypervisor },
    ];
  }),
);
const parentOf = new Map(oses.map((o) => [o.slug, o.parent]));
/** A guest and the families it belongs to. */
const lineage = (slug: string): string[] => {
  const out = [slug];
  for (let p = parentOf.get(slug); p; p = parentOf.get(p)) out.push(p);
  return out;
};

const GRID: string[] = [];
for (let year = 2003; year <= 2010; year++)
  for (const month of ['01', '04', '07', '10']) GRID.push(`${year}-${month}-01`);
const nextQuarter = (d: string): string => {
  const [y, m] = d.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1 + 3, 0));
  return end.toISOString().slice(0, 10); // the last day of the quarter
};

const MATRIX_GUESTS = [...new Set(statements.map((s) => s.guestOs))].sort();
const MATRIX_HYPERVISORS = hypervisors.map((h) => h.slug);
const PATH_GUESTS = [
  'windows-2000',
  'windows-server-2003',
  'windows-xp',
  'windows-vista',
  'windows-server-2008',
  'sles-10-sp1',
  'sles-10-sp2',
  'rhel-5',
  'rhel-4-5',
  'oes2-netware',
  'oracle-enterprise-linux',
  'solaris',
  'fedora',
  'ubuntu',
];
const PV_MODES = new Set(['paravirtualized', 'hardware_assisted_pv_drivers']);

const QUERY = `query ($asOf: LocalDate!, $to: LocalDate!, $guests: [String!]!, $hvs: [String!]!) {
  licensingReport(asOf: $asOf, groupBy: COMPONENT_KIND) {
    groups { items { kind slug validFrom validTo } }
    undated { kind slug validFrom }
  }
  interopMatrix(guests: $guests, hypervisors: $hvs, asOf: $asOf) {
    cells { state validFrom validTo statement { slug } }
    undated { slug }
  }
  compatibility(asOf: $asOf) { validFrom validTo statement { slug } }
  vendorRelations(asOf: $asOf, first: 100) { nodes { slug announcedOn effectiveFrom effectiveTo } }
  sessions(from: $asOf, to: $to, first: 100) { nodes { slug heldOn } }
  ${PATH_GUESTS.map(
    (g, i) => `p${i}: paravirtPaths(guest: "${g}", asOf: $asOf) { since until statement { slug } }`,
  ).join('\n  ')}
}`;

interface Answer {
  licensingReport: {
    groups: { items: { kind: string; slug: string; validFrom: string | null; validTo: string | null }[] }[];
    undated: { kind: string; slug: string; validFrom: string | null }[];
  };
  interopMatrix: {
    cells: {
      state: string;
      validFrom: string | null;
      validTo: string | null;
      statement: { slug: string } | null;
    }[][];
    undated: { slug: string }[];
  };
  compatibility: { validFrom: string | null; validTo: string | null; statement: { slug: string } }[];
  vendorRelations: {
    nodes: {
      slug: string;
      announcedOn: string | null;
      effectiveFrom: string | null;
      effectiveTo: string | null;
    }[];
  };
  sessions: { nodes: { slug: string; heldOn: string | null }[] };
  [path: `p${number}`]: { since: string | null; until: string | null; statement: { slug: string } }[];
}

let server: TestServer;
const answers = new Map<string, Answer>();
beforeAll(async () => {
  server = await startTestServer();
  for (const asOf of GRID) {
    const res = await server.graphql<Answer>(QUERY, {
      asOf,
      to: nextQuarter(asOf),
      guests: MATRIX_GUESTS,
      hvs: MATRIX_HYPERVISORS,
    });
    expect(res.body.errors).toBeUndefined();
    answers.set(asOf, res.body.data!);
  }
}, 120_000);
afterAll(() => server.stop());

const sorted = (xs: string[]) => [...xs].sort();

describe.each(GRID)('as of %s', (d) => {
  const a = () => answers.get(d)!;

  it('the licensing report counts exactly what existed then, each with its dates, and lists the undated apart', () => {
    const items = a().licensingReport.groups.flatMap((g) => g.items);
    for (const item of items) {
      expect([item.slug, holds(item.validFrom, item.validTo, d)]).toEqual([item.slug, true]);
    }
    const expected = [
      ...hypervisors
        .filter((h) => holds(hvPeriod.get(h.slug)!.from, hvPeriod.get(h.slug)!.to, d))
        .map((h) => `HYPERVISOR:${h.slug}`),
      ...packages
        .filter((p) => p.terms.some((t) => holds(day(t.validFrom), day(t.validTo), d)))
        .map((p) => `DRIVER_PACKAGE:${p.slug}`),
      ...oses.filter((o) => o.canHost && holds(day(o.releasedOn), null, d)).map((o) => `HOST_OS:${o.slug}`),
    ];
    expect(sorted(items.map((i) => `${i.kind}:${i.slug}`))).toEqual(sorted(expected));
    const undated = [
      ...hypervisors.filter((h) => hvPeriod.get(h.slug)!.from === null).map((h) => `HYPERVISOR:${h.slug}`),
      ...packages
        .filter((p) => p.terms.every((t) => t.validFrom === null))
        .map((p) => `DRIVER_PACKAGE:${p.slug}`),
      ...oses.filter((o) => o.canHost && o.releasedOn === null).map((o) => `HOST_OS:${o.slug}`),
    ];
    expect(sorted(a().licensingReport.undated.map((i) => `${i.kind}:${i.slug}`))).toEqual(sorted(undated));
    expect(a().licensingReport.undated.every((i) => i.validFrom === null)).toBe(true);
  });

  it('each matrix cell shows a hypervisor only once it existed, and a statement only while it held', () => {
    const cells = a().interopMatrix.cells;
    MATRIX_GUESTS.forEach((guest, i) =>
      MATRIX_HYPERVISORS.forEach((hv, j) => {
        const cell = cells[i][j];
        const period = hvPeriod.get(hv)!;
        const hvState =
          period.from === null
            ? 'UNDATED'
            : period.from > d
              ? 'NOT_RELEASED'
              : period.to !== null && period.to <= d
                ? 'DISCONTINUED'
                : null;
        const valid = statements.filter(
          (s) =>
            statementPeriod.get(s.slug)!.hypervisor === hv &&
            lineage(guest).includes(s.guestOs) &&
            holds(statementPeriod.get(s.slug)!.from, statementPeriod.get(s.slug)!.to, d),
        );
        const expectedState = hvState ?? (valid.length > 0 ? 'AVAILABLE' : 'NO_STATEMENT');
        expect([guest, hv, cell.state]).toEqual([guest, hv, expectedState]);
        if (cell.state === 'AVAILABLE') {
          expect(valid.map((s) => s.slug)).toContain(cell.statement!.slug);
          expect([guest, hv, holds(cell.validFrom, cell.validTo, d)]).toEqual([guest, hv, true]);
        } else expect(cell.statement).toBeNull();
      }),
    );
    const undated = statements.filter((s) => statementPeriod.get(s.slug)!.from === null).map((s) => s.slug);
    expect(sorted(a().interopMatrix.undated.map((s) => s.slug))).toEqual(sorted(undated));
  });

  it('compatibility lists exactly the statements that held then, each with its dates', () => {
    const got = a().compatibility;
    for (const e of got)
      expect([e.statement.slug, holds(e.validFrom, e.validTo, d)]).toEqual([e.statement.slug, true]);
    const expected = statements
      .filter((s) => holds(statementPeriod.get(s.slug)!.from, statementPeriod.get(s.slug)!.to, d))
      .map((s) => s.slug);
    expect(sorted(got.map((e) => e.statement.slug))).toEqual(sorted(expected));
  });

  it('paravirtual paths exist only while their statement and driver terms held', () => {
    PATH_GUESTS.forEach((guest, i) => {
      const got = a()[`p${i}`];
      for (const p of got)
        expect([guest, p.statement.slug, holds(p.since, p.until, d)]).toEqual([
          guest,
          p.statement.slug,
          true,
        ]);
      const expected = statements
        .filter(
          (s) =>
            PV_MODES.has(s.mode) &&
            lineage(guest).includes(s.guestOs) &&
            holds(statementPeriod.get(s.slug)!.from, statementPeriod.get(s.slug)!.to, d),
        )
        .map((s) => s.slug);
      // A path whose driver terms had not started yet is still listed (obtainable: false) with the statement's
      // start as `since`; one whose terms started later shows that later start, so it never predates d.
      expect([guest, sorted(got.map((p) => p.statement.slug))]).toEqual([guest, sorted(expected)]);
    });
  });

  it('vendor relations in force are exactly those dated on or before it and not yet ended', () => {
    const expected = relations
      .filter((r) => holds(day(r.effectiveFrom) ?? day(r.announcedOn), day(r.effectiveTo), d))
      .map((r) => r.slug);
    const got = a().vendorRelations.nodes;
    expect(sorted(got.map((r) => r.slug))).toEqual(sorted(expected));
    for (const r of got) expect(holds(r.effectiveFrom ?? r.announcedOn, r.effectiveTo, d)).toBe(true);
  });

  it('sessions of the quarter are exactly those held in it, each with its day', () => {
    const to = nextQuarter(d);
    const dayOf = (s: SessionJson) =>
      day(s.heldOn) ?? (s.startsAt ? new Date(s.startsAt).toISOString().slice(0, 10) : null);
    const expected = sessions.filter((s) => {
      const x = dayOf(s);
      return x !== null && x >= d && x <= to;
    });
    const got = a().sessions.nodes;
    expect(sorted(got.map((s) => s.slug))).toEqual(sorted(expected.map((s) => s.slug)));
    for (const s of got) expect(s.heldOn !== null && s.heldOn >= d && s.heldOn <= to).toBe(true);
  });
});

it('the grid covers every entity at least once in a dated answer or an undated list', () => {
  const seen = new Set<string>();
  for (const a of answers.values()) {
    for (const g of a.licensingReport.groups) for (const i of g.items) seen.add(`${i.kind}:${i.slug}`);
    for (const i of a.licensingReport.undated) seen.add(`${i.kind}:${i.slug}`);
    for (const row of a.interopMatrix.cells)
      for (const c of row) if (c.statement) seen.add(`S:${c.statement.slug}`);
    for (const s of a.interopMatrix.undated) seen.add(`S:${s.slug}`);
    for (const e of a.compatibility) seen.add(`S:${e.statement.slug}`);
    for (const r of a.vendorRelations.nodes) seen.add(`R:${r.slug}`);
  }
  const missing = [
    ...hypervisors.map((h) => `HYPERVISOR:${h.slug}`),
    ...packages.map((p) => `DRIVER_PACKAGE:${p.slug}`),
    ...statements.map((s) => `S:${s.slug}`),
    ...relations.map((r) => `R:${r.slug}`),
  ].filter((k) => !seen.has(k));
  expect(missing).toEqual([]);
});
