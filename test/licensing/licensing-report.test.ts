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

const COUNTS = 'components open closed unknown openShare obtainability { obtainability count }';
const ITEM = 'kind slug vendor { slug } license { slug } obtainability priceUsd since sincePrecision';
const REPORT = `query ($asOf: LocalDate, $groupBy: LicensingGroupBy!) {
  licensingReport(asOf: $asOf, groupBy: $groupBy) {
    asOf groupBy totals { ${COUNTS} } groups { key label ${COUNTS} items { ${ITEM} } }
  }
}`;

/** Expected counts; `obtainability` in Obtainability order (everyone, subscribers, customers, bundled, beta). */
const counts = (
  components: number,
  open: number,
  closed: number,
  unknown: number,
  openShare: number | null,
  obtainability: Record<string, number> = {},
) => ({
  components,
  open,
  closed,
  unknown,
  openShare,
  obtainability: Object.entries(obtainability).map(([o, count]) => ({ obtainability: o, count })),
});

const hv = (
  slug: string,
  vendor: string,
  license: string,
  since: string | null = null,
  sincePrecision: string = 'DAY',
) => ({
  kind: 'HYPERVISOR',
  slug,
  vendor: { slug: vendor },
  license: { slug: license },
  obtainability: null,
  priceUsd: null,
  since,
  sincePrecision: since ? sincePrecision : null,
});
const pkg = (
  slug: string,
  vendor: string,
  license: string,
  obtainability: string,
  priceUsd: number | null,
  since: string,
  sincePrecision: string,
) => ({
  kind: 'DRIVER_PACKAGE',
  slug,
  vendor: { slug: vendor },
  license: { slug: license },
  obtainability,
  priceUsd,
  since,
  sincePrecision,
});
const os = (slug: string, vendor: string | null) => ({
  kind: 'HOST_OS',
  slug,
  vendor: vendor ? { slug: vendor } : null,
  license: null,
  obtainability: null,
  priceUsd: null,
  since: null,
  sincePrecision: null,
});

// Components whose facts are the same on both dates. `since` is when the current license terms took effect
// (licenseAvailableFrom), else the recorded first release; QEMU's first release is not recorded (it is counted
// from its earliest dated release, kqemu 1.3.0pre10 in Feb 2007).
const QEMU = hv('qemu', 'fabrice-bellard', 'gpl-unspecified');
const VIRTUALBOX = hv('virtualbox', 'innotek', 'gpl-unspecified', '2007-01-01', 'MONTH');
const KVM = hv('kvm', 'qumranet', 'gpl-unspecified', '2007-02-05');
const XEN = hv('xen', 'xensource', 'gpl-2-0', '2003-10-03');
// A free download from 3 Apr 2006.
const VIRTUAL_SERVER = hv(
  'microsoft-virtual-server-2005-r2',
  'microsoft',
  'proprietary-free-of-charge',
  '2006-04-03',
);
const VMWARE_SERVER = hv('vmware-server', 'vmware', 'proprietary-free-of-charge', '2006-07-12');
const VIRTUAL_IRON = hv('virtual-iron-3', 'virtual-iron', 'proprietary', '2006-04-01', 'MONTH');
const ESX_3_0 = hv('vmware-esx-3-0', 'vmware', 'proprietary', '2006-06-01', 'MONTH');
const WORKSTATION = hv('vmware-workstation', 'vmware', 'proprietary', '1999-01-01', 'YEAR');
const XENENTERPRISE = hv('xensource-xenenterprise', 'xensource', 'proprietary', '2006-08-01', 'MONTH');
// OpenVZ's project started in 2005.
const OPENVZ = hv('openvz', 'swsoft', 'gpl-2-0', '2005-01-01', 'YEAR');
const VMDP = pkg('novell-vmdp', 'novell', 'proprietary', 'SUBSCRIBERS', 299, '2007-07-01', 'MONTH');
const VI_DRIVERS = pkg(
  'virtual-iron-accelerated-drivers',
  'virtual-iron',
  'proprietary',
  'BUNDLED',
  null,
  '2006-01-01',
  'YEAR',
);
const VMWARE_TOOLS = pkg('vmware-tools', 'vmware', 'proprietary', 'BUNDLED', null, '2003-01-01', 'YEAR');
const XEN_PV_DRIVERS = pkg(
  'xensource-windows-pv-drivers',
  'xensource',
  'proprietary',
  'BUNDLED',
  null,
  '2006-01-01',
  'YEAR',
);
// Host OSes with a release date; Linux, Mac OS X, Windows, Solaris, SLE 11 SP1 and SLES 10 SP2 have none
// recorded and are listed as undated instead (see test/time).
const RHEL_5 = os('rhel-5', 'red-hat');
const WS_2003 = os('windows-server-2003', 'microsoft');
const SLES_10 = os('sles-10', 'novell');
const SLES_10_SP1 = os('sles-10-sp1', 'novell');
// Only in 2010: released after LinuxWorld 2007 (ESX 3.5 Dec 2007, ESX Server 3i's OEM release Feb 2008, lguest
// Oct 2007, Oracle VM Nov 2007, Hyper-V's beta Dec 2007). Sun xVM Server (beta Jan 2008) is in neither report:
// it was discontinued in May 2009.
const ESX_3_5 = hv('vmware-esx-3-5', 'vmware', 'proprietary', '2007-12-01', 'MONTH');
const ESX_3I = hv('vmware-esx-server-3i', 'vmware', 'proprietary', '2008-02-01', 'MONTH');
const LGUEST = hv('lguest', 'rusty-russell', 'gpl-unspecified', '2007-10-09');
const ORACLE_VM = hv('oracle-vm', 'oracle', 'gpl-2-0', '2007-11-01', 'MONTH');
const HYPER_V = hv('microsoft-hyper-v', 'microsoft', 'proprietary', '2007-12-01', 'MONTH');
// Windows Server 2008 (Feb 2008), KVM virtio (2008), Hyper-V's Linux drivers (2008).
const WS_2008 = os('windows-server-2008', 'microsoft');
const VIRTIO_LINUX = pkg(
  'kvm-virtio-linux',
  'qumranet',
  'gpl-unspecified',
  'EVERYONE',
  null,
  '2008-01-01',
  'YEAR',
);
const HYPER_V_IC_GPL = pkg(
  'microsoft-hyper-v-linux-ic',
  'microsoft',
  'gpl-2-0',
  'EVERYONE',
  null,
  '2009-07-20',
  'DAY',
);

