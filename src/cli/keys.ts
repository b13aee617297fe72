import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../auth/api-key.entity';
import { CliError, runCommand, type Command } from './command';

const USAGE = `Usage: virtlens keys create --name <who> --role <${ROLES.join('|')}>
       virtlens keys list
       virtlens keys revoke <prefix>
(or npm run keys -- …)

API keys on the server's database (DATABASE_URL, or the embedded PostgreSQL in VIRTLENS_DATA_DIR: the running
server's if there is one, else started for the command). create prints the new key once, alone on standard
output (KEY=$(npx virtlens keys create …)); only its SHA-256 is stored. list shows prefix, role, dates and name,
never a secret. revoke ends a key at once on every instance.`;

type Parsed =
  | { command: 'help' }
  | { command: 'create'; name: string; role: Role }
  | { command: 'list' }
  | { command: 'revoke'; prefix: string };

/** Checks the arguments; each mistake is a usage error saying what to change. */
function parse(argv: string[]): Parsed {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help) return { command: 'help' };
  const usage = (message: string) => new CliError(`${message} (virtlens keys --help shows the usage)`, 2);
  const extra = (allowed: number) => {
    if (rest.length > allowed) throw usage(`Unexpected argument "${rest[allowed]}".`);
  };
  switch (command) {
    case 'create': {
      extra(0);
      const name = values.name?.trim();
      if (!name) throw usage('create needs --name <who>, the key holder (any text).');
      if (!values.role) throw usage(`create needs --role, one of ${ROLES.join(', ')}.`);
      if (!ROLES.includes(values.role as Role))
        throw usage(`--role must be one of ${ROLES.join(', ')}, got "${values.role}".`);
      return { command, name, role: values.role as Role };
    }
    case 'list':
      extra(0);
      return { command };
    case 'revoke': {
      extra(1);
      const [prefix] = rest;
      if (!prefix) throw usage('revoke needs the key prefix (vl_ and 8 hex digits, as list shows it).');
      return { command, prefix };
    }
    case undefined:
      throw usage('Name a command: create, list or revoke.');
    default:
      throw usage(`Unknown command "${command}"; commands: create, list, revoke.`);
  }
}

/**
 * `virtlens keys`: API keys from the command line. `create` prints the key once, on stdout alone (for
 * `KEY=$(npx virtlens keys create …)`); only its SHA-256 is stored.
 */
async function main(argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if (parsed.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const db = await open();
  try {
    const { ApiKeyService } = await import('../auth/api-key.service.js');
    const keys = new ApiKeyService(db.dataSource);
    if (parsed.command === 'create') {
      const { key, summary } = await keys.create(parsed.name, parsed.role);
      console.error(
        `Created ${summary.role} key ${summary.prefix} for "${summary.name}"; its secret is shown this once:`,
      );
      console.log(key);
    } else if (parsed.command === 'list') {
      const rows = await keys.list();
      if (!rows.length) console.log('No API keys.');
      for (const k of rows) {
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
        console.log(
          [k.prefix, k.role.padEnd(6), `created ${k.createdAt.toISOString()}`, state.padEnd(32), k.name].join(
            '  ',
          ),
        );
      }
    } else {
      if (!(await keys.revoke(parsed.prefix))) {
        console.error(`No active key has the prefix ${parsed.prefix}.`);
        return 1;
      }
      console.log(`Revoked ${parsed.prefix}.`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

async function open() {
  const { loadConfig } = await import('../config.js');
  const config = loadConfig();
  const { pino } = await import('pino');
  const logger = pino({ level: 'warn' });
  const running = !config.databaseUrl && fs.existsSync(path.join(config.dataDir, 'postmaster.pid'));
  if (!running) {
    const { openDatabase } = await import('../db/database.js');
    return openDatabase(config, logger);
  }
  // The server holds the data folder: use its PostgreSQL.
  const { createDataSource } = await import('../db/data-source.js');
  const { EMBEDDED_DATABASE } = await import('../db/database.js');
  const { embeddedUrl } = await import('../db/embedded-postgres.js');
  const dataSource = createDataSource({
    url: embeddedUrl(config.embeddedPgPort, EMBEDDED_DATABASE),
    poolSize: 1,
    applicationName: 'virtlens-keys',
  });
  await dataSource.initialize();
  return { dataSource, close: () => dataSource.destroy() };
}

/** `virtlens keys` (`npm run keys`). */
export const keysCommand: Command = {
  name: 'keys',
  summary: 'create, list or revoke API keys',
  main,
};

if (require.main === module) runCommand(keysCommand, process.argv.slice(2), true);
