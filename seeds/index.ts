import type { DataSource } from 'typeorm';
import { CITUS_PLACEMENT } from '../src/db/citus';
import type { Logger } from '../src/observability/logger';
import { refreshSearchDocuments } from '../src/search/search.queries';
import { conferenceSeed } from './conference.seed';
import { interopSeed } from './interop.seed';
import { knowledgeCoreSeed } from './knowledge-core.seed';
import { readSeedData, type Seed, type SeedResult } from './seed';
import { simulatorSeed } from './simulator.seed';
import { benchmarkSeed } from './benchmark.seed';
import { claimsSeed } from './claims.seed';

/** Every seed, in the order they load. */
export const SEEDS: readonly Seed[] = [
  knowledgeCoreSeed,
  conferenceSeed,
  interopSeed,
  simulatorSeed,
  benchmarkSeed,
  claimsSeed,
];

/**
 * On Citus, a transaction that has run a statement over a distributed table in parallel (the default) can no longer
 * write a reference table that a foreign key references; the benchmark seed deletes the old default run (distributed)
 * and then writes workloads and scenarios (referenced). Sequential mode, set before the first such statement, keeps
 * one connection per node for the whole transaction. On PostgreSQL without Citus it is an unused custom setting.
 */
export const CITUS_SEQUENTIAL = "SET LOCAL citus.multi_shard_modify_mode TO 'sequential'";

/**
 * Loads each seed whose data changed since it was last loaded (by content digest), all in one transaction: a seed
 * that fails leaves nothing of any seed behind, and the identity sequences of the tables seeds write are wound back
 * to where the rows end (a rollback does not return the ids it used), so a fresh database that failed once is
 * loaded with the same ids as one that never failed. Returns the names of the seeds loaded.
 */
export async function runSeeds(
  dataSource: DataSource,
  logger: Logger,
  options: { force?: boolean; seeds?: readonly Seed[] } = {},
): Promise<string[]> {
  const seeds = options.seeds ?? SEEDS;
  const inputs = await Promise.all(seeds.map(async (seed) => ({ seed, ...(await readSeedData(seed)) })));
  const loaded: { name: string; rows: SeedResult }[] = [];
  try {
    await dataSource.transaction(async (manager) => {
      await manager.query(CITUS_SEQUENTIAL);
      // One loader at a time, even with several servers starting on one database.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['virtlens-seeds']);
      const states = await manager.query<{ name: string; digest: string }[]>(
        'SELECT name, digest FROM seed_state',
      );
      const digests = new Map(states.map((s) => [s.name, s.digest]));
      for (const { seed, data, digest } of inputs) {
        if (!options.force && digests.get(seed.name) === digest) continue;
        const rows = await seed.load(manager, data);
        await manager.query(
          `INSERT INTO seed_state (name, digest, applied_at) VALUES ($1, $2, now())
           ON CONFLICT (name) DO UPDATE SET digest = excluded.digest, applied_at = excluded.applied_at`,
          [seed.name, digest],
        );
        loaded.push({ name: seed.name, rows });
      }
      // Search documents are derived from every table the seeds write.
      if (loaded.length) await refreshSearchDocuments(manager);
    });
  } catch (error) {
    await rewindIdentities(dataSource).catch((rewind: unknown) =>
      logger.warn({ err: rewind }, 'seed ids could not be wound back after the failed load'),
    );
    throw error;
  }
  for (const { name, rows } of loaded) logger.info({ seed: name, rows }, 'seed loaded');
  return loaded.map((l) => l.name);
}

/**
 * Sets the identity sequence of every table seeds write (the reference tables) to just after its largest id.
 * Each table is locked against writes first (EXCLUSIVE: reads go on), so no transaction holds an id above that
 * maximum while the sequence moves back.
 */
async function rewindIdentities(dataSource: DataSource): Promise<void> {
  const tables = Object.keys(CITUS_PLACEMENT).filter((t) => CITUS_PLACEMENT[t].kind === 'reference');
  await dataSource.transaction(async (manager) => {
    const columns = await manager.query<{ table: string; column: string; sequence: string }[]>(
      `SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(c.oid::regclass::text, a.attname) AS sequence
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname = ANY($1::text[]) AND a.attnum > 0 AND NOT a.attisdropped
          AND pg_get_serial_sequence(c.oid::regclass::text, a.attname) IS NOT NULL
        ORDER BY c.relname`,
      [tables],
    );
    for (const { table, column, sequence } of columns) {
      // Names come from pg_catalog and CITUS_PLACEMENT, never from input.
      await manager.query(`LOCK TABLE "${table}" IN EXCLUSIVE MODE`);
      await manager.query(
        `SELECT setval($1, coalesce((SELECT max("${column}") FROM "${table}"), 0) + 1, false)`,
        [sequence],
      );
    }
  });
}
