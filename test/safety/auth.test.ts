import { ApiKeyService } from '../../src/auth/api-key.service';
import { createKey, graphqlAs } from '../support/api-keys';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
const keys: Record<'reader' | 'editor' | 'admin', string> = { reader: '', editor: '', admin: '' };

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ['reader', 'editor', 'admin'] as const)
    keys[role] = await createKey(server.app.dataSource, role);
});
afterAll(() => server.stop());

const UPDATE = `mutation { updateVendor(slug: "xensource", input: { description: "Makers of Xen." }) { slug description } }`;
const AUDIT = `{ auditLog(first: 5) { totalCount nodes { action entity keyName } } }`;

describe('API keys and roles', () => {
  it('reads need no key', async () => {
    const res = await graphqlAs(server.url, null, '{ vendor(slug: "xensource") { name } }');
    expect(res.body).toEqual({ data: { vendor: { name: 'XenSource' } } });
  });

  it('a mutation without a key is UNAUTHENTICATED and changes nothing', async () => {
    const res = await graphqlAs(server.url, null, UPDATE);
    expect(res.body).toEqual({
      data: null,
      errors: [
        {
          message: 'updateVendor needs an API key with the editor role: send "Authorization: Bearer <key>".',
          locations: [{ line: 1, column: 12 }],
          path: ['updateVendor'],
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
  });

  it.each([
    ['an unknown key', 'vl_00000000_' + 'A'.repeat(43), 'The API key is not valid.'],
    ['a malformed key', 'not-a-key', 'The API key is malformed.'],
    ['a scheme other than Bearer', null, 'The Authorization header must be "Bearer <API key>".'],
  ])('%s gets 401 UNAUTHENTICATED, even for a read', async (_what, key, message) => {
    const res = await graphqlAs(
      server.url,
      key,
      '{ vendors(first: 1) { totalCount } }',
      undefined,
      key ? {} : { authorization: 'Basic dXNlcjpwYXNz' },
    );
    expect({ status: res.status, auth: res.headers.get('www-authenticate'), body: res.body }).toEqual({
      status: 401,
      auth: 'Bearer',
      body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] },
    });
  });

  it('a key whose secret is wrong is refused like an unknown one', async () => {
    const forged = keys.editor.slice(0, 12) + 'B'.repeat(43);
    const res = await graphqlAs(server.url, forged, UPDATE);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.message).toBe('The API key is not valid.');
  });

  it('a reader key may read but not write: FORBIDDEN', async () => {
    expect((await graphqlAs(server.url, keys.reader, '{ vendor(slug: "kvm") { slug } }')).body).toEqual({
      data: { vendor: null },
    });
    const res = await graphqlAs(server.url, keys.reader, UPDATE);
    const prefix = keys.reader.slice(0, 11);
    expect(res.body).toEqual({
      data: null,
      errors: [
        {
          message: `updateVendor needs the editor role; key ${prefix} has the reader role.`,
          locations: [{ line: 1, column: 12 }],
          path: ['updateVendor'],
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
  });

  it('an editor key writes, but may not read the audit log (admin only)', async () => {
    expect((await graphqlAs(server.url, keys.editor, UPDATE)).body).toEqual({
      data: { updateVendor: { slug: 'xensource', description: 'Makers of Xen.' } },
    });
    const res = await graphqlAs(server.url, keys.editor, AUDIT);
    expect(res.body.errors?.map((e) => [e.extensions?.['code'], e.message])).toEqual([
      ['FORBIDDEN', `auditLog needs the admin role; key ${keys.editor.slice(0, 11)} has the editor role.`],
    ]);
  });

  it('an admin key writes and reads the audit log', async () => {
    const res = await graphqlAs(server.url, keys.admin, AUDIT);
    expect(res.body).toEqual({
      data: {
        auditLog: {
          totalCount: 1,
          nodes: [{ action: 'updateVendor', entity: 'vendor', keyName: 'test editor' }],
        },
      },
    });
  });

  it('a revoked key is refused from then on', async () => {
    const key = await createKey(server.app.dataSource, 'editor', 'soon revoked');
    expect((await graphqlAs(server.url, key, '{ vendors(first: 0) { totalCount } }')).status).toBe(200);
    expect(await new ApiKeyService(server.app.dataSource).revoke(key.slice(0, 11))).toBe(true);
    const res = await graphqlAs(server.url, key, '{ vendors(first: 0) { totalCount } }');
    expect({ status: res.status, body: res.body }).toEqual({
      status: 401,
      body: {
        errors: [
          {
            message: `The API key ${key.slice(0, 11)} has been revoked.`,
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      },
    });
  });

  it('stores only a hash of the secret', async () => {
    const rows = await server.app.dataSource.query<{ prefix: string; secret_sha256: string }[]>(
      'SELECT prefix, secret_sha256 FROM api_key ORDER BY id',
    );
    for (const row of rows) expect(row.secret_sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const key of Object.values(keys)) {
      expect(JSON.stringify(rows)).not.toContain(key.slice(12));
    }
  });
});
