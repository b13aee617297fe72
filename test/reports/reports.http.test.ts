import { parse as parseCsv } from 'csv-parse/sync';
import { REPORTS } from '../../src/reports/definitions/index';
import { displayTable } from '../../src/reports/display';
import { effectiveVariables } from '../../src/reports/report-variables';
import type { ReportDefinition, Row } from '../../src/reports/report.types';
import { toTable, type Table } from '../../src/reports/table';
import { startTestServer, type TestServer } from '../support/server';
import { markItems, parseSvg, textLines } from './svg';

/** What each chart must draw: its axis titles and, per mark type, how many items (from the table's rows). */
const CHARTS: Record<
  string,
  { axes: string[]; marks: Record<string, (rows: Row[]) => number>; lines?: (rows: Row[]) => number }
> = {
  'interop-matrix': {
    axes: ['Hypervisor (slug)', 'Guest operating system (slug)'],
    marks: { rect: (rows) => rows.length, text: (rows) => rows.length },
  },
  'paravirt-paths': {
    axes: ['Available since (date)', 'Path (hypervisor — driver package)'],
    marks: { symbol: (rows) => rows.length, rule: (rows) => rows.length },
  },
  'licensing-report': {
    axes: ['Components (count)', 'Group'],
    // One bar segment per group and openness (open source, closed, not known).
    marks: {
      rect: (rows) =>
        new Set(rows.map((r) => `${String(r['group'])}|${String(r['license.isOpenSource'])}`)).size,
    },
  },
  'track-coverage': {
    axes: ['Sessions covering the topic (count)', 'Topic'],
    // A bar per topic; a missed topic's bar has no length, so a marker and the word "missed" show it.
    marks: {
      rect: (rows) => rows.length,
      symbol: (rows) => rows.filter((r) => r['covered'] === false).length,
      text: (rows) => rows.filter((r) => r['covered'] === false).length,
    },
  },
  'pv-speedup': {
    axes: ['Speedup of candidate over baseline (× faster, with interval)', 'Workload'],
    marks: { symbol: (rows) => rows.length },
  },
  'overhead-vs-native': {
    axes: ['Fraction of native throughput (1 = native)', 'Scenario (hypervisor, release, guest, testbed)'],
    marks: { rect: (rows) => rows.length, rule: (rows) => rows.length },
  },
  'benchmark-time-series': {
    axes: ['Simulated quarter', 'Fraction of native throughput (1 = native)'],
    // A line per series: Vega draws each as its own mark group of one path.
    marks: {},
    lines: (rows) => new Set(rows.map((r) => r['series'])).size,
  },
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers });

/** The table a report must produce: its document asked over POST /graphql like any client, then flattened. */
async function expectedTable(definition: ReportDefinition): Promise<{ data: unknown; table: Table }> {
  const answer = await server.graphql(definition.document, {});
  expect(answer.body.errors).toBeUndefined();
  return { data: answer.body.data, table: toTable(definition.rows(answer.body.data)) };
}

it('has a chart expectation for every report', () => {
  expect(REPORTS.map((d) => d.name).sort()).toEqual(Object.keys(CHARTS).sort());
});

describe.each(REPORTS.map((d) => [d.name, d] as const))('report %s', (name, definition) => {
  let expected: { data: unknown; table: Table };
  beforeAll(async () => {
    expected = await expectedTable(definition);
  });

  it('has rows with its default variables', () => {
    expect(expected.table.rows.length).toBeGreaterThan(0);
  });

  it('as CSV: RFC 4180 with a header row, parsed back equal to the GraphQL answer, numbers unformatted', async () => {
    const res = await get(`/reports/${name}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}.csv"`);
    const text = await res.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parseCsv(text);
    expect(records[0]).toEqual(expected.table.columns);
    expect(records.slice(1)).toEqual(
      expected.table.rows.map((row) =>
        expected.table.columns.map((c) => (row[c] === null ? '' : String(row[c]))),
      ),
    );
    // Numbers exactly as JavaScript prints them: parse back to the same value.
    for (const [i, row] of expected.table.rows.entries()) {
      for (const [j, column] of expected.table.columns.entries()) {
        const value = row[column];
        if (typeof value === 'number') expect(Number(records[i + 1]?.[j])).toBe(value);
      }
    }
  });

  it('as JSON: the variables, the table and the GraphQL data', async () => {
    const res = await get(`/reports/${name}.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}.json"`);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      report: name,
      title: definition.title,
      description: definition.description,
      source: definition.source,
      variables: effectiveVariables(definition, {}),
      columns: expected.table.columns,
      rows: expected.table.rows,
      data: expected.data,
    });
  });

  it('as Markdown: title, source and a table with every row', async () => {
    const res = await get(`/reports/${name}.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}.md"`);
    const lines = (await res.text()).trimEnd().split('\n');
    expect(lines[0]).toBe(`# ${definition.title}`);
    // Long values that every row repeats (the data note) are said once above the table.
    expect(lines).toContain(`| ${displayTable(expected.table).columns.join(' | ')} |`);
    const tableLines = lines.filter((l) => l.startsWith('| '));
    expect(tableLines).toHaveLength(expected.table.rows.length + 2);
    expect(lines.find((l) => l.startsWith('Source: '))).toContain(definition.source);
  });

  it('as SVG: well-formed XML with the title, the source, both axis titles and one mark per datum', async () => {
    const res = await get(`/reports/${name}.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${name}.svg"`);
    const root = parseSvg(await res.text());
    expect(Number(root.attrs['width'])).toBeGreaterThan(200);
    const texts = textLines(root);
    expect(texts).toContain(definition.title);
    expect(texts).toContain(`Source: ${definition.source}`);
    const chart = CHARTS[name];
    if (!chart) throw new Error(`no chart expectation for ${name}`);
    for (const axis of chart.axes) expect(texts).toContain(axis);
    for (const [mark, count] of Object.entries(chart.marks)) {
      expect(markItems(root, mark)).toContain(count(expected.table.rows));
    }
    if (chart.lines) expect(markItems(root, 'line')).toHaveLength(chart.lines(expected.table.rows));
  });
});

