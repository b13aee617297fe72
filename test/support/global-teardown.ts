import { Client } from 'pg';
import { TEST_ENV } from './env';

/** Drops the template database and stops the embedded PostgreSQL the set-up started. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[TEST_ENV.adminUrl];
  const template = process.env[TEST_ENV.template];
  if (adminUrl && template && !globalThis.__VIRTLENS_TEST_PG__) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).finally(() => admin.end());
  }
  await globalThis.__VIRTLENS_TEST_PG__?.stop();
}
