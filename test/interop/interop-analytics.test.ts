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

const MATRIX = `query ($asOf: LocalDate) {
  interopMatrix(guests: ["windows-server-2003", "rhel-5"], hypervisors: ["xen", "kvm", "microsoft-hyper-v"], asOf: $asOf) {
    asOf guests hypervisors
    cells { state bestMode status guestMatch driverObtainability statements summary driverPackage { slug } requiredFeatures { slug } }
    rowTotals { slug available cells }
    columnTotals { slug available cells }
  }
}`;

describe('interopMatrix', () => {
  it('answers the article’s case on the show’s opening day: Xen with Novell’s drivers for subscribers, KVM emulated, no Hyper-V yet', async () => {
    const { interopMatrix } = await data(MATRIX, { asOf: '2007-08-07' });
    expect(interopMatrix).toEqual({
      asOf: '2007-08-07',
      guests: ['windows-server-2003', 'rhel-5'],
      hypervisors: ['xen', 'kvm', 'microsoft-hyper-v'],
      cells: [
        [
          {
            state: 'AVAILABLE',
            bestMode: 'HARDWARE_ASSISTED_PV_DRIVERS',
            status: 'SUPPORTED',
            guestMatch: 'EXACT',
            driverObtainability: 'SUBSCRIBERS',
            // Xen 3.0.2's Windows statement is undated (no source dates 3.0.2): listed apart, not counted.
            statements: 3,
            summary:
              'windows-server-2003 on xen: hardware-assisted with paravirtualized drivers, supported, drivers: subscribers.',
            driverPackage: { slug: 'novell-vmdp' },
            requiredFeatures: [{ slug: 'amd-v' }, { slug: 'intel-vt-x' }],
          },
          {
            state: 'AVAILABLE',
            bestMode: 'HARDWARE_ASSISTED_EMULATED',
            status: 'UNKNOWN',
            guestMatch: 'FAMILY',
            driverObtainability: null,
            statements: 1,
            summary:
              'windows-server-2003 on kvm: hardware-assisted with emulated devices, unknown (stated for its family).',
            driverPackage: null,
            requiredFeatures: [{ slug: 'amd-v' }, { slug: 'intel-vt-x' }],
          },
          {
            state: 'NOT_RELEASED',
            bestMode: null,
            status: null,
            guestMatch: null,
            driverObtainability: null,
            statements: 0,
            summary: 'microsoft-hyper-v had no release yet (first: 2007-12-01).',
            driverPackage: null,
            requiredFeatures: [],
          },
        ],
        [
          expect.objectContaining({
            state: 'AVAILABLE',
            bestMode: 'PARAVIRTUALIZED',
            status: 'SUPPORTED',
            guestMatch: 'EXACT',
          }),
          expect.objectContaining({
            state: 'AVAILABLE',
            bestMode: 'HARDWARE_ASSISTED_EMULATED',
            guestMatch: 'FAMILY',
          }),
          expect.objectContaining({ state: 'NOT_RELEASED' }),
        ],
      ],
      rowTotals: [
        { slug: 'windows-server-2003', available: 2, cells: 3 },
        { slug: 'rhel-5', available: 2, cells: 3 },
      ],
      columnTotals: [
        { slug: 'xen', available: 2, cells: 2 },
        { slug: 'kvm', available: 2, cells: 2 },
        { slug: 'microsoft-hyper-v', available: 0, cells: 2 },
      ],
    });
  });

  it('changes by 2010: Hyper-V runs Windows Server 2003 with its integration components, and RHEL 5 with IC 2.0', async () => {
    const { interopMatrix } = await data(MATRIX, { asOf: '2010-01-01' });
    expect(interopMatrix.cells[0][2]).toEqual({
      state: 'AVAILABLE',
      bestMode: 'HARDWARE_ASSISTED_PV_DRIVERS',
      status: 'SUPPORTED',
      guestMatch: 'EXACT',
      driverObtainability: null,
      statements: 1,
      summary:
        'windows-server-2003 on microsoft-hyper-v: hardware-assisted with paravirtualized drivers, supported.',
      driverPackage: null,
      requiredFeatures: [{ slug: 'amd-v' }, { slug: 'intel-vt-x' }],
    });
    expect(interopMatrix.cells[1][2]).toEqual({
      state: 'AVAILABLE',
      bestMode: 'HARDWARE_ASSISTED_PV_DRIVERS',
      status: 'SUPPORTED',
      guestMatch: 'EXACT',
      driverObtainability: 'EVERYONE',
      statements: 1,
      summary:
        'rhel-5 on microsoft-hyper-v: hardware-assisted with paravirtualized drivers, supported, drivers: everyone.',
      driverPackage: { slug: 'microsoft-hyper-v-linux-ic' },
      requiredFeatures: [{ slug: 'amd-v' }, { slug: 'intel-vt-x' }],
    });
    expect(interopMatrix.columnTotals[2]).toEqual({ slug: 'microsoft-hyper-v', available: 2, cells: 2 });
    // Before IC 2.0 (end of January 2010) the sources state nothing about RHEL 5 on Hyper-V.
    const before = await data(MATRIX, { asOf: '2009-12-31' });
    expect(before.interopMatrix.cells[1][2]).toEqual(
      expect.objectContaining({
        state: 'NO_STATEMENT',
        summary: 'The sources state nothing about rhel-5 on microsoft-hyper-v on that date.',
      }),
    );
  });

  it.each([
    [
      `guests: [], hypervisors: ["xen"]`,
      'guests must name 1 to 50 slugs; got 0.',
      'BAD_USER_INPUT',
      'guests',
    ],
    [
      `guests: ["rhel-5", "rhel-5"], hypervisors: ["xen"]`,
      'guests names a slug twice.',
      'BAD_USER_INPUT',
      'guests',
    ],
    [
      `guests: ["beos"], hypervisors: ["xen"]`,
      'guests: no operating system with slug "beos".',
      'NOT_FOUND',
      'guests',
    ],
    [
      `guests: ["rhel-5"], hypervisors: ["xen", "bochs"]`,
      'hypervisors: no hypervisor with slug "bochs".',
      'NOT_FOUND',
      'hypervisors',
    ],
  ])('rejects (%s) naming the argument', async (args, message, code, argumentName) => {
    const res = await server.graphql(`{ interopMatrix(${args}) { asOf } }`);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ message, extensions: { code, argumentName } }),
    ]);
  });
});

