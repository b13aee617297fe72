import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };

/** A table cell: scalars only; nested values are flattened to dotted column names first. */
export type Cell = string | number | boolean | null;

/** A table row keyed by column name. */
export type Row = Record<string, Cell>;

/** A row as a definition produces it: may still hold nested objects and arrays (flattened later). */
export type RawRow = Record<string, unknown>;

/**
 * A named report: a GraphQL document kept in the repository, its variables, how its answer becomes a table, and
 * a declarative Vega-Lite chart of that table.
 */
export interface ReportDefinition {
  /** URL- and file-safe name, e.g. `interop-matrix`. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** What the numbers are and where they come from; printed on the chart and in every format. */
  readonly source: string;
  /**
   * One named GraphQL query. Its variable definitions are the report's variables — names, types and defaults
   * (every variable has a default or is nullable: a report runs with no variables at all).
   */
  readonly document: string;
  /** What each of the document's variables means, by name (a test checks that they match). */
  readonly variableDescriptions: Readonly<Record<string, string>>;
  /** The answer's `data` as table rows (nested objects become dotted columns, lists are joined with "; "). */
  rows(data: unknown): RawRow[];
  /**
   * The chart: a Vega-Lite spec over the flattened rows (a field with a dot in its column name is written with
   * the dot escaped, `driverPackage\\.name`). Its data is `{ name: 'table' }`, replaced by the rows; title and subtitle (the source) are added by the runner.
   */
  chart(variables: Readonly<Record<string, unknown>>): TopLevelSpec;
}
