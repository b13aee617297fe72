import { byIdLoader, groupLoader } from '../shared/loaders';
import type { LoaderGroup } from '../context';
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

/** The benchmark catalogue. Registered in src/loaders.ts; made on first use in a request. */
export const benchmarkLoaderGroup: LoaderGroup<{ benchmarks: BenchmarkCatalogService }> = (s) =>
  createBenchmarkLoaders(s.benchmarks);

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends BenchmarkLoaders {}
}
