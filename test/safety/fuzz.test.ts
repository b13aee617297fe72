import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { toGlobalId } from '../../src/shared/global-id';
import { createKey } from '../support/api-keys';
import { startTestServer, type TestServer } from '../support/server';

/**
 * A fuzz suite generated from the running server's own schema: every argument (and every input field inside
 * one) of every query and mutation, and every variable of every report, each given hostile values of every
 * class. Nothing may answer INTERNAL_SERVER_ERROR or a 5xx; values no column can store must be refused with
 * an error naming the argument; nothing may be written (every write is audited, so the audit log and the
 * tables a write touches keep their counts).
 *
 * Queries go anonymously; mutations go with an admin key but only with values that must be refused at the
 * edge, so a valid value can never write.
 */

/** Values every slot must survive (no internal error) — some are legal and answered. */
const SURVIVE = 'survive';
/** Values that must be refused, with an error naming the argument. */
const REFUSE = 'refuse';
type Tier = typeof SURVIVE | typeof REFUSE;

interface Hostile {
  tier: Tier;
  label: string;
  value: unknown;
}

const MEGABYTE = 'x'.repeat(1024 * 1024);

const STRING_VALUES: Hostile[] = [
  { tier: REFUSE, label: 'NUL', value: 'a\u0000b' },
  { tier: REFUSE, label: 'unpaired high surrogate', value: 'x\ud800' },
  { tier: REFUSE, label: 'unpaired low surrogate', value: '\udc00x' },
  { tier: REFUSE, label: 'object for a string', value: { a: 1 } },
  { tier: SURVIVE, label: 'empty', value: '' },
  { tier: SURVIVE, label: 'unicode edge cases', value: '\u202e\u200b\ufeff😀e\u0301\uffff' },
  { tier: SURVIVE, label: 'SQL injection', value: "x'; DROP TABLE vendor; --" },
  { tier: SURVIVE, label: '1 MB string', value: MEGABYTE },
  { tier: REFUSE, label: 'number for a string', value: 12 },
];

const ID_VALUES: Hostile[] = [
  // GraphQL's ID accepts integers as well as strings.
  ...STRING_VALUES.map((h): Hostile => (h.label === 'number for a string' ? { ...h, tier: SURVIVE } : h)),
  { tier: SURVIVE, label: 'id beyond int4', value: toGlobalId('Vendor', 2147483648) },
  { tier: SURVIVE, label: 'id of 0', value: Buffer.from('Vendor:0').toString('base64') },
  { tier: SURVIVE, label: 'negative id', value: Buffer.from('Vendor:-1').toString('base64') },
  { tier: SURVIVE, label: 'malformed base64', value: '!!!not-base64===' },
  { tier: SURVIVE, label: 'oversized id', value: toGlobalId('Vendor', 1).repeat(5000) },
];

const CURSOR_VALUES: Hostile[] = [
  ...STRING_VALUES,
  { tier: SURVIVE, label: 'cursor beyond int4', value: Buffer.from('o:99999999999').toString('base64url') },
  { tier: SURVIVE, label: 'negative cursor', value: Buffer.from('o:-1').toString('base64url') },
  { tier: SURVIVE, label: 'oversized cursor', value: 'b246MQ'.repeat(20000) },
];

const INT_VALUES: Hostile[] = [
  { tier: SURVIVE, label: 'int4 max', value: 2147483647 },
  { tier: SURVIVE, label: 'int4 min', value: -2147483648 },
  { tier: SURVIVE, label: 'negative', value: -1 },
  { tier: SURVIVE, label: 'zero', value: 0 },
  { tier: REFUSE, label: 'beyond int4', value: 2147483648 },
  { tier: REFUSE, label: 'int8 max', value: 2 ** 63 },
  { tier: REFUSE, label: 'fraction', value: 1.5 },
  { tier: REFUSE, label: 'string for an int', value: '1' },
];

const FLOAT_VALUES: Hostile[] = [
  { tier: SURVIVE, label: 'huge', value: 1e308 },
  { tier: SURVIVE, label: 'huge negative', value: -1.7976931348623157e308 },
  { tier: SURVIVE, label: 'denormal', value: 5e-324 },
  { tier: SURVIVE, label: 'negative', value: -1 },
  { tier: SURVIVE, label: 'zero', value: 0 },
  { tier: REFUSE, label: 'string for a float', value: 'NaN' },
];

