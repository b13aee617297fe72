import type { Cell } from './report.types';
import type { Table } from './table';

/**
 * A table as people read it (HTML page, Markdown): numbers rounded to the digits that carry meaning, and a long
 * value that every row repeats (a data note, a source) said once above the table instead of in each row. CSV and
 * JSON keep the full table: full precision, every column.
 */
export interface DisplayTable {
  readonly columns: string[];
  readonly rows: string[][];
  /** `column: value` for each column taken out because every row had the same long text. */
  readonly notes: { column: string; value: string }[];
}

/** Values longer than this, the same in every row, are shown once as a note. */
const NOTE_LENGTH = 40;

export function displayTable(table: Table): DisplayTable {
  const notes: { column: string; value: string }[] = [];
  const columns = table.columns.filter((column) => {
    const first = table.rows[0]?.[column];
    const repeated =
      table.rows.length > 1 &&
      typeof first === 'string' &&
      first.length > NOTE_LENGTH &&
      table.rows.every((row) => row[column] === first);
    if (repeated) notes.push({ column, value: first });
    return !repeated;
  });
  return { columns, rows: table.rows.map((row) => columns.map((c) => formatCell(row[c]))), notes };
}

/**
 * A cell as text: integers as they are (counts, years), other numbers to 4 significant digits (a mean of
 * 1234.5678 is 1235, a speedup of 1.23456 is 1.235, a fraction 0.0123456 is 0.01235); null as empty.
 */
export function formatCell(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return String(Math.round(value));
  return String(Number(value.toPrecision(4)));
}
