/** Environment variables the global set-up hands to test workers. */
export const TEST_ENV = {
  /** URL of a maintenance database on the test PostgreSQL server (for CREATE/DROP DATABASE). */
  adminUrl: 'VIRTLENS_TEST_ADMIN_URL',
  /** Name of the migrated and seeded template database. */
  template: 'VIRTLENS_TEST_TEMPLATE',
} as const;

export function testEnv(name: keyof typeof TEST_ENV): string {
  const value = process.env[TEST_ENV[name]];
  if (!value) throw new Error(`${TEST_ENV[name]} is not set: run the tests through jest (globalSetup).`);
  return value;
}

/** The URL of another database on the same server. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
