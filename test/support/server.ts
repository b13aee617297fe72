import { pino, type Logger } from 'pino';
import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createTestDatabase, type TestDatabase } from './database';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export interface TestServer {
  readonly app: App;
  readonly url: string;
  readonly database: TestDatabase;
  /** POSTs a GraphQL request to /graphql as a client would. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * The real server (HTTP, Apollo, PostgreSQL) on a free port, over this file's own copy of the seeded database;
 * its log goes to `logger` when given (else nowhere, at LOG_LEVEL silent).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  logger?: Logger,
): Promise<TestServer> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    SEED_ON_START: 'false',
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: '4',
    ...env,
  });
  const app = await startApp(config, logger ?? pino({ level: config.logLevel }));
  return {
    app,
    url: app.url,
    database,
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: res.status,
        headers: res.headers,
        body: (await res.json()) as GraphQLResponse<T>['body'],
      };
    },
    async stop() {
      await app.stop();
      await database.drop();
    },
  };
}
