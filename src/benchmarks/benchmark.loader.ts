import { byIdLoader, groupLoader } from '../shared/loaders';
import type { BenchmarkCatalogService } from './benchmark.service';

export type BenchmarkLoaders = ReturnType<typeof createBenchmarkLoaders>;

export function createBenchmarkLoaders(catalog: BenchmarkCatalogService) {
  return {
    workloadById: byIdLoader(
      (ids) => catalog.workloadsByIds(ids),
      (w) => w.rowId,
    ),
    testbedById: byIdLoader(
      (ids) => catalog.testbedsByIds(ids),
      (t) => t.rowId,
    ),
    scenarioById: byIdLoader(
      (ids) => catalog.scenariosByIds(ids),
      (s) => s.rowId,
    ),
    workloadsByScenario: groupLoader(
      (ids) => catalog.workloadsOfScenarios(ids),
      (w) => w.ownerId,
    ),
    featureIdsByTestbed: groupLoader(
      (ids) => catalog.featureIdsOf('testbed', ids),
      (f) => f.ownerId,
    ),
    featureIdsByScenario: groupLoader(
      (ids) => catalog.featureIdsOf('scenario', ids),
      (f) => f.ownerId,
    ),
  };
}
