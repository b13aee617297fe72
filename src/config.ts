import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Thrown when the environment holds a value the server cannot start with. The message is one sentence for the user. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Numeric variables are read as written: one with spaces around it is refused, not trimmed into a number. */
const NUMERIC_VARIABLES = new Set<string>();

/** Decimal digits only: no sign, spaces, hex (`0x10`), exponent (`1e3`), separators or fraction. */
const DIGITS = /^[0-9]{1,15}$/;

/**
 * The one number parser of every numeric variable: the value as written must be decimal digits, within
 * [min, max]. `" "`, `"0x10"`, `"1e3"` and `"+5"` are refused alike (JavaScript's `Number()` would take them).
 */
const wholeNumber = (what: string, min: number, max: number) => {
  NUMERIC_VARIABLES.add(what);
  const message = `${what} must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(DIGITS, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
};

const bool = (what: string) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: `${what} must be true or false` })
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

function isPostgresUrl(value: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const postgresUrl = (what: string) =>
  z
    .string()
    .refine(
      isPostgresUrl,
      `${what} must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@localhost:5432/virtlens`,
    );

/** An entry as it may be printed: whatever comes before an `@` (user, password) is masked. */
function withoutCredentials(entry: string): string {
  const at = entry.lastIndexOf('@');
  if (at < 0) return entry;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(entry)?.[0] ?? '';
  return `${scheme}***${entry.slice(at)}`;
}

/** A comma-separated list of postgres URLs; empty entries (a trailing comma) are ignored. */
const postgresUrlList = (what: string) =>
  z
    .string()
    .transform((value, ctx) => {
      const entries = value
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      entries.forEach((entry, i) => {
        if (!isPostgresUrl(entry)) {
          ctx.addIssue({
            code: 'custom',
            message: `${what} entry ${i + 1} ("${withoutCredentials(entry)}") must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@replica-1:5432/virtlens`,
          });
        }
      });
      return entries;
    })
    .refine((urls) => new Set(urls).size === urls.length, `${what} lists the same URL twice`);

/** Every setting, its environment variable and its default. `.env` files are not read: set variables in the shell. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], {
    message: 'NODE_ENV must be development, production or test',
  }),
  HOST: z.string().min(1, 'HOST must not be empty (e.g. 127.0.0.1 or 0.0.0.0)'),
  PORT: wholeNumber('PORT', 0, 65535), // 0: any free port (tests)
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }),
  DATABASE_URL: postgresUrl('DATABASE_URL').optional(),
  DATABASE_REPLICA_URLS: postgresUrlList('DATABASE_REPLICA_URLS'),
  VIRTLENS_DATA_DIR: z.string().min(1, 'VIRTLENS_DATA_DIR must not be empty'),
  EMBEDDED_PG_PORT: wholeNumber('EMBEDDED_PG_PORT', 1, 65535),
  DB_POOL_SIZE: wholeNumber('DB_POOL_SIZE', 1, 200),
  DB_REPLICA_MAX_LAG_MS: wholeNumber('DB_REPLICA_MAX_LAG_MS', 2000, 86_400_000),
  SEED_ON_START: bool('SEED_ON_START'),
  SHUTDOWN_TIMEOUT_MS: wholeNumber('SHUTDOWN_TIMEOUT_MS', 0, 600_000),
  DB_WRITE_POOL_SIZE: wholeNumber('DB_WRITE_POOL_SIZE', 1, 50),
  DB_STATEMENT_TIMEOUT_MS: wholeNumber('DB_STATEMENT_TIMEOUT_MS', 100, 600_000),
  GRAPHQL_INTROSPECTION: bool('GRAPHQL_INTROSPECTION'),
  MAX_REQUEST_BYTES: wholeNumber('MAX_REQUEST_BYTES', 1024, 10_485_760),
  RATE_LIMIT_ANONYMOUS: wholeNumber('RATE_LIMIT_ANONYMOUS', 0, 1_000_000),
  RATE_LIMIT_KEY: wholeNumber('RATE_LIMIT_KEY', 0, 1_000_000),
  CONCURRENT_REQUESTS_ANONYMOUS: wholeNumber('CONCURRENT_REQUESTS_ANONYMOUS', 0, 10_000),
  CONCURRENT_REQUESTS_KEY: wholeNumber('CONCURRENT_REQUESTS_KEY', 0, 10_000),
  COST_PER_MINUTE_ANONYMOUS: wholeNumber('COST_PER_MINUTE_ANONYMOUS', 0, 1_000_000_000),
  COST_PER_MINUTE_KEY: wholeNumber('COST_PER_MINUTE_KEY', 0, 1_000_000_000),
  DB_CONNECTIONS_PER_REQUEST: wholeNumber('DB_CONNECTIONS_PER_REQUEST', 1, 200),
  DB_POOL_WAIT_MS: wholeNumber('DB_POOL_WAIT_MS', 100, 600_000),
});

/** The project folder (where package.json is), from `src/` as from `dist/src/`. */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

const DEFAULTS: Record<keyof z.input<typeof schema>, string | undefined> = {
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  PORT: '4000',
  LOG_LEVEL: 'info',
  DATABASE_URL: undefined,
  DATABASE_REPLICA_URLS: '',
  VIRTLENS_DATA_DIR: path.join(PROJECT_ROOT, '.data', 'postgres'),
  EMBEDDED_PG_PORT: '54320',
  DB_POOL_SIZE: '10',
  DB_REPLICA_MAX_LAG_MS: '10000',
  SEED_ON_START: 'true',
  SHUTDOWN_TIMEOUT_MS: '10000',
  DB_WRITE_POOL_SIZE: '2',
  DB_STATEMENT_TIMEOUT_MS: '5000',
  GRAPHQL_INTROSPECTION: 'true',
  MAX_REQUEST_BYTES: '262144',
  RATE_LIMIT_ANONYMOUS: '600',
  RATE_LIMIT_KEY: '6000',
  CONCURRENT_REQUESTS_ANONYMOUS: '6',
  CONCURRENT_REQUESTS_KEY: '16',
  COST_PER_MINUTE_ANONYMOUS: '1000000',
  COST_PER_MINUTE_KEY: '10000000',
  DB_CONNECTIONS_PER_REQUEST: '2',
  DB_POOL_WAIT_MS: '5000',
};

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Set: use that PostgreSQL and start none. Unset: start the embedded one in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /**
   * Streaming replicas of that PostgreSQL: every query's reads go to one of them (the primary when none answers);
   * writes stay on the primary. Empty: the primary serves reads too.
   */
  readonly databaseReplicaUrls: readonly string[];
  /** Absolute path of the embedded PostgreSQL's data folder (kept across restarts). */
  readonly dataDir: string;
  readonly embeddedPgPort: number;
  readonly dbPoolSize: number;
  /**
   * A read replica whose WAL replay is further behind the primary than this, in milliseconds, serves no reads
   * until it catches up. Checked every second, and measured to within that second, hence at least 2000.
   */
  readonly replicaMaxLagMs: number;
  readonly seedOnStart: boolean;
  readonly shutdownTimeoutMs: number;
  /** Connections in the separate pool that serves mutations (reads use `dbPoolSize`). */
  readonly dbWritePoolSize: number;
  /** PostgreSQL `statement_timeout` of every connection, in milliseconds. */
  readonly statementTimeoutMs: number;
  /** Schema introspection on; when off, validation errors also stop suggesting field names. */
  readonly introspection: boolean;
  /** Largest request body accepted on /graphql, in bytes. */
  readonly maxRequestBytes: number;
  /** Requests per minute per client address without a key, and per API key (0: no limit). Per instance. */
  readonly rateLimitAnonymous: number;
  readonly rateLimitKey: number;
  /** Requests in flight at once per client address without a key, and per API key (0: no cap); excess: 429. */
  readonly concurrentRequestsAnonymous: number;
  readonly concurrentRequestsKey: number;
  /** Query cost per minute per client address without a key, and per API key (0: no budget); empty: 429. */
  readonly costPerMinuteAnonymous: number;
  readonly costPerMinuteKey: number;
  /** Read-pool connections one request holds at once; its other statements (aliases) wait their turn. */
  readonly dbConnectionsPerRequest: number;
  /** How long a statement waits for a free read-pool connection before the request gets 503, in ms. */
  readonly dbPoolWaitMs: number;
}

/**
 * Reads, validates and freezes the configuration. The only reader of `process.env` in the project. Unset or
 * empty variables take their defaults; numbers are read by one strict parser ({@link wholeNumber}).
 * @throws ConfigError naming every bad variable (in the order of the schema) and what to set instead.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const raw = env[key];
    input[key] =
      raw === undefined || raw === '' ? DEFAULTS[key] : NUMERIC_VARIABLES.has(key) ? raw : raw.trim();
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const seen = new Set<string>();
    const problems = parsed.error.issues.flatMap((issue) => {
      const key = String(issue.path[0]);
      // One problem per variable (a number that is not digits is not also out of range).
      if (seen.has(key) && !key.startsWith('DATABASE_REPLICA')) return [];
      seen.add(key);
      // Echo the bad value, except where it may hold a password.
      const got = key.startsWith('DATABASE_') ? '' : ` (got "${input[key]}")`;
      return [`${issue.message}${got}`];
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
  }
  const v = parsed.data;
  return Object.freeze({
    env: v.NODE_ENV,
    host: v.HOST,
    port: v.PORT,
    logLevel: v.LOG_LEVEL,
    databaseUrl: v.DATABASE_URL,
    databaseReplicaUrls: Object.freeze(v.DATABASE_REPLICA_URLS),
    dataDir: path.resolve(v.VIRTLENS_DATA_DIR),
    embeddedPgPort: v.EMBEDDED_PG_PORT,
    dbPoolSize: v.DB_POOL_SIZE,
    replicaMaxLagMs: v.DB_REPLICA_MAX_LAG_MS,
    seedOnStart: v.SEED_ON_START,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    dbWritePoolSize: v.DB_WRITE_POOL_SIZE,
    statementTimeoutMs: v.DB_STATEMENT_TIMEOUT_MS,
    introspection: v.GRAPHQL_INTROSPECTION,
    maxRequestBytes: v.MAX_REQUEST_BYTES,
    rateLimitAnonymous: v.RATE_LIMIT_ANONYMOUS,
    rateLimitKey: v.RATE_LIMIT_KEY,
    concurrentRequestsAnonymous: v.CONCURRENT_REQUESTS_ANONYMOUS,
    concurrentRequestsKey: v.CONCURRENT_REQUESTS_KEY,
    costPerMinuteAnonymous: v.COST_PER_MINUTE_ANONYMOUS,
    costPerMinuteKey: v.COST_PER_MINUTE_KEY,
    dbConnectionsPerRequest: v.DB_CONNECTIONS_PER_REQUEST,
    dbPoolWaitMs: v.DB_POOL_WAIT_MS,
  });
}
