import path from 'node:path';
import { ConfigError, PROJECT_ROOT, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('when nothing is set, runs on port 4000 with the embedded PostgreSQL in the project', () => {
    expect(loadConfig({})).toEqual({
      env: 'development',
      host: '127.0.0.1',
      port: 4000,
      logLevel: 'info',
      databaseUrl: undefined,
      databaseReplicaUrls: [],
      dataDir: path.join(PROJECT_ROOT, '.data', 'postgres'),
      embeddedPgPort: 54320,
      dbPoolSize: 10,
      replicaMaxLagMs: 10000,
      seedOnStart: true,
      shutdownTimeoutMs: 10000,
      dbWritePoolSize: 2,
      statementTimeoutMs: 5000,
      introspection: true,
      maxRequestBytes: 262144,
      rateLimitAnonymous: 600,
      rateLimitKey: 6000,
      concurrentRequestsAnonymous: 6,
      concurrentRequestsKey: 16,
      costPerMinuteAnonymous: 1000000,
      costPerMinuteKey: 10000000,
      dbConnectionsPerRequest: 2,
      dbPoolWaitMs: 5000,
    });
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it('reads every variable, resolving the data folder to an absolute path', () => {
    expect(
      loadConfig({
        NODE_ENV: 'production',
        HOST: '0.0.0.0',
        PORT: '8080',
        LOG_LEVEL: 'warn',
        DATABASE_URL: 'postgres://app:secret@db:5432/virtlens',
        DATABASE_REPLICA_URLS: 'postgres://app:secret@replica-1:5432/virtlens',
        VIRTLENS_DATA_DIR: 'relative/pg',
        EMBEDDED_PG_PORT: '6000',
        DB_POOL_SIZE: '20',
        DB_REPLICA_MAX_LAG_MS: '2500',
        SEED_ON_START: 'false',
        SHUTDOWN_TIMEOUT_MS: '2500',
        DB_WRITE_POOL_SIZE: '3',
        DB_STATEMENT_TIMEOUT_MS: '1500',
        GRAPHQL_INTROSPECTION: 'false',
        MAX_REQUEST_BYTES: '4096',
        RATE_LIMIT_ANONYMOUS: '0',
        RATE_LIMIT_KEY: '100',
        CONCURRENT_REQUESTS_ANONYMOUS: '0',
        CONCURRENT_REQUESTS_KEY: '8',
        COST_PER_MINUTE_ANONYMOUS: '50000',
        COST_PER_MINUTE_KEY: '0',
        DB_CONNECTIONS_PER_REQUEST: '1',
        DB_POOL_WAIT_MS: '750',
      }),
    ).toEqual({
      env: 'production',
      host: '0.0.0.0',
      port: 8080,
      logLevel: 'warn',
      databaseUrl: 'postgres://app:secret@db:5432/virtlens',
      databaseReplicaUrls: ['postgres://app:secret@replica-1:5432/virtlens'],
      dataDir: path.resolve('relative/pg'),
      embeddedPgPort: 6000,
      dbPoolSize: 20,
      replicaMaxLagMs: 2500,
      seedOnStart: false,
      shutdownTimeoutMs: 2500,
      dbWritePoolSize: 3,
      statementTimeoutMs: 1500,
      introspection: false,
      maxRequestBytes: 4096,
      rateLimitAnonymous: 0,
      rateLimitKey: 100,
      concurrentRequestsAnonymous: 0,
      concurrentRequestsKey: 8,
      costPerMinuteAnonymous: 50000,
      costPerMinuteKey: 0,
      dbConnectionsPerRequest: 1,
      dbPoolWaitMs: 750,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be a whole number from 0 to 65535 (got "abc").'],
    [
      { DB_REPLICA_MAX_LAG_MS: '1000' },
      'Invalid configuration: DB_REPLICA_MAX_LAG_MS must be a whole number from 2000 to 86400000 (got "1000").',
    ],
    [
      { DB_REPLICA_MAX_LAG_MS: '5s' },
      'Invalid configuration: DB_REPLICA_MAX_LAG_MS must be a whole number from 2000 to 86400000 (got "5s").',
    ],
    [{ PORT: '70000' }, 'Invalid configuration: PORT must be a whole number from 0 to 65535 (got "70000").'],
    [{ PORT: '80.5' }, 'Invalid configuration: PORT must be a whole number from 0 to 65535 (got "80.5").'],
    [
      { LOG_LEVEL: 'loud' },
      'Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud").',
    ],
    [{ SEED_ON_START: 'maybe' }, 'Invalid configuration: SEED_ON_START must be true or false (got "maybe").'],
    [
      { DB_POOL_SIZE: '0' },
      'Invalid configuration: DB_POOL_SIZE must be a whole number from 1 to 200 (got "0").',
    ],
    [
      { NODE_ENV: 'staging' },
      'Invalid configuration: NODE_ENV must be development, production or test (got "staging").',
    ],
  ])('rejects %j with one sentence saying what to set', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });

  describe('one strict number parser for every numeric variable (defect 8)', () => {
    it.each([
      ['PORT', ' ', 0, 65535],
      ['RATE_LIMIT_ANONYMOUS', ' ', 0, 1000000],
      ['PORT', '0x10', 0, 65535],
      ['DB_POOL_SIZE', '0x10', 1, 200],
      ['MAX_REQUEST_BYTES', '1e4', 1024, 10485760],
      ['SHUTDOWN_TIMEOUT_MS', '1e3', 0, 600000],
      ['EMBEDDED_PG_PORT', ' 5432', 1, 65535],
      ['RATE_LIMIT_KEY', '+5', 0, 1000000],
      ['DB_STATEMENT_TIMEOUT_MS', '5_000', 100, 600000],
      ['CONCURRENT_REQUESTS_ANONYMOUS', '0x4', 0, 10000],
      ['DB_CONNECTIONS_PER_REQUEST', '0', 1, 200],
      ['DB_POOL_WAIT_MS', '5e3', 100, 600000],
      ['COST_PER_MINUTE_ANONYMOUS', '1e6', 0, 1000000000],
    ])('%s=%j is refused, not read as another number', (key, value, min, max) => {
      expect(() => loadConfig({ [key]: value })).toThrow(
        new ConfigError(
          `Invalid configuration: ${key} must be a whole number from ${min} to ${max} (got "${value}").`,
        ),
      );
    });

    it('reads plain decimal digits', () => {
      expect(loadConfig({ PORT: '8080', RATE_LIMIT_ANONYMOUS: '0' })).toMatchObject({
        port: 8080,
        rateLimitAnonymous: 0,
      });
    });

    it('reports every bad value at once, in the order of the settings', () => {
      expect(() =>
        loadConfig({ PORT: ' ', LOG_LEVEL: 'loud', DB_POOL_SIZE: '0x10', RATE_LIMIT_ANONYMOUS: '1e3' }),
      ).toThrow(
        new ConfigError(
          'Invalid configuration: PORT must be a whole number from 0 to 65535 (got " "); ' +
            'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud"); ' +
            'DB_POOL_SIZE must be a whole number from 1 to 200 (got "0x10"); ' +
            'RATE_LIMIT_ANONYMOUS must be a whole number from 0 to 1000000 (got "1e3").',
        ),
      );
    });
  });

  it('never echoes DATABASE_URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/x' })).toThrow(
      new ConfigError(
        'Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@localhost:5432/virtlens.',
      ),
    );
  });

  describe('DATABASE_REPLICA_URLS', () => {
    it('reads a comma-separated list, ignoring spaces and empty entries, and freezes it', () => {
      const config = loadConfig({
        DATABASE_REPLICA_URLS:
          ' postgres://app:pw@replica-1:5432/virtlens , postgresql://replica-2/virtlens,',
      });
      expect(config.databaseReplicaUrls).toEqual([
        'postgres://app:pw@replica-1:5432/virtlens',
        'postgresql://replica-2/virtlens',
      ]);
      expect(Object.isFrozen(config.databaseReplicaUrls)).toBe(true);
    });

    it.each(['', ' ', ','])('when set to %j, there are no replicas', (value) => {
      expect(loadConfig({ DATABASE_REPLICA_URLS: value }).databaseReplicaUrls).toEqual([]);
    });

    it.each([
      [
        'postgres://replica-1/virtlens,mysql://root:hunter2@replica-2/virtlens',
        'Invalid configuration: DATABASE_REPLICA_URLS entry 2 ("mysql://***@replica-2/virtlens") must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@replica-1:5432/virtlens.',
      ],
      [
        'app:hunter2@replica-1:5432/virtlens',
        'Invalid configuration: DATABASE_REPLICA_URLS entry 1 ("***@replica-1:5432/virtlens") must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@replica-1:5432/virtlens.',
      ],
      [
        'replica-1:5432',
        'Invalid configuration: DATABASE_REPLICA_URLS entry 1 ("replica-1:5432") must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@replica-1:5432/virtlens.',
      ],
      [
        'postgres://app:hunter2@replica-1/virtlens,postgres://app:hunter2@replica-1/virtlens',
        'Invalid configuration: DATABASE_REPLICA_URLS lists the same URL twice.',
      ],
    ])('rejects %j naming the entry, without its password', (value, message) => {
      expect(() => loadConfig({ DATABASE_REPLICA_URLS: value })).toThrow(new ConfigError(message));
      expect(() => loadConfig({ DATABASE_REPLICA_URLS: value })).not.toThrow(/hunter2/);
    });
  });
});