const DATE_VALUES: Hostile[] = [
  ...STRING_VALUES.filter((v) => v.tier === REFUSE),
  { tier: REFUSE, label: 'year 0', value: '0000-01-01' },
  { tier: SURVIVE, label: 'year 9999', value: '9999-12-31' },
  { tier: REFUSE, label: 'before 1900', value: '1899-12-31' },
  { tier: REFUSE, label: 'impossible day', value: '2007-02-30' },
  { tier: REFUSE, label: 'extended year', value: '+002007-01-01' },
];

const MONTH_VALUES: Hostile[] = [
  { tier: REFUSE, label: 'year 0', value: '0000-01' },
  { tier: SURVIVE, label: 'year 9999', value: '9999-12' },
  { tier: REFUSE, label: 'month 13', value: '2007-13' },
];

const OTHER_VALUES: Hostile[] = [
  { tier: REFUSE, label: 'unknown enum value', value: 'NO_SUCH_VALUE' },
  { tier: REFUSE, label: 'number for an enum', value: 1 },
];

const BOOLEAN_VALUES: Hostile[] = [{ tier: REFUSE, label: 'string for a boolean', value: 'true' }];

/** Hostile values for a leaf (or list) slot of this type; lists get a few list-shaped values too. */
function hostileValues(type: GraphQLInputType, name: string): Hostile[] {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = hostileValues(nullable.ofType, name);
    // Inside a list, the refused classes again (each must be named with its index); the legal ones were
    // already tried on the item type's own slots and would only repeat their work.
    return [
      ...items
        .filter((h) => h.tier === REFUSE)
        .map((h) => ({ ...h, label: `[${h.label}]`, value: [h.value] })),
      { tier: SURVIVE, label: 'empty list', value: [] },
      {
        tier: SURVIVE,
        label: '10,000 items',
        value: Array.from({ length: 10_000 }, () => baseline(nullable.ofType)),
      },
    ];
  }
  const named = getNamedType(type);
  if (isEnumType(named)) return OTHER_VALUES;
  switch (named.name) {
    case 'String':
      return name === 'after' ? CURSOR_VALUES : STRING_VALUES;
    case 'ID':
      return ID_VALUES;
    case 'Int':
      return INT_VALUES;
    case 'Float':
      return FLOAT_VALUES;
    case 'Boolean':
      return BOOLEAN_VALUES;
    case 'LocalDate':
      return DATE_VALUES;
    case 'YearMonth':
      return MONTH_VALUES;
    default:
      return STRING_VALUES.filter((v) => v.tier === REFUSE);
  }
}

/**
 * Optional fields set in a baseline input object so that the slot under test, not the size of the data, decides
 * the request's cost: analytics over one scenario and workload instead of every measurement.
 */
const NARROWING: Record<string, Record<string, unknown>> = {
  PerformanceFilter: { scenarios: ['xen-3-1-pv-linux--core2-duo-2660'], workloads: ['net-rx'] },
};

/** A plausible value of a type, for the required slots not under test. */
function baseline(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [baseline(nullable.ofType)];
  if (isInputObjectType(nullable)) {
    return {
      ...NARROWING[nullable.name],
      ...Object.fromEntries(
        Object.values(nullable.getFields())
          .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
          .map((f) => [f.name, baseline(f.type)]),
      ),
    };
  }
  if (isEnumType(nullable)) return nullable.getValues()[0].value;
  if (!isScalarType(nullable)) return null;
  return (
    {
      String: 'xen',
      ID: toGlobalId('Vendor', 1),
      Int: 1,
      Float: 0.5,
      Boolean: true,
      LocalDate: '2007-08-07',
      YearMonth: '2007-08',
    }[nullable.name] ?? 'x'
  );
}

interface Slot {
  /** `field(arg.inner…)`, for the test's report. */
  label: string;
  /** The argument's name, which an error must name. */
  argumentName: string;
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** Path from the argument into nested input objects (empty for the argument itself). */
  path: string[];
  type: GraphQLInputType;
}

