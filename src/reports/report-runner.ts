import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };
import type { ChartRenderer } from './chart-renderer';
import {
  CONTENT_TYPES,
  FORMATS,
  isReportFormat,
  toCsv,
  toJson,
  toMarkdown,
  type ReportFormat,
} from './formats';
import {
  effectiveVariables,
  parseVariables,
  ReportRequestError,
  showValue,
  type RawVariables,
} from './report-variables';
import type { ReportDefinition } from './report.types';
import { toTable, type Table } from './table';

/** One GraphQL error as the server formats it. */
export interface ExecutedError {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * Runs a GraphQL document through the server's full request pipeline (parse limits, validation rules, cost
 * limit, resolvers with the caller's context, error formatting) — for HTTP that is Apollo Server's
 * `executeOperation` with the request's viewer; there is no other path to the data.
 */
export type ExecuteGraphQL = (
  document: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: unknown; errors?: readonly ExecutedError[] }>;

export interface ReportResult {
  readonly definition: ReportDefinition;
  /** Every variable the report ran with: those given over the document's defaults. */
  readonly variables: Record<string, unknown>;
  /** The GraphQL answer's `data`. */
  readonly data: unknown;
  readonly table: Table;
}

export interface RenderedReport {
  readonly body: string;
  readonly contentType: string;
  /** Suggested download name, e.g. `interop-matrix.csv`. */
  readonly fileName: string;
}

/** A GraphQL error answering a report: its HTTP status follows the error's code. */
export class ReportQueryError extends ReportRequestError {
  constructor(
    message: string,
    status: number,
    readonly code: string,
  ) {
    super(message, status);
    this.name = 'ReportQueryError';
  }
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** The named reports: lookup, variable checking, running through GraphQL, and every output format. */
export class ReportCatalog {
  private readonly byName: ReadonlyMap<string, ReportDefinition>;

  constructor(
    readonly definitions: readonly ReportDefinition[],
    private readonly charts: ChartRenderer,
  ) {
    this.byName = new Map(definitions.map((d) => [d.name, d]));
  }

  /** The definition of a report; unknown names are a 404 listing the reports there are. */
  get(name: string): ReportDefinition {
    const definition = this.byName.get(name);
    if (!definition) {
      throw new ReportRequestError(
        `Unknown report "${name}"; reports: ${this.definitions.map((d) => d.name).join(', ')}.`,
        404,
      );
    }
    return definition;
  }

  /** Checks a format name; an unsupported one is a 400 listing the formats. */
  format(name: string): ReportFormat {
    if (!isReportFormat(name)) {
      throw new ReportRequestError(`Unsupported format "${name}"; formats: ${FORMATS.join(', ')}.`, 400);
    }
    return name;
  }

  /**
   * Runs a report: variable names checked first, then the document through `execute`, where graphql-js coerces
   * the values against the schema; GraphQL errors (a bad value among them) become 4xx/5xx.
   */
  async run(name: string, raw: RawVariables, execute: ExecuteGraphQL): Promise<ReportResult> {
    const definition = this.get(name);
    const given = parseVariables(definition, raw);
    const answer = await execute(definition.document, given);
    const error = answer.errors?.[0];
    if (error) {
      const code = typeof error.extensions?.['code'] === 'string' ? error.extensions['code'] : 'INTERNAL';
      throw new ReportQueryError(
        `Report "${definition.name}": ${error.message.replace(/\s+/g, ' ')}`,
        STATUS_BY_CODE[code] ?? 500,
        code,
      );
    }
    return {
      definition,
      variables: effectiveVariables(definition, given),
      data: answer.data,
      table: toTable(definition.rows(answer.data)),
    };
  }

  /** The report in one format. */
  async render(result: ReportResult, format: ReportFormat): Promise<RenderedReport> {
    const fileName = `${result.definition.name}.${format}`;
    const contentType = CONTENT_TYPES[format];
    switch (format) {
      case 'csv':
        return { body: toCsv(result), contentType, fileName };
      case 'json':
        return { body: toJson(result), contentType, fileName };
      case 'md':
        return { body: toMarkdown(result), contentType, fileName };
      case 'svg':
        return { body: await this.charts.render(chartSpec(result)), contentType, fileName };
    }
  }
}

/** The definition's chart with its title, the source and variables as subtitle, and the table as inline data. */
export function chartSpec(result: ReportResult): TopLevelSpec {
  const { definition } = result;
  const spec = definition.chart(result.variables);
  const vars = Object.entries(result.variables).map(([k, v]) => `${k}=${showValue(v)}`);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...spec,
    title: {
      text: definition.title,
      subtitle: [`Source: ${definition.source}`, ...wrap(`Report ${definition.name}:`, vars, 110)],
      anchor: 'start',
      subtitleColor: '#555',
    },
    data: { values: result.table.rows },
    background: 'white',
    config: {
      font: 'sans-serif',
      // Labels and legends in full (0: no limit): a truncated name ("Network transmit (ttcp-like…") says
      // nothing; a chart wider than the page scrolls.
      axis: { labelLimit: 0, titleFontSize: 12 },
      // The y title above the axis: headless rendering only estimates label widths, so a rotated title
      // beside long labels can overlap them.
      axisY: { titleAngle: 0, titleAlign: 'right', titleBaseline: 'bottom', titleX: 0, titleY: -8 },
      legend: { labelLimit: 0, titleLimit: 0 },
    },
  };
}

/** Words joined with spaces into lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(first: string, words: readonly string[], width: number): string[] {
  const lines = [first];
  for (const word of words) {
    const last = lines[lines.length - 1] ?? '';
    if (last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
