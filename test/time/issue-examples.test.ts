/** The examples of issue 17, as of 2006-06-01, 2007-08-07 and 2010-01-01 (and the dates around them). */
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function data(query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await server.graphql(query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

const HYPERVISORS = `query ($asOf: LocalDate!) {
  licensingReport(asOf: $asOf, groupBy: COMPONENT_KIND) {
    groups { key items { slug validFrom validFromPrecision license { slug } } }
    undated { kind slug }
  }
}`;

async function hypervisorsOn(asOf: string) {
  const { licensingReport } = await data(HYPERVISORS, { asOf });
  const group = licensingReport.groups.find((g: { key: string }) => g.key === 'HYPERVISOR');
  return { items: group.items, undated: licensingReport.undated };
}

describe('licensingReport', () => {
  it('as of 2006-06-01 counts only the hypervisors released by then, each from its first date', async () => {
    const { items, undated } = await hypervisorsOn('2006-06-01');
    expect(items).toEqual([
      {
        slug: 'microsoft-virtual-server-2005-r2',
        validFrom: '2005-12-01',
        validFromPrecision: 'MONTH',
        license: { slug: 'proprietary-free-of-charge' },
      },
      { slug: 'openvz', validFrom: '2005-01-01', validFromPrecision: 'YEAR', license: { slug: 'gpl-2-0' } },
      {
        slug: 'virtual-iron-3',
        validFrom: '2006-04-01',
        validFromPrecision: 'MONTH',
        license: { slug: 'proprietary' },
      },
      {
        slug: 'vmware-esx-3-0',
        validFrom: '2006-06-01',
        validFromPrecision: 'MONTH',
        license: { slug: 'proprietary' },
      },
      {
        slug: 'vmware-workstation',
        validFrom: '1999-01-01',
        validFromPrecision: 'YEAR',
        license: { slug: 'proprietary' },
      },
      { slug: 'xen', validFrom: '2003-10-03', validFromPrecision: 'DAY', license: { slug: 'gpl-2-0' } },
    ]);
    // Every hypervisor now has a dated release; what stays undated is listed apart, not counted.
    expect(undated).toEqual([
      { kind: 'DRIVER_PACKAGE', slug: 'kvm-windows-virtio-drivers' },
      { kind: 'HOST_OS', slug: 'linux' },
      { kind: 'HOST_OS', slug: 'mac-os-x' },
      { kind: 'HOST_OS', slug: 'windows' },
      { kind: 'HOST_OS', slug: 'solaris' },
      { kind: 'HOST_OS', slug: 'sle-11-sp1' },
      { kind: 'HOST_OS', slug: 'sles-10-sp2' },
    ]);
  });

  it('before 3 Apr 2006 does not show Virtual Server 2005 R2 as free: its license then is not recorded', async () => {
    const { items } = await hypervisorsOn('2006-01-01');
    expect(
      items.find((i: { slug: string }) => i.slug === 'microsoft-virtual-server-2005-r2').license,
    ).toBeNull();
  });

  it('as of 2007-08-07 has ESX 3.0 but neither ESX 3.5, ESX Server 3i, Sun xVM Server nor Hyper-V', async () => {
    const slugs = (await hypervisorsOn('2007-08-07')).items.map((i: { slug: string }) => i.slug);
    expect(slugs).toEqual([
      'kvm',
      'microsoft-virtual-server-2005-r2',
      'openvz',
      'qemu',
      'virtual-iron-3',
      'virtualbox',
      'vmware-esx-3-0',
      'vmware-server',
      'vmware-workstation',
      'xen',
      'xensource-xenenterprise',
    ]);
  });

  it('as of 2010-01-01 no longer counts Sun xVM Server (discontinued May 2009)', async () => {
    const slugs = (await hypervisorsOn('2010-01-01')).items.map((i: { slug: string }) => i.slug);
    expect(slugs).toContain('vmware-esx-server-3i');
    expect(slugs).not.toContain('sun-xvm-server');
  });
});

const CELL = `query ($asOf: LocalDate!, $guests: [String!]!, $hvs: [String!]!) {
  interopMatrix(guests: $guests, hypervisors: $hvs, asOf: $asOf) {
    cells { state bestMode validFrom validFromPrecision statement { slug } }
  }
}`;

describe('interopMatrix', () => {
  it('shows no Linux guest on Sun xVM Server before its beta (Jan 2008), and shows it from then', async () => {
    const before = await data(CELL, { asOf: '2006-01-01', guests: ['linux'], hvs: ['sun-xvm-server'] });
    expect(before.interopMatrix.cells).toEqual([
      [{ state: 'NOT_RELEASED', bestMode: null, validFrom: null, validFromPrecision: null, statement: null }],
    ]);
    const after = await data(CELL, { asOf: '2008-04-01', guests: ['linux'], hvs: ['sun-xvm-server'] });
    expect(after.interopMatrix.cells).toEqual([
      [
        {
          state: 'AVAILABLE',
          bestMode: 'PARAVIRTUALIZED',
          validFrom: '2008-01-01',
          validFromPrecision: 'MONTH',
          statement: { slug: 'sun-xvm-server-beta-on-solaris-linux-pv' },
        },
      ],
    ]);
  });

  it('as of 2006-06-01 has Virtual Server 2005 R2 released, with its Linux guests emulated', async () => {
    const { interopMatrix } = await data(CELL, {
      asOf: '2006-06-01',
      guests: ['rhel-4'],
      hvs: ['microsoft-virtual-server-2005-r2'],
    });
    expect(interopMatrix.cells[0][0]).toEqual({
      state: 'AVAILABLE',
      bestMode: 'EMULATED',
      validFrom: '2005-12-01',
      validFromPrecision: 'MONTH',
      statement: { slug: 'microsoft-virtual-server-2005-r2-on-windows-server-2003-rhel-4-emulated' },
    });
  });
});

const TOOLS = `query ($asOf: LocalDate!) {
  driverPackage(slug: "vmware-tools") {
    terms(asOf: $asOf) { validFrom validTo devices guestOses { slug } }
  }
  driverPackages(guest: "windows-server-2003", asOf: $asOf) { nodes { slug guestMatch } }
}`;

describe('per-version driver terms', () => {
  it('as of 2007-08-07 VMware Tools offers vmxnet only, and no PV SCSI to Windows Server 2003', async () => {
    expect(await data(TOOLS, { asOf: '2007-08-07' })).toEqual({
      driverPackage: {
        terms: [{ validFrom: '2003-01-01', validTo: '2009-05-01', devices: ['NETWORK'], guestOses: [] }],
      },
      driverPackages: {
        nodes: [
          { slug: 'novell-vmdp', guestMatch: 'EXACT' },
          { slug: 'virtual-iron-accelerated-drivers', guestMatch: 'FAMILY' },
          { slug: 'xensource-windows-pv-drivers', guestMatch: 'FAMILY' },
        ],
      },
    });
  });

  it('as of 2010-01-01 VMware Tools has PVSCSI and VMXNET3 for Windows Server 2003 (vSphere 4, May 2009)', async () => {
    const { driverPackage, driverPackages } = await data(TOOLS, { asOf: '2010-01-01' });
    expect(driverPackage.terms).toEqual([
      {
        validFrom: '2009-05-01',
        validTo: null,
        devices: ['NETWORK', 'SCSI'],
        guestOses: [{ slug: 'rhel-5' }, { slug: 'windows-server-2003' }, { slug: 'windows-server-2008' }],
      },
    ]);
    expect(driverPackages.nodes).toEqual([
      { slug: 'novell-vmdp', guestMatch: 'EXACT' },
      { slug: 'vmware-tools', guestMatch: 'EXACT' },
      { slug: 'virtual-iron-accelerated-drivers', guestMatch: 'FAMILY' },
      { slug: 'xensource-windows-pv-drivers', guestMatch: 'FAMILY' },
    ]);
  });

  const IC = `query ($asOf: LocalDate!) {
    driverPackage(slug: "microsoft-hyper-v-linux-ic") {
      terms(asOf: $asOf) { validFrom validFromPrecision license { slug } guestOses { slug } sources { url } }
    }
    compatibility(guest: "rhel-5", hypervisor: "microsoft-hyper-v", asOf: $asOf) {
      mode validFrom statement { slug sources { url } }
    }
  }`;

  it('Hyper-V’s Linux IC lists RHEL 5 only from IC 2.0 (Jan 2010), with a support statement', async () => {
    expect(await data(IC, { asOf: '2009-10-01' })).toEqual({
      driverPackage: {
        terms: [
          {
            validFrom: '2009-07-20',
            validFromPrecision: 'DAY',
            license: { slug: 'gpl-2-0' },
            guestOses: [{ slug: 'sles-10-sp1' }, { slug: 'sles-10-sp2' }],
            sources: expect.any(Array),
          },
        ],
      },
      compatibility: [],
    });
    expect(await data(IC, { asOf: '2010-01-01' })).toEqual({
      driverPackage: {
        terms: [
          {
            validFrom: '2010-01-01',
            validFromPrecision: 'MONTH',
            license: { slug: 'gpl-2-0' },
            guestOses: [{ slug: 'rhel-5' }, { slug: 'sles-10-sp1' }, { slug: 'sles-10-sp2' }],
            sources: [{ url: 'https://virtualization.info/?p=154' }],
          },
        ],
      },
      compatibility: [
        {
          mode: 'HARDWARE_ASSISTED_PV_DRIVERS',
          validFrom: '2010-01-01',
          statement: {
            slug: 'microsoft-hyper-v-rtm-on-windows-server-2008-rhel-5-hvm-pv-drivers',
            sources: [{ url: 'https://virtualization.info/?p=154' }],
          },
        },
      ],
    });
  });
});

describe('sessions and typed figures', () => {
  it('sessions(from, to) on 2007-08-07 includes Sam Ramji’s session, dated by day', async () => {
    const { sessions } = await data(`{
      sessions(from: "2007-08-07", to: "2007-08-07") { nodes { slug heldOn heldOnPrecision startsAt } }
    }`);
    expect(sessions.nodes).toEqual([
      {
        slug: 'lwce-2007-simon-crosby-xen-alternatives',
        heldOn: '2007-08-07',
        heldOnPrecision: 'DAY',
        startsAt: '2007-08-07T17:15:00.000Z',
      },
      {
        slug: 'lwce-2007-sam-ramji-interoperability',
        heldOn: '2007-08-07',
        heldOnPrecision: 'DAY',
        startsAt: null,
      },
    ]);
  });

  it('the IPO price per share, Novell’s price tiers and Virtual Server’s free-download dates are typed', async () => {
    expect(
      await data(`{
        vendorRelation(slug: "vmware-ipo") { pricePerShareUsd sharesOffered amountNote }
        driverPackage(slug: "novell-vmdp") { terms(asOf: "2007-08-07") { priceUsd priceTiers { priceUsd unit maxVms } } }
        hypervisor(slug: "microsoft-virtual-server-2005-r2") {
          firstReleasedOn firstReleasedOnPrecision licenseAnnouncedOn licenseAvailableFrom licenseNote
        }
      }`),
    ).toEqual({
      vendorRelation: {
        pricePerShareUsd: 29,
        sharesOffered: 33000000,
        amountNote: expect.stringContaining('33 M shares at $29'),
      },
      driverPackage: {
        terms: [
          {
            priceUsd: 299,
            priceTiers: [
              { priceUsd: 299, unit: 'per physical server per year', maxVms: 4 },
              { priceUsd: 699, unit: 'per physical server per year', maxVms: null },
            ],
          },
        ],
      },
      hypervisor: {
        firstReleasedOn: '2005-12-01',
        firstReleasedOnPrecision: 'MONTH',
        licenseAnnouncedOn: '2006-04-03',
        licenseAvailableFrom: '2006-04-03',
        licenseNote: expect.stringContaining('3 Apr 2006'),
      },
    });
  });
});