/** The proprietary group, by name: "SUSE Linux Enterprise Virtual Machine Driver Pack", "Virtual Iron 3.x", …. */
/** `withHyperV`: 2010's group, with Hyper-V and the VMware releases after LinuxWorld 2007. */
const proprietaryGroup = (withHyperV: boolean) => {
  const items = [
    VMDP,
    VIRTUAL_IRON,
    VI_DRIVERS,
    ESX_3_0,
    ...(withHyperV ? [ESX_3_5, ESX_3I] : []),
    VMWARE_TOOLS,
    WORKSTATION,
    ...(withHyperV ? [HYPER_V] : []), // "Windows Server 2008 Hyper-V"
    XENENTERPRISE,
    XEN_PV_DRIVERS,
  ];
  return {
    key: 'PROPRIETARY',
    label: 'Proprietary',
    ...counts(items.length, 0, items.length, 0, 0, { SUBSCRIBERS: 1, BUNDLED: 3 }),
    items,
  };
};
const FREEWARE_GROUP = {
  key: 'FREEWARE',
  label: 'Freeware (closed, free of charge)',
  ...counts(2, 0, 2, 0, 0),
  items: [VIRTUAL_SERVER, VMWARE_SERVER],
};

describe('licensingReport by license kind', () => {
  it('on LinuxWorld’s opening day (2007-08-07): no Hyper-V yet, every PV driver closed, host licenses not recorded', async () => {
    expect(await data(REPORT, { asOf: '2007-08-07', groupBy: 'LICENSE_KIND' })).toEqual({
      licensingReport: {
        asOf: '2007-08-07',
        groupBy: 'LICENSE_KIND',
        totals: counts(19, 5, 10, 4, 5 / 15, { SUBSCRIBERS: 1, BUNDLED: 3 }),
        groups: [
          FREEWARE_GROUP,
          proprietaryGroup(false),
          {
            key: 'STRONG_COPYLEFT',
            label: 'Strong copyleft',
            ...counts(5, 5, 0, 0, 1),
            items: [KVM, OPENVZ, QEMU, VIRTUALBOX, XEN],
          },
          {
            key: 'UNRECORDED',
            label: 'License not recorded',
            ...counts(4, 0, 0, 4, null),
            items: [RHEL_5, SLES_10, SLES_10_SP1, WS_2003],
          },
        ],
      },
    });
  });

  it('on 2010-01-01: Hyper-V’s Linux drivers under GPLv2, KVM virtio open, XenSource’s Windows drivers still closed', async () => {
    expect(await data(REPORT, { asOf: '2010-01-01', groupBy: 'LICENSE_KIND' })).toEqual({
      licensingReport: {
        asOf: '2010-01-01',
        groupBy: 'LICENSE_KIND',
        totals: counts(27, 9, 13, 5, 9 / 22, { EVERYONE: 2, SUBSCRIBERS: 1, BUNDLED: 3 }),
        groups: [
          FREEWARE_GROUP,
          proprietaryGroup(true),
          {
            key: 'STRONG_COPYLEFT',
            label: 'Strong copyleft',
            ...counts(9, 9, 0, 0, 1, { EVERYONE: 2 }),
            items: [HYPER_V_IC_GPL, KVM, VIRTIO_LINUX, LGUEST, OPENVZ, ORACLE_VM, QEMU, VIRTUALBOX, XEN],
          },
          {
            key: 'UNRECORDED',
            label: 'License not recorded',
            ...counts(5, 0, 0, 5, null),
            items: [RHEL_5, SLES_10, SLES_10_SP1, WS_2003, WS_2008],
          },
        ],
      },
    });
  });
});

