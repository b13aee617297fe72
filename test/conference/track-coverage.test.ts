import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function data(query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await server.graphql(query, variables);
  expect(res.body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res.body.data;
}

const COVERAGE = `query ($conference: String!, $track: String) {
  trackCoverage(conference: $conference, track: $track) {
    conference { slug } track { slug } sessionCount
    covered { topic { slug } sessionCount sessions { slug } }
    uncovered { slug category }
    stanceShares { stance sessionCount share sessions { slug } }
    vendorPitchShare
    vendorsRepresented { vendor { slug } speakers { slug } sessionCount sessions { slug } }
    announcementWindowDays
    hardwareAnnouncements { feature { slug } event date datePrecision daysFromConference }
  }
}`;

// Session slugs, shortened.
const CROSBY = 'lwce-2007-simon-crosby-xen-alternatives';
const LO = 'lwce-2007-v8-jack-lo';
const KETTLER = 'lwce-2007-keynote-kevin-kettler';
const LIVERMORE = 'lwce-2007-keynote-ann-livermore';
const MORTON = 'lwce-2007-keynote-andrew-morton';
const PANEL = 'lwce-2007-kvm-xen-panel';
const RAMJI = 'lwce-2007-sam-ramji-interoperability';
const SECURITY = 'lwce-2007-virtualization-security-risks';
const SPRAWL = 'lwce-2007-vm-sprawl';

const topic = (slug: string, ...sessions: string[]) => ({
  topic: { slug },
  sessionCount: sessions.length,
  sessions: sessions.map((s) => ({ slug: s })),
});
const uncovered = (...topics: [string, string][]) => topics.map(([slug, category]) => ({ slug, category }));
const stance = (name: string, share: number | null, ...sessions: string[]) => ({
  stance: name,
  sessionCount: sessions.length,
  share,
  sessions: sessions.map((s) => ({ slug: s })),
});
const vendor = (slug: string, speakers: string[], sessions: string[]) => ({
  vendor: { slug },
  speakers: speakers.map((s) => ({ slug: s })),
  sessionCount: sessions.length,
  sessions: sessions.map((s) => ({ slug: s })),
});

/** Within 60 days of 7 Aug 2007, by date; Dell's August announcement is known to the month only. */
const HARDWARE = [
  ['dell-embedded-hypervisor', 'ANNOUNCED', '2007-08-01', 'MONTH', -6],
  ['amd-rvi', 'SHIPPED', '2007-09-10', 'DAY', 34],
  ['amd-tagged-tlb', 'SHIPPED', '2007-09-10', 'DAY', 34],
  ['vmware-esx-3i-embedded', 'ANNOUNCED', '2007-09-10', 'DAY', 34],
  ['pci-sig-sr-iov', 'ANNOUNCED', '2007-09-11', 'DAY', 35],
].map(([feature, event, date, datePrecision, daysFromConference]) => ({
  feature: { slug: feature },
  event,
  date,
  datePrecision,
  daysFromConference,
}));

describe('trackCoverage', () => {
  it('covers the whole of LinuxWorld 2007: the Dell keynote covers embedded hypervisors, no session the other hardware', async () => {
    expect(await data(COVERAGE, { conference: 'linuxworld-2007' })).toEqual({
      trackCoverage: {
        conference: { slug: 'linuxworld-2007' },
        track: null,
        sessionCount: 9,
        covered: [
          topic('binary-translation-vs-paravirtualization', LO),
          topic('embedded-hypervisors', KETTLER),
          topic('identity-interoperability', RAMJI),
          topic('kvm', PANEL),
          topic('linux-windows-interoperability', CROSBY, RAMJI),
          topic('virtualization-management', RAMJI, SPRAWL),
          topic('microsoft-virtualization', CROSBY, RAMJI),
          topic('paravirt-ops-mainline', LO),
          topic('paravirtualized-drivers', RAMJI),
          topic('virtualization-security', SECURITY),
          topic('linux-kernel-future', MORTON),
          topic('vm-sprawl', SPRAWL),
          topic('virtualization-market', LIVERMORE),
          topic('vmware-esx', CROSBY),
          topic('xen', CROSBY, RAMJI, KETTLER, PANEL),
        ],
        uncovered: uncovered(
          ['containers', 'HYPERVISORS'],
          ['hardware-virtualization-extensions', 'HARDWARE'],
          ['hypervisor-benchmarks', 'PERFORMANCE'],
          ['large-memory-servers', 'HARDWARE'],
          ['nested-page-tables', 'HARDWARE'],
          ['open-source-licensing', 'LICENSING'],
          ['sr-iov', 'HARDWARE'],
          ['os-integrated-virtualization', 'HYPERVISORS'],
        ),
        stanceShares: [
          stance('TECHNICAL', 3 / 9, LO, MORTON, PANEL),
          stance('VENDOR_PITCH', 5 / 9, RAMJI, KETTLER, LIVERMORE, SECURITY, SPRAWL),
          stance('ANALYSIS', 1 / 9, CROSBY),
        ],
        vendorPitchShare: 5 / 9,
        // One session each, so by name: Dell, Hewlett-Packard (HP), Microsoft, VMware, XenSource.
        vendorsRepresented: [
          vendor('dell', ['kevin-kettler'], [KETTLER]),
          vendor('hp', ['ann-livermore'], [LIVERMORE]),
          vendor('microsoft', ['sam-ramji'], [RAMJI]),
          vendor('vmware', ['jack-lo'], [LO]),
          vendor('xensource', ['simon-crosby'], [CROSBY]),
        ],
        announcementWindowDays: 60,
        hardwareAnnouncements: HARDWARE,
      },
    });
  });

  it('covers the virtualization track: no session on any hardware topic, half the sessions vendor pitches', async () => {
    expect(await data(COVERAGE, { conference: 'linuxworld-2007', track: 'virtualization' })).toEqual({
      trackCoverage: {
        conference: { slug: 'linuxworld-2007' },
        track: { slug: 'virtualization' },
        sessionCount: 6,
        covered: [
          topic('binary-translation-vs-paravirtualization', LO),
          topic('identity-interoperability', RAMJI),
          topic('kvm', PANEL),
          topic('linux-windows-interoperability', CROSBY, RAMJI),
          topic('virtualization-management', RAMJI, SPRAWL),
          topic('microsoft-virtualization', CROSBY, RAMJI),
          topic('paravirt-ops-mainline', LO),
          topic('paravirtualized-drivers', RAMJI),
          topic('virtualization-security', SECURITY),
          topic('vm-sprawl', SPRAWL),
          topic('vmware-esx', CROSBY),
          topic('xen', CROSBY, RAMJI, PANEL),
        ],
        // Every hardware topic, embedded hypervisors included (Dell's keynote sits in the keynotes track).
        uncovered: uncovered(
          ['containers', 'HYPERVISORS'],
          ['hardware-virtualization-extensions', 'HARDWARE'],
          ['hypervisor-benchmarks', 'PERFORMANCE'],
          ['embedded-hypervisors', 'HARDWARE'],
          ['large-memory-servers', 'HARDWARE'],
          ['nested-page-tables', 'HARDWARE'],
          ['open-source-licensing', 'LICENSING'],
          ['sr-iov', 'HARDWARE'],
          ['linux-kernel-future', 'KERNEL'],
          ['os-integrated-virtualization', 'HYPERVISORS'],
          ['virtualization-market', 'MARKET'],
        ),
        stanceShares: [
          stance('TECHNICAL', 2 / 6, LO, PANEL),
          stance('VENDOR_PITCH', 3 / 6, RAMJI, SECURITY, SPRAWL),
          stance('ANALYSIS', 1 / 6, CROSBY),
        ],
        vendorPitchShare: 0.5,
        vendorsRepresented: [
          vendor('microsoft', ['sam-ramji'], [RAMJI]),
          vendor('vmware', ['jack-lo'], [LO]),
          vendor('xensource', ['simon-crosby'], [CROSBY]),
        ],
        announcementWindowDays: 60,
        // The window is the conference's, whatever the track.
        hardwareAnnouncements: HARDWARE,
      },
    });
  });

  it('covers the keynotes track: Dell and HP pitch, Andrew Morton talks kernel', async () => {
    const { trackCoverage } = await data(COVERAGE, { conference: 'linuxworld-2007', track: 'keynotes' });
    expect(trackCoverage).toEqual({
      conference: { slug: 'linuxworld-2007' },
      track: { slug: 'keynotes' },
      sessionCount: 3,
      covered: [
        topic('embedded-hypervisors', KETTLER),
        topic('linux-kernel-future', MORTON),
        topic('virtualization-market', LIVERMORE),
        topic('xen', KETTLER),
      ],
      uncovered: uncovered(
        ['binary-translation-vs-paravirtualization', 'PERFORMANCE'],
        ['containers', 'HYPERVISORS'],
        ['hardware-virtualization-extensions', 'HARDWARE'],
        ['hypervisor-benchmarks', 'PERFORMANCE'],
        ['identity-interoperability', 'INTEROPERABILITY'],
        ['kvm', 'HYPERVISORS'],
        ['large-memory-servers', 'HARDWARE'],
        ['linux-windows-interoperability', 'INTEROPERABILITY'],
        ['virtualization-management', 'MANAGEMENT'],
        ['microsoft-virtualization', 'HYPERVISORS'],
        ['nested-page-tables', 'HARDWARE'],
        ['open-source-licensing', 'LICENSING'],
        ['paravirt-ops-mainline', 'KERNEL'],
        ['paravirtualized-drivers', 'PARAVIRTUALIZATION'],
        ['sr-iov', 'HARDWARE'],
        ['virtualization-security', 'SECURITY'],
        ['vm-sprawl', 'MANAGEMENT'],
        ['os-integrated-virtualization', 'HYPERVISORS'],
        ['vmware-esx', 'HYPERVISORS'],
      ),
      stanceShares: [
        stance('TECHNICAL', 1 / 3, MORTON),
        stance('VENDOR_PITCH', 2 / 3, KETTLER, LIVERMORE),
        stance('ANALYSIS', 0),
      ],
      vendorPitchShare: 2 / 3,
      vendorsRepresented: [
        vendor('dell', ['kevin-kettler'], [KETTLER]),
        vendor('hp', ['ann-livermore'], [LIVERMORE]),
      ],
      announcementWindowDays: 60,
      hardwareAnnouncements: HARDWARE,
    });
  });
});

describe('trackCoverage errors', () => {
  it.each([
    [
      'conference',
      { conference: 'linuxworld-2008' },
      'conference: no conference with slug "linuxworld-2008".',
    ],
    [
      'track',
      { conference: 'linuxworld-2007', track: 'hardware' },
      'track: conference "linuxworld-2007" has no track with slug "hardware".',
    ],
  ])('an unknown %s is NOT_FOUND naming the argument', async (argumentName, variables, message) => {
    const res = await server.graphql(COVERAGE, variables);
    expect(res.body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message,
          path: ['trackCoverage'],
          extensions: { code: 'NOT_FOUND', argumentName },
        }),
      ],
    });
  });
});

