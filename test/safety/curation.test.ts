import { createKey, graphqlAs } from '../support/api-keys';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let editor: string;
beforeAll(async () => {
  server = await startTestServer();
  editor = await createKey(server.app.dataSource, 'editor', 'curator');
});
afterAll(() => server.stop());

const edit = (query: string, variables?: Record<string, unknown>) =>
  graphqlAs(server.url, editor, query, variables);
const count = async (table: string) =>
  Number((await server.app.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);

const CREATE_VENDOR = `mutation ($input: CreateVendorInput!) {
  createVendor(input: $input) { slug name kind website description sources { slug } }
}`;
const vendorInput = {
  slug: 'acme-virtualization',
  name: 'Acme Virtualization',
  kind: 'COMPANY',
  website: 'https://www.virtualiron.com/',
  description: 'Sold a Xen-based virtualization platform.',
  sourceSlugs: ['adamnash-2007-08-02'],
};

describe('editor mutations over curated facts', () => {
  it('creates a vendor with its sources, audited, and findable by search at once', async () => {
    const res = await edit(CREATE_VENDOR, { input: vendorInput });
    expect(res.body).toEqual({
      data: {
        createVendor: {
          slug: 'acme-virtualization',
          name: 'Acme Virtualization',
          kind: 'COMPANY',
          website: 'https://www.virtualiron.com/',
          description: 'Sold a Xen-based virtualization platform.',
          sources: [{ slug: 'adamnash-2007-08-02' }],
        },
      },
    });
    const [audit] = await server.app.dataSource.query<Record<string, unknown>[]>(
      `SELECT key_name, action, entity, before, after - 'id' AS after, request_id FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      key_name: 'curator',
      action: 'createVendor',
      entity: 'vendor',
      before: null,
      after: {
        slug: 'acme-virtualization',
        name: 'Acme Virtualization',
        kind: 'company',
        website: 'https://www.virtualiron.com/',
        description: 'Sold a Xen-based virtualization platform.',
        sourceSlugs: ['adamnash-2007-08-02'],
      },
      request_id: res.headers.get('x-request-id'),
    });
    const search = await graphqlAs(
      server.url,
      null,
      '{ search(query: "Acme Virtualization") { kind title } }',
    );
    expect((search.body.data as { search: unknown[] }).search[0]).toEqual({
      kind: 'VENDOR',
      title: 'Acme Virtualization',
    });
  });

  it('updates only the given fields and records before and after', async () => {
    const res = await edit(
      `mutation { updateVendor(slug: "acme-virtualization", input: { website: null, sourceSlugs: ["accessmylibrary-vmware-maintains-lead", "adamnash-2007-08-02"] }) {
        slug name website sources { slug } } }`,
    );
    expect(res.body).toEqual({
      data: {
        updateVendor: {
          slug: 'acme-virtualization',
          name: 'Acme Virtualization',
          website: null,
          sources: expect.arrayContaining([
            { slug: 'accessmylibrary-vmware-maintains-lead' },
            { slug: 'adamnash-2007-08-02' },
          ]) as unknown,
        },
      },
    });
    const [audit] = await server.app.dataSource.query<
      { before: Record<string, unknown>; after: Record<string, unknown> }[]
    >(`SELECT before, after FROM audit_log WHERE action = 'updateVendor' ORDER BY id DESC LIMIT 1`);
    expect([audit.before['website'], audit.after['website']]).toEqual(['https://www.virtualiron.com/', null]);
    expect([audit.before['sourceSlugs'], audit.after['sourceSlugs']]).toEqual([
      ['adamnash-2007-08-02'],
      ['accessmylibrary-vmware-maintains-lead', 'adamnash-2007-08-02'],
    ]);
  });

  it('creates a hypervisor, a release at month precision and a support statement that cites them', async () => {
    const h = await edit(`mutation { createHypervisor(input: {
      slug: "acme-hv", name: "Acme HV", vendorSlug: "acme-virtualization", architecture: BARE_METAL,
      techniques: [HARDWARE_ASSISTED], licenseSlug: "gpl-2-0", firstReleasedOn: "2006-03-01",
      description: "Xen-based, hardware-assisted only.", sourceSlugs: ["adamnash-2007-08-02"] }) {
      slug architecture techniques vendor { slug } license { slug } firstReleasedOn } }`);
    expect(h.body).toEqual({
      data: {
        createHypervisor: {
          slug: 'acme-hv',
          architecture: 'BARE_METAL',
          techniques: ['HARDWARE_ASSISTED'],
          vendor: { slug: 'acme-virtualization' },
          license: { slug: 'gpl-2-0' },
          firstReleasedOn: '2006-03-01',
        },
      },
    });
    const r =
      await edit(`mutation { createHypervisorRelease(input: { slug: "acme-hv-1", hypervisorSlug: "acme-hv",
      version: "3.5", releasedOn: "2007-06", description: "A release.", sourceSlugs: ["adamnash-2007-08-02"] }) {
      slug version releasedOn releasedOnPrecision hypervisor { slug } } }`);
    expect(r.body).toEqual({
      data: {
        createHypervisorRelease: {
          slug: 'acme-hv-1',
          version: '3.5',
          releasedOn: '2007-06-01',
          releasedOnPrecision: 'MONTH',
          hypervisor: { slug: 'acme-hv' },
        },
      },
    });
    const s =
      await edit(`mutation { createSupportStatement(input: { slug: "acme-hv-1-dos", releaseSlug: "acme-hv-1",
      guestSlug: "dos", mode: HARDWARE_ASSISTED_EMULATED, status: SUPPORTED, requiredFeatureSlugs: ["amd-rvi"],
      validFrom: "2007", notes: "Stated by the vendor.", sourceSlugs: ["adamnash-2007-08-02"] }) {
      slug mode status validFrom validFromPrecision validTo guestOs { slug } requiredFeatures { slug } hypervisor { slug } } }`);
    expect(s.body).toEqual({
      data: {
        createSupportStatement: {
          slug: 'acme-hv-1-dos',
          mode: 'HARDWARE_ASSISTED_EMULATED',
          status: 'SUPPORTED',
          validFrom: '2007-01-01',
          validFromPrecision: 'YEAR',
          validTo: null,
          guestOs: { slug: 'dos' },
          requiredFeatures: [{ slug: 'amd-rvi' }],
          hypervisor: { slug: 'acme-hv' },
        },
      },
    });
    const u =
      await edit(`mutation { updateSupportStatement(slug: "acme-hv-1-dos", input: { status: EXPERIMENTAL, validTo: "2008-02-29" }) {
      status validFrom validTo validToPrecision } }`);
    expect(u.body).toEqual({
      data: {
        updateSupportStatement: {
          status: 'EXPERIMENTAL',
          validFrom: '2007-01-01',
          validTo: '2008-02-29',
          validToPrecision: 'DAY',
        },
      },
    });
  });

  it('updates a hypervisor and a release; null clears an optional field, absent leaves it', async () => {
    const h = await edit(`mutation { updateHypervisor(slug: "acme-hv", input: {
      techniques: [PARAVIRTUALIZATION, HARDWARE_ASSISTED, PARAVIRTUALIZATION], licenseSlug: "bsd-unspecified",
      firstReleasedOn: null }) { name techniques license { slug } firstReleasedOn } }`);
    expect(h.body).toEqual({
      data: {
        updateHypervisor: {
          name: 'Acme HV',
          techniques: ['PARAVIRTUALIZATION', 'HARDWARE_ASSISTED'],
          license: { slug: 'bsd-unspecified' },
          firstReleasedOn: null,
        },
      },
    });
    const r =
      await edit(`mutation { updateHypervisorRelease(slug: "acme-hv-1", input: { version: "1.1", releasedOn: "2007-07-15" }) {
      version releasedOn releasedOnPrecision sources { slug } } }`);
    expect(r.body).toEqual({
      data: {
        updateHypervisorRelease: {
          version: '1.1',
          releasedOn: '2007-07-15',
          releasedOnPrecision: 'DAY',
          sources: [{ slug: 'adamnash-2007-08-02' }],
        },
      },
    });
    const actions = await server.app.dataSource.query<{ action: string; entity: string }[]>(
      `SELECT action, entity FROM audit_log ORDER BY id`,
    );
    expect(actions).toEqual([
      { action: 'createVendor', entity: 'vendor' },
      { action: 'updateVendor', entity: 'vendor' },
      { action: 'createHypervisor', entity: 'hypervisor' },
      { action: 'createHypervisorRelease', entity: 'hypervisor_release' },
      { action: 'createSupportStatement', entity: 'support_statement' },
      { action: 'updateSupportStatement', entity: 'support_statement' },
      { action: 'updateHypervisor', entity: 'hypervisor' },
      { action: 'updateHypervisorRelease', entity: 'hypervisor_release' },
    ]);
  });

  it('creates a source', async () => {
    const res = await edit(`mutation { createSource(input: { slug: "vi-press-2007", title: "Virtual Iron 3.5",
      publisher: "Virtual Iron", url: "https://example.org/vi", publishedOn: "2007-06-11", kind: PRESS_RELEASE }) {
      slug title url publishedOn kind secondary } }`);
    expect(res.body).toEqual({
      data: {
        createSource: {
          slug: 'vi-press-2007',
          title: 'Virtual Iron 3.5',
          url: 'https://example.org/vi',
          publishedOn: '2007-06-11',
          kind: 'PRESS_RELEASE',
          secondary: false,
        },
      },
    });
  });
});

describe('all or nothing', () => {
  it('when the audit entry cannot be written, the vendor and its citations are not written either; the error is masked', async () => {
    await server.app.dataSource.query(`
      CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit store refuses writes'; END $$;
      CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit();`);
    try {
      const before = [await count('vendor'), await count('vendor_source'), await count('audit_log')];
      const res = await edit(CREATE_VENDOR, { input: { ...vendorInput, slug: 'half-written' } });
      const requestId = res.headers.get('x-request-id');
      expect(res.body).toEqual({
        data: null,
        errors: [
          {
            message: `Internal server error (request ${requestId}).`,
            path: ['createVendor'],
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
          },
        ],
      });
      expect([await count('vendor'), await count('vendor_source'), await count('audit_log')]).toEqual(before);
      expect(await count(`search_document WHERE slug = 'half-written'`)).toBe(0);
    } finally {
      await server.app.dataSource.query(
        'DROP TRIGGER refuse_audit ON audit_log; DROP FUNCTION refuse_audit()',
      );
    }
  });
});

describe('bad input gets BAD_USER_INPUT or NOT_FOUND naming the field, and changes nothing', () => {
  const cases: [string, Record<string, unknown>, string, string, string][] = [
    [
      'a slug with capitals',
      { slug: 'Bad Slug' },
      'BAD_USER_INPUT',
      'input.slug',
      'input.slug: slug must be lower-case words and digits joined by hyphens (e.g. "xen-3-1").',
    ],
    [
      'a website that is not http(s)',
      { website: 'javascript:alert(1)' },
      'BAD_USER_INPUT',
      'input.website',
      'input.website: website must be an http(s) URL.',
    ],
    [
      'no sources',
      { sourceSlugs: [] },
      'BAD_USER_INPUT',
      'input.sourceSlugs',
      'input.sourceSlugs: sourceSlugs should not be empty.',
    ],
    ['an empty name', { name: '' }, 'BAD_USER_INPUT', 'input.name', 'input.name: name should not be empty.'],
    [
      'an unknown source',
      { sourceSlugs: ['no-such-source'] },
      'NOT_FOUND',
      'input.sourceSlugs',
      'No source has the slug "no-such-source".',
    ],
    [
      'a taken slug',
      { slug: 'xensource' },
      'BAD_USER_INPUT',
      'input.slug',
      'A vendor with the slug "xensource" already exists.',
    ],
  ];
  it.each(cases)('%s', async (_what, change, code, argumentName, message) => {
    const before = [await count('vendor'), await count('audit_log'), await count('vendor_source')];
    const res = await edit(CREATE_VENDOR, { input: { ...vendorInput, slug: 'new-vendor', ...change } });
    expect(res.body).toEqual({
      data: null,
      errors: [
        {
          message,
          locations: [{ line: 2, column: 3 }],
          path: ['createVendor'],
          extensions: { code, argumentName },
        },
      ],
    });
    expect([await count('vendor'), await count('audit_log'), await count('vendor_source')]).toEqual(before);
  });

  it('an enum value that does not exist is refused by GraphQL itself', async () => {
    const res = await edit(CREATE_VENDOR, {
      input: { ...vendorInput, slug: 'new-vendor', kind: 'GOVERNMENT' },
    });
    // A variable error is a request error: 200 under application/json, as GraphQL-over-HTTP asks.
    expect(res.status).toBe(200);
    expect(res.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.message).toMatch(
      /^Variable "\$input" got invalid value "GOVERNMENT" at "input.kind"/,
    );
  });

  it.each([
    [
      'a date that is not a date',
      'releasedOn: "2007-02-30"',
      'input.releasedOn: "2007-02-30" is not a valid calendar date.',
      'input.releasedOn',
    ],
    [
      'a malformed date',
      'releasedOn: "June 2007"',
      'input.releasedOn: releasedOn must be YYYY, YYYY-MM or YYYY-MM-DD.',
      'input.releasedOn',
    ],
    [
      'an unknown hypervisor',
      'hypervisorSlug: "nope"',
      'No hypervisor has the slug "nope".',
      'input.hypervisorSlug',
    ],
  ])('release: %s', async (_what, field, message, argumentName) => {
    const fields = {
      hypervisorSlug: '"kvm"',
      releasedOn: '"2007"',
      ...Object.fromEntries([field.split(': ')]),
    };
    const res =
      await edit(`mutation { createHypervisorRelease(input: { slug: "kvm-99", version: "99", description: "x",
      sourceSlugs: ["adamnash-2007-08-02"], hypervisorSlug: ${fields.hypervisorSlug}, releasedOn: ${fields.releasedOn} }) { slug } }`);
    expect(
      res.body.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['argumentName'], e.message]),
    ).toEqual([[message.startsWith('No ') ? 'NOT_FOUND' : 'BAD_USER_INPUT', argumentName, message]]);
    expect(await count(`hypervisor_release WHERE slug = 'kvm-99'`)).toBe(0);
  });

  it('a validity that ends before it starts', async () => {
    const res = await edit(
      `mutation { updateSupportStatement(slug: "kvm-60-on-linux-linux-hvm-pv-drivers", input: { validFrom: "2008", validTo: "2007-12" }) { slug } }`,
    );
    expect(res.body.errors?.map((e) => [e.extensions?.['code'], e.message])).toEqual([
      ['BAD_USER_INPUT', 'input.validTo (2007-12) is before input.validFrom (2008).'],
    ]);
  });

  it('updating something that does not exist is NOT_FOUND naming slug', async () => {
    const res = await edit(`mutation { updateHypervisor(slug: "nope", input: { name: "X" }) { slug } }`);
    expect(
      res.body.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['argumentName'], e.message]),
    ).toEqual([['NOT_FOUND', 'slug', 'No hypervisor has the slug "nope".']]);
  });
});
