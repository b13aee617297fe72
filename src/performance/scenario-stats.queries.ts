import type { DataSource } from 'typeorm';
import type { ExecutionMode } from '../benchmarks/benchmark.type';

/**
 * Per non-native scenario, workload and testbed: the pooled sums of its measurements and of native measurements on
 * the same testbed, OS family and workload — everything a comparison between configurations needs, for every
 * scenario of the catalogue at once (the catalogue has tens of scenarios, so the answer is small whatever asks).
 * Reads the whole-window rollups, or the month rollups up to the month of `asOf` when a date is given.
 */
export interface ScenarioStatsRow {
  scenarioId: number;
  workloadId: number;
  testbedId: number;
  mode: ExecutionMode;
  paging: 'shadow' | 'nested' | null;
  devices: 'emulated' | 'pv' | 'sriov' | null;
  releaseId: number | null;
  hypervisorId: number | null;
  hypervisorVendorId: number | null;
  driverPackageId: number | null;
  guestId: number;
  family: string;
  featureIds: number[];
  higherIsBetter: boolean;
  n: number;
  sum: number;
  sumSq: number;
  nativeN: number | null;
  nativeSum: number | null;
  nativeSumSq: number | null;
  /** Whether any simulated run contributed, and the model versions of those runs; whether any ingested one did. */
  simulated: boolean;
  ingested: boolean;
  modelVersions: string[];
}

const STATS = (table: string, monthFilter: string) => `
  WITH stats AS (
    SELECT r.scenario_id, r.workload_id, sum(r.count)::float8 AS n, sum(r.sum::numeric) AS sum, sum(r.sum_sq::numeric) AS sum_sq,
           bool_or(b.kind = 'simulated') AS simulated, bool_or(b.kind = 'ingested') AS ingested,
           coalesce(array_agg(DISTINCT b.model_version) FILTER (WHERE b.model_version IS NOT NULL), '{}') AS versions
      FROM ${table} r JOIN benchmark_run b ON b.id = r.run_id
     WHERE r.workload_id = ANY($1::int[]) ${monthFilter}
     GROUP BY 1, 2),
  native AS (
    SELECT s.testbed_id, o.family, x.workload_id, sum(x.n) AS n, sum(x.sum) AS sum, sum(x.sum_sq) AS sum_sq
      FROM stats x JOIN scenario s ON s.id = x.scenario_id JOIN operating_system o ON o.id = s.guest_os_id
     WHERE s.mode = 'native'
     GROUP BY 1, 2, 3)
  SELECT x.scenario_id AS "scenarioId", x.workload_id AS "workloadId", s.testbed_id AS "testbedId", s.mode,
         s.paging, s.devices, s.hypervisor_release_id AS "releaseId", hr.hypervisor_id AS "hypervisorId",
         h.vendor_id AS "hypervisorVendorId", s.driver_package_id AS "driverPackageId", s.guest_os_id AS "guestId",
         o.family::text AS family,
         coalesce((SELECT array_agg(f.hardware_feature_id ORDER BY f.hardware_feature_id)
                     FROM scenario_hardware_feature f WHERE f.scenario_id = s.id), '{}') AS "featureIds",
         w.higher_is_better AS "higherIsBetter", x.n, x.sum::float8 AS sum, x.sum_sq::float8 AS "sumSq",
         nt.n AS "nativeN", nt.sum::float8 AS "nativeSum", nt.sum_sq::float8 AS "nativeSumSq",
         x.simulated, x.ingested, x.versions AS "modelVersions"
    FROM stats x
    JOIN scenario s ON s.id = x.scenario_id
    JOIN workload w ON w.id = x.workload_id
    JOIN operating_system o ON o.id = s.guest_os_id
    LEFT JOIN hypervisor_release hr ON hr.id = s.hypervisor_release_id
    LEFT JOIN hypervisor h ON h.id = hr.hypervisor_id
    LEFT JOIN native nt ON nt.testbed_id = s.testbed_id AND nt.family = o.family AND nt.workload_id = x.workload_id
   WHERE s.mode <> 'native'
   ORDER BY x.workload_id, s.testbed_id, x.scenario_id`;

const WHOLE_WINDOW = STATS('measurement_rollup_total', '');
const UP_TO_MONTH = STATS('measurement_rollup', `AND r.month <= date_trunc('month', $2::date)::date`);

/** Scenario statistics of the given workloads, in one statement (see {@link ScenarioStatsRow}). */
export function scenarioStats(
  db: DataSource,
  workloadIds: readonly number[],
  asOf: string | null,
): Promise<ScenarioStatsRow[]> {
  return asOf === null
    ? db.query<ScenarioStatsRow[]>(WHOLE_WINDOW, [workloadIds])
    : db.query<ScenarioStatsRow[]>(UP_TO_MONTH, [workloadIds, asOf]);
}

/** Workload ids by slug (unknown slugs are missing from the map). */
export async function workloadIdsBySlug(
  db: DataSource,
  slugs: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db.query<{ id: number; slug: string }[]>(
    'SELECT id, slug FROM workload WHERE slug = ANY($1::text[])',
    [slugs],
  );
  return new Map(rows.map((r) => [r.slug, r.id]));
}