describe('paravirtPaths', () => {
  it('gives Windows Server 2003 on SLES 10 SP1 one path on the opening day: Novell’s pack, for subscribers at $299', async () => {
    expect(
      await data(`{ paravirtPaths(guest: "windows-server-2003", host: "sles-10-sp1", asOf: "2007-08-07") {
        mode status guestMatch obtainability priceUsd since sincePrecision obtainable devices
        driverPackage { slug } vendor { slug } license { slug isOpenSource } hypervisor { slug } host { slug }
      } }`),
    ).toEqual({
      paravirtPaths: [
        {
          mode: 'HARDWARE_ASSISTED_PV_DRIVERS',
          status: 'SUPPORTED',
          guestMatch: 'EXACT',
          obtainability: 'SUBSCRIBERS',
          priceUsd: 299,
          since: '2007-07-01',
          sincePrecision: 'MONTH',
          obtainable: true,
          devices: ['NETWORK', 'BUS', 'BLOCK'],
          driverPackage: { slug: 'novell-vmdp' },
          vendor: { slug: 'novell' },
          license: { slug: 'proprietary', isOpenSource: false },
          hypervisor: { slug: 'xen' },
          host: { slug: 'sles-10-sp1' },
        },
      ],
    });
  });

  it('had no path before Novell’s pack shipped, and lists the GPLv2 Hyper-V drivers for SLES 10 SP1 guests by 2010', async () => {
    const before = await data(
      `{ paravirtPaths(guest: "windows-server-2003", host: "sles-10-sp1", asOf: "2007-06-15") { mode } }`,
    );
    expect(before).toEqual({ paravirtPaths: [] });
    const sles = await data(`{ paravirtPaths(guest: "sles-10-sp1", asOf: "2010-01-01") {
      mode guestMatch driverPackage { slug } hypervisor { slug } license { slug } since
    } }`);
    expect(sles.paravirtPaths[0]).toEqual({
      mode: 'HARDWARE_ASSISTED_PV_DRIVERS',
      guestMatch: 'EXACT',
      driverPackage: { slug: 'microsoft-hyper-v-linux-ic' },
      hypervisor: { slug: 'microsoft-hyper-v' },
      license: { slug: 'gpl-2-0' },
      since: '2009-07-20',
    });
    expect(sles.paravirtPaths.slice(1).every((p: { guestMatch: string }) => p.guestMatch === 'FAMILY')).toBe(
      true,
    );
  });

  it('rejects an unknown guest or host with NOT_FOUND naming it', async () => {
    const res = await server.graphql(`{ paravirtPaths(guest: "rhel-5", host: "amiga-os") { mode } }`);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: 'host: no operating system with slug "amiga-os".',
        extensions: { code: 'NOT_FOUND', argumentName: 'host' },
      }),
    ]);
  });
});

