import { FORMATS } from './formats';
import type { ExecuteGraphQL, ReportCatalog } from './report-runner';
import { displayTable } from './display';
import { describeVariable, ReportRequestError, reportVariables } from './report-variables';
import type { ReportsBackend } from './reports.backend';

/** The project's icon (the same as GraphiQL's), inline: no request for /favicon.ico. */
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%23e10098'/%3E%3Ctext x='16' y='22' font-family='sans-serif' font-size='16' font-weight='700' text-anchor='middle' fill='%23fff'%3EVL%3C/text%3E%3C/svg%3E";

/** Rows of each table shown on the page; the downloads have them all. */
const PAGE_ROWS = 25;

/** The JSON index of `GET /reports`: every report with its variables and download links. */
export function reportIndex(catalog: ReportCatalog): unknown {
  return {
    formats: FORMATS,
    reports: catalog.definitions.map((d) => ({
      name: d.name,
      title: d.title,
      description: d.description,
      source: d.source,
      variables: reportVariables(d).map((v) => ({
        name: v.name,
        type: v.type,
        list: v.list,
        default: v.default,
        description: v.description,
      })),
      links: Object.fromEntries(FORMATS.map((f) => [f, `/reports/${d.name}.${f}`])),
    })),
  };
}

/**
 * The HTML page of `GET /reports`: each report with its chart (the `.svg` route), the first rows of its table
 * (run with default variables, through the same GraphQL executor as the downloads) and its download links.
 */
export async function reportsPage(reports: ReportsBackend, execute: ExecuteGraphQL): Promise<string> {
  const sections: string[] = [];
  for (const d of reports.catalog.definitions) {
    let table: string;
    try {
      const result = await reports.catalog.run(d.name, {}, execute);
      const { columns, rows, notes } = displayTable(result.table);
      const shown = rows.slice(0, PAGE_ROWS);
      table = `${notes.map((n) => `<p class="note"><code>${esc(n.column)}</code> (every row): ${esc(n.value)}</p>`).join('\n')}
<div class="scroll"><table><thead><tr>${columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead>
<tbody>${shown.map((r) => `<tr>${r.map((cell) => `<td>${esc(cell)}</td>`).join('')}</tr>`).join('\n')}</tbody></table></div>
<p class="note">${rows.length} row${rows.length === 1 ? '' : 's'}${rows.length > PAGE_ROWS ? `, the first ${PAGE_ROWS} shown` : ''}; numbers rounded to 4 significant digits (CSV and JSON have them in full).</p>`;
    } catch (error) {
      if (!(error instanceof ReportRequestError)) throw error;
      table = `<p class="error">${esc(error.message)}</p>`;
    }
    const links = FORMATS.map(
      (f) => `<a href="/reports/${d.name}.${f}" download="${d.name}.${f}">${f.toUpperCase()}</a>`,
    ).join(' · ');
    sections.push(`<section id="${d.name}">
<h2>${esc(d.title)}</h2>
<p>${esc(d.description)}</p>
<p class="note">Source: ${esc(d.source)}. Variables: ${reportVariables(d)
      .map((v) => `<code>${esc(describeVariable(v))}</code>`)
      .join(', ')}.</p>
<p class="links">Download: ${links} · <code>npm run report -- ${d.name} --format csv</code></p>
<div class="chart-box"><img class="chart" src="/reports/${d.name}.svg" alt="Chart: ${esc(d.title)}"></div>
${table}
</section>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>virtlens reports</title>
<link rel="icon" type="image/svg+xml" href="${FAVICON}">
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }
section { border-top: 1px solid #ddd; padding: 1rem 0 2rem; }
.note { color: #555; font-size: 0.9rem; }
.error { color: #b00; }
.chart-box { overflow-x: auto; margin: 1rem 0; }
/* Drawn at its own size (scrolling if wider than the screen), never shrunk until its text is unreadable. */
.chart { display: block; max-width: none; }
.scroll { overflow-x: auto; max-height: 24rem; overflow-y: auto; }
table { border-collapse: collapse; font-size: 0.8rem; }
th, td { border: 1px solid #ddd; padding: 2px 6px; text-align: left; vertical-align: top; white-space: nowrap; }
th { background: #f4f4f4; position: sticky; top: 0; }
</style>
</head>
<body>
<h1>virtlens reports</h1>
<p class="links"><a href="/graphiql/">GraphiQL</a></p>
<p>Named GraphQL reports kept in the repository, run through the same API, limits and keys as <a href="/graphiql/">/graphql</a>.
Each one as CSV, JSON, Markdown or an SVG chart; add variables as query parameters (<code>?asOf=2010-01-01</code>).
The index as JSON: <code>curl -H 'accept: application/json' /reports</code>.</p>
<nav>${reports.catalog.definitions.map((d) => `<a href="#${d.name}">${esc(d.title)}</a>`).join(' · ')}</nav>
${sections.join('\n')}
</body>
</html>
`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