describe('SQL statements per coverage report', () => {
  const cost = async (variables: Record<string, unknown>) => {
    const res = await server.graphql<{ trackCoverage: { sessionCount: number; covered: unknown[] } }>(
      COVERAGE,
      variables,
    );
    expect(res.body.errors).toBeUndefined();
    return {
      sessions: res.body.data!.trackCoverage.sessionCount,
      covered: res.body.data!.trackCoverage.covered.length,
      statements: Number(res.headers.get('x-sql-statements')),
    };
  };

  it('stay the same for a track and for the whole conference, however many sessions and topics', async () => {
    const track = await cost({ conference: 'linuxworld-2007', track: 'keynotes' });
    const whole = await cost({ conference: 'linuxworld-2007' });
    // The coverage, then one batch each of conference, track (none for the whole conference), topics, sessions,
    // vendors, people and features.
    expect([track, whole]).toEqual([
      { sessions: 3, covered: 4, statements: 8 },
      { sessions: 9, covered: 15, statements: 7 },
    ]);

    // 40 more sessions, each on a new topic, with a new vendor's speaker.
    await server.app.dataSource.query(`
      WITH n AS (SELECT i FROM generate_series(1, 40) i),
      v AS (
        INSERT INTO vendor (slug, name, kind, description)
        SELECT 'coverage-bulk-' || i, 'Coverage Bulk ' || lpad(i::text, 2, '0'), 'company', 'Generated.' FROM n
        RETURNING id, slug
      ), p AS (
        INSERT INTO person (slug, name, description)
        SELECT v.slug || '-speaker', 'Speaker ' || v.slug, 'Generated.' FROM v
        RETURNING id, slug
      ), t AS (
        INSERT INTO topic (slug, name, category, description)
        SELECT 'coverage-bulk-topic-' || i, 'Bulk topic ' || lpad(i::text, 2, '0'), 'management', 'Generated.' FROM n
        RETURNING id, slug
      ), s AS (
        INSERT INTO session (slug, conference_id, track_id, title, kind, stance, description)
        SELECT 'coverage-bulk-session-' || i, c.id, (SELECT id FROM track WHERE conference_id = c.id AND slug = 'keynotes'),
               'Bulk session ' || lpad(i::text, 2, '0'), 'talk', 'vendor_pitch', 'Generated.'
          FROM n, conference c WHERE c.slug = 'linuxworld-2007'
        RETURNING id, slug
      ), st AS (
        INSERT INTO session_topic (session_id, topic_id)
        SELECT s.id, t.id FROM s JOIN t ON substring(s.slug from '\\d+$') = substring(t.slug from '\\d+$')
      )
      INSERT INTO session_speaker (session_id, person_id, role, vendor_id)
      SELECT s.id, p.id, 'speaker', v.id
        FROM s JOIN v ON substring(s.slug from '\\d+$') = substring(v.slug from '\\d+$')
        JOIN p ON p.slug = v.slug || '-speaker'`);
    expect(await cost({ conference: 'linuxworld-2007', track: 'keynotes' })).toEqual({
      sessions: 43,
      covered: 44,
      statements: 8,
    });
  });

  it('an existing track without sessions is an empty report, not an error', async () => {
    await server.app.dataSource.query(
      `INSERT INTO track (conference_id, slug, name, description)
       SELECT id, 'hardware', 'Hardware', 'A track nobody filled.' FROM conference WHERE slug = 'linuxworld-2007'`,
    );
    const { trackCoverage } = await data(COVERAGE, { conference: 'linuxworld-2007', track: 'hardware' });
    const { topics } = await data(`{ topics { totalCount } }`);
    expect({ ...trackCoverage, uncovered: trackCoverage.uncovered.length }).toEqual({
      conference: { slug: 'linuxworld-2007' },
      track: { slug: 'hardware' },
      sessionCount: 0,
      covered: [],
      // Every topic (the seeded 23, and any a previous test added).
      uncovered: topics.totalCount,
      stanceShares: [stance('TECHNICAL', null), stance('VENDOR_PITCH', null), stance('ANALYSIS', null)],
      vendorPitchShare: null,
      vendorsRepresented: [],
      announcementWindowDays: 60,
      hardwareAnnouncements: HARDWARE,
    });
  });
});