describe('compatibility', () => {
  it('lists exact statements before family ones, best mode first, and follows the date', async () => {
    const q = `query ($asOf: LocalDate) { compatibility(guest: "windows-server-2003", hypervisor: "xen", asOf: $asOf) {
      guestMatch hostMatch mode status statement { slug hostOs { slug } driverPackage { slug } validFrom validFromPrecision }
    } }`;
    expect((await data(q, { asOf: '2007-08-07' })).compatibility).toEqual([
      {
        guestMatch: 'EXACT',
        hostMatch: null,
        mode: 'HARDWARE_ASSISTED_PV_DRIVERS',
        status: 'SUPPORTED',
        statement: {
          slug: 'xen-3-0-4-on-sles-10-sp1-windows-server-2003-hvm-pv-drivers',
          hostOs: { slug: 'sles-10-sp1' },
          driverPackage: { slug: 'novell-vmdp' },
          validFrom: '2007-07-01',
          validFromPrecision: 'MONTH',
        },
      },
      {
        guestMatch: 'EXACT',
        hostMatch: null,
        mode: 'HARDWARE_ASSISTED_EMULATED',
        status: 'SUPPORTED',
        statement: {
          slug: 'xen-3-0-4-on-sles-10-sp1-windows-server-2003-hvm',
          hostOs: { slug: 'sles-10-sp1' },
          driverPackage: null,
          validFrom: '2007-01-01',
          validFromPrecision: 'YEAR',
        },
      },
      expect.objectContaining({
        guestMatch: 'FAMILY',
        mode: 'HARDWARE_ASSISTED_EMULATED',
        statement: expect.objectContaining({ slug: 'xen-3-0-0-windows-hvm' }),
      }),
    ]);
    // Before Xen 3.0.0 (December 2005) nothing: the 3.0.2 statement is undated (no source dates 3.0.2), so no
    // dated answer counts it; undatedStatements lists it instead.
    expect((await data(q, { asOf: '2005-06-01' })).compatibility).toEqual([]);
    expect(
      await data(`{ undatedStatements(guest: "windows-server-2003", hypervisor: "xen") { slug validFrom } }`),
    ).toEqual({ undatedStatements: [{ slug: 'xen-3-0-2-windows-hvm', validFrom: null }] });
  });

  it('matches hosts exactly or by family, and gives an empty list, not an error, when nothing matches', async () => {
    const res = await data(`{
      onSles: compatibility(guest: "windows-xp", host: "sles-10-sp1", asOf: "2007-08-07") { hostMatch mode }
      none: compatibility(guest: "os2", hypervisor: "kvm") { mode }
    }`);
    expect(res).toEqual({
      onSles: [
        { hostMatch: 'EXACT', mode: 'HARDWARE_ASSISTED_PV_DRIVERS' },
        { hostMatch: 'EXACT', mode: 'HARDWARE_ASSISTED_EMULATED' },
        // Stated for Linux hosts in general (VMware Server, KVM): flagged as family matches.
        { hostMatch: 'FAMILY', mode: 'BINARY_TRANSLATION' },
        { hostMatch: 'FAMILY', mode: 'HARDWARE_ASSISTED_EMULATED' },
      ],
      none: [],
    });
  });

  it('rejects an unknown hypervisor with NOT_FOUND naming the argument', async () => {
    const res = await server.graphql(`{ compatibility(hypervisor: "parallels") { mode } }`);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', argumentName: 'hypervisor' });
  });
});
