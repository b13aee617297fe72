import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { freePort } from '../../src/db/scratch-postgres';
import { graphqlAs } from '../support/api-keys';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * A replica that does not answer when the server starts does not stop the start: the primary serves its reads
 * (read-only, with the statement timeout) and the operator gets one warning naming it. The "replica" is a port
 * nothing listens on (connection refused).
 */
let database: TestDatabase;
let app: App;
let replicaPort: number;
const lines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  replicaPort = await freePort();
  const sink = new Writable({
    write(line: Buffer, _encoding, done) {
      lines.push(line.toString());
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    DATABASE_REPLICA_URLS: `postgres://reader:hunter2@localhost:${replicaPort}/virtlens`,
    SEED_ON_START: 'false',
    LOG_LEVEL: 'info',
    DB_POOL_SIZE: '2',
  });
  app = await startApp(config, pino({ level: config.logLevel }, sink));
});

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

describe('a read replica that is down at start', () => {
  it('the server starts with one warning naming the replica (no password), and says reads go to the primary', () => {
    const logged = lines.map((l) => {
      const { level, msg, replica, reason, healthyReplicas, totalReplicas, replicas } = JSON.parse(
        l,
      ) as Record<string, unknown>;
      return { level, msg, replica, reason, healthyReplicas, totalReplicas, replicas };
    });
    expect(logged.filter((l) => /replica/.test(String(l.msg)))).toEqual([
      {
        level: 40,
        msg: 'read replica is down: reads go to the primary',
        replica: `localhost:${replicaPort}/virtlens`,
        reason: expect.stringContaining('ECONNREFUSED') as string,
        healthyReplicas: 0,
        totalReplicas: 1,
        replicas: undefined,
      },
      {
        level: 30,
        msg: 'no read replica answers: queries read from the primary until one does',
        replica: undefined,
        reason: undefined,
        healthyReplicas: undefined,
        totalReplicas: undefined,
        replicas: [`localhost:${replicaPort}/virtlens (down)`],
      },
    ]);
    expect(lines.join('\n')).not.toContain('hunter2');
  });

  it('queries are answered by the primary, and /readyz is ready with 0 of 1 replicas healthy', async () => {
    expect((await graphqlAs(app.url, null, '{ vendor(slug: "amd") { slug name } }')).body).toEqual({
      data: { vendor: { slug: 'amd', name: 'AMD' } },
    });
    const res = await fetch(`${app.url}/readyz`);
    expect({ status: res.status, body: await res.json() }).toEqual({
      status: 200,
      body: {
        status: 'ready',
        database: 'up',
        migrations: 'applied',
        replicas: {
          healthy: 0,
          total: 1,
          maxLagMs: 10000,
          replicas: [{ name: `localhost:${replicaPort}/virtlens`, state: 'down', lagMs: null }],
        },
      },
    });
  });

  it('the primary serves those reads read-only, with the statement timeout', async () => {
    const settings = await app.readDataSource.query<{ ro: string; timeout: string }[]>(
      `SELECT current_setting('default_transaction_read_only') AS ro, current_setting('statement_timeout') AS timeout`,
    );
    expect(settings).toEqual([{ ro: 'on', timeout: '5s' }]);
  });
});
