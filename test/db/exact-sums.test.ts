import { startTestServer, type TestServer } from '../support/server';

/**
 * On Citus the rows of an aggregate arrive in a different order from run to run (shards answer in any order), and
 * float8 addition depends on the order: the analytics sum rollups exactly (numeric), so an answer does not depend
 * on the order the rollup rows are read in. Here the rollup tables are rewritten in reverse order on one node,
 * which changes the scan order as a cluster would.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.stop());

const QUERY = `{
  byWorkload: performanceStats(groupBy: [WORKLOAD]) { groups { key { workload { slug } } count mean stddev min max } }
  byTestbed: performanceStats(groupBy: [TESTBED, MODE], filter: { workloads: ["kernel-build"] }) {
    groups { count mean stddev }
  }
  overheadVsNative { scenario { slug } workload { slug } mean nativeMean fractionOfNative fractionLower fractionUpper }
}`;

async function answer(): Promise<unknown> {
  const res = await server.graphql(QUERY);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

async function reverse(table: string, order: string): Promise<void> {
  await server.app.dataSource.transaction(async (m) => {
    await m.query(`CREATE TEMP TABLE reversed ON COMMIT DROP AS SELECT * FROM ${table} ORDER BY ${order}`);
    await m.query(`DELETE FROM ${table}`);
    await m.query(`INSERT INTO ${table} SELECT * FROM reversed`);
  });
  await server.app.dataSource.query(`VACUUM FULL ${table}`);
}

describe('analytics over rollups read in another order', () => {
  it('give the same answers to the last bit', async () => {
    const before = await answer();
    await reverse('measurement_rollup', 'run_id DESC, scenario_id DESC, workload_id DESC, month DESC');
    await reverse('measurement_rollup_total', 'run_id DESC, scenario_id DESC, workload_id DESC');
    expect(await answer()).toEqual(before);
  });
});
