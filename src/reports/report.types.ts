import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };

/** The kinds of value a report variable takes; each maps to a GraphQL input type. */
export type VariableKind = 'string' | 'date' | 'month' | 'int' | 'float' | 'boolean' | 'enum';

/** A scalar as it reaches GraphQL after parsing. */
export type VariableValue = string | number | boolean;

/** One typed, documented variable of a report (a variable of its GraphQL document). */
export interface ReportVariable {
  readonly name: string;
  readonly kind: VariableKind;
  /** A list (`a,b,c` on the command line and in URLs, or the parameter repeated). */
  readonly list?: boolean;
  /** The allowed values of an `enum` variable. */
  readonly choices?: readonly string[];
  /** Used when the variable is not given; never null: every report runs with no variables at all. */
  readonly default: VariableValue | readonly VariableValue[];
  readonly description: string;
}

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
  readonly variables: readonly ReportVariable[];
  /** One named GraphQL query whose variables are exactly {@link variables}. */
  readonly document: string;
  /** The answer's `data` as table rows (nested objects become dotted columns, lists are joined with "; "). */
  rows(data: unknown): RawRow[];
  /**
   * The chart: a Vega-Lite spec over the flattened rows (a field with a dot in its column name is written with
   * the dot escaped, `driverPackage\\.name`). Its data is `{ name: 'table' }`, replaced by the rows; title and subtitle (the source) are added by the runner.
   */
  chart(variables: Readonly<Record<string, unknown>>): TopLevelSpec;
}