describe('licensingReport by vendor and by component kind', () => {
  it('groups 2010’s components by vendor slug, components without a vendor last', async () => {
    expect(await data(REPORT, { asOf: '2010-01-01', groupBy: 'VENDOR' })).toEqual({
      licensingReport: {
        asOf: '2010-01-01',
        groupBy: 'VENDOR',
        totals: counts(27, 9, 13, 5, 9 / 22, { EVERYONE: 2, SUBSCRIBERS: 1, BUNDLED: 3 }),
        groups: [
          { key: 'fabrice-bellard', label: 'Fabrice Bellard', ...counts(1, 1, 0, 0, 1), items: [QEMU] },
          { key: 'innotek', label: 'innotek', ...counts(1, 1, 0, 0, 1), items: [VIRTUALBOX] },
          {
            key: 'microsoft',
            label: 'Microsoft',
            ...counts(5, 1, 2, 2, 1 / 3, { EVERYONE: 1 }),
            items: [HYPER_V_IC_GPL, VIRTUAL_SERVER, WS_2003, WS_2008, HYPER_V],
          },
          {
            key: 'novell',
            label: 'Novell',
            ...counts(3, 0, 1, 2, 0, { SUBSCRIBERS: 1 }),
            items: [SLES_10, SLES_10_SP1, VMDP],
          },
          { key: 'oracle', label: 'Oracle', ...counts(1, 1, 0, 0, 1), items: [ORACLE_VM] },
          {
            key: 'qumranet',
            label: 'Qumranet',
            ...counts(2, 2, 0, 0, 1, { EVERYONE: 1 }),
            items: [KVM, VIRTIO_LINUX],
          },
          { key: 'red-hat', label: 'Red Hat', ...counts(1, 0, 0, 1, null), items: [RHEL_5] },
          { key: 'rusty-russell', label: 'Rusty Russell', ...counts(1, 1, 0, 0, 1), items: [LGUEST] },
          { key: 'swsoft', label: 'SWsoft (Parallels)', ...counts(1, 1, 0, 0, 1), items: [OPENVZ] },
          {
            key: 'virtual-iron',
            label: 'Virtual Iron',
            ...counts(2, 0, 2, 0, 0, { BUNDLED: 1 }),
            items: [VIRTUAL_IRON, VI_DRIVERS],
          },
          {
            key: 'vmware',
            label: 'VMware',
            ...counts(6, 0, 6, 0, 0, { BUNDLED: 1 }),
            items: [ESX_3_0, ESX_3_5, ESX_3I, VMWARE_SERVER, VMWARE_TOOLS, WORKSTATION],
          },
          {
            key: 'xensource',
            label: 'XenSource',
            ...counts(3, 1, 2, 0, 1 / 3, { BUNDLED: 1 }),
            items: [XEN, XENENTERPRISE, XEN_PV_DRIVERS],
          },
        ],
      },
    });
  });

  it('groups by component kind, and the two dates differ where the facts changed', async () => {
    const query = `query ($asOf: LocalDate) {
      licensingReport(asOf: $asOf, groupBy: COMPONENT_KIND) {
        groupBy totals { ${COUNTS} } groups { key label ${COUNTS} items { slug } }
      }
    }`;
    const slugs = (items: { slug: string }[]) => items.map((i) => ({ slug: i.slug }));
    expect(await data(query, { asOf: '2007-08-07' })).toEqual({
      licensingReport: {
        groupBy: 'COMPONENT_KIND',
        totals: counts(19, 5, 10, 4, 5 / 15, { SUBSCRIBERS: 1, BUNDLED: 3 }),
        groups: [
          {
            key: 'DRIVER_PACKAGE',
            label: 'Driver packages',
            ...counts(4, 0, 4, 0, 0, { SUBSCRIBERS: 1, BUNDLED: 3 }),
            items: slugs([VMDP, VI_DRIVERS, VMWARE_TOOLS, XEN_PV_DRIVERS]),
          },
          {
            key: 'HOST_OS',
            label: 'Host operating systems',
            ...counts(4, 0, 0, 4, null),
            items: slugs([RHEL_5, SLES_10, SLES_10_SP1, WS_2003]),
          },
          {
            key: 'HYPERVISOR',
            label: 'Hypervisors',
            ...counts(11, 5, 6, 0, 5 / 11),
            items: slugs([
              KVM,
              VIRTUAL_SERVER,
              OPENVZ,
              QEMU,
              VIRTUAL_IRON,
              VIRTUALBOX,
              ESX_3_0,
              VMWARE_SERVER,
              WORKSTATION,
              XEN,
              XENENTERPRISE,
            ]),
          },
        ],
      },
    });
    expect(await data(query, { asOf: '2010-01-01' })).toEqual({
      licensingReport: {
        groupBy: 'COMPONENT_KIND',
        totals: counts(27, 9, 13, 5, 9 / 22, { EVERYONE: 2, SUBSCRIBERS: 1, BUNDLED: 3 }),
        groups: [
          {
            key: 'DRIVER_PACKAGE',
            label: 'Driver packages',
            ...counts(6, 2, 4, 0, 2 / 6, { EVERYONE: 2, SUBSCRIBERS: 1, BUNDLED: 3 }),
            items: slugs([HYPER_V_IC_GPL, VIRTIO_LINUX, VMDP, VI_DRIVERS, VMWARE_TOOLS, XEN_PV_DRIVERS]),
          },
          {
            key: 'HOST_OS',
            label: 'Host operating systems',
            ...counts(5, 0, 0, 5, null),
            items: slugs([RHEL_5, SLES_10, SLES_10_SP1, WS_2003, WS_2008]),
          },
          {
            key: 'HYPERVISOR',
            label: 'Hypervisors',
            ...counts(16, 7, 9, 0, 7 / 16),
            items: slugs([
              KVM,
              LGUEST,
              VIRTUAL_SERVER,
              OPENVZ,
              ORACLE_VM,
              QEMU,
              VIRTUAL_IRON,
              VIRTUALBOX,
              ESX_3_0,
              ESX_3_5,
              ESX_3I,
              VMWARE_SERVER,
              WORKSTATION,
              HYPER_V,
              XEN,
              XENENTERPRISE,
            ]),
          },
        ],
      },
    });
  });
});

