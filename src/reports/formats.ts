import { stringify } from 'csv-stringify/sync';
import type { ReportResult } from './report-runner';
import { displayTable } from './display';
import { showValue } from './report-variables';

/** The formats a report can be had in, by file extension. */
export const FORMATS = ['csv', 'json', 'md', 'svg'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
};

export function isReportFormat(value: string): value is ReportFormat {
  return (FORMATS as readonly string[]).includes(value);
}

/**
 * RFC 4180 CSV (CRLF line ends, a header row, fields quoted where needed) by csv-stringify. Numbers are written
 * as JavaScript prints them (no rounding, no thousands separators); booleans as `true`/`false`; null as empty.
 */
export function toCsv(result: ReportResult): string {
  return stringify(
    result.table.rows.map((row) => result.table.columns.map((c) => row[c])),
    {
      header: true,
      columns: result.table.columns,
      record_delimiter: 'windows',
      cast: { boolean: (value) => String(value), number: (value) => String(value) },
    },
  );
}

/** The report with its variables, source, table and the GraphQL answer it was built from. */
export function toJson(result: ReportResult): string {
  const { definition } = result;
  return `${JSON.stringify(
    {
      report: definition.name,
      title: definition.title,
      description: definition.description,
      source: definition.source,
      variables: result.variables,
      columns: result.table.columns,
      rows: result.table.rows,
      data: result.data,
    },
    null,
    2,
  )}\n`;
}

/**
 * A GitHub-flavoured Markdown document: title, description, source and variables, then the table with numbers
 * rounded and repeated long values said once (see {@link displayTable}).
 */
export function toMarkdown(result: ReportResult): string {
  const { definition, table } = result;
  const vars = Object.entries(result.variables)
    .map(([k, v]) => `\`${k}\` = \`${showValue(v)}\``)
    .join(', ');
  const lines = [
    `# ${definition.title}`,
    '',
    definition.description,
    '',
    `Source: ${definition.source}. Variables: ${vars || 'none'}.`,
    '',
  ];
  const shown = displayTable(table);
  for (const note of shown.notes) lines.push(`${markdownCell(note.column)} (every row): ${note.value}`, '');
  if (shown.columns.length === 0) {
    lines.push('_No rows._');
  } else {
    lines.push(`| ${shown.columns.map(markdownCell).join(' | ')} |`);
    lines.push(`| ${shown.columns.map(() => '---').join(' | ')} |`);
    for (const row of shown.rows) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** Markdown-safe cell text (rounded numbers come from {@link displayTable}); full precision is in CSV/JSON. */
function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