/** Every argument and every input field inside it, for every root field (input objects visited once per path). */
function slots(schema: GraphQLSchema): Slot[] {
  const out: Slot[] = [];
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  for (const [operation, root] of roots) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const arg of field.args) {
        const walk = (f: GraphQLArgument | GraphQLInputField, path: string[], depth: number) => {
          out.push({
            label: `${operation} ${field.name}(${[arg.name, ...path].join('.')})`,
            argumentName: arg.name,
            operation,
            field,
            path,
            type: f.type,
          });
          const inner = getNamedType(f.type);
          if (isInputObjectType(inner) && depth < 3) {
            for (const child of Object.values(inner.getFields()))
              walk(child, [...path, child.name], depth + 1);
          }
        };
        walk(arg, [], 0);
      }
    }
  }
  return out;
}

/** The arguments of a request: baseline for the required ones, the hostile value at the slot's path. */
function argumentsFor(slot: Slot, value: unknown): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of slot.field.args) {
    if (arg.name === slot.argumentName) continue;
    const narrowing = NARROWING[getNamedType(arg.type).name];
    if ((isNonNullType(arg.type) && arg.defaultValue === undefined) || narrowing) {
      args[arg.name] = baseline(arg.type);
    }
  }
  const arg = slot.field.args.find((a) => a.name === slot.argumentName)!;
  if (slot.path.length === 0) {
    args[arg.name] = value;
    return args;
  }
  const root = baseline(arg.type) as Record<string, unknown>;
  let cursor = (Array.isArray(root) ? root[0] : root) as Record<string, unknown>;
  let type = getNamedType(arg.type);
  for (const [i, step] of slot.path.entries()) {
    if (!isInputObjectType(type)) break;
    const field = type.getFields()[step];
    if (i === slot.path.length - 1) {
      cursor[step] = value;
    } else {
      const inner = baseline(field.type);
      cursor[step] = inner;
      cursor = (Array.isArray(inner) ? inner[0] : inner) as Record<string, unknown>;
      type = getNamedType(field.type);
    }
  }
  args[arg.name] = Array.isArray(root) ? root : root;
  return args;
}

/** `query ($a: T!, …) { field(a: $a, …) { __typename } }` with variables named as the arguments. */
function documentFor(slot: Slot, args: Record<string, unknown>): string {
  const used = slot.field.args.filter((a) => a.name in args);
  const defs = used.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const leaf = isScalarType(getNamedType(slot.field.type)) || isEnumType(getNamedType(slot.field.type));
  return `${slot.operation}${defs ? ` (${defs})` : ''} { ${slot.field.name}${call ? `(${call})` : ''}${leaf ? '' : ' { __typename }'} }`;
}

interface Outcome {
  slot: string;
  hostile: string;
  problem: string;
}

let server: TestServer;
let admin: string;
let requests = 0;

beforeAll(async () => {
  // No rate limit (this is one client sending thousands of requests) and a body limit that lets 1 MB strings in.
  server = await startTestServer({
    RATE_LIMIT_ANONYMOUS: '0',
    RATE_LIMIT_KEY: '0',
    CONCURRENT_REQUESTS_ANONYMOUS: '0',
    CONCURRENT_REQUESTS_KEY: '0',
    COST_PER_MINUTE_ANONYMOUS: '0',
    COST_PER_MINUTE_KEY: '0',
    MAX_REQUEST_BYTES: '2200000',
  });
  admin = await createKey(server.app.dataSource, 'admin', 'fuzz');
});
afterAll(async () => {
  process.stdout.write(`fuzz suite: ${requests} requests\n`);
  await server.stop();
});