describe('the article’s driver cases', () => {
  const DRIVERS = `query ($asOf: LocalDate) {
    licensingReport(asOf: $asOf, groupBy: COMPONENT_KIND) { groups { key items { ${ITEM} } } }
  }`;
  const driverOn = async (asOf: string, slug: string) => {
    const { licensingReport } = await data(DRIVERS, { asOf });
    const drivers = (licensingReport as { groups: { key: string; items: { slug: string }[] }[] }).groups.find(
      (g) => g.key === 'DRIVER_PACKAGE',
    );
    return drivers?.items.find((i) => i.slug === slug) ?? null;
  };

  it('Hyper-V’s Linux drivers: none in 2007, a beta in July 2008, a free binary for everyone in October 2008, GPLv2 in August 2009', async () => {
    const ic = 'microsoft-hyper-v-linux-ic';
    expect({
      opening: await driverOn('2007-08-07', ic),
      rc2: await driverOn('2008-07-20', ic),
      heldBack: await driverOn('2008-08-15', ic),
      binary: await driverOn('2008-10-01', ic),
      gpl: await driverOn('2009-08-01', ic),
    }).toEqual({
      opening: null,
      // The beta and RC terms follow each other without a gap, so the license holds since the March beta.
      rc2: pkg(ic, 'microsoft', 'proprietary-free-of-charge', 'BETA_PROGRAM', 0, '2008-03-01', 'MONTH'),
      // August 2008: the final release was held back, and no term holds.
      heldBack: null,
      // After the August gap, the same license starts a new run in September.
      binary: pkg(ic, 'microsoft', 'proprietary-free-of-charge', 'EVERYONE', 0, '2008-09-01', 'MONTH'),
      gpl: HYPER_V_IC_GPL,
    });
  });

  it('XenSource’s Windows PV drivers: closed and bundled in 2007 and in 2010, gone after their term ended in 2013', async () => {
    const slug = 'xensource-windows-pv-drivers';
    expect({
      opening: await driverOn('2007-08-07', slug),
      y2010: await driverOn('2010-01-01', slug),
      y2013: await driverOn('2013-06-01', slug),
    }).toEqual({ opening: XEN_PV_DRIVERS, y2010: XEN_PV_DRIVERS, y2013: null });
  });

  it('gives each component’s license history: every term of a package, one period for a hypervisor, none for an OS', async () => {
    const { licensingReport } = await data(`{
      licensingReport(asOf: "2010-01-01", groupBy: VENDOR) {
        groups {
          key
          items {
            slug
            licenseHistory { validFrom validFromPrecision validTo validToPrecision license { slug } obtainability priceUsd }
          }
        }
      }
    }`);
    const history = (slug: string) =>
      (licensingReport as { groups: { items: { slug: string; licenseHistory: unknown[] }[] }[] }).groups
        .flatMap((g) => g.items)
        .find((i) => i.slug === slug)?.licenseHistory;
    const period = (
      validFrom: string | null,
      validFromPrecision: string,
      validTo: string | null,
      validToPrecision: string,
      license: string,
      obtainability: string | null,
      priceUsd: number | null,
    ) => ({
      validFrom,
      validFromPrecision,
      validTo,
      validToPrecision,
      license: { slug: license },
      obtainability,
      priceUsd,
    });
    expect({
      hyperVIc: history('microsoft-hyper-v-linux-ic'),
      vmdp: history('novell-vmdp'),
      xenPv: history('xensource-windows-pv-drivers'),
      xen: history('xen'),
      hyperV: history('microsoft-hyper-v'),
      sles10: history('sles-10'),
    }).toEqual({
      hyperVIc: [
        period('2008-03-01', 'MONTH', '2008-07-11', 'DAY', 'proprietary-free-of-charge', 'BETA_PROGRAM', 0),
        period('2008-07-11', 'DAY', '2008-08-01', 'MONTH', 'proprietary-free-of-charge', 'BETA_PROGRAM', 0),
        period('2008-09-01', 'MONTH', '2009-07-20', 'DAY', 'proprietary-free-of-charge', 'EVERYONE', 0),
        period('2009-07-20', 'DAY', '2010-01-01', 'MONTH', 'gpl-2-0', 'EVERYONE', null),
        // IC 2.0 (adds RHEL 5): a new version under the same terms.
        period('2010-01-01', 'MONTH', null, 'DAY', 'gpl-2-0', 'EVERYONE', null),
      ],
      // The bundled term has no known start: part of the history, never the current term.
      vmdp: [
        period('2007-07-01', 'MONTH', null, 'DAY', 'proprietary', 'SUBSCRIBERS', 299),
        period(null, 'DAY', null, 'DAY', 'proprietary', 'BUNDLED', null),
      ],
      xenPv: [period('2006-01-01', 'YEAR', '2013-01-01', 'YEAR', 'proprietary', 'BUNDLED', null)],
      xen: [period('2003-10-03', 'DAY', null, 'DAY', 'gpl-2-0', null, null)],
      hyperV: [period('2007-12-01', 'MONTH', null, 'DAY', 'proprietary', null, null)],
      sles10: [],
    });
  });
});

