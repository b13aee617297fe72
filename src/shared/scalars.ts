import { GraphQLScalarType, Kind } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

/** Calendar dates as `YYYY-MM-DD` strings, as stored in `date` columns. */
export const LocalDate = LocalDateResolver;

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
  serialize: parseYearMonth,
  parseValue: parseYearMonth,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('YearMonth must be a "YYYY-MM" string');
    return parseYearMonth(ast.value);
  },
});
