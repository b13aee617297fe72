import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, testEnv } from './env';

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** Runs statements on the test server's maintenance database. */
export async function onAdminDatabase<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testEnv('adminUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of this test file's own: a copy of the migrated, seeded template, or an empty one.
 * Files run in parallel and never share mutable state.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `virtlens_test_${process.env['JEST_WORKER_ID'] ?? '0'}_${randomBytes(4).toString('hex')}`;
  const template = options.empty ? 'template0' : testEnv('template');
  await onAdminDatabase((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(testEnv('adminUrl'), name),
    drop: () =>
      onAdminDatabase((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
