import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createKey, graphqlAs } from '../support/api-keys';
import { poll, startReplicatedPostgres, type ReplicatedPostgres } from '../support/replication';

jest.setTimeout(120_000);

/**
 * Read replicas end to end: a real primary and a streaming standby (see support/replication.ts), the server
 * started with DATABASE_URL=primary and DATABASE_REPLICA_URLS=standby, and every check made through GraphQL over
 * HTTP. Pausing WAL replay on the standby freezes what it shows, which tells which server answered.
 */
let cluster: ReplicatedPostgres;
let app: App;
let editor: string;
/** The server's warnings and errors, as logged. */
const warnings: { msg: string; replica?: string }[] = [];

const VENDOR = `{ vendor(slug: "replica-lab") { slug name sources { slug } } }`;

beforeAll(async () => {
  cluster = await startReplicatedPostgres('virtlens');
  const sink = new Writable({
    write(line: Buffer, _encoding, done) {
      warnings.push(JSON.parse(line.toString()) as { msg: string });
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: cluster.primary.url('virtlens'),
    DATABASE_REPLICA_URLS: cluster.standby.url('virtlens'),
    SEED_ON_START: 'false',
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '4',
  });
  app = await startApp(config, pino({ level: config.logLevel }, sink));
  await cluster.waitForReplay(); // the migrations the server applied on the primary
});

afterAll(async () => {
  await app?.stop();
  await cluster?.destroy();
});

const replicaName = () => `localhost:${cluster.standby.port}/virtlens`;

const replicaWarnings = () =>
  warnings.filter((w) => w.msg.startsWith('read replica')).map((w) => ({ msg: w.msg, replica: w.replica }));

async function readyz(url = app.url): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: await res.json() };
}

/** The vendor as the server's queries see it, once `expected` (polled: replay takes a moment). */
async function expectVendorSoon(expected: unknown): Promise<void> {
  let last: unknown;
  await poll(`the query to show ${JSON.stringify(expected)}`, async () => {
    last = (await graphqlAs(app.url, null, VENDOR)).body;
    return JSON.stringify(last) === JSON.stringify(expected);
  }).catch((error: Error) => {
    throw new Error(`${error.message}; last answer ${JSON.stringify(last)}`);
  });
}

const renameVendor = (name: string) =>
  graphqlAs(
    app.url,
    editor,
    `mutation($name: String!) { updateVendor(slug: "replica-lab", input: { name: $name }) { slug name } }`,
    {
      name,
    },
  );

describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  it('start with the replica up: /readyz counts it healthy', async () => {
    expect(await readyz()).toEqual({
      status: 200,
      body: {
        status: 'ready',
        database: 'up',
        migrations: 'applied',
        replicas: {
          healthy: 1,
          total: 1,
          maxLagMs: 10000,
          replicas: [{ name: replicaName(), state: 'serving', lagMs: expect.any(Number) as number }],
        },
      },
    });
  });

  it('queries read from the replica while mutations write to the primary and answer from it', async () => {
    await cluster.pauseReplay();
    // A key made now is not on the replica: keys are checked on the primary.
    editor = await createKey(app.dataSource, 'editor');

    const source = await graphqlAs(
      app.url,
      editor,
      `mutation { createSource(input: { slug: "replica-lab-notes", title: "Replica lab notes", publisher: "virtlens",
         url: "https://example.org/replica-lab", kind: OTHER }) { slug title } }`,
    );
    const vendor = await graphqlAs(
      app.url,
      editor,
      `mutation { createVendor(input: { slug: "replica-lab", name: "Replica Lab", kind: PROJECT,
         description: "Made by the replication test.", sourceSlugs: ["replica-lab-notes"] }) { slug name sources { slug title } } }`,
    );
    // The payloads, nested citations included, are read back after the commit: from the primary.
    expect(source.body).toEqual({
      data: { createSource: { slug: 'replica-lab-notes', title: 'Replica lab notes' } },
    });
    expect(vendor.body).toEqual({
      data: {
        createVendor: {
          slug: 'replica-lab',
          name: 'Replica Lab',
          sources: [{ slug: 'replica-lab-notes', title: 'Replica lab notes' }],
        },
      },
    });

    // The writes are on the primary, each with its audit entry, under the request ids of the two mutations.
    const onPrimary = await cluster.primary.session(
      (c) =>
        c.query(`SELECT v.name, (SELECT json_agg(json_build_object('action', action, 'requestId', request_id) ORDER BY id)
                   FROM audit_log) AS audit FROM vendor v WHERE v.slug = 'replica-lab'`),
      'virtlens',
    );
    expect(onPrimary.rows).toEqual([
      {
        name: 'Replica Lab',
        audit: [
          { action: 'createSource', requestId: source.headers.get('x-request-id') },
          { action: 'createVendor', requestId: vendor.headers.get('x-request-id') },
        ],
      },
    ]);

    // A query does not see them yet: it was answered by the paused replica.
    expect((await graphqlAs(app.url, null, VENDOR)).body).toEqual({ data: { vendor: null } });
    expect((await graphqlAs(app.url, null, `{ source(slug: "replica-lab-notes") { slug } }`)).body).toEqual({
      data: { source: null },
    });
    const readersOnStandby = await cluster.standby.session((c) =>
      c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'virtlens' AND application_name = 'virtlens'`,
      ),
    );
    expect(readersOnStandby.rows[0].n).toBeGreaterThan(0);

    await cluster.resumeReplay();
    await expectVendorSoon({
      data: {
        vendor: { slug: 'replica-lab', name: 'Replica Lab', sources: [{ slug: 'replica-lab-notes' }] },
      },
    });
    expect(replicaWarnings()).toEqual([]);
  });

  it('when the replica stops, the primary answers the queries and /readyz stays ready with the replica down', async () => {
    await cluster.standby.stop();

    // Written while the standby is down: a query can only show it if the primary answered.
    expect((await renameVendor('Replica Lab (primary only)')).body).toEqual({
      data: { updateVendor: { slug: 'replica-lab', name: 'Replica Lab (primary only)' } },
    });
    expect((await graphqlAs(app.url, null, VENDOR)).body).toEqual({
      data: {
        vendor: {
          slug: 'replica-lab',
          name: 'Replica Lab (primary only)',
          sources: [{ slug: 'replica-lab-notes' }],
        },
      },
    });
    expect(
      (await graphqlAs(app.url, null, `{ vendors(first: 5) { totalCount nodes { slug } } }`)).body,
    ).toEqual({
      data: { vendors: { totalCount: 1, nodes: [{ slug: 'replica-lab' }] } },
    });

    expect(await readyz()).toEqual({
      status: 200,
      body: {
        status: 'ready',
        database: 'up',
        migrations: 'applied',
        replicas: {
          healthy: 0,
          total: 1,
          maxLagMs: 10000,
          replicas: [{ name: replicaName(), state: 'down', lagMs: null }],
        },
      },
    });
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain(
      `virtlens_db_replica_up{replica="localhost:${cluster.standby.port}/virtlens"} 0`,
    );
    expect(replicaWarnings()).toEqual([
      {
        msg: 'read replica is down: reads go to the primary',
        replica: `localhost:${cluster.standby.port}/virtlens`,
      },
    ]);
  });

  it('when the replica is back, reads go to it again', async () => {
    await cluster.standby.start();
    await cluster.waitForStreaming();
    // Re-checked every 5 s.
    await poll('/readyz to count the replica healthy again', async () => {
      const { body } = await readyz();
      return (body as { replicas: { healthy: number } }).replicas.healthy === 1;
    });
    await cluster.waitForReplay();
    await cluster.pauseReplay();

    expect((await renameVendor('Replica Lab (renamed)')).body).toEqual({
      data: { updateVendor: { slug: 'replica-lab', name: 'Replica Lab (renamed)' } },
    });
    // The replica answers: it still shows the name it had replayed before the pause.
    expect((await graphqlAs(app.url, null, VENDOR)).body).toEqual({
      data: {
        vendor: {
          slug: 'replica-lab',
          name: 'Replica Lab (primary only)',
          sources: [{ slug: 'replica-lab-notes' }],
        },
      },
    });
    await cluster.resumeReplay();
    await expectVendorSoon({
      data: {
        vendor: {
          slug: 'replica-lab',
          name: 'Replica Lab (renamed)',
          sources: [{ slug: 'replica-lab-notes' }],
        },
      },
    });

    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain(
      `virtlens_db_replica_up{replica="localhost:${cluster.standby.port}/virtlens"} 1`,
    );
    // One warning per change of state.
    const replica = `localhost:${cluster.standby.port}/virtlens`;
    expect(replicaWarnings()).toEqual([
      { msg: 'read replica is down: reads go to the primary', replica },
      { msg: 'read replica is back: reads go to it again', replica },
    ]);
  });

  it('a replica whose replay lags more than DB_REPLICA_MAX_LAG_MS serves no reads until it catches up', async () => {
    const logged: { msg: string; replica?: string; lagMs?: number }[] = [];
    const sink = new Writable({
      write(line: Buffer, _encoding, done) {
        logged.push(JSON.parse(line.toString()) as { msg: string });
        done();
      },
    });
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: cluster.primary.url('virtlens'),
      DATABASE_REPLICA_URLS: cluster.standby.url('virtlens'),
      DB_REPLICA_MAX_LAG_MS: '3000',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '4',
    });
    const lagging = await startApp(config, pino({ level: config.logLevel }, sink));
    const replica = replicaName();
    type Replicas = { replicas: { healthy: number; replicas: { state: string; lagMs: number | null }[] } };
    const stateOf = async () => ((await readyz(lagging.url)).body as Replicas).replicas;
    const nameSeen = async () =>
      (await graphqlAs<{ vendor: { name: string } }>(lagging.url, null, VENDOR)).body.data?.vendor.name ??
      null;
    const rename = (name: string) =>
      graphqlAs(
        lagging.url,
        editor,
        `mutation($name: String!) { updateVendor(slug: "replica-lab", input: { name: $name }) { name } }`,
        {
          name,
        },
      );
    try {
      await cluster.waitForReplay();
      await poll(
        'the replica to be measured caught up',
        async () => (await stateOf()).replicas[0].lagMs === 0,
      );

      // Behind, within the limit: still served by the replica (the name it had replayed).
      await cluster.pauseReplay();
      expect((await rename('Replica Lab (lagging)')).body).toEqual({
        data: { updateVendor: { name: 'Replica Lab (lagging)' } },
      });
      expect(await nameSeen()).toBe('Replica Lab (renamed)');

      // Past the limit: taken out; the primary answers, with the new name.
      await poll('the replica to be taken out for its lag', async () => (await stateOf()).healthy === 0);
      expect(await stateOf()).toEqual({
        healthy: 0,
        total: 1,
        maxLagMs: 3000,
        replicas: [{ name: replica, state: 'lagging', lagMs: expect.any(Number) as number }],
      });
      expect((await stateOf()).replicas[0].lagMs).toBeGreaterThan(3000);
      expect(await nameSeen()).toBe('Replica Lab (lagging)');
      const metrics = await (await fetch(`${lagging.url}/metrics`)).text();
      expect(metrics).toContain(`virtlens_db_replica_up{replica="${replica}"} 0`);
      const lagSeconds = Number(
        new RegExp(`virtlens_db_replica_lag_seconds\\{replica="${replica}"\\} ([0-9.e+-]+)`).exec(
          metrics,
        )?.[1],
      );
      expect(lagSeconds).toBeGreaterThan(3);
      expect((await readyz(lagging.url)).status).toBe(200);

      // Caught up: served again. Shown by pausing once more: the next answer is the replica's, one write behind.
      await cluster.resumeReplay();
      await poll('the replica to serve reads again', async () => (await stateOf()).healthy === 1);
      expect(await stateOf()).toEqual({
        healthy: 1,
        total: 1,
        maxLagMs: 3000,
        replicas: [{ name: replica, state: 'serving', lagMs: expect.any(Number) as number }],
      });
      await cluster.pauseReplay();
      await rename('Replica Lab (caught up)');
      expect(await nameSeen()).toBe('Replica Lab (lagging)');
      await cluster.resumeReplay();
      expect(
        logged
          .filter((w) => w.msg.startsWith('read replica'))
          .map((w) => ({ msg: w.msg, replica: w.replica, lagging: (w.lagMs ?? 0) > 3000 })),
      ).toEqual([
        { msg: 'read replica lags behind the primary: its reads go to the primary', replica, lagging: true },
        { msg: 'read replica caught up: reads go to it again', replica, lagging: false },
      ]);
    } finally {
      await cluster.resumeReplay();
      await lagging.stop();
    }
  });
});
