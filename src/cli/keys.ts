import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ROLES, type Role } from '../auth/api-key.entity';
import { ApiKeyService } from '../auth/api-key.service';
import { ConfigError, loadConfig } from '../config';
import { createDataSource } from '../db/data-source';
import { EMBEDDED_DATABASE, openDatabase } from '../db/database';
import { embeddedUrl } from '../db/embedded-postgres';
import { StartupError } from '../errors';

const USAGE = `usage: npm run keys -- create --name <who> --role <${ROLES.join('|')}>
       npm run keys -- list
       npm run keys -- revoke <prefix>`;

/**
 * API keys from the command line, on the server's database (DATABASE_URL, or the embedded PostgreSQL: the
 * running server's if there is one, else started for the command). `create` prints the key once, on stdout
 * alone (for `KEY=$(npm run -s keys -- create …)`); only its SHA-256 is stored.
 */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' } },
  });
  const [command, prefix, ...rest] = positionals;
  const valid =
    (command === 'create' && !prefix && values.name?.trim() && ROLES.includes(values.role as Role)) ||
    (command === 'list' && !prefix) ||
    (command === 'revoke' && prefix && rest.length === 0);
  if (!valid) {
    console.error(USAGE);
    return 2;
  }
  const db = await open();
  try {
    const keys = new ApiKeyService(db.dataSource);
    if (command === 'create') {
      const { key, summary } = await keys.create(values.name as string, values.role as Role);
      console.error(
        `Created ${summary.role} key ${summary.prefix} for "${summary.name}"; its secret is shown this once:`,
      );
      console.log(key);
    } else if (command === 'list') {
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
      if (!(await keys.revoke(prefix))) {
        console.error(`No active key has the prefix ${prefix}.`);
        return 1;
      }
      console.log(`Revoked ${prefix}.`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

async function open() {
  const config = loadConfig();
  const logger = pino({ level: 'warn' });
  const running = !config.databaseUrl && fs.existsSync(path.join(config.dataDir, 'postmaster.pid'));
  if (!running) return openDatabase(config, logger);
  // The server holds the data folder: use its PostgreSQL.
  const dataSource = createDataSource({
    url: embeddedUrl(config.embeddedPgPort, EMBEDDED_DATABASE),
    poolSize: 1,
    applicationName: 'virtlens-keys',
  });
  await dataSource.initialize();
  return { dataSource, close: () => dataSource.destroy() };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof StartupError;
    console.error(`keys: ${known ? error.message : error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