describe('licensingReport arguments', () => {
  it('reports on today (UTC) by default, grouped by license kind', async () => {
    const before = new Date().toISOString().slice(0, 10);
    const { licensingReport } = await data(`{ licensingReport { asOf groupBy groups { key } } }`);
    const after = new Date().toISOString().slice(0, 10);
    expect([before, after]).toContain(licensingReport.asOf);
    expect(licensingReport).toEqual({
      asOf: licensingReport.asOf,
      groupBy: 'LICENSE_KIND',
      groups: [
        { key: 'FREEWARE' },
        { key: 'PROPRIETARY' },
        { key: 'STRONG_COPYLEFT' },
        { key: 'UNRECORDED' },
      ],
    });
  });

  it('rejects a date that is not a calendar date with BAD_USER_INPUT naming the variable', async () => {
    const res = await server.graphql(REPORT, { asOf: '2007-02-30', groupBy: 'VENDOR' });
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Variable "\$asOf" got invalid value "2007-02-30"/),
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
  });
});

describe('SQL statements per licensing report', () => {
  const FULL = `query ($asOf: LocalDate, $groupBy: LicensingGroupBy!) {
    licensingReport(asOf: $asOf, groupBy: $groupBy) {
      totals { components }
      groups {
        key components
        items { slug vendor { slug } license { slug } licenseHistory { validFrom license { slug } } }
      }
    }
  }`;
  const cost = async (asOf: string, groupBy: string) => {
    const res = await server.graphql<{
      licensingReport: { totals: { components: number }; groups: unknown[] };
    }>(FULL, { asOf, groupBy });
    expect(res.body.errors).toBeUndefined();
    const { totals, groups } = res.body.data!.licensingReport;
    return {
      components: totals.components,
      groups: groups.length,
      statements: Number(res.headers.get('x-sql-statements')),
    };
  };

  it('stay the same with more groups, more components, and a bigger database', async () => {
    const byKind = await cost('2007-08-07', 'COMPONENT_KIND');
    const byVendor = await cost('2010-01-01', 'VENDOR');
    // The report, then one batch of vendors and one of licenses (history licenses are already cached).
    expect([byKind, byVendor]).toEqual([
      { components: 19, groups: 3, statements: 3 },
      { components: 27, groups: 12, statements: 3 },
    ]);

    // 50 more vendors, each with a hypervisor and a driver package of two back-to-back terms.
    await server.app.dataSource.query(`
      WITH v AS (
        INSERT INTO vendor (slug, name, kind, description)
        SELECT 'licensing-bulk-' || i, 'Licensing Bulk ' || lpad(i::text, 2, '0'), 'company', 'Generated.'
          FROM generate_series(1, 50) i
        RETURNING id, slug
      ), h AS (
        INSERT INTO hypervisor (slug, name, vendor_id, architecture, techniques, license_id, first_released_on,
                                description)
        SELECT v.slug || '-hv', 'Bulk hypervisor ' || v.slug, v.id, 'hosted', '{emulation}',
               (SELECT id FROM license WHERE slug = 'gpl-2-0'), '2005-01-01', 'Generated.'
          FROM v
        RETURNING id, vendor_id
      ), p AS (
        INSERT INTO driver_package (slug, name, vendor_id, hypervisor_id, devices, description)
        SELECT 'bulk-pkg-' || h.id, 'Bulk drivers ' || h.id, h.vendor_id, h.id, '{network}', 'Generated.' FROM h
        RETURNING id
      )
      INSERT INTO driver_package_term (driver_package_id, license_id, obtainability, valid_from, valid_to)
      SELECT p.id, (SELECT id FROM license WHERE slug = 'proprietary'), 'customers'::obtainability, DATE '2006-01-01', DATE '2008-01-01' FROM p
      UNION ALL
      SELECT p.id, (SELECT id FROM license WHERE slug = 'gpl-2-0'), 'everyone'::obtainability, DATE '2008-01-01', NULL FROM p`);
    expect(await cost('2010-01-01', 'VENDOR')).toEqual({ components: 127, groups: 62, statements: 3 });
  });
});
