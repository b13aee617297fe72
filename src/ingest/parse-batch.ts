import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { BadUserInputError } from '../errors';

/** The formats a measurement batch may come in. */
export const BATCH_FORMATS = ['JSON', 'CSV'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

/** One external benchmark result, as a harness reports it. */
export interface BatchRow {
  /** Scenario slug (see `scenarios`). */
  readonly scenario: string;
  /** Workload slug (see `workloads`). */
  readonly workload: string;
  /** ISO date of the measurement. */
  readonly measuredOn: string;
  /** Repetition number within the (scenario, workload) of the batch, 0 to 2^31 − 1 (an `integer` column). */
  readonly repetition: number;
  /** The workload's metric in its unit, > 0 (bounded by the unit's range when the workload is known). */
  readonly value: number;
}

/** Most rows one batch may hold (larger loads: several batches, or `npm run simulate`). */
export const MAX_BATCH_ROWS = 50_000;
/** The simulated period the measurement table is partitioned over. */
export const FIRST_DAY = '2002-01-01';
export const LAST_DAY = '2011-12-31';

export const CSV_COLUMNS = ['scenario', 'workload', 'measured_on', 'repetition', 'value'] as const;

const ARGUMENT = 'input.data';

/** The largest repetition number: the column is a PostgreSQL `integer`. */
export const MAX_REPETITION = 2_147_483_647;

/** A row of the batch is wrong: names the row (1-based) and the field in the message and `extensions`. */
export function rowError(row: number, field: string | null, message: string): BadUserInputError {
  return new BadUserInputError(`Row ${row}: ${message}`, ARGUMENT, { row, ...(field ? { field } : {}) });
}

/**
 * Parses and checks a batch: every row must have a slug-like scenario and workload, a real date within the
 * stored period, a non-negative integer repetition and a finite positive value. Errors name the row (1-based,
 * after the CSV header) and the field; nothing is partially accepted. Returns the rows and a digest of their
 * canonical form (the same rows in the same order give the same digest, whatever the format).
 */
export function parseBatch(format: BatchFormat, data: string): { rows: BatchRow[]; digest: string } {
  const raw = format === 'JSON' ? parseJson(data) : parseCsv(data);
  if (raw.length === 0) throw new BadUserInputError('The batch has no rows.', ARGUMENT);
  if (raw.length > MAX_BATCH_ROWS) {
    throw new BadUserInputError(
      `The batch has ${raw.length} rows; at most ${MAX_BATCH_ROWS} are allowed.`,
      ARGUMENT,
      {
        limit: { name: 'batchRows', max: MAX_BATCH_ROWS },
      },
    );
  }
  const rows = raw.map((r, i) => checkRow(r, i + 1));
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const key = `${r.scenario}\u0000${r.workload}\u0000${r.repetition}`;
    if (seen.has(key)) {
      throw rowError(
        i + 1,
        'repetition',
        `repetition ${r.repetition} of ${r.scenario} / ${r.workload} appears twice in the batch.`,
      );
    }
    seen.add(key);
  });
  const digest = createHash('sha256')
    .update(
      rows.map((r) => [r.scenario, r.workload, r.measuredOn, r.repetition, r.value].join('\t')).join('\n'),
    )
    .digest('hex');
  return { rows, digest };
}

function parseJson(data: string): Record<string, unknown>[] {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (error) {
    throw new BadUserInputError(`The batch is not valid JSON: ${(error as Error).message}`, ARGUMENT);
  }
  if (!Array.isArray(value))
    throw new BadUserInputError('A JSON batch must be an array of row objects.', ARGUMENT);
  value.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new BadUserInputError(`Row ${i + 1} is not an object.`, ARGUMENT);
    }
  });
  return value as Record<string, unknown>[];
}

function parseCsv(data: string): Record<string, unknown>[] {
  let records: string[][];
  try {
    // Without `columns`, csv-parse returns one array of cells per record.
    const parsed: unknown = parse(data, { skip_empty_lines: true, trim: true });
    records = parsed as string[][];
  } catch (error) {
    throw new BadUserInputError(`The batch is not valid CSV: ${(error as Error).message}`, ARGUMENT);
  }
  const [header, ...body] = records;
  const expected = CSV_COLUMNS.join(',');
  if (!header || header.join(',') !== expected) {
    throw new BadUserInputError(`A CSV batch starts with the header row "${expected}".`, ARGUMENT);
  }
  return body.map((cells) => ({
    scenario: cells[0],
    workload: cells[1],
    measuredOn: cells[2],
    repetition: cells[3] === undefined || cells[3] === '' ? undefined : Number(cells[3]),
    value: cells[4] === undefined || cells[4] === '' ? undefined : Number(cells[4]),
  }));
}

const SLUG = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

function checkRow(row: Record<string, unknown>, n: number): BatchRow {
  const fail = (field: keyof BatchRow, message: string): never => {
    throw rowError(n, field, message);
  };
  const slug = (field: 'scenario' | 'workload'): string => {
    const v = row[field];
    if (typeof v !== 'string' || !SLUG.test(v.replace(/--/g, '-'))) {
      return fail(field, `${field} must be a slug such as "cpu-bound", got ${JSON.stringify(v ?? null)}.`);
    }
    return v;
  };
  const scenario = slug('scenario');
  const workload = slug('workload');
  const measuredOn = row.measuredOn;
  if (typeof measuredOn !== 'string' || !isIsoDate(measuredOn)) {
    return fail(
      'measuredOn',
      `measuredOn must be a date "YYYY-MM-DD", got ${JSON.stringify(measuredOn ?? null)}.`,
    );
  }
  if (measuredOn < FIRST_DAY || measuredOn > LAST_DAY) {
    return fail(
      'measuredOn',
      `measuredOn ${measuredOn} is outside the stored period ${FIRST_DAY} to ${LAST_DAY}.`,
    );
  }
  const repetition = row.repetition;
  if (typeof repetition !== 'number' || !Number.isSafeInteger(repetition) || repetition < 0) {
    return fail(
      'repetition',
      `repetition must be a whole number ≥ 0, got ${JSON.stringify(repetition ?? null)}.`,
    );
  }
  if (repetition > MAX_REPETITION) {
    return fail('repetition', `repetition must be at most ${MAX_REPETITION}, got ${repetition}.`);
  }
  const value = row.value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return fail('value', `value must be a finite number > 0, got ${JSON.stringify(value ?? null)}.`);
  }
  return { scenario, workload, measuredOn, repetition, value };
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
