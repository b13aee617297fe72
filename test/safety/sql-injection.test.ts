import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { buildAppSchema } from '../../src/schema';
import { createKey, graphqlAs } from '../support/api-keys';
import { startTestServer, type TestServer } from '../support/server';

jest.setTimeout(120_000);

/** Classic payloads: quote breaking, stacked statements, UNION, LIKE wildcards, placeholders, comments. */
const PAYLOADS = [
  `' OR '1'='1`,
  `kvm'; DROP TABLE vendor; --`,
  `x') UNION SELECT usename, passwd FROM pg_shadow --`,
  `%' OR 1=1 --`,
  `$1; DELETE FROM source`,
  `"; TRUNCATE audit_log CASCADE; --`,
  `\\'; SELECT pg_sleep(5); --`,
];

/** Tables whose row counts must not move. */
const TABLES = [
  'vendor',
  'hypervisor',
  'hypervisor_release',
  'support_statement',
  'source',
  'license',
  'api_key',
];

let server: TestServer;
let schema: GraphQLSchema;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  schema = await buildAppSchema();
  admin = await createKey(server.app.dataSource, 'admin');
});
afterAll(() => server.stop());

/** A valid-looking value for a required input of this type (the payload goes elsewhere). */
function sample(type: GraphQLInputType): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0].name;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  switch (inner.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'LocalDate':
      return '2007-08-07';
    default:
      return 'kvm';
  }
}

const isText = (type: GraphQLInputType) => ['String', 'ID'].includes(getNamedType(type).name);

/** Every (argument path) that takes text: top-level String/ID arguments and text fields of input objects. */
function textPaths(arg: GraphQLArgument): string[][] {
  if (isText(arg.type)) return [[arg.name]];
  const named = getNamedType(arg.type);
  if (!isInputObjectType(named)) return [];
  return Object.values(named.getFields())
    .filter((f) => isText(f.type))
    .map((f) => [arg.name, f.name]);
}

interface Call {
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One request per text argument of every root field, the payload in that argument, the others valid. */
function calls(
  operation: 'query' | 'mutation',
  fields: Record<string, GraphQLField<unknown, unknown>>,
): Call[] {
  return Object.values(fields).flatMap((field) =>
    field.args.flatMap((arg) =>
      textPaths(arg).flatMap((path) =>
        PAYLOADS.map((payload) => {
          const variables: Record<string, unknown> = {};
          for (const a of field.args) {
            if (isNonNullType(a.type) || a === arg) variables[a.name] = sample(a.type);
          }
          const list = isListType(
            getNullableType(path.length === 1 ? arg.type : getNamedTypeField(arg, path[1])),
          );
          const value = list ? [payload] : payload;
          if (path.length === 1) variables[arg.name] = value;
          else (variables[arg.name] as Record<string, unknown>)[path[1]] = value;
          const defs = field.args
            .filter((a) => a.name in variables)
            .map((a) => `$${a.name}: ${a.type.toString()}`);
          const passed = field.args.filter((a) => a.name in variables).map((a) => `${a.name}: $${a.name}`);
          const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
          return {
            label: `${field.name}(${path.join('.')}) ${payload}`,
            query: `${operation}${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${passed.length ? `(${passed.join(', ')})` : ''}${selection} }`,
            variables,
          };
        }),
      ),
    ),
  );
}

function getNamedTypeField(arg: GraphQLArgument, field: string): GraphQLInputType {
  const named = getNamedType(arg.type);
  if (!isInputObjectType(named)) throw new Error(`${arg.name} is not an input object`);
  return named.getFields()[field].type;
}

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    out[t] = Number(
      (await server.app.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${t}`))[0].n,
    );
  }
  return out;
}

describe('SQL-injection strings in every text argument', () => {
  it('have no effect: each call answers with data or a clear client error, and no table changes', async () => {
    const all = [
      ...calls('query', schema.getQueryType()!.getFields()),
      ...calls('mutation', schema.getMutationType()!.getFields()),
    ];
    expect(all.length).toBeGreaterThan(300);
    const before = await counts();
    const outcomes: Record<string, number> = {};
    const unexpected: { label: string; status: number; errors: unknown }[] = [];
    const started = Date.now();
    for (const call of all) {
      const res = await graphqlAs(server.url, admin, call.query, call.variables);
      const codes = (res.body.errors ?? []).map((e) => String(e.extensions?.['code']));
      for (const code of codes.length ? codes : ['OK']) outcomes[code] = (outcomes[code] ?? 0) + 1;
      const clean = codes.every((c) =>
        ['BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED'].includes(c),
      );
      if (!clean || ![200, 400].includes(res.status)) {
        unexpected.push({ label: call.label, status: res.status, errors: res.body.errors });
      }
    }
    expect(unexpected).toEqual([]);
    expect(await counts()).toEqual(before);
    // pg_sleep(5) never ran: 7 payloads × every argument finished well inside that.
    expect(Date.now() - started).toBeLessThan(all.length * 200);
    // Both kinds of outcome really happen (the strings reach SQL as values, and validation refuses others).
    expect(Object.keys(outcomes).sort()).toEqual(
      expect.arrayContaining(['BAD_USER_INPUT', 'NOT_FOUND', 'OK']),
    );
  });

  it('a payload stored as text comes back as the same text', async () => {
    const payload = PAYLOADS[1];
    const res = await graphqlAs(
      server.url,
      admin,
      `mutation ($note: String) { createSource(input: { slug: "injection-note", title: "T", publisher: "P",
        url: "https://example.org/x", kind: OTHER, note: $note }) { slug note } }`,
      { note: payload },
    );
    expect(res.body).toEqual({ data: { createSource: { slug: 'injection-note', note: payload } } });
    const search = await graphqlAs(server.url, null, 'query ($q: String!) { search(query: $q) { title } }', {
      q: payload,
    });
    expect({ status: search.status, errors: search.body.errors }).toEqual({ status: 200, errors: undefined });
  });
});
