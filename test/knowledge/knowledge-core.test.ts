import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('hypervisors', () => {
  it('lists every seeded hypervisor by name, case-insensitively, with vendor and license', async () => {
    const res = await server.graphql(`{
      hypervisors(first: 100) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage }
        nodes { slug vendor { slug } license { slug kind isOpenSource } }
      }
    }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      hypervisors: {
        totalCount: 17,
        pageInfo: { hasNextPage: false, hasPreviousPage: false },
        nodes: [
          ['kvm', 'qumranet', 'gpl-unspecified', 'STRONG_COPYLEFT', true],
          ['lguest', 'rusty-russell', 'gpl-unspecified', 'STRONG_COPYLEFT', true],
          ['microsoft-virtual-server-2005-r2', 'microsoft', 'proprietary-free-of-charge', 'FREEWARE', false],
          ['openvz', 'swsoft', 'gpl-2-0', 'STRONG_COPYLEFT', true],
          ['oracle-vm', 'oracle', 'gpl-2-0', 'STRONG_COPYLEFT', true],
          ['qemu', 'fabrice-bellard', 'gpl-unspecified', 'STRONG_COPYLEFT', true],
          ['sun-xvm-server', 'sun-microsystems', 'gpl-2-0', 'STRONG_COPYLEFT', true],
          ['virtual-iron-3', 'virtual-iron', 'proprietary', 'PROPRIETARY', false],
          ['virtualbox', 'innotek', 'gpl-unspecified', 'STRONG_COPYLEFT', true],
          ['vmware-esx-3-0', 'vmware', 'proprietary', 'PROPRIETARY', false],
          ['vmware-esx-3-5', 'vmware', 'proprietary', 'PROPRIETARY', false],
          ['vmware-esx-server-3i', 'vmware', 'proprietary', 'PROPRIETARY', false],
          ['vmware-server', 'vmware', 'proprietary-free-of-charge', 'FREEWARE', false],
          ['vmware-workstation', 'vmware', 'proprietary', 'PROPRIETARY', false],
          ['microsoft-hyper-v', 'microsoft', 'proprietary', 'PROPRIETARY', false],
          ['xen', 'xensource', 'gpl-2-0', 'STRONG_COPYLEFT', true],
          ['xensource-xenenterprise', 'xensource', 'proprietary', 'PROPRIETARY', false],
        ].map(([slug, vendor, license, kind, isOpenSource]) => ({
          slug,
          vendor: { slug: vendor },
          license: { slug: license, kind, isOpenSource },
        })),
      },
    });
  });

  it('answers a hypervisor by slug with all its fields and its sources, oldest first', async () => {
    const res = await server.graphql(
      `query ($slug: String!) {
        hypervisor(slug: $slug) {
          slug name architecture techniques licenseNote firstReleasedOn
          vendor { slug name kind }
          license { name spdxId kind url }
          sources { slug publishedOn }
        }
      }`,
      { slug: 'xen' },
    );
    expect(res.body).toEqual({
      data: {
        hypervisor: {
          slug: 'xen',
          name: 'Xen',
          architecture: 'BARE_METAL',
          techniques: ['PARAVIRTUALIZATION', 'HARDWARE_ASSISTED'],
          licenseNote: null,
          firstReleasedOn: '2003-10-03',
          vendor: { slug: 'xensource', name: 'XenSource', kind: 'COMPANY' },
          license: {
            name: 'GNU General Public License v2.0',
            spdxId: 'GPL-2.0-only',
            kind: 'STRONG_COPYLEFT',
            url: 'https://www.gnu.org/licenses/old-licenses/gpl-2.0.html',
          },
          sources: expect.any(Array),
        },
      },
    });
    const sources = (
      res.body.data as { hypervisor: { sources: { slug: string; publishedOn: string | null }[] } }
    ).hypervisor.sources;
    expect(sources.map((s) => s.slug).sort()).toEqual(
      [
        'xen-project-15th-anniversary',
        'xen-project-history',
        'xen-3-0-user-guide',
        'thinkit-rhel5-xen-guests',
        'sysadmin1138-netware-virtualization',
        'novell-sles10-sp1-guest-os',
        'xen-sosp-2003',
        'searchdatacenter-linuxworld-2007-preview',
        'searchdatacenter-linuxworld-2007-report',
      ].sort(),
    );
    const dated = sources.map((s) => s.publishedOn).filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
  });

  it('filters by vendor, technique, architecture and license kind together', async () => {
    const res = await server.graphql(`{
      vmwareBt: hypervisors(vendor: "vmware", technique: BINARY_TRANSLATION, architecture: BARE_METAL) {
        totalCount nodes { slug }
      }
      openPv: hypervisors(technique: PARAVIRTUALIZATION, licenseKind: STRONG_COPYLEFT) { nodes { slug } }
      nobody: hypervisors(vendor: "no-such-vendor") { totalCount nodes { slug } }
    }`);
    expect(res.body).toEqual({
      data: {
        vmwareBt: {
          totalCount: 3,
          nodes: [{ slug: 'vmware-esx-3-0' }, { slug: 'vmware-esx-3-5' }, { slug: 'vmware-esx-server-3i' }],
        },
        openPv: {
          nodes: [{ slug: 'lguest' }, { slug: 'oracle-vm' }, { slug: 'sun-xvm-server' }, { slug: 'xen' }],
        },
        nobody: { totalCount: 0, nodes: [] },
      },
    });
  });

  it('pages with cursors until the end, each item once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const res: Awaited<ReturnType<typeof server.graphql>> = await server.graphql(
        `query ($after: String) { hypervisors(first: 5, after: $after) {
          totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage endCursor }
        } }`,
        { after },
      );
      const conn = (res.body.data as { hypervisors: any }).hypervisors;
      expect(conn.totalCount).toBe(17);
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...conn.edges.map((e: { node: { slug: string } }) => e.node.slug));
      expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(17);
    expect(new Set(seen).size).toBe(17);
    expect(seen.slice(0, 2)).toEqual(['kvm', 'lguest']);
  });

  it('returns null for an unknown slug', async () => {
    const res = await server.graphql(
      `{ hypervisor(slug: "vmware-esx-9") { name } vendor(slug: "nope") { name } }`,
    );
    expect(res.body).toEqual({ data: { hypervisor: null, vendor: null } });
  });
});

describe('vendors', () => {
  it('lists vendors with the hypervisors they make', async () => {
    const res = await server.graphql(`{
      vendors(first: 3) { totalCount nodes { slug name kind hypervisors { slug } } }
      companies: vendors(kind: UNIVERSITY) { nodes { slug } }
    }`);
    expect(res.body).toEqual({
      data: {
        vendors: {
          totalCount: 25,
          nodes: [
            { slug: 'amd', name: 'AMD', kind: 'COMPANY', hypervisors: [] },
            { slug: 'citrix', name: 'Citrix Systems', kind: 'COMPANY', hypervisors: [] },
            { slug: 'dell', name: 'Dell', kind: 'COMPANY', hypervisors: [] },
          ],
        },
        companies: { nodes: [{ slug: 'university-of-cambridge' }] },
      },
    });
  });

  it('navigates vendor → hypervisors → license → hypervisors → vendor', async () => {
    const res = await server.graphql(`{
      vendor(slug: "vmware") {
        name
        hypervisors { slug license { slug hypervisors { slug vendor { slug } } } }
        sources { slug }
      }
    }`);
    const vendor = (res.body.data as { vendor: any }).vendor;
    expect(vendor.name).toBe('VMware');
    expect(vendor.hypervisors.map((h: { slug: string }) => h.slug)).toEqual([
      'vmware-esx-3-0',
      'vmware-esx-3-5',
      'vmware-esx-server-3i',
      'vmware-server',
      'vmware-workstation',
    ]);
    const freeware = vendor.hypervisors.find((h: { slug: string }) => h.slug === 'vmware-server').license;
    expect(freeware).toEqual({
      slug: 'proprietary-free-of-charge',
      hypervisors: [
        { slug: 'microsoft-virtual-server-2005-r2', vendor: { slug: 'microsoft' } },
        { slug: 'vmware-server', vendor: { slug: 'vmware' } },
      ],
    });
    expect(vendor.sources.length).toBeGreaterThan(0);
  });
});

describe('licenses and sources', () => {
  it('lists licenses and filters open ones', async () => {
    const res = await server.graphql(`{
      licenses { nodes { slug spdxId kind isOpenSource } }
      closed: licenses(openSource: false) { nodes { slug } }
    }`);
    expect(res.body).toEqual({
      data: {
        licenses: {
          nodes: [
            { slug: 'bsd-unspecified', spdxId: null, kind: 'PERMISSIVE', isOpenSource: true },
            { slug: 'gpl-2-0', spdxId: 'GPL-2.0-only', kind: 'STRONG_COPYLEFT', isOpenSource: true },
            { slug: 'gpl-unspecified', spdxId: null, kind: 'STRONG_COPYLEFT', isOpenSource: true },
            { slug: 'lgpl-unspecified', spdxId: null, kind: 'WEAK_COPYLEFT', isOpenSource: true },
            { slug: 'proprietary', spdxId: null, kind: 'PROPRIETARY', isOpenSource: false },
            { slug: 'proprietary-free-of-charge', spdxId: null, kind: 'FREEWARE', isOpenSource: false },
          ],
        },
        closed: { nodes: [{ slug: 'proprietary' }, { slug: 'proprietary-free-of-charge' }] },
      },
    });
  });

  it('cites every license, vendor and hypervisor, and lists sources with title, publisher, URL and date', async () => {
    const res = await server.graphql(`{
      licenses(first: 100) { nodes { slug sources { slug } } }
      vendors(first: 100) { nodes { slug sources { slug } } }
      hypervisors(first: 100) { nodes { slug sources { slug } } }
      sources(first: 100) { totalCount nodes { slug title publisher url publishedOn kind } }
      preview: source(slug: "searchdatacenter-linuxworld-2007-preview") { title publisher url kind }
    }`);
    const data = res.body.data as any;
    for (const kind of ['licenses', 'vendors', 'hypervisors']) {
      for (const node of data[kind].nodes)
        expect({ [node.slug]: node.sources.length > 0 }).toEqual({ [node.slug]: true });
    }
    // 141 from sources.json, 44 behind the simulator's calibration targets (calibration_sources.json).
    expect(data.sources.totalCount).toBe(185);
    for (const s of data.sources.nodes) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.publisher.length).toBeGreaterThan(0);
      expect(s.url).toMatch(/^https?:\/\//);
    }
    expect(data.preview).toEqual({
      title: 'Virtualization engulfs LinuxWorld 2007: A preview',
      publisher: 'SearchDataCenter (TechTarget)',
      url: 'https://searchdatacenter.techtarget.com/news/1266204/Virtualization-engulfs-LinuxWorld-2007-A-preview',
      kind: 'NEWS',
    });
  });
});

describe('bad input', () => {
  it('rejects a page size over the cap with BAD_USER_INPUT naming the argument', async () => {
    const res = await server.graphql(`{ vendors(first: 201) { totalCount } }`);
    expect(res.body).toEqual({
      data: null,
      errors: [
        {
          message: 'first must be between 0 and 200; got 201.',
          path: ['vendors'],
          locations: [{ line: 1, column: 3 }],
          extensions: {
            code: 'BAD_USER_INPUT',
            argumentName: 'first',
            limit: { name: 'pageSize', max: 200 },
          },
        },
      ],
    });
  });

  it('rejects a malformed cursor with BAD_USER_INPUT naming the argument', async () => {
    const res = await server.graphql(`{ hypervisors(after: "not-a-cursor") { totalCount } }`);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: 'after is not a cursor returned by this connection.',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
      }),
    ]);
  });

  it('rejects an unknown enum value at validation, before any SQL', async () => {
    const res = await server.graphql(`{ hypervisors(technique: TELEPATHY) { totalCount } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors?.[0]?.message).toMatch(/TELEPATHY/);
  });
});
