import { pino } from 'pino';
import * as apiKey from '../../src/auth/api-key';
import { ApiKeyEntity } from '../../src/auth/api-key.entity';
import { ApiKeyService } from '../../src/auth/api-key.service';
import { createKey } from '../support/api-keys';
import { startTestServer, type TestServer } from '../support/server';

/** Issue 15 item 7: failed authentication is rate limited, and a repeated bad key costs no database lookup. */

const QUERY = JSON.stringify({ query: '{ vendors(first: 1) { totalCount } }' });

/** A server whose access log (with each request's SQL statement count) is kept, parsed. */
async function serverWithLog(env: Record<string, string>) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info', base: undefined, timestamp: false },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const server = await startTestServer({ LOG_LEVEL: 'info', ...env }, logger);
  let n = 0;
  /** POSTs QUERY with this key; the answer's status, code and SQL statements (from its access log line). */
  const send = async (key: string | null) => {
    const requestId = `auth-flood-${++n}`;
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': requestId,
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: QUERY,
    });
    const body = (await res.json()) as { errors?: { extensions: Record<string, unknown> }[] };
    // The access line is written once the response finished, which may be just after the client has it.
    for (let i = 0; i < 50 && !lines.some((l) => l['requestId'] === requestId); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const line = lines.find((l) => l['requestId'] === requestId && l['msg'] === 'request');
    return {
      status: res.status,
      code: body.errors?.[0]?.extensions['code'] ?? null,
      retryAfter: res.headers.get('retry-after'),
      sqlStatements: line?.['sqlStatements'],
    };
  };
  return { server, send };
}

/** A key shaped like ours that no database holds. */
const unknownKey = (i: number) => `vl_${i.toString(16).padStart(8, '0')}_${'A'.repeat(43)}`;

describe('a flood of bad API keys', () => {
  let server: TestServer;
  let send: Awaited<ReturnType<typeof serverWithLog>>['send'];
  beforeAll(async () => ({ server, send } = await serverWithLog({ RATE_LIMIT_ANONYMOUS: '5' })));
  afterAll(() => server.stop());

  it('counts against the address limit: 401 up to it, then 429 with Retry-After and no key lookup', async () => {
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await send(unknownKey(i)));
    const unauthenticated = { status: 401, code: 'UNAUTHENTICATED', retryAfter: null, sqlStatements: 1 };
    const limited = {
      status: 429,
      code: 'RATE_LIMITED',
      retryAfter: expect.stringMatching(/^\d+$/),
      sqlStatements: 0,
    };
    expect(answers).toEqual([...Array(5).fill(unauthenticated), ...Array(3).fill(limited)]);
    // The address is over its limit: anonymous requests and keyed ones alike wait for the window to reset.
    expect(await send(null)).toEqual(limited);
    const valid = await createKey(server.app.dataSource, 'reader');
    expect(await send(valid)).toEqual(limited);
  });
});

describe('a repeated bad API key', () => {
  let server: TestServer;
  let send: Awaited<ReturnType<typeof serverWithLog>>['send'];
  beforeAll(async () => ({ server, send } = await serverWithLog({ RATE_LIMIT_ANONYMOUS: '0' })));
  afterAll(() => server.stop());

  it('is looked up once, then refused from memory', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await send(unknownKey(7)));
    expect(answers.map((a) => [a.status, a.code, a.sqlStatements])).toEqual([
      [401, 'UNAUTHENTICATED', 1],
      [401, 'UNAUTHENTICATED', 0],
      [401, 'UNAUTHENTICATED', 0],
      [401, 'UNAUTHENTICATED', 0],
    ]);
  });

  it('a revoked key is refused from memory too, with its own message', async () => {
    const service = new ApiKeyService(server.app.dataSource);
    const { key, summary } = await service.create('to revoke', 'reader');
    await service.revoke(summary.prefix);
    const answers = [await send(key), await send(key)];
    expect(answers.map((a) => [a.status, a.code, a.sqlStatements])).toEqual([
      [401, 'UNAUTHENTICATED', 1],
      [401, 'UNAUTHENTICATED', 0],
    ]);
  });
});

describe('an address over its limit by anonymous requests alone', () => {
  let server: TestServer;
  let send: Awaited<ReturnType<typeof serverWithLog>>['send'];
  beforeAll(async () => ({ server, send } = await serverWithLog({ RATE_LIMIT_ANONYMOUS: '2' })));
  afterAll(() => server.stop());

  it('keeps its API keys working', async () => {
    const key = await createKey(server.app.dataSource, 'reader');
    const answers = [await send(null), await send(null), await send(null), await send(key)];
    expect(answers.map((a) => [a.status, a.code])).toEqual([
      [200, null],
      [200, null],
      [429, 'RATE_LIMITED'],
      [200, null],
    ]);
  });
});

describe('ApiKeyService: refused keys', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(() => server.stop());
  afterEach(() => jest.restoreAllMocks());

  it('a key refused once is refused again without a lookup, and works once it is created', async () => {
    const service = new ApiKeyService(server.app.dataSource);
    const lookups = jest.spyOn(server.app.dataSource.getRepository(ApiKeyEntity), 'findOneBy');
    const generated = apiKey.generateKey();
    const header = `Bearer ${generated.key}`;
    await expect(service.authenticate(header)).rejects.toThrow('The API key is not valid.');
    await expect(service.authenticate(header)).rejects.toThrow('The API key is not valid.');
    expect(lookups).toHaveBeenCalledTimes(1);
    // The very key refused above is the one created now: the refusal must not outlive its creation.
    jest.spyOn(apiKey, 'generateKey').mockReturnValueOnce(generated);
    const { key, summary } = await service.create('made after it was tried', 'editor');
    expect(key).toBe(generated.key);
    await expect(service.authenticate(header)).resolves.toEqual({
      keyId: expect.any(Number),
      prefix: summary.prefix,
      name: 'made after it was tried',
      role: 'editor',
    });
  });
});
