import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

// Instants (`Date` fields, and fields typed GraphQLISODateTime) are type-graphql's DateTimeISO, which is
// graphql-scalars' own GraphQLDateTimeISO instance: RFC 3339 date-times. It ships without @specifiedBy; giving
// that one instance its URL here covers every field that uses it without a second scalar of the same name.
GraphQLDateTimeISO.specifiedByURL = 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6';

/**
 * The calendar range every date argument must fall in. PostgreSQL's `date` runs from 4713 BC to 5874897 AD but
 * has no year 0 (ISO `0000` is 1 BC, which it refuses as written), and JavaScript's `Date` and the partitioned
 * tables need no more than four-digit years; the knowledge base starts in the 1960s. So: 1900-01-01 to
 * 9999-12-31, checked before any value reaches SQL.
 */
export const DATE_RANGE = { first: '1900-01-01', last: '9999-12-31' } as const;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why `value` is not a `YYYY-MM-DD` calendar date within {@link DATE_RANGE}; null when it is one. */
export function localDateProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !LOCAL_DATE.test(value)) {
    return `must be a date "YYYY-MM-DD", got ${describe(value)}`;
  }
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    return `must be a calendar date, got "${value}"`;
  }
  if (value < DATE_RANGE.first || value > DATE_RANGE.last) {
    return `must be from ${DATE_RANGE.first} to ${DATE_RANGE.last}, got "${value}"`;
  }
  return null;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A scalar over strings whose check returns the problem (null when fine); errors say what was expected. */
function checkedStringScalar(
  name: string,
  description: string,
  problem: (value: unknown) => string | null,
  specifiedByURL?: string,
): GraphQLScalarType<string, string> {
  // A plain error: graphql-js prefixes it with the variable or literal and the expected type.
  const check = (value: unknown): string => {
    const why = problem(value);
    if (why !== null) throw new TypeError(`${name} ${why}`);
    return value as string;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    specifiedByURL,
    serialize: (value) => check(value),
    parseValue: (value) => check(value),
    parseLiteral(ast) {
      if (ast.kind !== Kind.STRING) throw new TypeError(`${name} must be a string`);
      return check(ast.value);
    },
  });
}

/**
 * Calendar dates as `YYYY-MM-DD` strings, as stored in `date` columns, from 1900-01-01 to 9999-12-31 (see
 * {@link DATE_RANGE}).
 */
export const LocalDate = checkedStringScalar(
  'LocalDate',
  `A calendar date without a time zone, "YYYY-MM-DD", from ${DATE_RANGE.first} to ${DATE_RANGE.last}.`,
  localDateProblem,
  'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
);

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month as `YYYY-MM` (the time resolution of the benchmark rollups), within {@link DATE_RANGE}. */
export const YearMonth = checkedStringScalar(
  'YearMonth',
  'A calendar month, "YYYY-MM".',
  (value) => {
    if (typeof value !== 'string' || !YEAR_MONTH.test(value)) {
      return `must be a "YYYY-MM" string, got ${describe(value)}`;
    }
    const first = DATE_RANGE.first.slice(0, 7);
    const last = DATE_RANGE.last.slice(0, 7);
    return value < first || value > last ? `must be from ${first} to ${last}, got "${value}"` : null;
  },
  // The W3C profile of ISO 8601 names this form "year and month".
  'https://www.w3.org/TR/NOTE-datetime',
);

/** Characters PostgreSQL cannot store in `text` (NUL) and UTF-16 halves without their pair. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a string cannot be accepted as text input (a NUL character, which PostgreSQL's `text` cannot hold, or
 * an unpaired UTF-16 surrogate, which is not Unicode text); null when it can.
 */
export function textProblem(value: string): string | null {
  const match = UNSTORABLE.exec(value);
  if (!match) return null;
  return match[0] === '\u0000'
    ? `contains a NUL character (at ${match.index})`
    : `contains an unpaired UTF-16 surrogate (at ${match.index})`;
}
