import 'reflect-metadata';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config';
import { citusFollowUpScript, citusScript, citusState } from '../db/citus';
import { citusProblems, readCitusCatalogue, readCitusHoldings } from '../db/citus-catalogue';
import { createDataSource } from '../db/data-source';
import { describeUrl } from '../db/database';
import { startScratchPostgres } from '../db/scratch-postgres';
import { StartupError } from '../errors';

/**
 * Prints the SQL that distributes a migrated virtlens database on Citus (`npm run -s db:citus | psql …`), built
 * from the placements in src/db/citus.ts and the schema's foreign keys. With DATABASE_URL it reads that database
 * (the coordinator, migrated); without, a scratch PostgreSQL migrated for the command. Refuses, listing why,
 * when the schema has something Citus would reject or a migration is pending. On a database Citus already holds it
 * says so and prints nothing (or only the statements for tables added since), instead of a script that would fail
 * on the first table ("table … is already distributed").
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const scratch = config.databaseUrl ? null : await startScratchPostgres(pino({ level: 'warn' }));
  const url = config.databaseUrl ?? (scratch as NonNullable<typeof scratch>).url;
  const ds = createDataSource({ url, poolSize: 1, applicationName: 'virtlens-citus' });
  try {
    await ds.initialize();
    if (scratch) await ds.runMigrations({ transaction: 'each' });
    else if (await ds.showMigrations()) {
      console.error(
        `Migrations are pending on ${describeUrl(url)}: start the server on it once, then run again.`,
      );
      return 1;
    }
    const catalogue = await readCitusCatalogue(ds);
    const problems = citusProblems(catalogue);
    if (problems.length) {
      console.error('Citus would refuse this schema:');
      for (const p of problems) console.error(`  - ${p}`);
      return 1;
    }
    const state = citusState(await readCitusHoldings(ds));
    if (!state) {
      process.stdout.write(citusScript(catalogue.foreignKeys));
      return 0;
    }
    const where = describeUrl(url);
    if (state.misplaced.length) {
      console.error(
        `${where} is distributed already, but Citus holds some tables otherwise than src/db/citus.ts places them:`,
      );
      for (const m of state.misplaced) console.error(`  - ${m.table}: ${m.held}, placed ${m.placed}`);
      console.error(
        'Start the server on it once (its migrations move tables whose placement changed), then run again.',
      );
      return 1;
    }
    if (!state.missing.length) {
      console.error(
        `${where} is distributed already (${state.placed.length} tables as src/db/citus.ts places them): nothing to do.`,
      );
      return 0;
    }
    console.error(
      `${where} is distributed already; placing the ${state.missing.length} table(s) added since: ${state.missing.join(', ')}.`,
    );
    process.stdout.write(citusFollowUpScript(state.missing, catalogue.foreignKeys));
    return 0;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await scratch?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof StartupError;
    console.error(
      `db:citus: ${known ? error.message : error instanceof Error ? error.stack : String(error)}`,
    );
    process.exit(1);
  },
);
