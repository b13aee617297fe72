import type { Cell, RawRow, Row } from './report.types';

/** Separator of the values of a list flattened into one cell. */
export const LIST_SEPARATOR = '; ';

export interface Table {
  /** Column names in order of first appearance; nested fields are dotted (`driverPackage.name`). */
  readonly columns: string[];
  readonly rows: Row[];
}

/**
 * Flattens rows into a table: nested objects become dotted columns (`license.name`), a list of scalars becomes
 * one cell joined with "; ", and a list of objects one cell per leaf (`requiredFeatures.name` = "VT-x; AMD-V").
 * Every row gets every column (null where it has no value). Numbers are kept as numbers, unformatted.
 */
export function toTable(rawRows: readonly RawRow[]): Table {
  const flat = rawRows.map((raw) => {
    const row: Row = {};
    flattenInto(row, '', raw);
    return row;
  });
  const seen: string[] = [];
  for (const row of flat) for (const key of Object.keys(row)) if (!seen.includes(key)) seen.push(key);
  // A null object or an empty list in some rows must not add a column beside the dotted ones of the others.
  const columns = seen.filter(
    (c) =>
      !seen.some((other) => other.startsWith(`${c}.`)) ||
      flat.some((row) => row[c] !== undefined && row[c] !== null && row[c] !== ''),
  );
  const rows = flat.map((row): Row => Object.fromEntries<Cell>(columns.map((c) => [c, row[c] ?? null])));
  return { columns, rows };
}

function flattenInto(row: Row, prefix: string, value: unknown): void {
  if (isPlainObject(value)) {
    for (const [key, inner] of Object.entries(value))
      flattenInto(row, prefix ? `${prefix}.${key}` : key, inner);
  } else if (Array.isArray(value)) {
    if (value.some(isPlainObject)) {
      // One cell per leaf path: the leaves of every element, joined in element order.
      const leaves = new Map<string, Cell[]>();
      for (const element of value) {
        const inner: Row = {};
        flattenInto(inner, '', element);
        for (const [key, cell] of Object.entries(inner)) {
          if (!leaves.has(key)) leaves.set(key, []);
          if (cell !== null && cell !== '') leaves.get(key)?.push(cell);
        }
      }
      for (const [key, cells] of leaves) row[`${prefix}.${key}`] = cells.map(String).join(LIST_SEPARATOR);
    } else {
      row[prefix] = value.map((v) => String(v)).join(LIST_SEPARATOR);
    }
  } else {
    row[prefix] = toCell(value);
  }
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
