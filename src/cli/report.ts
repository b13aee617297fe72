import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPORTS } from '../reports/definitions/index';
import { FORMATS, isReportFormat } from '../reports/formats';
import {
  describeVariable,
  parseVariables,
  ReportRequestError,
  reportVariables,
  type RawVariables,
} from '../reports/report-variables';
import { CliError, runCommand, type Command } from './command';

const USAGE = `Usage: virtlens report <name> [--var key=value …] --format ${FORMATS.join('|')} [--out FILE] [--url URL]
       virtlens report --list
(or npm run report -- …)

Runs a named report through the GraphQL server's /reports route and writes it to FILE (default: standard output).
Without --url it starts the server in this process on a free loopback port, on the same database as npm start
(DATABASE_URL, or the embedded PostgreSQL in VIRTLENS_DATA_DIR, also while a server runs on it); with --url it
asks that running server (e.g. --url http://localhost:4000). A list variable takes a,b,c. --list shows every
report with its variables, their GraphQL types and defaults.`;

interface Options {
  name: string;
  format: string;
  variables: RawVariables;
  out: string | undefined;
  url: URL | undefined;
}

const usage = (message: string) => new CliError(`${message} (virtlens report --help shows the usage)`, 2);

function parseOptions(argv: string[]): Options | 'list' | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      var: { type: 'string', multiple: true, default: [] },
      format: { type: 'string' },
      out: { type: 'string' },
      url: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return 'help';
  if (values.list) return 'list';
  if (positionals.length !== 1)
    throw usage(
      positionals.length
        ? `Name one report, got ${positionals.length}: ${positionals.join(' ')}.`
        : `Name a report: ${REPORTS.map((d) => d.name).join(', ')}.`,
    );
  const [name = ''] = positionals;
  if (!values.format) throw usage(`--format is required: ${FORMATS.join(', ')}.`);
  const variables: Record<string, string[]> = {};
  for (const pair of values.var) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw usage(`--var takes key=value, got "${pair}".`);
    (variables[pair.slice(0, eq)] ??= []).push(pair.slice(eq + 1));
  }
  return { name, format: values.format, variables, out: values.out, url: parseUrl(values.url) };
}

function parseUrl(text: string | undefined): URL | undefined {
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usage(`--url must be the server's address, such as http://localhost:4000; got "${text}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usage(`--url must be an http or https address, such as http://localhost:4000; got "${text}".`);
  return url;
}

/** Every report with its variables (`name: type = default`), for --list. */
function listing(): string {
  return REPORTS.map(
    (d) =>
      `${d.name}  ${d.title}\n${reportVariables(d)
        .map((v) => `    --var ${describeVariable(v)}    ${v.description}`)
        .join('\n')}`,
  ).join('\n\n');
}

/**
 * Checks name, format, variable names and the output folder before anything starts: the same one-line errors as
 * the HTTP route. Variable values are checked by graphql-js on the server, as for every client.
 */
async function check(options: Options): Promise<void> {
  const definition = REPORTS.find((d) => d.name === options.name);
  if (!definition) {
    throw new ReportRequestError(
      `Unknown report "${options.name}"; reports: ${REPORTS.map((d) => d.name).join(', ')}.`,
      404,
    );
  }
  if (!isReportFormat(options.format)) {
    throw new ReportRequestError(
      `Unsupported format "${options.format}"; formats: ${FORMATS.join(', ')}.`,
      400,
    );
  }
  parseVariables(definition, options.variables);
  if (options.out) {
    const folder = path.dirname(path.resolve(options.out));
    const stat = await fs.stat(folder).catch(() => null);
    if (!stat?.isDirectory())
      throw new CliError(`--out ${options.out}: the folder ${folder} does not exist; create it first.`);
  }
}

async function fetchReport(base: URL, options: Options): Promise<string> {
  const query = new URLSearchParams();
  for (const [key, values] of Object.entries(options.variables))
    for (const v of values ?? []) query.append(key, v);
  const qs = query.size ? `?${query.toString()}` : '';
  const url = new URL(`reports/${options.name}.${options.format}${qs}`, base.href.replace(/\/?$/, '/'));
  let res: Response;
  try {
    res = await fetch(url);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(
      `Cannot reach ${base.origin} (${cause?.code ?? cause?.message ?? 'no answer'}): start the server there, or fix --url.`,
    );
  }
  const body = await res.text();
  if (!res.ok) throw new ReportRequestError(body.trim().split('\n')[0] ?? `HTTP ${res.status}`, res.status);
  return body;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv);
  if (parsed === 'help' || parsed === 'list') {
    console.log(parsed === 'help' ? USAGE : listing());
    return 0;
  }
  const options = parsed;
  await check(options);

  let stop: (() => Promise<void>) | null = null;
  try {
    let base = options.url;
    if (!base) {
      // The server's modules load only now: --help, --list and argument errors answer without them.
      const [{ startApp }, { loadConfig }, { EMBEDDED_DATABASE }, embedded, { createLogger }] =
        await Promise.all([
          import('../app.js'),
          import('../config.js'),
          import('../db/database.js'),
          import('../db/embedded-postgres.js'),
          import('../observability/logger.js'),
        ]);
      // The environment's database and settings, on a free loopback port; quiet logs unless LOG_LEVEL says.
      let config = loadConfig({ LOG_LEVEL: 'warn', ...process.env, PORT: '0', HOST: '127.0.0.1' });
      const port = config.databaseUrl ? null : await embedded.runningEmbeddedPort(config.dataDir);
      if (port !== null) config = { ...config, databaseUrl: embedded.embeddedUrl(port, EMBEDDED_DATABASE) };
      const app = await startApp(config, createLogger(config));
      stop = () => app.stop();
      base = new URL(app.url);
    }
    const body = await fetchReport(base, options);
    if (options.out) {
      await fs.writeFile(options.out, body);
      console.error(`Wrote ${options.out} (${Buffer.byteLength(body)} bytes).`);
    } else {
      process.stdout.write(body);
    }
    return 0;
  } finally {
    await stop?.();
  }
}

/** `virtlens report` (`npm run report`). */
export const reportCommand: Command = {
  name: 'report',
  summary: 'a named report as CSV, JSON, Markdown or an SVG chart',
  main,
};

if (require.main === module) runCommand(reportCommand, process.argv.slice(2));
