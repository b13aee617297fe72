import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** The seeded LinuxWorld 2007 programme, in list order: timed sessions by start, then the rest by title. */
/** Dated sessions by day (Ramji's, known only by day, after Crosby's timed one on 7 Aug), then the rest by title. */
const SESSIONS = [
  'lwce-2007-simon-crosby-xen-alternatives',
  'lwce-2007-sam-ramji-interoperability',
  'lwce-2007-v8-jack-lo',
  'lwce-2007-keynote-kevin-kettler',
  'lwce-2007-keynote-ann-livermore',
  'lwce-2007-keynote-andrew-morton',
  'lwce-2007-kvm-xen-panel',
  'lwce-2007-virtualization-security-risks',
  'lwce-2007-vm-sprawl',
];

const slugs = (nodes: { slug: string }[]) => nodes.map((n) => n.slug);

async function data(query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await server.graphql(query, variables);
  expect(res.body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('people', () => {
  it('lists every seeded person by name, with who they worked for', async () => {
    expect(
      await data(`{
        people(first: 100) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage }
          nodes { slug affiliations { vendor { slug } title validFrom validTo } }
        }
      }`),
    ).toEqual({
      people: {
        totalCount: 12,
        pageInfo: { hasNextPage: false, hasPreviousPage: false },
        nodes: [
          ['andrew-morton'],
          ['ann-livermore', ['hp', 'Executive Vice President']],
          ['ben-sander', ['amd', null]],
          ['bernard-golden', ['navica', 'CEO']],
          ['fabrice-bellard'],
          ['jack-lo', ['vmware', null]],
          ['kevin-kettler', ['dell', 'CTO']],
          ['peter-levine', ['citrix', null]],
          ['rusty-russell', ['ibm', null]],
          ['sam-ramji', ['microsoft', 'Director, open source lab / technical platform strategy']],
          ['simon-crosby', ['xensource', 'CTO', null, '2007-10-22'], ['citrix', 'CTO', '2007-10-22', null]],
          ['stephen-hemminger'],
        ].map(([slug, ...affiliations]) => ({
          slug,
          affiliations: (affiliations as [string, string | null, string?, string?][]).map(
            ([vendor, title, validFrom = null, validTo = null]) => ({
              vendor: { slug: vendor },
              title,
              validFrom,
              validTo,
            }),
          ),
        })),
      },
    });
  });

  it('filters by a vendor the person worked for at any time', async () => {
    expect(
      await data(`{
        citrix: people(vendor: "citrix") { totalCount nodes { slug } }
        xensource: people(vendor: "xensource") { totalCount nodes { slug } }
        nobody: people(vendor: "no-such-vendor") { totalCount nodes { slug } }
      }`),
    ).toEqual({
      citrix: { totalCount: 2, nodes: [{ slug: 'peter-levine' }, { slug: 'simon-crosby' }] },
      xensource: { totalCount: 1, nodes: [{ slug: 'simon-crosby' }] },
      nobody: { totalCount: 0, nodes: [] },
    });
  });

  it('answers a person by slug with their fields, affiliations, sessions and sources; null when unknown', async () => {
    const result = await data(`{
      person(slug: "simon-crosby") {
        slug name description
        affiliations { title validFromPrecision validToPrecision vendor { slug name } sources { slug } }
        sessions { slug }
        sources { slug }
      }
      nobody: person(slug: "linus-torvalds") { name }
    }`);
    expect(result).toEqual({
      person: {
        slug: 'simon-crosby',
        name: 'Simon Crosby',
        description: expect.stringContaining('opened the LinuxWorld 2007 virtualization track'),
        affiliations: [
          {
            title: 'CTO',
            validFromPrecision: 'DAY',
            validToPrecision: 'DAY',
            vendor: { slug: 'xensource', name: 'XenSource' },
            sources: [
              { slug: 'virtualization-info-citrix-acquires-xensource' },
              { slug: 'searchdatacenter-linuxworld-2007-report' },
              { slug: 'searchdatacenter-linuxworld-2007-preview' },
            ],
          },
          {
            title: 'CTO',
            validFromPrecision: 'DAY',
            validToPrecision: 'DAY',
            vendor: { slug: 'citrix', name: 'Citrix Systems' },
            sources: [
              { slug: 'virtualization-info-citrix-acquires-xensource' },
              { slug: 'linuxworldexpo-session-qmonyb000zsb' },
            ],
          },
        ],
        sessions: [{ slug: 'lwce-2007-simon-crosby-xen-alternatives' }],
        sources: [
          { slug: 'linuxworldexpo-session-qmonyb000zsb' },
          { slug: 'searchdatacenter-linuxworld-2007-report' },
          { slug: 'searchdatacenter-linuxworld-2007-preview' },
        ],
      },
      nobody: null,
    });
  });

  it('keeps affiliations with open ends whatever the asOf day', async () => {
    expect(
      await data(`{
        person(slug: "ann-livermore") {
          in1990: affiliations(asOf: "1990-01-01") { vendor { slug } }
          atShow: affiliations(asOf: "2007-08-07") { vendor { slug } }
        }
      }`),
    ).toEqual({ person: { in1990: [{ vendor: { slug: 'hp' } }], atShow: [{ vendor: { slug: 'hp' } }] } });
  });

  it('rejects an asOf that is not a date before running anything', async () => {
    const res = await server.graphql(
      `{ person(slug: "simon-crosby") { affiliations(asOf: "2007-13-01") { title } } }`,
    );
    // A request error under application/json: 200 (GraphQL-over-HTTP), the error in the body.
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('topics', () => {
  it('lists every topic by name with its category', async () => {
    expect(await data(`{ topics(first: 100) { totalCount nodes { slug category } } }`)).toEqual({
      topics: {
        totalCount: 23,
        nodes: [
          ['binary-translation-vs-paravirtualization', 'PERFORMANCE'],
          ['containers', 'HYPERVISORS'],
          ['hardware-virtualization-extensions', 'HARDWARE'],
          ['hypervisor-benchmarks', 'PERFORMANCE'],
          ['embedded-hypervisors', 'HARDWARE'],
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
          ['linux-kernel-future', 'KERNEL'],
          ['vm-sprawl', 'MANAGEMENT'],
          ['os-integrated-virtualization', 'HYPERVISORS'],
          ['virtualization-market', 'MARKET'],
          ['vmware-esx', 'HYPERVISORS'],
          ['xen', 'HYPERVISORS'],
        ].map(([slug, category]) => ({ slug, category })),
      },
    });
  });

  it('tells covered topics from those no session covered, e.g. the hardware gaps of 2007', async () => {
    const result = await data(`{
      covered: topics(covered: true, first: 100) { totalCount nodes { slug } }
      missing: topics(covered: false, first: 100) { totalCount nodes { slug } }
      hardwareGaps: topics(category: HARDWARE, covered: false) { nodes { slug } }
      hardwareCovered: topics(category: HARDWARE, covered: true) { nodes { slug } }
      kernel: topics(category: KERNEL) { nodes { slug } }
    }`);
    expect(result).toEqual({
      covered: {
        totalCount: 15,
        nodes: [
          'binary-translation-vs-paravirtualization',
          'embedded-hypervisors',
          'identity-interoperability',
          'kvm',
          'linux-windows-interoperability',
          'virtualization-management',
          'microsoft-virtualization',
          'paravirt-ops-mainline',
          'paravirtualized-drivers',
          'virtualization-security',
          'linux-kernel-future',
          'vm-sprawl',
          'virtualization-market',
          'vmware-esx',
          'xen',
        ].map((slug) => ({ slug })),
      },
      missing: {
        totalCount: 8,
        nodes: [
          'containers',
          'hardware-virtualization-extensions',
          'hypervisor-benchmarks',
          'large-memory-servers',
          'nested-page-tables',
          'open-source-licensing',
          'sr-iov',
          'os-integrated-virtualization',
        ].map((slug) => ({ slug })),
      },
      hardwareGaps: {
        nodes: [
          { slug: 'hardware-virtualization-extensions' },
          { slug: 'large-memory-servers' },
          { slug: 'nested-page-tables' },
          { slug: 'sr-iov' },
        ],
      },
      hardwareCovered: { nodes: [{ slug: 'embedded-hypervisors' }] },
      kernel: { nodes: [{ slug: 'paravirt-ops-mainline' }, { slug: 'linux-kernel-future' }] },
    });
  });

  it('answers a topic by slug with the sessions that covered it; null when unknown', async () => {
    expect(
      await data(`{
        topic(slug: "xen") { name category sessions { slug } sources { slug } }
        uncovered: topic(slug: "sr-iov") { name sessions { slug } }
        nothing: topic(slug: "mainframes") { name }
      }`),
    ).toEqual({
      topic: {
        name: 'Xen',
        category: 'HYPERVISORS',
        sessions: [
          { slug: 'lwce-2007-simon-crosby-xen-alternatives' },
          { slug: 'lwce-2007-sam-ramji-interoperability' },
          { slug: 'lwce-2007-keynote-kevin-kettler' },
          { slug: 'lwce-2007-kvm-xen-panel' },
        ],
        sources: expect.arrayContaining([
          { slug: 'xen-project-history' },
          { slug: 'xen-project-15th-anniversary' },
          { slug: 'searchdatacenter-linuxworld-2007-preview' },
          { slug: 'searchdatacenter-linuxworld-2007-report' },
        ]),
      },
      uncovered: { name: 'PCI Express I/O virtualization (SR-IOV, MR-IOV)', sessions: [] },
      nothing: null,
    });
  });
});

describe('conferences and tracks', () => {
  it('lists the conference with its fields, tracks, sessions and sources', async () => {
    expect(
      await data(`{
        conferences {
          totalCount
          nodes {
            slug name city venue startsOn endsOn
            tracks { slug name conference { slug } sessions { slug } }
            sessions { slug }
            sources { slug }
          }
        }
      }`),
    ).toEqual({
      conferences: {
        totalCount: 1,
        nodes: [
          {
            slug: 'linuxworld-2007',
            name: 'LinuxWorld Conference & Expo 2007',
            city: 'San Francisco',
            venue: 'Moscone Center',
            startsOn: '2007-08-07',
            endsOn: null,
            tracks: [
              {
                slug: 'keynotes',
                name: 'Keynotes',
                conference: { slug: 'linuxworld-2007' },
                sessions: [
                  { slug: 'lwce-2007-keynote-kevin-kettler' },
                  { slug: 'lwce-2007-keynote-ann-livermore' },
                  { slug: 'lwce-2007-keynote-andrew-morton' },
                ],
              },
              {
                slug: 'virtualization',
                name: 'Virtualization',
                conference: { slug: 'linuxworld-2007' },
                sessions: [
                  { slug: 'lwce-2007-simon-crosby-xen-alternatives' },
                  { slug: 'lwce-2007-sam-ramji-interoperability' },
                  { slug: 'lwce-2007-v8-jack-lo' },
                  { slug: 'lwce-2007-kvm-xen-panel' },
                  { slug: 'lwce-2007-virtualization-security-risks' },
                  { slug: 'lwce-2007-vm-sprawl' },
                ],
              },
            ],
            sessions: SESSIONS.map((slug) => ({ slug })),
            sources: [
              { slug: 'linuxworldexpo-session-qmonyb000zsb' },
              { slug: 'linuxworldexpo-session-qmonyb000zsz' },
              { slug: 'searchdatacenter-linuxworld-2007-report' },
              { slug: 'montanalinux-linuxworld-2007-day-zero' },
              { slug: 'searchdatacenter-linuxworld-2007-preview' },
            ],
          },
        ],
      },
    });
  });

  it('answers a conference by slug; null when unknown', async () => {
    expect(
      await data(`{
        conference(slug: "linuxworld-2007") { name tracks { slug } }
        other: conference(slug: "linuxworld-2008") { name }
      }`),
    ).toEqual({
      conference: {
        name: 'LinuxWorld Conference & Expo 2007',
        tracks: [{ slug: 'keynotes' }, { slug: 'virtualization' }],
      },
      other: null,
    });
  });
});

describe('sessions', () => {
  it('lists every session, timed ones first by start, then by title, with all their fields', async () => {
    const result = await data(`{
      sessions(first: 100) {
        totalCount
        nodes {
          slug code title kind stance startsAt endsAt
          conference { slug } track { slug }
          speakers { role person { slug } vendor { slug } }
          topics { slug }
        }
      }
    }`);
    expect(result.sessions.totalCount).toBe(9);
    expect(slugs(result.sessions.nodes)).toEqual(SESSIONS);
    const bySlug = Object.fromEntries(result.sessions.nodes.map((n: { slug: string }) => [n.slug, n]));
    expect(bySlug['lwce-2007-simon-crosby-xen-alternatives']).toEqual({
      slug: 'lwce-2007-simon-crosby-xen-alternatives',
      code: null,
      title: "Xen's next step, compared with VMware ESX and Microsoft's hypervisor",
      kind: 'TALK',
      stance: 'ANALYSIS',
      startsAt: '2007-08-07T17:15:00.000Z',
      endsAt: '2007-08-07T18:15:00.000Z',
      conference: { slug: 'linuxworld-2007' },
      track: { slug: 'virtualization' },
      speakers: [{ role: 'SPEAKER', person: { slug: 'simon-crosby' }, vendor: { slug: 'xensource' } }],
      topics: [
        { slug: 'linux-windows-interoperability' },
        { slug: 'microsoft-virtualization' },
        { slug: 'vmware-esx' },
        { slug: 'xen' },
      ],
    });
    expect(bySlug['lwce-2007-v8-jack-lo']).toEqual({
      slug: 'lwce-2007-v8-jack-lo',
      code: 'V8',
      title: 'Making Linux a Virtualization-Friendly OS',
      kind: 'TALK',
      stance: 'TECHNICAL',
      startsAt: '2007-08-09T18:30:00.000Z',
      endsAt: '2007-08-09T19:30:00.000Z',
      conference: { slug: 'linuxworld-2007' },
      track: { slug: 'virtualization' },
      speakers: [{ role: 'SPEAKER', person: { slug: 'jack-lo' }, vendor: { slug: 'vmware' } }],
      topics: [{ slug: 'binary-translation-vs-paravirtualization' }, { slug: 'paravirt-ops-mainline' }],
    });
    expect(bySlug['lwce-2007-keynote-andrew-morton']).toEqual({
      slug: 'lwce-2007-keynote-andrew-morton',
      code: null,
      title: 'Kickoff keynote: the future of the Linux kernel',
      kind: 'KEYNOTE',
      stance: 'TECHNICAL',
      startsAt: null,
      endsAt: null,
      conference: { slug: 'linuxworld-2007' },
      track: { slug: 'keynotes' },
      speakers: [{ role: 'KEYNOTE', person: { slug: 'andrew-morton' }, vendor: null }],
      topics: [{ slug: 'linux-kernel-future' }],
    });
    expect(bySlug['lwce-2007-kvm-xen-panel']).toMatchObject({
      kind: 'PANEL',
      stance: 'TECHNICAL',
      speakers: [],
      topics: [{ slug: 'kvm' }, { slug: 'xen' }],
    });
  });

  it('filters by conference, track, topic, stance, kind, speaker and vendor', async () => {
    const result = await data(`{
      conference: sessions(conference: "linuxworld-2007") { totalCount }
      otherConference: sessions(conference: "linuxworld-2008") { totalCount nodes { slug } }
      keynotes: sessions(track: "keynotes") { nodes { slug } }
      xen: sessions(topic: "xen") { nodes { slug } }
      pitches: sessions(stance: VENDOR_PITCH) { totalCount nodes { slug } }
      analysis: sessions(stance: ANALYSIS) { nodes { slug } }
      panels: sessions(kind: PANEL) { nodes { slug } }
      jackLo: sessions(speaker: "jack-lo") { nodes { slug } }
      silent: sessions(speaker: "fabrice-bellard") { totalCount }
      microsoft: sessions(vendor: "microsoft") { nodes { slug } }
      citrix: sessions(vendor: "citrix") { totalCount }
      technicalVirtualizationTalks: sessions(track: "virtualization", kind: TALK, stance: TECHNICAL) { nodes { slug } }
      pitchedKeynotesOnXen: sessions(kind: KEYNOTE, stance: VENDOR_PITCH, topic: "xen") { nodes { slug } }
    }`);
    expect(result).toEqual({
      conference: { totalCount: 9 },
      otherConference: { totalCount: 0, nodes: [] },
      keynotes: {
        nodes: [
          { slug: 'lwce-2007-keynote-kevin-kettler' },
          { slug: 'lwce-2007-keynote-ann-livermore' },
          { slug: 'lwce-2007-keynote-andrew-morton' },
        ],
      },
      xen: {
        nodes: [
          { slug: 'lwce-2007-simon-crosby-xen-alternatives' },
          { slug: 'lwce-2007-sam-ramji-interoperability' },
          { slug: 'lwce-2007-keynote-kevin-kettler' },
          { slug: 'lwce-2007-kvm-xen-panel' },
        ],
      },
      pitches: {
        totalCount: 5,
        nodes: [
          { slug: 'lwce-2007-sam-ramji-interoperability' },
          { slug: 'lwce-2007-keynote-kevin-kettler' },
          { slug: 'lwce-2007-keynote-ann-livermore' },
          { slug: 'lwce-2007-virtualization-security-risks' },
          { slug: 'lwce-2007-vm-sprawl' },
        ],
      },
      analysis: { nodes: [{ slug: 'lwce-2007-simon-crosby-xen-alternatives' }] },
      panels: { nodes: [{ slug: 'lwce-2007-kvm-xen-panel' }] },
      jackLo: { nodes: [{ slug: 'lwce-2007-v8-jack-lo' }] },
      silent: { totalCount: 0 },
      microsoft: { nodes: [{ slug: 'lwce-2007-sam-ramji-interoperability' }] },
      citrix: { totalCount: 0 },
      technicalVirtualizationTalks: { nodes: [{ slug: 'lwce-2007-v8-jack-lo' }] },
      pitchedKeynotesOnXen: { nodes: [{ slug: 'lwce-2007-keynote-kevin-kettler' }] },
    });
  });

  it('filters by a range of days (UTC day of the start, else the day recorded), leaving out undated sessions', async () => {
    const result = await data(`{
      showOpening: sessions(from: "2007-08-07", to: "2007-08-07") { nodes { slug } }
      fromWednesday: sessions(from: "2007-08-08") { nodes { slug } }
      untilWednesday: sessions(to: "2007-08-08") { nodes { slug } }
      wholeShow: sessions(from: "2007-08-06", to: "2007-08-10") { totalCount nodes { slug } }
      nextYear: sessions(from: "2008-01-01") { totalCount }
    }`);
    expect(result).toEqual({
      showOpening: {
        nodes: [
          { slug: 'lwce-2007-simon-crosby-xen-alternatives' },
          { slug: 'lwce-2007-sam-ramji-interoperability' },
        ],
      },
      fromWednesday: { nodes: [{ slug: 'lwce-2007-v8-jack-lo' }] },
      untilWednesday: {
        nodes: [
          { slug: 'lwce-2007-simon-crosby-xen-alternatives' },
          { slug: 'lwce-2007-sam-ramji-interoperability' },
        ],
      },
      wholeShow: {
        totalCount: 3,
        nodes: [
          { slug: 'lwce-2007-simon-crosby-xen-alternatives' },
          { slug: 'lwce-2007-sam-ramji-interoperability' },
          { slug: 'lwce-2007-v8-jack-lo' },
        ],
      },
      nextYear: { totalCount: 0 },
    });
  });

  it('rejects from after to with BAD_USER_INPUT naming from', async () => {
    const res = await server.graphql(`{ sessions(from: "2007-08-09", to: "2007-08-07") { totalCount } }`);
    expect(res.body).toEqual({
      data: null,
      errors: [
        {
          message: 'from (2007-08-09) must not be after to (2007-08-07).',
          path: ['sessions'],
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'from' },
        },
      ],
    });
  });

  it('rejects a from that is not a date at validation', async () => {
    const res = await server.graphql(`{ sessions(from: "7 Aug 2007") { totalCount } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) }),
    ]);
    expect(res.body.errors?.[0]?.message).toMatch(/LocalDate/);
  });

  it('pages with cursors through the programme, each session once, in order', async () => {
    const seen: string[] = [];
    const pages: { hasNextPage: boolean; hasPreviousPage: boolean }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const result: any = await data(
        `query ($after: String) {
          sessions(first: 4, after: $after) {
            totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage endCursor }
          }
        }`,
        { after },
      );
      const conn = result.sessions;
      expect(conn.totalCount).toBe(9);
      seen.push(...conn.edges.map((e: { node: { slug: string } }) => e.node.slug));
      pages.push({ hasNextPage: conn.pageInfo.hasNextPage, hasPreviousPage: conn.pageInfo.hasPreviousPage });
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(SESSIONS);
    expect(pages).toEqual([
      { hasNextPage: true, hasPreviousPage: false },
      { hasNextPage: true, hasPreviousPage: true },
      { hasNextPage: false, hasPreviousPage: true },
    ]);
  });

  it('answers a session by slug and navigates session → speakers → person → sessions → topics', async () => {
    expect(
      await data(`{
        session(slug: "lwce-2007-sam-ramji-interoperability") {
          title kind stance
          speakers {
            role
            vendor { slug people { slug } }
            person { slug affiliations { vendor { slug } } sessions { slug topics { slug } } }
          }
          sources { slug }
        }
        missing: session(slug: "lwce-2007-kvm-xen-deathmatch") { title }
      }`),
    ).toEqual({
      session: {
        title: 'Linux and Windows Interoperability: On the Metal and on the Wire',
        kind: 'TALK',
        stance: 'VENDOR_PITCH',
        speakers: [
          {
            role: 'SPEAKER',
            vendor: { slug: 'microsoft', people: [{ slug: 'sam-ramji' }] },
            person: {
              slug: 'sam-ramji',
              affiliations: [{ vendor: { slug: 'microsoft' } }],
              sessions: [
                {
                  slug: 'lwce-2007-sam-ramji-interoperability',
                  topics: [
                    { slug: 'identity-interoperability' },
                    { slug: 'linux-windows-interoperability' },
                    { slug: 'virtualization-management' },
                    { slug: 'microsoft-virtualization' },
                    { slug: 'paravirtualized-drivers' },
                    { slug: 'xen' },
                  ],
                },
              ],
            },
          },
        ],
        sources: expect.arrayContaining([
          { slug: 'searchdatacenter-linuxworld-2007-preview' },
          { slug: 'groklaw-2007081008381231' },
          { slug: 'linuxlookup-linux-windows-interoperability-metal-wire' },
          { slug: 'linuxlookup-windows-linux-interoperability-sincerely-yours' },
        ]),
      },
      missing: null,
    });
  });
});

describe('vendors at the conference', () => {
  it('lists the people of a vendor and the sessions someone spoke for it at', async () => {
    expect(
      await data(`{
        xensource: vendor(slug: "xensource") { people { slug } sessions { slug speakers { person { slug } } } }
        citrix: vendor(slug: "citrix") { people { slug } sessions { slug } }
        dell: vendor(slug: "dell") { people { slug } sessions { slug stance } }
      }`),
    ).toEqual({
      xensource: {
        people: [{ slug: 'simon-crosby' }],
        sessions: [
          {
            slug: 'lwce-2007-simon-crosby-xen-alternatives',
            speakers: [{ person: { slug: 'simon-crosby' } }],
          },
        ],
      },
      citrix: { people: [{ slug: 'peter-levine' }, { slug: 'simon-crosby' }], sessions: [] },
      dell: {
        people: [{ slug: 'kevin-kettler' }],
        sessions: [{ slug: 'lwce-2007-keynote-kevin-kettler', stance: 'VENDOR_PITCH' }],
      },
    });
  });
});

describe('SQL statements per request', () => {
  it('do not grow with the page size: one statement per relation, however many sessions', async () => {
    const query = `query ($first: Int) {
      sessions(first: $first) {
        totalCount
        nodes {
          slug conference { slug tracks { slug } } track { slug sessions { slug } }
          speakers { person { slug affiliations { vendor { slug } } sessions { slug } } vendor { slug } }
          topics { slug sessions { slug } } sources { slug }
        }
      }
    }`;
    const statements = async (first: number) => {
      const res = await server.graphql<{ sessions: { nodes: unknown[] } }>(query, { first });
      expect(res.body.errors).toBeUndefined();
      return {
        sessions: res.body.data!.sessions.nodes.length,
        count: Number(res.headers.get('x-sql-statements')),
      };
    };
    const one = await statements(1);
    const all = await statements(9);
    expect({ one: one.sessions, all: all.sessions }).toEqual({ one: 1, all: 9 });
    expect(all.count).toBe(one.count);
    // The page and its count, then one statement per relation and level.
    expect(one.count).toBeGreaterThan(2);
    expect(one.count).toBeLessThanOrEqual(16);
  });
});
