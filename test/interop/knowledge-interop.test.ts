import { startTestServer, type TestServer } from '../support/server';

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

describe('driver packages', () => {
  it('show Novell’s driver pack with its devices, guests, hosts and dated terms', async () => {
    expect(
      await data(`{ driverPackage(slug: "novell-vmdp") {
        name vendor { slug } hypervisor { slug } devices guestOses { slug } hostOses { slug }
        terms { obtainability priceUsd validFrom validFromPrecision validTo license { slug } sources { slug } }
        onOpeningDay: terms(asOf: "2007-08-07") { obtainability priceUsd }
        licenseOnOpeningDay: license(asOf: "2007-08-07") { slug isOpenSource }
      } }`),
    ).toEqual({
      driverPackage: {
        name: 'SUSE Linux Enterprise Virtual Machine Driver Pack (VMDP)',
        vendor: { slug: 'novell' },
        hypervisor: { slug: 'xen' },
        devices: ['NETWORK', 'BUS', 'BLOCK'],
        guestOses: [{ slug: 'windows-2000' }, { slug: 'windows-server-2003' }, { slug: 'windows-xp' }],
        hostOses: [{ slug: 'sle-11-sp1' }, { slug: 'sles-10-sp1' }],
        terms: [
          {
            obtainability: 'SUBSCRIBERS',
            priceUsd: 299,
            validFrom: '2007-07-01',
            validFromPrecision: 'MONTH',
            validTo: null,
            license: { slug: 'proprietary' },
            sources: expect.arrayContaining([{ slug: expect.any(String) }]),
          },
          {
            obtainability: 'BUNDLED',
            priceUsd: null,
            validFrom: null,
            validFromPrecision: 'DAY',
            validTo: null,
            license: { slug: 'proprietary' },
            sources: expect.arrayContaining([{ slug: expect.any(String) }]),
          },
        ],
        onOpeningDay: [{ obtainability: 'SUBSCRIBERS', priceUsd: 299 }],
        licenseOnOpeningDay: { slug: 'proprietary', isOpenSource: false },
      },
    });
  });

  it('follow the Hyper-V Linux drivers from nothing (2007) to a free binary (2008) to GPLv2 (2009)', async () => {
    expect(
      await data(`{ driverPackage(slug: "microsoft-hyper-v-linux-ic") {
        y2007: license(asOf: "2007-08-07") { slug }
        y2008: license(asOf: "2008-10-01") { slug }
        y2009: license(asOf: "2009-08-01") { slug }
        rc2: terms(asOf: "2008-07-20") { obtainability validFrom }
        history: terms { obtainability validFrom validTo license { slug } }
      } }`),
    ).toEqual({
      driverPackage: {
        y2007: null,
        y2008: { slug: 'proprietary-free-of-charge' },
        y2009: { slug: 'gpl-2-0' },
        rc2: [{ obtainability: 'BETA_PROGRAM', validFrom: '2008-07-11' }],
        history: [
          {
            obtainability: 'BETA_PROGRAM',
            validFrom: '2008-03-01',
            validTo: '2008-07-11',
            license: { slug: 'proprietary-free-of-charge' },
          },
          {
            obtainability: 'BETA_PROGRAM',
            validFrom: '2008-07-11',
            validTo: '2008-08-01',
            license: { slug: 'proprietary-free-of-charge' },
          },
          {
            obtainability: 'EVERYONE',
            validFrom: '2008-09-01',
            validTo: '2009-07-20',
            license: { slug: 'proprietary-free-of-charge' },
          },
          {
            obtainability: 'EVERYONE',
            validFrom: '2009-07-20',
            validTo: '2010-01-01',
            license: { slug: 'gpl-2-0' },
          },
          // IC 2.0 (Jan 2010): same license and availability, RHEL 5 added to the guests.
          { obtainability: 'EVERYONE', validFrom: '2010-01-01', validTo: null, license: { slug: 'gpl-2-0' } },
        ],
      },
    });
  });

  it('filter by date, license kind and obtainability', async () => {
    expect(
      await data(`{
        openingDay: driverPackages(asOf: "2007-08-07") { totalCount nodes { slug } }
        all: driverPackages { totalCount }
        copyleft: driverPackages(licenseKind: STRONG_COPYLEFT) { nodes { slug } }
        forSubscribers: driverPackages(obtainability: SUBSCRIBERS) { nodes { slug } }
        forXp: driverPackages(guest: "windows-xp") { nodes { slug } }
        byNovell: driverPackages(vendor: "novell", hypervisor: "xen") { nodes { slug } }
      }`),
    ).toEqual({
      openingDay: {
        totalCount: 4,
        nodes: [
          { slug: 'novell-vmdp' },
          { slug: 'virtual-iron-accelerated-drivers' },
          { slug: 'vmware-tools' },
          { slug: 'xensource-windows-pv-drivers' },
        ],
      },
      all: { totalCount: 7 },
      copyleft: { nodes: [{ slug: 'microsoft-hyper-v-linux-ic' }, { slug: 'kvm-virtio-linux' }] },
      forSubscribers: { nodes: [{ slug: 'novell-vmdp' }] },
      // Exact first (Novell's pack names XP), then the packages for the Windows family, by name.
      forXp: {
        nodes: [
          { slug: 'novell-vmdp' },
          { slug: 'kvm-windows-virtio-drivers' },
          { slug: 'virtual-iron-accelerated-drivers' },
          { slug: 'xensource-windows-pv-drivers' },
        ],
      },
      byNovell: { nodes: [{ slug: 'novell-vmdp' }] },
    });
  });
});