describe('variables', () => {
  it('a variable changes the answer: the licensing report in 2010 counts Hyper-V', async () => {
    const res = await get('/reports/licensing-report.csv?asOf=2010-01-01&groupBy=COMPONENT_KIND');
    expect(res.status).toBe(200);
    const rows = parseCsv<Record<string, string>>(await res.text(), { columns: true });
    expect(new Set(rows.map((r) => r['group']))).toEqual(
      new Set(['Hypervisors', 'Driver packages', 'Host operating systems']),
    );
    expect(rows.some((r) => r['name']?.includes('Hyper-V'))).toBe(true);
  });

  it('a list variable takes comma-separated or repeated values', async () => {
    const comma = await (
      await get('/reports/interop-matrix.json?guests=rhel-5,windows-xp&hypervisors=xen')
    ).json();
    const repeated = await (
      await get('/reports/interop-matrix.json?guests=rhel-5&guests=windows-xp&hypervisors=xen')
    ).json();
    expect(comma).toEqual(repeated);
    expect((comma as { rows: Row[] }).rows.map((r) => [r['guest'], r['hypervisor']])).toEqual([
      ['rhel-5', 'xen'],
      ['windows-xp', 'xen'],
    ]);
  });
});

describe('requests that cannot run get a 4xx with one line naming the valid choices', () => {
  const cases: [string, string, number, string | RegExp][] = [
    [
      'an unknown report',
      '/reports/no-such-report.csv',
      404,
      'Unknown report "no-such-report"; reports: interop-matrix, paravirt-paths, licensing-report, track-coverage, pv-speedup, overhead-vs-native, benchmark-time-series.',
    ],
    [
      'an unsupported format',
      '/reports/interop-matrix.pdf',
      400,
      'Unsupported format "pdf"; formats: csv, json, md, svg.',
    ],
    [
      'a report without a format',
      '/reports/interop-matrix',
      404,
      "Add a format to the report's name: /reports/interop-matrix.<csv|json|md|svg>.",
    ],
    [
      'an unknown variable',
      '/reports/interop-matrix.csv?bogus=1',
      400,
      'Unknown variable "bogus" for report "interop-matrix"; valid variables: guests, hypervisors, asOf.',
    ],
    [
      'a date that is not one',
      '/reports/interop-matrix.csv?asOf=yesterday',
      400,
      /^Report "interop-matrix": Variable "\$asOf" got invalid value "yesterday"; .*LocalDate/,
    ],
    [
      'a day that no calendar has',
      '/reports/interop-matrix.csv?asOf=2007-02-30',
      400,
      /^Report "interop-matrix": Variable "\$asOf" got invalid value "2007-02-30"; /,
    ],
    [
      'a value outside an enum',
      '/reports/licensing-report.svg?groupBy=COLOUR',
      400,
      'Report "licensing-report": Variable "$groupBy" got invalid value "COLOUR"; Value "COLOUR" does not exist in "LicensingGroupBy" enum.',
    ],
    [
      'a number that is not one',
      '/reports/pv-speedup.json?confidence=high',
      400,
      'Report "pv-speedup": Variable "$confidence" got invalid value "high"; Float cannot represent non numeric value: "high"',
    ],
    [
      'two values for a single variable',
      '/reports/paravirt-paths.csv?guest=a&guest=b',
      400,
      'Report "paravirt-paths": Variable "$guest" got invalid value ["a", "b"]; String cannot represent a non string value: ["a", "b"]',
    ],
  ];
  it.each(cases)('%s', async (_what, path, status, message) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await res.text();
    if (typeof message === 'string') expect(text).toBe(`${message}\n`);
    else expect(text).toMatch(message);
    expect(text.trimEnd().split('\n')).toHaveLength(1);
  });

  it('the schema refuses a value the variable parser let through: its GraphQL error, its status', async () => {
    const res = await get('/reports/paravirt-paths.csv?guest=no-such-os');
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(text).toMatch(/^Report "paravirt-paths": .*no-such-os/);
  });

  it('a confidence outside (0, 1) is BAD_USER_INPUT from the schema: 400', async () => {
    const res = await get('/reports/pv-speedup.csv?confidence=1.5');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^Report "pv-speedup": .*confidence/);
  });

  it('one rate-limit budget per client covers /graphql and /reports: a report is a GraphQL request', async () => {
    const limited = await startTestServer({ RATE_LIMIT_ANONYMOUS: '3' });
    try {
      expect((await limited.graphql('{ __typename }')).status).toBe(200);
      expect((await fetch(`${limited.url}/reports/track-coverage.csv`)).status).toBe(200);
      expect((await limited.graphql('{ __typename }')).status).toBe(200);
      const over = await fetch(`${limited.url}/reports/track-coverage.csv`);
      expect(over.status).toBe(429);
    } finally {
      await limited.stop();
    }
  });

  it('keys are checked as on /graphql: a bad key is 401 before anything runs', async () => {
    const res = await get('/reports/interop-matrix.csv', { authorization: 'Bearer vl_00000000_nope' });
    expect(res.status).toBe(401);
  });
});

