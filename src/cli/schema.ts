import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { buildAppSchema, printSortedSchema } from '../schema';

const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

/** `emit` writes the built schema to schema/schema.graphql; `check` fails when the committed file differs. */
async function main(): Promise<number> {
  const command = process.argv[2];
  if (command !== 'emit' && command !== 'check') {
    console.error('usage: schema emit | schema check');
    return 2;
  }
  const sdl = printSortedSchema(await buildAppSchema());
  if (command === 'emit') {
    await fs.writeFile(SCHEMA_FILE, sdl);
    console.log(`Wrote ${path.relative(PROJECT_ROOT, SCHEMA_FILE)}.`);
    return 0;
  }
  const committed = await fs.readFile(SCHEMA_FILE, 'utf8').catch(() => '');
  if (committed === sdl) {
    console.log('schema/schema.graphql is up to date.');
    return 0;
  }
  console.error(
    'schema/schema.graphql differs from the schema the code builds: run `npm run schema:emit` and commit it.',
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