describe('support statements', () => {
  it('say how a Windows Server 2003 guest ran on the show’s opening day: on SLES 10 SP1, with or without Novell’s drivers', async () => {
    expect(
      await data(`{ supportStatements(guest: "windows-server-2003", asOf: "2007-08-07") { totalCount nodes {
        slug mode status hypervisor { slug } hypervisorRelease { slug } hostOs { slug } driverPackage { slug }
        requiredFeatures { slug }
      } } }`),
    ).toEqual({
      supportStatements: {
        totalCount: 2,
        nodes: [
          {
            slug: 'xen-3-0-4-on-sles-10-sp1-windows-server-2003-hvm-pv-drivers',
            mode: 'HARDWARE_ASSISTED_PV_DRIVERS',
            status: 'SUPPORTED',
            hypervisor: { slug: 'xen' },
            hypervisorRelease: { slug: 'xen-3-0-4' },
            hostOs: { slug: 'sles-10-sp1' },
            driverPackage: { slug: 'novell-vmdp' },
            requiredFeatures: [{ slug: 'amd-v' }, { slug: 'intel-vt-x' }],
          },
          {
            slug: 'xen-3-0-4-on-sles-10-sp1-windows-server-2003-hvm',
            mode: 'HARDWARE_ASSISTED_EMULATED',
            status: 'SUPPORTED',
            hypervisor: { slug: 'xen' },
            hypervisorRelease: { slug: 'xen-3-0-4' },
            hostOs: { slug: 'sles-10-sp1' },
            driverPackage: null,
            requiredFeatures: [{ slug: 'amd-v' }, { slug: 'intel-vt-x' }],
          },
        ],
      },
    });
  });

  it('know that Hyper-V statements hold only from its release (June 2008)', async () => {
    const before = await data(
      `{ supportStatements(hypervisor: "microsoft-hyper-v", asOf: "2008-05-31") { totalCount } }`,
    );
    const after = await data(
      `{ supportStatements(hypervisor: "microsoft-hyper-v", asOf: "2008-07-01") { totalCount } }`,
    );
    expect({
      before: before.supportStatements.totalCount,
      after: after.supportStatements.totalCount,
    }).toEqual({
      before: 0,
      after: 7,
    });
  });

  it('filter by mode and status, and navigate hypervisor → releases → statements → guest → drivers → license → sources', async () => {
    const res = await data(`{
      pv: supportStatements(mode: PARAVIRTUALIZED, hypervisor: "xen", first: 50) { nodes { slug } }
      unsupported: supportStatements(status: UNSUPPORTED) { nodes { slug } }
      hypervisor(slug: "xen") { releases { slug supportStatements(asOf: "2007-08-07") {
        guestOs { slug driverPackages { slug terms(asOf: "2007-08-07") { license { slug sources { slug } } } } }
      } } }
    }`);
    expect(res.pv.nodes.map((n: { slug: string }) => n.slug)).toEqual([
      'xen-3-0-0-linux-pv',
      'xen-rhel-5-on-rhel-5-rhel-4-5-pv',
      'xen-rhel-5-on-rhel-5-rhel-5-pv',
      'xen-3-0-4-on-sles-10-sp1-oes2-netware-pv',
    ]);
    expect(res.unsupported).toEqual({ nodes: [{ slug: 'xensource-xenenterprise-4-0-1-windows-hvm' }] });
    const release = res.hypervisor.releases.find((r: { slug: string }) => r.slug === 'xen-3-0-4');
    const xp = release.supportStatements.find((s: any) => s.guestOs.slug === 'windows-xp').guestOs;
    expect(xp.driverPackages.map((p: any) => p.slug)).toEqual(['novell-vmdp']);
    expect(xp.driverPackages[0].terms[0].license.slug).toBe('proprietary');
    expect(xp.driverPackages[0].terms[0].license.sources.length).toBeGreaterThan(0);
  });
});