async function post(body: unknown, key: string | null): Promise<{ status: number; text: string }> {
  requests++;
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

/** Runs `tasks` with at most `width` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

/** What is wrong with an answer (null: nothing). */
function judge(tier: Tier, argumentName: string, status: number, text: string): string | null {
  if (status >= 500) return `HTTP ${status}: ${text.slice(0, 200)}`;
  let body: { errors?: { message: string; extensions?: { code?: string; argumentName?: string } }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `not JSON (HTTP ${status}): ${text.slice(0, 200)}`;
  }
  const internal = body.errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
  if (internal) return `INTERNAL_SERVER_ERROR: ${internal.message}`;
  if (tier === REFUSE) {
    const named = body.errors?.some(
      (e) =>
        e.extensions?.argumentName?.split(/[.[]/)[0] === argumentName ||
        e.message.includes(`"$${argumentName}"`) ||
        e.message.includes(`"${argumentName}`),
    );
    if (!named) return `not refused naming "${argumentName}": ${text.slice(0, 300)}`;
  }
  return null;
}

const writeCounts = async () =>
  (
    await server.app.dataSource.query<{ n: string }[]>(
      `SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM benchmark_run)
            + (SELECT count(*) FROM vendor) + (SELECT count(*) FROM hypervisor) + (SELECT count(*) FROM source)
            + (SELECT count(*) FROM support_statement) + (SELECT count(*) FROM hypervisor_release) AS n`,
    )
  )[0].n;

describe('generated fuzz suite over the schema and the reports', () => {
  it('no argument of any query or mutation answers an internal error, and refused values name the argument', async () => {
    const introspection = await post({ query: getIntrospectionQuery() }, null);
    const schema = buildClientSchema((JSON.parse(introspection.text) as { data: IntrospectionQuery }).data);
    const before = await writeCounts();
    const cases = slots(schema).flatMap((slot) =>
      hostileValues(slot.type, slot.path.at(-1) ?? slot.argumentName)
        // Mutations only get values that must be refused at the edge: nothing valid may reach a write.
        .filter((h) => slot.operation === 'query' || h.tier === REFUSE)
        .map((hostile) => ({ slot, hostile })),
    );
    expect(cases.length).toBeGreaterThan(1000);
    const outcomes = await pool(
      cases.map(({ slot, hostile }) => async (): Promise<Outcome | null> => {
        const args = argumentsFor(slot, hostile.value);
        const { status, text } = await post(
          { query: documentFor(slot, args), variables: args },
          slot.operation === 'mutation' ? admin : null,
        );
        const problem = judge(hostile.tier, slot.argumentName, status, text);
        return problem ? { slot: slot.label, hostile: hostile.label, problem } : null;
      }),
      4,
    );
    expect(outcomes.filter(Boolean)).toEqual([]);
    expect(await writeCounts()).toEqual(before);
  }, 300_000);

  it('no report parameter answers a 5xx, and refused values name the variable', async () => {
    const index = (await (await fetch(`${server.url}/reports`)).json()) as {
      reports: { name: string; variables: { name: string; type: string }[] }[];
    };
    const texts: Hostile[] = [
      { tier: REFUSE, label: 'NUL', value: 'a\u0000b' },
      { tier: REFUSE, label: 'year 0', value: '0000-01-01' },
      { tier: SURVIVE, label: 'year 9999', value: '9999-12-31' },
      { tier: SURVIVE, label: 'lone surrogate (as UTF-8 bytes)', value: '%ED%A0%80' },
      { tier: SURVIVE, label: 'int8 max', value: '9223372036854775807' },
      { tier: SURVIVE, label: 'huge float', value: '1e308' },
      { tier: SURVIVE, label: 'negative', value: '-1' },
      { tier: SURVIVE, label: 'SQL injection', value: "x'; DROP TABLE vendor; --" },
      { tier: SURVIVE, label: 'empty', value: '' },
      { tier: SURVIVE, label: '8 KB', value: 'x'.repeat(8000) },
      { tier: SURVIVE, label: 'many list items', value: Array.from({ length: 500 }, () => 'xen').join(',') },
    ];
    const cases = index.reports.flatMap((report) =>
      report.variables.flatMap((variable) => texts.map((hostile) => ({ report, variable, hostile }))),
    );
    const outcomes = await pool(
      cases.map(({ report, variable, hostile }) => async (): Promise<Outcome | null> => {
        requests++;
        const raw = String(hostile.value);
        const encoded = raw.startsWith('%') ? raw : encodeURIComponent(raw);
        const res = await fetch(`${server.url}/reports/${report.name}.csv?${variable.name}=${encoded}`);
        const text = await res.text();
        const label = `report ${report.name}(${variable.name})`;
        if (res.status >= 500)
          return { slot: label, hostile: hostile.label, problem: `HTTP ${res.status}: ${text}` };
        // Year 0 is refused only where the variable is a date; elsewhere it is just an unknown slug.
        const mustRefuse =
          hostile.tier === REFUSE && (hostile.label !== 'year 0' || variable.type === 'date');
        if (mustRefuse && (res.status !== 400 || !text.includes(variable.name))) {
          return {
            slot: label,
            hostile: hostile.label,
            problem: `not a 400 naming it: ${res.status} ${text}`,
          };
        }
        return null;
      }),
      4,
    );
    expect(outcomes.filter(Boolean)).toEqual([]);
  });
});
