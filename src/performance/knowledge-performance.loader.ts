import DataLoader from 'dataloader';
import type { LoaderGroup } from '../context';
import { groupRows, perArgument } from '../shared/loaders';
import type { KnowledgePerformanceService } from './knowledge-performance.service';
import type { ScenarioStatsRow } from './scenario-stats.queries';

/**
 * Per-request loaders of the analytics fields: workload ids by slug, and the per-scenario statistics of each
 * workload per date. However many hypervisors, releases, packages or features ask, a tick costs one statement
 * for the slugs and one per distinct `asOf` for the statistics.
 */
export function createKnowledgePerformanceLoaders(service: KnowledgePerformanceService) {
  return {
    workloadIdBySlug: new DataLoader<string, number | null>(async (slugs) => {
      const ids = await service.workloadIds(slugs);
      return slugs.map((s) => ids.get(s) ?? null);
    }),
    scenarioStats: perArgument(
      (asOf: string | null) =>
        new DataLoader<number, ScenarioStatsRow[]>(async (workloadIds) =>
          groupRows(workloadIds, await service.stats(workloadIds, asOf), (r) => r.workloadId),
        ),
    ),
  };
}
export type KnowledgePerformanceLoaders = ReturnType<typeof createKnowledgePerformanceLoaders>;

/** Performance figures of knowledge objects. Registered in src/loaders.ts; made on first use in a request. */
export const knowledgePerformanceLoaderGroup: LoaderGroup<{
  knowledgePerformance: KnowledgePerformanceService;
}> = (s) => createKnowledgePerformanceLoaders(s.knowledgePerformance);

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends KnowledgePerformanceLoaders {}
}
