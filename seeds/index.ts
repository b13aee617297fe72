import type { DataSource } from 'typeorm';
import type { Logger } from '../src/observability/logger';
import { refreshSearchDocuments } from '../src/search/search.queries';
import { conferenceSeed } from './conference.seed';
import { interopSeed } from './interop.seed';
import { knowledgeCoreSeed } from './knowledge-core.seed';
import { readSeedData, type Seed } from './seed';
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
 * Loads each seed whose data changed since it was last loaded (by content digest), each in its own transaction.
 * Returns the names of the seeds loaded.
 */
export async function runSeeds(
  dataSource: DataSource,
  logger: Logger,
  options: { force?: boolean } = {},
): Promise<string[]> {
  const loaded: string[] = [];
  for (const seed of SEEDS) {
    const { data, digest } = await readSeedData(seed);
    const done = await dataSource.transaction(async (manager) => {
      // One loader at a time, even with several servers starting on one database.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`virtlens-seed:${seed.name}`]);
      const [state] = await manager.query<{ digest: string }[]>(
        'SELECT digest FROM seed_state WHERE name = $1',
        [seed.name],
      );
      if (!options.force && state?.digest === digest) return false;
      const counts = await seed.load(manager, data);
      await manager.query(
        `INSERT INTO seed_state (name, digest, applied_at) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET digest = excluded.digest, applied_at = excluded.applied_at`,
        [seed.name, digest],
      );
      logger.info({ seed: seed.name, rows: counts }, 'seed loaded');
      return true;
    });
    if (done) loaded.push(seed.name);
  }
  // Search documents are derived from every table the seeds write.
  if (loaded.length) await dataSource.transaction(refreshSearchDocuments);
  return loaded;
}
