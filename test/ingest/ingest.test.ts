import { createKey, graphqlAs } from '../support/api-keys';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let editor: string;
let admin: string;
let reader: string;
beforeAll(async () => {
  server = await startTestServer();
  editor = await createKey(server.app.dataSource, 'editor', 'harness');
  admin = await createKey(server.app.dataSource, 'admin', 'operator');
  reader = await createKey(server.app.dataSource, 'reader', 'analyst');
});
afterAll(() => server.stop());

const db = () => server.app.dataSource;
const count = async (sql: string, params: unknown[] = []) =>
  Number((await db().query<{ n: string }[]>(sql, params))[0].n);
const tableCounts = async () => ({
  runs: await count('SELECT count(*) AS n FROM benchmark_run'),
  measurements: await count('SELECT count(*) AS n FROM measurement'),
  rollups: await count('SELECT count(*) AS n FROM measurement_rollup'),
  totals: await count('SELECT count(*) AS n FROM measurement_rollup_total'),
  audits: await count('SELECT count(*) AS n FROM audit_log'),
});

const INGEST = `mutation ($input: IngestMeasurementsInput!) {
  ingestMeasurements(input: $input) { rows created run { kind label batchId rowCount modelVersion } }
}`;
const SCENARIO = 'xen-3-1-pv-linux--core2-duo-2660';

const rows = [
  { scenario: SCENARIO, workload: 'net-rx', measuredOn: '2007-08-07', repetition: 0, value: 901.5 },
  { scenario: SCENARIO, workload: 'net-rx', measuredOn: '2007-08-08', repetition: 1, value: 880.25 },
  { scenario: SCENARIO, workload: 'net-rx', measuredOn: '2007-09-01', repetition: 2, value: 899 },
  { scenario: SCENARIO, workload: 'kernel-build', measuredOn: '2007-08-07', repetition: 0, value: 271.5 },
];
const csv = ['scenario,workload,measured_on,repetition,value']
  .concat(rows.map((r) => [r.scenario, r.workload, r.measuredOn, r.repetition, r.value].join(',')))
  .join('\n');

const errorOf = (res: Awaited<ReturnType<typeof graphqlAs>>) =>
  res.body.errors?.map((e) => ({
    message: e.message,
    code: e.extensions?.code,
    argumentName: e.extensions?.argumentName,
  }));

