import { encodeCursor } from '../../src/shared/pagination';
import { createKey, graphqlAs } from '../support/api-keys';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_ANONYMOUS: '0', RATE_LIMIT_KEY: '0' });
  admin = await createKey(server.app.dataSource, 'admin', 'empty pages');
});
afterAll(() => server.stop());

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface RootField {
  name: string;
  type: TypeRef;
  args: { name: string; type: TypeRef; defaultValue: string | null }[];
}
interface Page {
  totalCount: number;
  edges: { cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
}

const named = (t: TypeRef): string | null => (t.ofType ? named(t.ofType) : t.name);

/** Every root field that returns a connection and can be asked without arguments, from the schema itself. */
async function rootConnections(): Promise<string[]> {
  const res = await graphqlAs<{ __schema: { queryType: { fields: RootField[] } } }>(
    server.url,
    admin,
    `{ __schema { queryType { fields { name type { ...T } args { name defaultValue type { ...T } } } } } }
     fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`,
  );
  return res.body
    .data!.__schema.queryType.fields.filter(
      (f) =>
        named(f.type)?.endsWith('Connection') &&
        f.args.every((a) => a.type.kind !== 'NON_NULL' || a.defaultValue !== null),
    )
    .map((f) => f.name);
}

async function page(field: string, first: number, after?: string): Promise<Page> {
  const res = await graphqlAs<Record<string, Page>>(
    server.url,
    admin,
    `query ($first: Int, $after: String) {
       ${field}(first: $first, after: $after) {
         totalCount edges { cursor } pageInfo { hasNextPage hasPreviousPage }
       }
     }`,
    { first, after },
  );
  expect({ field, errors: res.body.errors }).toEqual({ field, errors: undefined });
  return res.body.data![field];
}

it('every root connection, found in the schema, is checked', async () => {
  // 17 connections today; a new one is picked up without touching this test.
  expect((await rootConnections()).length).toBeGreaterThanOrEqual(17);
});

it('totalCount counts every match on an empty page: first: 0, and after the last item', async () => {
  const outcomes: ({ expected: number; field: string } & Record<string, unknown>)[] = [];
  for (const field of await rootConnections()) {
    const full = await page(field, 1);
    const empty = await page(field, 0);
    const outcome: { expected: number; field: string } & Record<string, unknown> = {
      expected: full.totalCount,
      field,
      firstZero: {
        totalCount: empty.totalCount,
        edges: empty.edges.length,
        next: empty.pageInfo.hasNextPage,
      },
    };
    if (full.totalCount > 0) {
      const past = await page(field, 5, encodeCursor(full.totalCount - 1));
      outcome['afterTheLast'] = {
        totalCount: past.totalCount,
        edges: past.edges.length,
        next: past.pageInfo.hasNextPage,
        previous: past.pageInfo.hasPreviousPage,
      };
    }
    outcomes.push(outcome);
  }
  expect(outcomes).toEqual(
    outcomes.map(({ expected, field }) => ({
      expected,
      field,
      firstZero: { totalCount: expected, edges: 0, next: expected > 0 },
      ...(expected > 0 && {
        afterTheLast: { totalCount: expected, edges: 0, next: false, previous: true },
      }),
    })),
  );
  // Not a vacuous check: most connections hold rows in the seeded database.
  expect(outcomes.filter((o) => o.expected > 0).length).toBeGreaterThan(10);
});
