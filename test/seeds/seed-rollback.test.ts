import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { benchmarkSeed } from '../../seeds/benchmark.seed';
import { runSeeds, SEEDS } from '../../seeds/index';
import type { Seed } from '../../seeds/seed';
import { createDataSource } from '../../src/db/data-source';
import { createTestDatabase, type TestDatabase } from '../support/database';

const logger = pino({ level: 'silent' });
let db: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await createTestDatabase({ empty: true });
  ds = createDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const state = async () =>
  (
    await ds.query<Record<string, number | null>[]>(`SELECT
      (SELECT count(*)::int FROM seed_state) AS seeds, (SELECT count(*)::int FROM vendor) AS vendors,
      (SELECT count(*)::int FROM scenario) AS scenarios, (SELECT count(*)::int FROM benchmark_run) AS runs,
      (SELECT count(*)::int FROM measurement) AS measurements, (SELECT count(*)::int FROM search_document) AS documents,
      (SELECT min(id) FROM vendor) AS "firstVendor", (SELECT min(id) FROM scenario) AS "firstScenario",
      (SELECT max(id) FROM scenario) AS "lastScenario", (SELECT min(id) FROM benchmark_run) AS "firstRun"`)
  )[0];

describe('a seed that fails', () => {
  it('leaves nothing of any seed behind, and a later load gets the ids a first load gets', async () => {
    // The benchmark seed writes everything (scenarios, the default run), then fails: the last step of a real load.
    const failing: Seed = {
      ...benchmarkSeed,
      async load(manager, data) {
        await benchmarkSeed.load(manager, data);
        throw new Error('disk full');
      },
    };
    const seeds = SEEDS.map((s) => (s === benchmarkSeed ? failing : s));
    await expect(runSeeds(ds, logger, { seeds })).rejects.toThrow('disk full');
    expect(await state()).toEqual({
      seeds: 0,
      vendors: 0,
      scenarios: 0,
      runs: 0,
      measurements: 0,
      documents: 0,
      firstVendor: null,
      firstScenario: null,
      lastScenario: null,
      firstRun: null,
    });

    expect(await runSeeds(ds, logger)).toEqual(SEEDS.map((s) => s.name));
    const { scenarios, ...loaded } = await state();
    expect(loaded).toEqual({
      seeds: SEEDS.length,
      vendors: 25,
      runs: 1,
      measurements: expect.any(Number) as number,
      documents: expect.any(Number) as number,
      firstVendor: 1,
      firstScenario: 1,
      lastScenario: scenarios,
      firstRun: 1,
    });
  });
});
