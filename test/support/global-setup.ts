import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { pino } from 'pino';
import { runSeeds } from '../../seeds/index';
import { createDataSource } from '../../src/db/data-source';
import { startScratchPostgres } from '../../src/db/scratch-postgres';
import { TEST_ENV, databaseUrl } from './env';

declare global {
  var __VIRTLENS_TEST_PG__: { stop(): Promise<void> } | undefined;
}

/**
 * Once per jest run: a real PostgreSQL (the embedded one on a free port in a temporary folder, or the server in
 * DATABASE_URL), a template database migrated and seeded once, and a fresh `dist/` for tests that run the
 * compiled server as a process. Each test file then clones the template (see database.ts).
 */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });

  let adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    const pg = await startScratchPostgres(pino({ level: 'warn' }));
    globalThis.__VIRTLENS_TEST_PG__ = pg;
    adminUrl = pg.url;
  }
  const template = `virtlens_test_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }

  const ds = createDataSource({ url: databaseUrl(adminUrl, template), poolSize: 2 });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await runSeeds(ds, pino({ level: 'warn' }));
  } finally {
    await ds.destroy();
  }
  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.template] = template;
}
