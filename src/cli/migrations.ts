import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { createDataSource } from '../db/data-source';
import { diffEntitiesAgainstDatabase } from '../db/schema-diff';
import { startScratchPostgres } from '../db/scratch-postgres';
import { pino } from 'pino';

const USAGE = 'usage: migrations check | migrations generate <kebab-name>';

/**
 * `check`: migrate a scratch database and fail if the entities still need DDL (drift).
 * `generate <name>`: write that DDL as a new migration in `migrations/` for review.
 */
async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  if (command !== 'check' && !(command === 'generate' && name && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(name))) {
    console.error(USAGE);
    return 2;
  }
  const pg = await startScratchPostgres(pino({ level: 'warn' }));
  const ds = createDataSource({ url: pg.url, applicationName: 'virtlens-migrations' });
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const diff = await diffEntitiesAgainstDatabase(ds);
    if (command === 'check') {
      if (diff.up.length === 0) {
        console.log('No drift: the migrations build exactly the schema the entities describe.');
        return 0;
      }
      console.error(
        'Drift: the entities need DDL that no migration has. Run `npm run db:generate -- <name>`:',
      );
      for (const q of diff.up) console.error(`  ${q};`);
      return 1;
    }
    if (diff.up.length === 0) {
      console.log('Nothing to generate: entities and migrations agree.');
      return 0;
    }
    const file = await writeMigration(name, diff.up, diff.down);
    console.log(`Wrote ${path.relative(PROJECT_ROOT, file)}; review it and add it to migrations/index.ts.`);
    return 0;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await pg.stop();
  }
}

async function writeMigration(name: string, up: string[], down: string[]): Promise<string> {
  const timestamp = Date.now();
  const className = name.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()) + timestamp;
  const lines = (qs: string[]) =>
    qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
  const file = path.join(PROJECT_ROOT, 'migrations', `${timestamp}-${name}.ts`);
  await fs.writeFile(file, source);
  return file;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
