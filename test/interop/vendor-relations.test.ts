import { startTestServer, type TestServer } from '../support/server';

/** Vendor relations as a timeline, what each deal changed, and the filters and errors of `vendorRelations`. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const data = async (query: string, variables?: Record<string, unknown>) => {
  const res = await server.graphql(query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data as any;
};
const slugs = (nodes: { slug: string }[]) => nodes.map((n) => n.slug);

describe('the 2006–2008 timeline', () => {
  it('lists every deal of the window in order, placed at its effective date else its announcement, with amounts', async () => {
    const { vendorRelations } = await data(`{
      vendorRelations(from: "2006-01-01", to: "2008-12-31") {
        totalCount
        nodes { slug kind from { slug } to { slug } announcedOn effectiveFrom effectiveFromPrecision amountUsd }
      }
    }`);
    const row = (
      slug: string,
      kind: string,
      from: string,
      to: string,
      announcedOn: string | null,
      effectiveFrom: string | null,
      amountUsd: number | null,
    ) => ({
      slug,
      kind,
      from: { slug: from },
      to: { slug: to },
      announcedOn,
      effectiveFrom,
      effectiveFromPrecision: 'DAY',
      amountUsd,
    });
    const oem = (to: string) =>
      row(`vmware-esx-3i-oem-${to}`, 'OEM_EMBEDDING', 'vmware', to, '2007-09-10', null, null);
    expect(vendorRelations).toEqual({
      totalCount: 15,
      nodes: [
        row(
          'microsoft-xensource-partnership-2006',
          'PARTNERSHIP',
          'microsoft',
          'xensource',
          '2006-07-17',
          null,
          null,
        ),
        row(
          'microsoft-novell-agreements-2006',
          'PARTNERSHIP',
          'microsoft',
          'novell',
          '2006-11-02',
          null,
          240000000,
        ),
        row(
          'microsoft-novell-virtualization-roadmap-2007',
          'INTEROPERABILITY_AGREEMENT',
          'microsoft',
          'novell',
          '2007-02-12',
          null,
          null,
        ),
        row('vmware-ipo', 'IPO', 'emc', 'vmware', null, '2007-08-14', null),
        oem('dell'),
        oem('fujitsu-siemens'),
        oem('hp'),
        oem('ibm'),
        oem('nec'),
        row(
          'microsoft-novell-interoperability-lab',
          'INTEROPERABILITY_AGREEMENT',
          'microsoft',
          'novell',
          null,
          '2007-09-12',
          null,
        ),
        row(
          'citrix-acquires-xensource',
          'ACQUISITION',
          'citrix',
          'xensource',
          '2007-08-15',
          '2007-10-22',
          500000000,
        ),
        row(
          'microsoft-novell-extension-2008',
          'PARTNERSHIP',
          'microsoft',
          'novell',
          '2008-01-01',
          null,
          100000000,
        ),
        row('sun-acquires-innotek', 'ACQUISITION', 'sun-microsystems', 'innotek', '2008-02-12', null, null),
        row(
          'novell-joins-microsoft-svvp',
          'INTEROPERABILITY_AGREEMENT',
          'novell',
          'microsoft',
          '2008-06-01',
          null,
          null,
        ),
        row('red-hat-acquires-qumranet', 'ACQUISITION', 'red-hat', 'qumranet', '2008-09-04', null, 107000000),
      ],
    });
  });

  it('is an empty list, not an error, for a window with no deal in it', async () => {
    expect(
      await data(`{ vendorRelations(from: "1990-01-01", to: "1999-12-31") { totalCount nodes { slug } } }`),
    ).toEqual({ vendorRelations: { totalCount: 0, nodes: [] } });
  });
});

describe('what a deal changed', () => {
  it('when Citrix bought XenSource, Xen, XenEnterprise and the closed Windows PV drivers became Citrix’s', async () => {
    expect(
      await data(`{ vendorRelation(slug: "citrix-acquires-xensource") {
        effect
        affectedHypervisors { slug vendor { slug } relations { slug } }
        affectedDriverPackages { slug license(asOf: "2007-10-22") { slug } }
        affectedSupportStatements { slug }
      } }`),
    ).toEqual({
      vendorRelation: {
        effect:
          "When the deal closed, XenSource's Xen business became Citrix's: Citrix took XenSource's place as the " +
          'company behind Xen and owned the commercial XenEnterprise/XenServer line and its closed-source Windows ' +
          'PV drivers, which stayed closed until Citrix opened them in 2013. The sources record no change of ' +
          'support terms from the deal.',
        affectedHypervisors: [
          {
            slug: 'xen',
            vendor: { slug: 'xensource' },
            relations: [
              { slug: 'microsoft-xensource-partnership-2006' },
              { slug: 'microsoft-novell-virtualization-roadmap-2007' },
              { slug: 'microsoft-novell-interoperability-lab' },
              { slug: 'citrix-acquires-xensource' },
              { slug: 'novell-joins-microsoft-svvp' },
            ],
          },
          {
            slug: 'xensource-xenenterprise',
            vendor: { slug: 'xensource' },
            relations: [{ slug: 'citrix-acquires-xensource' }],
          },
        ],
        affectedDriverPackages: [{ slug: 'xensource-windows-pv-drivers', license: { slug: 'proprietary' } }],
        affectedSupportStatements: [],
      },
    });
  });

  it('link the Microsoft–Novell roadmap to Hyper-V’s SLES 10 guests and the Linux integration components', async () => {
    expect(
      await data(`{ vendorRelation(slug: "microsoft-novell-virtualization-roadmap-2007") {
        affectedHypervisors { slug }
        affectedDriverPackages { slug }
        affectedSupportStatements { slug status guestOs { slug } driverPackage { slug } }
      } }`),
    ).toEqual({
      vendorRelation: {
        affectedHypervisors: [
          { slug: 'microsoft-virtual-server-2005-r2' },
          { slug: 'microsoft-hyper-v' },
          { slug: 'xen' },
        ],
        affectedDriverPackages: [{ slug: 'microsoft-hyper-v-linux-ic' }],
        affectedSupportStatements: [
          {
            slug: 'microsoft-hyper-v-rtm-on-windows-server-2008-sles-10-sp1-hvm-pv-drivers',
            status: 'SUPPORTED',
            guestOs: { slug: 'sles-10-sp1' },
            driverPackage: { slug: 'microsoft-hyper-v-linux-ic' },
          },
          {
            slug: 'microsoft-hyper-v-rtm-on-windows-server-2008-sles-10-sp2-hvm-pv-drivers',
            status: 'SUPPORTED',
            guestOs: { slug: 'sles-10-sp2' },
            driverPackage: { slug: 'microsoft-hyper-v-linux-ic' },
          },
        ],
      },
    });
  });

  it('say so, and link nothing, where the sources tie no product to a deal (VMware’s IPO)', async () => {
    expect(
      await data(`{ vendorRelation(slug: "vmware-ipo") {
        effect affectedHypervisors { slug } affectedDriverPackages { slug } affectedSupportStatements { slug }
      } }`),
    ).toEqual({
      vendorRelation: {
        effect:
          "VMware became a listed company with EMC keeping about 87%; the sources tie no change in VMware's " +
          'hypervisors, drivers or support to the flotation.',
        affectedHypervisors: [],
        affectedDriverPackages: [],
        affectedSupportStatements: [],
      },
    });
  });

  it('show on each hypervisor: KVM through Red Hat’s purchase of Qumranet, QEMU through nothing', async () => {
    expect(
      await data(`{
        kvm: hypervisor(slug: "kvm") { relations { slug kind amountUsd from { slug } affectedHypervisors { slug } } }
        qemu: hypervisor(slug: "qemu") { relations { slug } }
        esx3i: hypervisor(slug: "vmware-esx-server-3i") { relations { to { slug } } }
      }`),
    ).toEqual({
      kvm: {
        relations: [
          {
            slug: 'red-hat-acquires-qumranet',
            kind: 'ACQUISITION',
            amountUsd: 107000000,
            from: { slug: 'red-hat' },
            affectedHypervisors: [{ slug: 'kvm' }],
          },
        ],
      },
      qemu: { relations: [] },
      esx3i: {
        relations: ['dell', 'fujitsu-siemens', 'hp', 'ibm', 'nec'].map((slug) => ({ to: { slug } })),
      },
    });
  });
});

describe('filters', () => {
  it('by kind, and by vendor on either side', async () => {
    const { oem, novell } = await data(`{
      oem: vendorRelations(kind: OEM_EMBEDDING) { totalCount nodes { to { slug } } }
      novell: vendorRelations(vendor: "novell") { nodes { slug } }
    }`);
    expect({ oem, novell: slugs(novell.nodes) }).toEqual({
      oem: {
        totalCount: 5,
        nodes: ['dell', 'fujitsu-siemens', 'hp', 'ibm', 'nec'].map((slug) => ({ to: { slug } })),
      },
      novell: [
        'microsoft-novell-agreements-2006',
        'microsoft-novell-virtualization-roadmap-2007',
        'microsoft-novell-interoperability-lab',
        'microsoft-novell-extension-2008',
        'novell-joins-microsoft-svvp',
      ],
    });
  });

  it('by window: around LinuxWorld 2007, Citrix’s purchase sits at its closing date, not its announcement', async () => {
    const { around } = await data(`{
      around: vendorRelations(from: "2007-08-07", to: "2007-09-30") { nodes { slug } }
    }`);
    expect(slugs(around.nodes)).toEqual([
      'vmware-ipo',
      'vmware-esx-3i-oem-dell',
      'vmware-esx-3i-oem-fujitsu-siemens',
      'vmware-esx-3i-oem-hp',
      'vmware-esx-3i-oem-ibm',
      'vmware-esx-3i-oem-nec',
      'microsoft-novell-interoperability-lab',
    ]);
  });

  it('by date in force: the show’s opening day, and Novell’s deals after the 2006 agreements expired', async () => {
    const { openingDay, novell2012 } = await data(`{
      openingDay: vendorRelations(asOf: "2007-08-07") { nodes { slug } }
      novell2012: vendorRelations(vendor: "novell", asOf: "2012-06-01") { nodes { slug } }
    }`);
    expect({ openingDay: slugs(openingDay.nodes), novell2012: slugs(novell2012.nodes) }).toEqual({
      openingDay: [
        'emc-acquires-vmware',
        'microsoft-xensource-partnership-2006',
        'microsoft-novell-agreements-2006',
        'microsoft-novell-virtualization-roadmap-2007',
      ],
      novell2012: [
        'microsoft-novell-virtualization-roadmap-2007',
        'microsoft-novell-interoperability-lab',
        'microsoft-novell-extension-2008',
        'novell-joins-microsoft-svvp',
      ],
    });
  });

  it('by affected hypervisor, alone and with a window', async () => {
    const { hyperV, xen2008, kvm } = await data(`{
      hyperV: vendorRelations(affectsHypervisor: "microsoft-hyper-v") { nodes { slug } }
      xen2008: vendorRelations(affectsHypervisor: "xen", from: "2008-01-01") { nodes { slug } }
      kvm: vendorRelations(affectsHypervisor: "kvm", kind: PARTNERSHIP) { totalCount nodes { slug } }
    }`);
    expect({ hyperV: slugs(hyperV.nodes), xen2008: slugs(xen2008.nodes), kvm }).toEqual({
      hyperV: [
        'microsoft-xensource-partnership-2006',
        'microsoft-novell-virtualization-roadmap-2007',
        'microsoft-novell-interoperability-lab',
      ],
      xen2008: ['novell-joins-microsoft-svvp'],
      kvm: { totalCount: 0, nodes: [] },
    });
  });
});

describe('errors', () => {
  it('reject a window that ends before it starts, naming `from`', async () => {
    const res = await server.graphql(
      `{ vendorRelations(from: "2008-01-01", to: "2007-01-01") { totalCount } }`,
    );
    expect(res.body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: 'from (2008-01-01) is after the end of the range (2007-01-01).',
          path: ['vendorRelations'],
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'from' },
        }),
      ],
    });
  });

  it.each([
    ['vendor: "acme"', 'vendor: no vendor with slug "acme".', 'vendor'],
    [
      'affectsHypervisor: "bochs"',
      'affectsHypervisor: no hypervisor with slug "bochs".',
      'affectsHypervisor',
    ],
  ])('say NOT_FOUND for an unknown slug (%s)', async (args, message, argumentName) => {
    const res = await server.graphql(`{ vendorRelations(${args}) { totalCount } }`);
    expect(res.body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message,
          path: ['vendorRelations'],
          extensions: { code: 'NOT_FOUND', argumentName },
        }),
      ],
    });
  });
});

describe('SQL statements per request', () => {
  // 250 more relations from 2009 on, each affecting a hypervisor, a driver package and a support statement, so
  // a page of 200 really holds 200 relations with links on every level.
  beforeAll(async () => {
    await server.app.dataSource.query(`
      WITH x AS (
        INSERT INTO vendor_relation (slug, from_vendor_id, to_vendor_id, kind, effective_from, description, effect)
        SELECT 'bulk-relation-' || i, (SELECT id FROM vendor WHERE slug = 'vmware'),
               (SELECT id FROM vendor WHERE slug = 'dell'), 'oem_embedding', date '2009-01-01' + i,
               'Generated for the statement-count test.', 'Generated.'
          FROM generate_series(1, 250) i
        RETURNING id
      ), h AS (
        INSERT INTO vendor_relation_hypervisor (vendor_relation_id, hypervisor_id)
        SELECT x.id, (SELECT id FROM hypervisor ORDER BY id OFFSET x.id % 17 LIMIT 1) FROM x
      ), p AS (
        INSERT INTO vendor_relation_driver_package (vendor_relation_id, driver_package_id)
        SELECT x.id, (SELECT id FROM driver_package ORDER BY id OFFSET x.id % 7 LIMIT 1) FROM x
      )
      INSERT INTO vendor_relation_support_statement (vendor_relation_id, support_statement_id)
      SELECT x.id, (SELECT id FROM support_statement ORDER BY id OFFSET x.id % 50 LIMIT 1) FROM x`);
  });

  // No loader serves two sibling branches (whose batches would merge or not depending on when their SQL answers
  // arrive), and none serves two levels with a chance of all cache hits on one page only: vendors come from the
  // first level and the hypervisors', where the roadmap's Xen brings one the first level has not loaded.
  const TIMELINE = `query ($first: Int!) {
    vendorRelations(first: $first, from: "2007-01-01") {
      totalCount
      nodes {
        slug effect from { name } to { name } sources { title }
        affectedHypervisors { name vendor { name } relations { slug kind } }
        affectedDriverPackages { name devices }
        affectedSupportStatements { mode guestOs { name } hypervisorRelease { version } }
      }
    }
  }`;

  async function statements(first: number) {
    const res = await server.graphql<{
      vendorRelations: {
        nodes: {
          affectedHypervisors: unknown[];
          affectedDriverPackages: unknown[];
          affectedSupportStatements: unknown[];
        }[];
      };
    }>(TIMELINE, { first });
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.vendorRelations.nodes;
    return {
      count: Number(res.headers.get('x-sql-statements')),
      relations: nodes.length,
      links: nodes.every(
        (n) =>
          n.affectedHypervisors.length > 0 &&
          n.affectedDriverPackages.length > 0 &&
          n.affectedSupportStatements.length > 0,
      ),
    };
  }

  it('are the same for a page of 1 and a page of 200, links of every kind included', async () => {
    // The first relation from 2007 on is the Microsoft–Novell roadmap, which affected all three kinds.
    const small = await statements(1);
    const large = await statements(200);
    expect({ small: small.relations, large: large.relations, smallLinks: small.links }).toEqual({
      small: 1,
      large: 200,
      smallLinks: true,
    });
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThanOrEqual(15);
  });
});
