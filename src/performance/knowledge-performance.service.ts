import type { DataSource } from 'typeorm';
import { scenarioStats, workloadIdsBySlug, type ScenarioStatsRow } from './scenario-stats.queries';

/** Reads for the analytics fields of knowledge types: one statement each, for any number of workloads. */
export class KnowledgePerformanceService {
  constructor(private readonly db: DataSource) {}

  workloadIds(slugs: readonly string[]): Promise<Map<string, number>> {
    return workloadIdsBySlug(this.db, slugs);
  }

  /** Per-scenario statistics of the workloads (whole window, or up to the month of `asOf`). */
  stats(workloadIds: readonly number[], asOf: string | null): Promise<ScenarioStatsRow[]> {
    return scenarioStats(this.db, workloadIds, asOf);
  }
}
