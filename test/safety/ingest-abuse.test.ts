import { MAX_ACCEPTED_VALUE, VALUE_BOUNDS_BY_UNIT } from '../../src/ingest/value-bounds';
import { createKey, graphqlAs } from '../support/api-keys';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let editor: string;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  editor = await createKey(server.app.dataSource, 'editor', 'harness');
  admin = await createKey(server.app.dataSource, 'admin', 'operator');
});
afterAll(() => server.stop());

const db = () => server.app.dataSource;
const count = async (sql: string, params: unknown[] = []) =>
  Number((await db().query<{ n: string }[]>(sql, params))[0].n);
const tableCounts = async () => ({
  runs: await count('SELECT count(*) AS n FROM benchmark_run'),
  measurements: await count('SELECT count(*) AS n FROM measurement'),
  rollups: await count('SELECT count(*) AS n FROM measurement_rollup'),
  sketches: await count('SELECT count(*) AS n FROM measurement_sketch'),
  totals: await count('SELECT count(*) AS n FROM measurement_rollup_total'),
  sketchTotals: await count('SELECT count(*) AS n FROM measurement_sketch_total'),
});

const INGEST = `mutation ($input: IngestMeasurementsInput!) {
  ingestMeasurements(input: $input) { rows created run { id } } }`;
const SCENARIO = 'xen-3-1-pv-linux--core2-duo-2660';
const row = { scenario: SCENARIO, workload: 'net-rx', measuredOn: '2007-08-07', repetition: 0, value: 901.5 };
const ingest = (batchId: string, rows: object[]) =>
  graphqlAs<{ ingestMeasurements: { run: { id: number } } }>(server.url, editor, INGEST, {
    input: { batchId, format: 'JSON', data: JSON.stringify(rows) },
  });

/** The scenario's net-rx statistics over every run, as every reader sees them. */
const STATS = `{ performanceStats(groupBy: [WORKLOAD], filter: { scenarios: ["${SCENARIO}"], workloads: ["net-rx"] }) {
  groups { count mean stddev min max } } }`;
const stats = async () => {
  const res = await graphqlAs<{ performanceStats: { groups: unknown[] } }>(server.url, null, STATS);
  return { errors: res.body.errors, groups: res.body.data?.performanceStats.groups };
};

const refusal = (message: string, row: number, field: string) => ({
  data: null,
  errors: [
    {
      message,
      locations: [{ line: 2, column: 3 }],
      path: ['ingestMeasurements'],
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.data', row, field },
    },
  ],
});

describe('ingest refuses values no column or rollup can hold, naming the row and field', () => {
  it('a repetition beyond int4 (defect 4)', async () => {
    const before = await tableCounts();
    const res = await ingest('rep-too-big', [row, { ...row, repetition: 2147483648 }]);
    expect(res.body).toEqual(
      refusal('Row 2: repetition must be at most 2147483647, got 2147483648.', 2, 'repetition'),
    );
    expect(await tableCounts()).toEqual(before);
  });

  it.each([
    [1e308, 'Row 1: value 1e+308 Mb/s is outside the plausible range of net-rx, 0.001 to 1000000 Mb/s.'],
    [5e-324, 'Row 1: value 5e-324 Mb/s is outside the plausible range of net-rx, 0.001 to 1000000 Mb/s.'],
  ])('a value of %s, which would make sum_sq infinite or vanish (defect 5)', async (value, message) => {
    const before = await tableCounts();
    const statsBefore = await stats();
    const res = await ingest(`huge-${String(value).replace('+', '')}`, [{ ...row, value }]);
    expect(res.body).toEqual(refusal(message, 1, 'value'));
    expect(await tableCounts()).toEqual(before);
    expect(await stats()).toEqual(statsBefore);
  });

  it('the extremes of a unit are accepted, and the statistics stay finite', async () => {
    const res = await ingest('extremes', [
      { ...row, value: VALUE_BOUNDS_BY_UNIT['Mb/s'].max },
      { ...row, repetition: 1, value: VALUE_BOUNDS_BY_UNIT['Mb/s'].min },
    ]);
    expect(res.body.errors).toBeUndefined();
    const after = await stats();
    expect(after.errors).toBeUndefined();
    const [group] = after.groups as { count: number; mean: number; stddev: number; max: number }[];
    expect(Number.isFinite(group.mean) && Number.isFinite(group.stddev)).toBe(true);
    expect(group.max).toBe(1e6);
  });

  it('no accepted value can overflow a rollup: 2^53 rows of the largest value keep sum_sq finite', () => {
    expect(Math.max(...Object.values(VALUE_BOUNDS_BY_UNIT).map((b) => b.max))).toBeLessThanOrEqual(
      MAX_ACCEPTED_VALUE,
    );
    expect(Number.isFinite(2 ** 53 * MAX_ACCEPTED_VALUE * MAX_ACCEPTED_VALUE)).toBe(true);
  });
});

const DELETE = `mutation ($id: Int!) { deleteBenchmarkRun(id: $id) { runId kind label rows } }`;

describe('deleteBenchmarkRun', () => {
  it('removes a run with its measurements and every rollup, audited, and the statistics drop it at once', async () => {
    const before = await tableCounts();
    const statsBefore = await stats();
    const loaded = await ingest('to-delete', [
      { ...row, value: 10 },
      { ...row, repetition: 1, measuredOn: '2007-09-03', value: 20 },
    ]);
    const runId = loaded.body.data!.ingestMeasurements.run.id;
    expect(await stats()).not.toEqual(statsBefore);

    const res = await graphqlAs(server.url, admin, DELETE, { id: runId });
    expect(res.body).toEqual({
      data: { deleteBenchmarkRun: { runId, kind: 'INGESTED', label: 'batch to-delete', rows: 2 } },
    });
    expect(await tableCounts()).toEqual(before);
    expect(await stats()).toEqual(statsBefore);
    const [audit] = await db().query<Record<string, unknown>[]>(
      `SELECT key_name, action, entity, entity_id, before->>'batch_id' AS batch, after FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      key_name: 'operator',
      action: 'deleteBenchmarkRun',
      entity: 'benchmark_run',
      entity_id: String(runId),
      batch: 'to-delete',
      after: null,
    });
    // The batch id is free again.
    expect((await ingest('to-delete', [row])).body.errors).toBeUndefined();
  });

  it('needs the admin role, and an unknown run is NOT_FOUND naming id', async () => {
    const forbidden = await graphqlAs(server.url, editor, DELETE, { id: 1 });
    expect(forbidden.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
    const missing = await graphqlAs(server.url, admin, DELETE, { id: 2147483647 });
    expect(missing.body).toEqual({
      data: null,
      errors: [
        {
          message: 'There is no benchmark run 2147483647.',
          locations: [{ line: 1, column: 24 }],
          path: ['deleteBenchmarkRun'],
          extensions: { code: 'NOT_FOUND', argumentName: 'id' },
        },
      ],
    });
  });
});
