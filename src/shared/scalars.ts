import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTimeISO, LocalDateResolver } from 'graphql-scalars';

/** Calendar dates as `YYYY-MM-DD` strings, as stored in `date` columns. */
export const LocalDate = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  // RFC 3339's full-date: YYYY-MM-DD.
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
});

// Instants (`Date` fields, and fields typed GraphQLISODateTime) are type-graphql's DateTimeISO, which is
// graphql-scalars' own GraphQLDateTimeISO instance: RFC 3339 date-times. It ships without @specifiedBy; giving
// that one instance its URL here covers every field that uses it without a second scalar of the same name.
GraphQLDateTimeISO.specifiedByURL = 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6';

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function parseYearMonth(value: unknown): string {
  if (typeof value !== 'string' || !YEAR_MONTH.test(value)) {
    throw new TypeError(`YearMonth must be a "YYYY-MM" string, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A calendar month as `YYYY-MM` (the time resolution of the benchmark rollups). */
export const YearMonth = new GraphQLScalarType<string, string>({
  name: 'YearMonth',
  description: 'A calendar month, "YYYY-MM".',
  // The W3C profile of ISO 8601 names this form "year and month".
  specifiedByURL: 'https://www.w3.org/TR/NOTE-datetime',
  serialize: parseYearMonth,
  parseValue: parseYearMonth,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('YearMonth must be a "YYYY-MM" string');
    return parseYearMonth(ast.value);
  },
});
