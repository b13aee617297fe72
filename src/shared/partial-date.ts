import { DATE_RANGE } from './scalars';

/**
 * Dates known to a day, a month or a year ("late June 2008" is `2008-06` at month precision). Stored as the
 * first day of the period plus its precision; comparisons (`asOf`) use that first day.
 */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface PartialDate {
  date: string;
  precision: DatePrecision;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null for null; throws on anything else. */
export function parsePartialDate(value: string | null | undefined): PartialDate | null {
  if (value === null || value === undefined) return null;
  const m = PARTIAL_DATE.exec(value);
  if (!m) throw new RangeError(`"${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  const [, y, mo, d] = m;
  const date = `${y}-${mo ?? '01'}-${d ?? '01'}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new RangeError(`"${value}" is not a valid calendar date`);
  }
  if (date < DATE_RANGE.first || date > DATE_RANGE.last) {
    throw new RangeError(`"${value}" is outside ${DATE_RANGE.first} to ${DATE_RANGE.last}`);
  }
  return { date, precision: d ? 'day' : mo ? 'month' : 'year' };
}
