import type { DataSource } from 'typeorm';
import type { Logger } from '../observability/logger';
import type { Dimension } from '../performance/performance.type';

/**
 * What the cost model knows about the data (see work-cost.ts): how many distinct values each group-by
 * dimension has in the rollups, how many rollup rows and sketch bins there are, and how many search documents
 * of each kind. Read from the database at start and once a minute after (one statement of a few ms on the
 * default dataset), so the cost of a grouping follows the data as ingest grows it.
 */
export interface CostStatistics {
  /** Distinct values per dimension among the rolled-up scenarios (a missing value, e.g. native's hypervisor, counts as one). */
  readonly distinct: Readonly<Record<Dimension, number>>;
  /** Rows of `measurement_rollup` (month grain) and `measurement_rollup_total`: no grouping has more groups. */
  readonly monthRows: number;
  readonly totalRows: number;
  /** Rows of `measurement_sketch_total` and `measurement_sketch`: the quantile-sketch bins percentiles walk. */
  readonly sketchBins: number;
  readonly monthSketchBins: number;
  /** Search documents per kind: the candidate rows a search ranks. */
  readonly searchDocuments: Readonly<Record<string, number>>;
}

const STATISTICS_SQL = `
  WITH sc AS (SELECT DISTINCT r.scenario_id FROM measurement_rollup_total r),
       s AS (SELECT s.*, hr.hypervisor_id FROM sc JOIN scenario s ON s.id = sc.scenario_id
               LEFT JOIN hypervisor_release hr ON hr.id = s.hypervisor_release_id)
  SELECT (SELECT count(*) FROM measurement_rollup)::int AS "monthRows",
         (SELECT count(*) FROM measurement_rollup_total)::int AS "totalRows",
         (SELECT count(*) FROM measurement_sketch_total)::int AS "sketchBins",
         (SELECT count(*) FROM measurement_sketch)::int AS "monthSketchBins",
         (SELECT count(DISTINCT month) FROM measurement_rollup)::int AS "MONTH",
         (SELECT count(DISTINCT date_trunc('quarter', month)) FROM measurement_rollup)::int AS "QUARTER",
         (SELECT count(DISTINCT date_trunc('year', month)) FROM measurement_rollup)::int AS "YEAR",
         (SELECT count(DISTINCT workload_id) FROM measurement_rollup_total)::int AS "WORKLOAD",
         (SELECT count(*) FROM sc)::int AS "SCENARIO",
         (SELECT count(DISTINCT coalesce(hypervisor_id, 0)) FROM s)::int AS "HYPERVISOR",
         (SELECT count(DISTINCT coalesce(hypervisor_release_id, 0)) FROM s)::int AS "RELEASE",
         (SELECT count(DISTINCT mode) FROM s)::int AS "MODE",
         (SELECT count(DISTINCT guest_os_id) FROM s)::int AS "GUEST",
         (SELECT count(DISTINCT coalesce(driver_package_id, 0)) FROM s)::int AS "DRIVER_PACKAGE",
         (SELECT count(DISTINCT testbed_id) FROM s)::int AS "TESTBED",
         (SELECT count(DISTINCT coalesce(f.hardware_feature_id, 0))
            FROM sc LEFT JOIN scenario_hardware_feature f ON f.scenario_id = sc.scenario_id)::int AS "HARDWARE_FEATURE",
         (SELECT coalesce(json_object_agg(kind, n), '{}')
            FROM (SELECT kind, count(*)::int AS n FROM search_document GROUP BY kind) k) AS "searchDocuments"`;

type Row = Record<Dimension, number> & Omit<CostStatistics, 'distinct'>;

/** Reads the statistics (one statement). */
export async function readCostStatistics(db: DataSource): Promise<CostStatistics> {
  const [row] = await db.query<Row[]>(STATISTICS_SQL);
  const { monthRows, totalRows, sketchBins, monthSketchBins, searchDocuments, ...distinct } = row;
  return { monthRows, totalRows, sketchBins, monthSketchBins, searchDocuments, distinct };
}

/** How often the statistics are read again. */
const REFRESH_MS = 60_000;

/**
 * The current statistics, read once now and then every minute in the background (unref'd). A failed refresh
 * (the database away) keeps the last ones.
 */
export class CostStatisticsSource {
  private current: CostStatistics | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Bumped on every refresh: part of the cost cache's key, so cached costs follow the data. */
  version = 0;

  constructor(
    private readonly db: DataSource,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get(): CostStatistics | null {
    return this.current;
  }

  private async refresh(): Promise<void> {
    try {
      this.current = await readCostStatistics(this.db);
      this.version += 1;
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read cost statistics; keeping the last ones');
    }
  }
}