describe('GET /reports', () => {
  it('gives API clients a JSON index with every report, its variables and links', async () => {
    const res = await get('/reports', { accept: 'application/json' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      formats: string[];
      reports: {
        name: string;
        variables: { name: string; default: unknown }[];
        links: Record<string, string>;
      }[];
    };
    expect(body.formats).toEqual(['csv', 'json', 'md', 'svg']);
    expect(body.reports.map((r) => r.name)).toEqual(REPORTS.map((d) => d.name));
    const matrix = body.reports[0];
    expect(matrix?.variables.map((v) => v.name)).toEqual(['guests', 'hypervisors', 'asOf']);
    // Types and defaults as the report's GraphQL document declares them.
    expect(matrix?.variables[2]).toEqual({
      name: 'asOf',
      type: 'LocalDate',
      list: false,
      default: '2007-08-07',
      description: 'The date the question is about.',
    });
    expect(matrix?.links).toEqual({
      csv: '/reports/interop-matrix.csv',
      json: '/reports/interop-matrix.json',
      md: '/reports/interop-matrix.md',
      svg: '/reports/interop-matrix.svg',
    });
  });

  it('gives browsers an HTML page with each chart, table and download links', async () => {
    const res = await get('/reports', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    for (const d of REPORTS) {
      expect(html).toContain(`<img class="chart" src="/reports/${d.name}.svg"`);
      expect(html).toContain(`href="/reports/${d.name}.csv" download="${d.name}.csv"`);
    }
    expect(html.match(/<table>/g)).toHaveLength(REPORTS.length);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<link rel="icon" type="image\/svg\+xml" href="data:image\/svg\+xml,/);
  });

  it('rounds the page’s numbers and says the speedup report’s data note once, above its table', async () => {
    const html = await (await get('/reports', { accept: 'text/html' })).text();
    const section = html.slice(
      html.indexOf('<section id="pv-speedup">'),
      html.indexOf('<section id="overhead-vs-native">'),
    );
    expect(section.match(/\(every row\): Simulated measurements/g)).toHaveLength(1);
    expect(section).not.toContain('<th>dataNote</th>');
    const cells = [...section.matchAll(/<td>(-?\d+\.\d+)<\/td>/g)].map((m) => m[1] ?? '');
    expect(cells.length).toBeGreaterThan(10);
    for (const cell of cells)
      expect(cell.replace(/^-?0?\.?0*/, '').replace('.', '').length).toBeLessThanOrEqual(4);
  });

  it('counts report requests in /metrics under their own route label', async () => {
    await get('/reports/track-coverage.json');
    const metrics = await (await get('/metrics')).text();
    expect(metrics).toMatch(/http_requests_total\{[^}]*route="\/reports"[^}]*status="200"[^}]*\} [1-9]/);
  });
});