describe('ingestMeasurements', () => {
  it('loads a JSON batch with its rollups, audited, and the statistics include it at once', async () => {
    const before = await tableCounts();
    const res = await graphqlAs(server.url, editor, INGEST, {
      input: { batchId: 'lab-2007-08-a', format: 'JSON', data: JSON.stringify(rows), label: 'lab run A' },
    });
    expect(res.body).toEqual({
      data: {
        ingestMeasurements: {
          rows: 4,
          created: true,
          run: {
            kind: 'INGESTED',
            label: 'lab run A',
            batchId: 'lab-2007-08-a',
            rowCount: 4,
            modelVersion: null,
          },
        },
      },
    });
    expect(await tableCounts()).toEqual({
      runs: before.runs + 1,
      measurements: before.measurements + 4,
      // net-rx in August and September, kernel-build in August; the whole window: two groups
      rollups: before.rollups + 3,
      totals: before.totals + 2,
      audits: before.audits + 1,
    });
    const [run] = await db().query<{ id: number }[]>(
      `SELECT id FROM benchmark_run WHERE batch_id = 'lab-2007-08-a'`,
    );
    const stats = await graphqlAs<{ performanceStats: { groups: unknown[] } }>(
      server.url,
      null,
      `query ($runs: [Int!]) { performanceStats(groupBy: [WORKLOAD, MONTH], filter: { runs: $runs }) {
        groups { key { workload { slug } period } count mean min max } } }`,
      { runs: [run.id] },
    );
    expect(stats.body.data?.performanceStats.groups).toEqual(
      [
        {
          key: { workload: { slug: 'kernel-build' }, period: '2007-08' },
          count: 1,
          mean: 271.5,
          min: 271.5,
          max: 271.5,
        },
        {
          key: { workload: { slug: 'net-rx' }, period: '2007-08' },
          count: 2,
          mean: 890.875,
          min: 880.25,
          max: 901.5,
        },
        { key: { workload: { slug: 'net-rx' }, period: '2007-09' }, count: 1, mean: 899, min: 899, max: 899 },
      ].sort((a, b) => (a.key.workload.slug < b.key.workload.slug ? -1 : 1)),
    );
    const [audit] = await db().query<Record<string, unknown>[]>(
      `SELECT key_name, action, entity, entity_id, before, after->>'batch_id' AS batch FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      key_name: 'harness',
      action: 'ingestMeasurements',
      entity: 'benchmark_run',
      entity_id: String(run.id),
      before: null,
      batch: 'lab-2007-08-a',
    });
  });

  it('is idempotent by batch id: the same rows again (even as CSV) write nothing', async () => {
    const before = await tableCounts();
    const res = await graphqlAs(server.url, editor, INGEST, {
      input: { batchId: 'lab-2007-08-a', format: 'CSV', data: csv },
    });
    expect(res.body.data).toEqual({
      ingestMeasurements: {
        rows: 4,
        created: false,
        run: {
          kind: 'INGESTED',
          label: 'lab run A',
          batchId: 'lab-2007-08-a',
          rowCount: 4,
          modelVersion: null,
        },
      },
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses other rows under a used batch id', async () => {
    const res = await graphqlAs(server.url, editor, INGEST, {
      input: { batchId: 'lab-2007-08-a', format: 'JSON', data: JSON.stringify(rows.slice(1)) },
    });
    const [run] = await db().query<{ id: number }[]>(
      `SELECT id FROM benchmark_run WHERE batch_id = 'lab-2007-08-a'`,
    );
    expect(errorOf(res)).toEqual([
      {
        message: `Batch id "lab-2007-08-a" was already loaded (run ${run.id}) with other rows; use a new batch id.`,
        code: 'BAD_USER_INPUT',
        argumentName: 'input.batchId',
      },
    ]);
  });

  it.each([
    ['JSON that does not parse', 'JSON', 'not json', /^The batch is not valid JSON: /],
    [
      'JSON that is not an array',
      'JSON',
      '{"scenario": "x"}',
      /^A JSON batch must be an array of row objects\.$/,
    ],
    ['an empty batch', 'JSON', '[]', /^The batch has no rows\.$/],
    [
      'a CSV without the header row',
      'CSV',
      'a,b\n1,2',
      /^A CSV batch starts with the header row "scenario,workload,measured_on,repetition,value"\.$/,
    ],
    [
      'CSV that does not parse',
      'CSV',
      'scenario,workload,measured_on,repetition,value\n"unclosed,x',
      /^The batch is not valid CSV: /,
    ],
    [
      'a negative value',
      'JSON',
      JSON.stringify([{ ...rows[0], value: -1 }]),
      /^Row 1: value must be a finite number > 0, got -1\.$/,
    ],
    [
      'an impossible date',
      'JSON',
      JSON.stringify([rows[0], { ...rows[1], measuredOn: '2007-02-30' }]),
      /^Row 2: measuredOn must be a date "YYYY-MM-DD", got "2007-02-30"\.$/,
    ],
    [
      'a date outside the stored period',
      'JSON',
      JSON.stringify([{ ...rows[0], measuredOn: '2015-01-01' }]),
      /^Row 1: measuredOn 2015-01-01 is outside the stored period 2002-01-01 to 2011-12-31\.$/,
    ],
    [
      'a fractional repetition',
      'JSON',
      JSON.stringify([{ ...rows[0], repetition: 1.5 }]),
      /^Row 1: repetition must be a whole number ≥ 0, got 1\.5\.$/,
    ],
    [
      'a repetition twice',
      'JSON',
      JSON.stringify([rows[0], rows[0]]),
      /^Row 2: repetition 0 of .* appears twice in the batch\.$/,
    ],
    [
      'an unknown scenario',
      'JSON',
      JSON.stringify([rows[0], { ...rows[1], scenario: 'no-such-scenario' }]),
      /^Row 2: unknown scenario "no-such-scenario" \(see the scenarios query\)\.$/,
    ],
    [
      'an injection string as a workload slug',
      'JSON',
      JSON.stringify([{ ...rows[0], workload: "x'; DROP TABLE measurement; --" }]),
      /^Row 1: workload must be a slug/,
    ],
  ])('refuses %s and changes nothing', async (_label, format, data, message) => {
    const before = await tableCounts();
    const res = await graphqlAs(server.url, editor, INGEST, {
      input: { batchId: 'bad-batch', format, data },
    });
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].message).toMatch(message);
    expect(res.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'input.data',
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('needs the editor role', async () => {
    const input = { batchId: 'anon', format: 'JSON', data: JSON.stringify(rows) };
    expect(errorOf(await graphqlAs(server.url, null, INGEST, { input }))).toEqual([
      {
        message:
          'ingestMeasurements needs an API key with the editor role: send "Authorization: Bearer <key>".',
        code: 'UNAUTHENTICATED',
        argumentName: undefined,
      },
    ]);
    expect(errorOf(await graphqlAs(server.url, reader, INGEST, { input }))?.[0]).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses a malformed batch id', async () => {
    const res = await graphqlAs(server.url, editor, INGEST, {
      input: { batchId: ' spaces ', format: 'JSON', data: JSON.stringify(rows) },
    });
    expect(errorOf(res)).toEqual([
      {
        message:
          'batchId must be 1–100 characters of letters, digits and . _ : - (starting with a letter or digit).',
        code: 'BAD_USER_INPUT',
        argumentName: 'input.batchId',
      },
    ]);
  });
});

const SIMULATE = `mutation ($input: SimulateBenchmarksInput!) {
  simulateBenchmarks(input: $input) { id status seed rowsTotal requestedBy }
}`;
const JOB = `query ($id: ID!) { simulationJob(id: $id) { id status rowsDone rowsTotal progress runId error } }`;

async function waitForJob(id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await graphqlAs<{ simulationJob: { status: string; error: string | null } }>(
      server.url,
      admin,
      JOB,
      {
        id,
      },
    );
    const { status } = res.body.data!.simulationJob;
    if (status !== 'QUEUED' && status !== 'RUNNING') return res.body.data!.simulationJob;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the job did not finish');
}

describe('simulateBenchmarks', () => {
  it('queues a simulation that runs in the background; simulationJob reports it and the run lands whole', async () => {
    const res = await graphqlAs<{ simulateBenchmarks: { id: string } }>(server.url, admin, SIMULATE, {
      input: { rows: 3000, seed: 77 },
    });
    expect(res.body.data?.simulateBenchmarks).toEqual({
      id: expect.any(String),
      status: 'QUEUED',
      seed: 77,
      rowsTotal: 3000,
      requestedBy: expect.stringMatching(/\(operator\)$/),
    });
    const job = await waitForJob(res.body.data!.simulateBenchmarks.id);
    const [run] = await db().query<{ id: number; n: string }[]>(
      `SELECT id, row_count AS n FROM benchmark_run WHERE kind = 'simulated' AND seed = 77`,
    );
    expect(job).toEqual({
      id: res.body.data!.simulateBenchmarks.id,
      status: 'SUCCEEDED',
      rowsDone: 3000,
      rowsTotal: 3000,
      progress: 1,
      runId: run.id,
      error: null,
    });
    expect(await count('SELECT count(*) AS n FROM measurement WHERE run_id = $1', [run.id])).toBe(3000);
  });

  it('reports a failed job without leaving rows (the same seed and size again, without replace)', async () => {
    const before = await tableCounts();
    const res = await graphqlAs<{ simulateBenchmarks: { id: string } }>(server.url, admin, SIMULATE, {
      input: { rows: 3000, seed: 77 },
    });
    const job = await waitForJob(res.body.data!.simulateBenchmarks.id);
    expect(job).toMatchObject({ status: 'FAILED', runId: null });
    expect(job.error).toMatch(/^a run with this seed, model version and size is already loaded/);
    expect(await tableCounts()).toEqual({ ...before, audits: before.audits + 1 });
  });

  it('needs the admin role, also to read a job', async () => {
    expect(errorOf(await graphqlAs(server.url, editor, SIMULATE, { input: { rows: 10 } }))).toEqual([
      {
        message: expect.stringMatching(
          /^simulateBenchmarks needs the admin role; key \S+ has the editor role\.$/,
        ),
        code: 'FORBIDDEN',
        argumentName: undefined,
      },
    ]);
    expect(errorOf(await graphqlAs(server.url, editor, JOB, { id: 'x' }))?.[0]).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses a size out of range', async () => {
    expect(errorOf(await graphqlAs(server.url, admin, SIMULATE, { input: { rows: 0 } }))).toEqual([
      {
        message: 'rows must be from 1 to 50000000, got 0.',
        code: 'BAD_USER_INPUT',
        argumentName: 'input.rows',
      },
    ]);
  });
});
