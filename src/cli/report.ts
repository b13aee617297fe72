import 'reflect-metadata';
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startApp, type App } from '../app';
import { loadConfig } from '../config';
import { EMBEDDED_DATABASE } from '../db/database';
import { embeddedUrl, runningEmbeddedPort } from '../db/embedded-postgres';
import { StartupError } from '../errors';
import { createLogger } from '../observability/logger';
import { REPORTS } from '../reports/definitions/index';
import { FORMATS, isReportFormat } from '../reports/formats';
import {
  describeVariable,
  parseVariables,
  ReportRequestError,
  type RawVariables,
} from '../reports/report-variables';

const USAGE = `Usage: npm run report -- <name> [--var key=value …] --format ${FORMATS.join('|')} [--out FILE] [--url URL]
       npm run report -- --list

Runs a named report through the GraphQL server's /reports route and writes it to FILE (default: standard output).
Without --url it starts the server in this process on a free loopback port, on the same database as npm start
(DATABASE_URL, or the embedded PostgreSQL in VIRTLENS_DATA_DIR, also while a server runs on it); with --url it
asks that running server (e.g. --url http://localhost:4000). A list variable takes a,b,c.`;

class UsageError extends Error {}

interface Options {
  name: string;
  format: string;
  variables: RawVariables;
  out: string | undefined;
  url: string | undefined;
}

function parseOptions(argv: string[]): Options | 'list' | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      var: { type: 'string', multiple: true, default: [] },
      format: { type: 'string' },
      out: { type: 'string' },
      url: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return 'help';
  if (values.list) return 'list';
  if (positionals.length !== 1)
    throw new UsageError('Name one report (npm run report -- --list shows them).');
  const [name = ''] = positionals;
  if (!values.format) throw new UsageError(`--format is required: ${FORMATS.join(', ')}.`);
  const variables: Record<string, string[]> = {};
  for (const pair of values.var) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var takes key=value, got "${pair}".`);
    (variables[pair.slice(0, eq)] ??= []).push(pair.slice(eq + 1));
  }
  return { name, format: values.format, variables, out: values.out, url: values.url };
}

/** Every report with its variables (`name: type = default`), for --list. */
function listing(): string {
  return REPORTS.map(
    (d) =>
      `${d.name}  ${d.title}\n${d.variables.map((v) => `    --var ${describeVariable(v)}    ${v.description}`).join('\n')}`,
  ).join('\n\n');
}

/** Checks name, format and variables before anything starts: the same one-line errors as the HTTP route. */
function check(options: Options): void {
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
}

async function fetchReport(base: string, options: Options): Promise<string> {
  const query = new URLSearchParams();
  for (const [key, values] of Object.entries(options.variables))
    for (const v of values ?? []) query.append(key, v);
  const qs = query.size ? `?${query.toString()}` : '';
  const res = await fetch(`${base.replace(/\/$/, '')}/reports/${options.name}.${options.format}${qs}`);
  const body = await res.text();
  if (!res.ok) throw new ReportRequestError(body.trim(), res.status);
  return body;
}

async function main(): Promise<number> {
  let options: Options;
  try {
    const parsed = parseOptions(process.argv.slice(2));
    if (parsed === 'help' || parsed === 'list') {
      console.log(parsed === 'help' ? USAGE : listing());
      return 0;
    }
    options = parsed;
    check(options);
  } catch (error) {
    if (error instanceof ReportRequestError) {
      console.error(error.message);
      return 1;
    }
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  let app: App | null = null;
  try {
    let base = options.url;
    if (!base) {
      // The environment's database and settings, on a free loopback port; quiet logs unless LOG_LEVEL says.
      let config = loadConfig({ LOG_LEVEL: 'warn', ...process.env, PORT: '0', HOST: '127.0.0.1' });
      const port = config.databaseUrl ? null : await runningEmbeddedPort(config.dataDir);
      if (port !== null) config = { ...config, databaseUrl: embeddedUrl(port, EMBEDDED_DATABASE) };
      app = await startApp(config, createLogger(config));
      base = app.url;
    }
    const body = await fetchReport(base, options);
    if (options.out) {
      await fs.writeFile(options.out, body);
      console.error(`Wrote ${options.out} (${Buffer.byteLength(body)} bytes).`);
    } else {
      process.stdout.write(body);
    }
    return 0;
  } catch (error) {
    if (error instanceof ReportRequestError || error instanceof StartupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await app?.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