describe('vendors over time', () => {
  it('give XenSource’s owner before and after Citrix closed the purchase (2007-10-22)', async () => {
    expect(
      await data(`{
        xensource: vendor(slug: "xensource") {
          atTheShow: owner(asOf: "2007-08-07") { slug } afterClosing: owner(asOf: "2007-10-22") { slug }
        }
        qumranet: vendor(slug: "qumranet") { owner(asOf: "2008-09-04") { slug } before: owner(asOf: "2008-09-03") { slug } }
        vmware: vendor(slug: "vmware") { owner(asOf: "2007-08-07") { slug } }
        novell: vendor(slug: "novell") { owner { slug } }
      }`),
    ).toEqual({
      xensource: { atTheShow: null, afterClosing: { slug: 'citrix' } },
      qumranet: { owner: { slug: 'red-hat' }, before: null },
      vmware: { owner: { slug: 'emc' } },
      novell: { owner: null },
    });
  });

  it('list acquisitions with amounts, oldest first, and relations in force on a date', async () => {
    expect(
      await data(`{
        acquisitions: vendorRelations(kind: ACQUISITION) { nodes { slug from { slug } to { slug } effectiveFrom amountUsd } }
        inForce: vendorRelations(vendor: "xensource", asOf: "2007-08-07") { nodes { slug kind } }
      }`),
    ).toEqual({
      acquisitions: {
        nodes: [
          {
            slug: 'emc-acquires-vmware',
            from: { slug: 'emc' },
            to: { slug: 'vmware' },
            effectiveFrom: '2004-01-01',
            amountUsd: 625000000,
          },
          {
            slug: 'citrix-acquires-xensource',
            from: { slug: 'citrix' },
            to: { slug: 'xensource' },
            effectiveFrom: '2007-10-22',
            amountUsd: 500000000,
          },
          {
            slug: 'sun-acquires-innotek',
            from: { slug: 'sun-microsystems' },
            to: { slug: 'innotek' },
            effectiveFrom: null,
            amountUsd: null,
          },
          {
            slug: 'red-hat-acquires-qumranet',
            from: { slug: 'red-hat' },
            to: { slug: 'qumranet' },
            effectiveFrom: null,
            amountUsd: 107000000,
          },
        ],
      },
      inForce: { nodes: [{ slug: 'microsoft-xensource-partnership-2006', kind: 'PARTNERSHIP' }] },
    });
  });
});

describe('releases, operating systems and hardware', () => {
  it('list Xen’s releases oldest first, undated last, with date precision', async () => {
    expect(
      await data(
        `{ hypervisorReleases(hypervisor: "xen") { totalCount nodes { slug releasedOn releasedOnPrecision } } }`,
      ),
    ).toEqual({
      hypervisorReleases: {
        totalCount: 9,
        nodes: [
          { slug: 'xen-first-stable', releasedOn: '2003-10-03', releasedOnPrecision: 'DAY' },
          { slug: 'xen-3-0-0', releasedOn: '2005-12-01', releasedOnPrecision: 'MONTH' },
          { slug: 'xen-rhel-5', releasedOn: '2007-03-01', releasedOnPrecision: 'MONTH' },
          ...['xen-3-0-2', 'xen-3-0-3', 'xen-3-0-4', 'xen-3-1', 'xen-3-2', 'xen-3-2-1'].map((slug) => ({
            slug,
            releasedOn: null,
            releasedOnPrecision: 'DAY',
          })),
        ],
      },
    });
  });

  it('filter releases by date range, and reject a range that ends before it starts', async () => {
    const res = await server.graphql(
      `{ hypervisorReleases(releasedFrom: "2008-01-01", releasedTo: "2007-01-01") { totalCount } }`,
    );
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: 'releasedFrom (2008-01-01) is after the end of the range (2007-01-01).',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'releasedFrom' },
      }),
    ]);
    const ok = await data(
      `{ hypervisorReleases(releasedFrom: "2007-10-01", releasedTo: "2007-12-31") { nodes { slug } } }`,
    );
    expect(ok).toEqual({
      hypervisorReleases: {
        nodes: [
          { slug: 'lguest-linux-2-6-23' },
          { slug: 'oracle-vm-initial' },
          { slug: 'vmware-esx-3-5' },
          { slug: 'microsoft-hyper-v-beta' },
        ],
      },
    });
  });

  it('reject a malformed date', async () => {
    const res = await server.graphql(`query ($d: LocalDate) { supportStatements(asOf: $d) { totalCount } }`, {
      d: '2007-13-45',
    });
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/\$d/);
  });

  it('list host operating systems and hardware features by date', async () => {
    expect(
      await data(`{
        hosts: operatingSystems(role: HOST) { totalCount nodes { slug } }
        mmu: hardwareFeatures(category: MMU) { nodes { slug shippedOn vendor { slug } } }
        amd: vendor(slug: "amd") { hardwareFeatures { slug } }
      }`),
    ).toEqual({
      hosts: {
        totalCount: 11,
        nodes: [
          'linux',
          'mac-os-x',
          'windows',
          'rhel-5',
          'solaris',
          'sle-11-sp1',
          'sles-10',
          'sles-10-sp1',
          'sles-10-sp2',
          'windows-server-2003',
          'windows-server-2008',
        ].map((slug) => ({ slug })),
      },
      mmu: {
        nodes: [
          { slug: 'amd-rvi', shippedOn: '2007-09-10', vendor: { slug: 'amd' } },
          { slug: 'amd-tagged-tlb', shippedOn: '2007-09-10', vendor: { slug: 'amd' } },
          { slug: 'intel-ept', shippedOn: null, vendor: { slug: 'intel' } },
        ],
      },
      amd: { hardwareFeatures: [{ slug: 'amd-v' }, { slug: 'amd-rvi' }, { slug: 'amd-tagged-tlb' }] },
    });
  });
});
