import type { KnowledgeType, RelationSpec } from '../lookahead/knowledge-tree';
import type { ExecutionMode } from '../benchmarks/benchmark.type';
import type { Bucket, Dimension, Statistic } from './performance.type';

/**
 * SQL for the performance analytics. Every statement reads the rollups (`measurement_rollup`, aliased `r`, or
 * `measurement_sketch`, aliased `r` too) joined to `scenario s`; identifiers come only from the tables below,
 * values only through parameters.
 */

/** A filter with every slug already resolved to ids (see `resolveSlugs`). */
export interface ResolvedFilter {
  hypervisors: number[];
  releases: number[];
  modes: ExecutionMode[];
  guests: number[];
  driverPackages: number[];
  workloads: number[];
  testbeds: number[];
  hardwareFeatures: number[];
  scenarios: number[];
  runs: number[];
  /** First days of the first and last months, inclusive. */
  fromMonth: string | null;
  toMonth: string | null;
}

interface DimensionSql {
  /** The group key expression. */
  readonly key: string;
  /** The output column (the service maps it onto `PerformanceGroupKey`). */
  readonly column: string;
  /** Extra join it needs. */
  readonly join?: 'release' | 'feature';
}

const PERIOD_FORMAT: Record<Bucket, string> = {
  MONTH: `to_char(r.month, 'YYYY-MM')`,
  QUARTER: `to_char(r.month, 'YYYY-"Q"Q')`,
  YEAR: `to_char(r.month, 'YYYY')`,
};

/** The allow-list of group-by dimensions. */
export const DIMENSION_SQL: Readonly<Record<Dimension, DimensionSql>> = {
  HYPERVISOR: { key: 'hr.hypervisor_id', column: 'hypervisorId', join: 'release' },
  RELEASE: { key: 's.hypervisor_release_id', column: 'releaseId' },
  MODE: { key: 's.mode', column: 'mode' },
  GUEST: { key: 's.guest_os_id', column: 'guestId' },
  DRIVER_PACKAGE: { key: 's.driver_package_id', column: 'driverPackageId' },
  WORKLOAD: { key: 'r.workload_id', column: 'workloadId' },
  TESTBED: { key: 's.testbed_id', column: 'testbedId' },
  SCENARIO: { key: 'r.scenario_id', column: 'scenarioId' },
  HARDWARE_FEATURE: { key: 'shf.hardware_feature_id', column: 'hardwareFeatureId', join: 'feature' },
  MONTH: { key: PERIOD_FORMAT.MONTH, column: 'period' },
  QUARTER: { key: PERIOD_FORMAT.QUARTER, column: 'period' },
  YEAR: { key: PERIOD_FORMAT.YEAR, column: 'period' },
};

/** Collects parameters and returns their placeholders. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/**
 * Which rollups can answer: the month grain when the question names months (a date filter or a time bucket),
 * otherwise the ~25× smaller whole-window grain.
 */
export type Grain = 'month' | 'total';

export function grainFor(filter: ResolvedFilter, dimensions: readonly Dimension[]): Grain {
  const dated =
    filter.fromMonth || filter.toMonth || dimensions.some((d) => DIMENSION_SQL[d].column === 'period');
  return dated ? 'month' : 'total';
}

type RollupTable = 'measurement_rollup' | 'measurement_sketch';

/** FROM … WHERE … over a rollup table (at the grain the filter and dimensions need). */
export function rollupSource(
  table: RollupTable,
  filter: ResolvedFilter,
  dimensions: readonly Dimension[],
  params: Params,
  options: { where?: readonly string[]; joinGuest?: boolean; join?: readonly string[]; grain?: Grain } = {},
): string {
  const joins = new Set(dimensions.map((d) => DIMENSION_SQL[d].join).filter(Boolean));
  if (filter.hypervisors.length) joins.add('release');
  const grain = options.grain ?? grainFor(filter, dimensions);
  const where: string[] = [...(options.where ?? [])];
  const any = (column: string, ids: readonly unknown[], cast: string) => {
    if (ids.length) where.push(`${column} = ANY(${params.add(ids, cast)})`);
  };
  any('hr.hypervisor_id', filter.hypervisors, 'int[]');
  any('s.hypervisor_release_id', filter.releases, 'int[]');
  any('s.mode', filter.modes, 'execution_mode[]');
  any('s.guest_os_id', filter.guests, 'int[]');
  any('s.driver_package_id', filter.driverPackages, 'int[]');
  any('r.workload_id', filter.workloads, 'int[]');
  any('s.testbed_id', filter.testbeds, 'int[]');
  any('r.scenario_id', filter.scenarios, 'int[]');
  any('r.run_id', filter.runs, 'int[]');
  if (filter.hardwareFeatures.length) {
    where.push(`EXISTS (SELECT 1 FROM scenario_hardware_feature f WHERE f.scenario_id = s.id
                         AND f.hardware_feature_id = ANY(${params.add(filter.hardwareFeatures, 'int[]')}))`);
  }
  if (filter.fromMonth) where.push(`r.month >= ${params.add(filter.fromMonth, 'date')}`);
  if (filter.toMonth) where.push(`r.month <= ${params.add(filter.toMonth, 'date')}`);
  return `${table}${grain === 'total' ? '_total' : ''} r JOIN scenario s ON s.id = r.scenario_id
    ${joins.has('release') ? 'LEFT JOIN hypervisor_release hr ON hr.id = s.hypervisor_release_id' : ''}
    ${joins.has('feature') ? 'LEFT JOIN scenario_hardware_feature shf ON shf.scenario_id = s.id' : ''}
    ${options.joinGuest ? 'JOIN operating_system o ON o.id = s.guest_os_id' : ''}
    ${(options.join ?? []).join('\n')}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
}

/**
 * Look-ahead for group keys: the objects a group's key points to (its hypervisor, release, guest, workload), as
 * relations from the statistics row `stat` (key column `k<i>` of the dimension's position in groupBy), named by
 * the key's GraphQL field. See lookahead/compile.ts: relatedObjectColumns.
 */
export function keyRelations(groupBy: readonly Dimension[]): Record<string, RelationSpec> {
  const related: Record<string, RelationSpec> = {};
  groupBy.forEach((d, i) => {
    const object = KEY_OBJECTS[d];
    if (object) {
      related[object.field] = {
        type: object.type,
        list: false,
        from: `${object.table} {t} WHERE {t}.id = stat.k${i}`,
      };
    }
  });
  return related;
}

/** The key objects a dimension can compile: its GraphQL field on the key, its type and table. */
export const KEY_OBJECTS: Partial<Record<Dimension, { field: string; type: KnowledgeType; table: string }>> =
  {
    HYPERVISOR: { field: 'hypervisor', type: 'Hypervisor', table: 'hypervisor' },
    RELEASE: { field: 'release', type: 'HypervisorRelease', table: 'hypervisor_release' },
    GUEST: { field: 'guest', type: 'OperatingSystem', table: 'operating_system' },
    WORKLOAD: { field: 'workload', type: 'Workload', table: 'workload' },
  };

/**
 * Mean and sample standard deviation from summed rollup columns (null where undefined). The sums are numeric
 * (each float8 rounded to 15 digits, then added exactly): float8 addition depends on the order rows arrive in,
 * which on Citus changes from run to run; exact sums give the same answer every time and on every placement.
 */
export const MEAN_SQL = '(sum(r.sum::numeric) / sum(r.count))::float8';
export const STDDEV_SQL =
  'CASE WHEN sum(r.count) > 1 THEN sqrt(greatest(0, (sum(r.sum_sq::numeric) - sum(r.sum::numeric) ^ 2 / sum(r.count)) / (sum(r.count) - 1)))::float8 END';

const STAT_SQL: Record<Statistic, string> = {
  COUNT: 'sum(r.count)::float8',
  MEAN: MEAN_SQL,
  STDDEV: STDDEV_SQL,
  MIN: 'min(r.min)',
  MAX: 'max(r.max)',
};

/** The representative value of a sketch bin (see statistics.ts: 2γ^k / (γ + 1), γ = 1.01). */
export const BIN_VALUE_SQL = (bin: string) => `2 * power(1.01::float8, ${bin}) / 2.01`;

/**
 * Grouped statistics in one statement: a CTE over the rollup rows for the statistics and, when percentiles are
 * asked for, one over the sketch rows (cumulative bin counts per group, the first bin reaching q·total), joined
 * on the group key.
 */
export function performanceStatsSql(
  filter: ResolvedFilter,
  groupBy: readonly Dimension[],
  stats: readonly Statistic[],
  percentiles: readonly number[],
  keyObjectColumns = '',
): { sql: string; params: unknown[] } {
  const params = new Params();
  const keys = groupBy.map((d, i) => ({
    expr: DIMENSION_SQL[d].key,
    alias: `k${i}`,
    column: DIMENSION_SQL[d].column,
  }));
  const keySelect = keys.map((k) => `${k.expr} AS ${k.alias}`).join(', ');
  const groupList = keys.map((k) => k.alias).join(', ');
  const statSelect = stats.map((s) => `${STAT_SQL[s]} AS "${s}"`).join(', ');
  const stat = `SELECT ${keySelect}${keySelect ? ', ' : ''}${statSelect}
                  FROM ${rollupSource('measurement_rollup', filter, groupBy, params)}
                 ${groupList ? `GROUP BY ${groupList}` : ''}`;

  if (!percentiles.length) {
    return {
      sql: keyObjectColumns
        ? `SELECT stat.*${keyObjectColumns} FROM (${stat}) stat ${groupList ? `ORDER BY ${keys.map((k) => `stat.${k.alias}`).join(', ')}` : ''}`
        : `${stat} ${groupList ? `ORDER BY ${groupList}` : ''}`,
      params: params.values,
    };
  }
  const qs = params.add(percentiles, 'float8[]');
  const partition = groupList ? `PARTITION BY ${groupList}` : '';
  const sql = `
    WITH stat AS (${stat}),
    bins AS (
      SELECT ${keySelect}${keySelect ? ', ' : ''}r.bin, sum(r.count)::float8 AS n
        FROM ${rollupSource('measurement_sketch', filter, groupBy, params)}
       GROUP BY ${groupList}${groupList ? ', ' : ''}r.bin),
    cum AS (
      SELECT *, sum(n) OVER (${partition} ORDER BY bin) AS cum, sum(n) OVER (${partition}) AS total FROM bins),
    pct AS (
      SELECT ${groupList}${groupList ? ', ' : ''}
             array_agg(${BIN_VALUE_SQL('b')} ORDER BY q.i) AS percentiles
        FROM (SELECT ${groupList}${groupList ? ', ' : ''}q.i, min(bin) AS b
                FROM cum CROSS JOIN unnest(${qs}) WITH ORDINALITY AS q(q, i)
               WHERE cum >= q.q * total
               GROUP BY ${groupList}${groupList ? ', ' : ''}q.i) q
       ${groupList ? `GROUP BY ${groupList}` : ''})
    SELECT stat.*, pct.percentiles${keyObjectColumns}
      FROM stat LEFT JOIN pct ON ${keys.map((k) => `stat.${k.alias} IS NOT DISTINCT FROM pct.${k.alias}`).join(' AND ') || 'true'}
     ${groupList ? `ORDER BY ${keys.map((k) => `stat.${k.alias}`).join(', ')}` : ''}`;
  return { sql, params: params.values };
}

/**
 * Both sides of a mode comparison on one workload in one statement: per side the pooled count, sum and sum of
 * squares, the scenarios involved and, for the bootstrap, the merged sketch bins.
 */
export function speedupSql(
  filter: ResolvedFilter,
  baseline: ExecutionMode,
  candidate: ExecutionMode,
  withBins: boolean,
): { sql: string; params: unknown[] } {
  const params = new Params();
  const b = params.add(baseline, 'execution_mode');
  const c = params.add(candidate, 'execution_mode');
  // Driver packages pick the candidate's drivers: the baseline (emulated devices, native) has none to match.
  const sides = { ...filter, modes: [], driverPackages: [] };
  const inModes = filter.driverPackages.length
    ? `(s.mode = ${b} OR (s.mode = ${c} AND s.driver_package_id = ANY(${params.add(filter.driverPackages, 'int[]')})))`
    : `s.mode IN (${b}, ${c})`;
  const side = `CASE s.mode WHEN ${b} THEN 'baseline' WHEN ${c} THEN 'candidate' END`;
  const stat = `SELECT ${side} AS side, sum(r.count)::float8 AS count, ${MEAN_SQL} AS mean, ${STDDEV_SQL} AS stddev,
                       array_agg(DISTINCT r.scenario_id ORDER BY r.scenario_id) AS "scenarioIds",
                       bool_and(w.higher_is_better) AS "higherIsBetter"
                  FROM ${rollupSource('measurement_rollup', sides, [], params, {
                    where: [inModes],
                    join: ['JOIN workload w ON w.id = r.workload_id'],
                  })}
                 GROUP BY 1`;
  if (!withBins) return { sql: `${stat} ORDER BY 1`, params: params.values };
  const sql = `
    WITH stat AS (${stat}),
    bins AS (
      SELECT side, json_agg(json_build_object('bin', bin, 'count', n) ORDER BY bin) AS bins
        FROM (SELECT ${side} AS side, r.bin, sum(r.count)::float8 AS n
                FROM ${rollupSource('measurement_sketch', sides, [], params, { where: [inModes] })}
               GROUP BY 1, 2) x
       GROUP BY side)
    SELECT stat.*, bins.bins FROM stat LEFT JOIN bins USING (side) ORDER BY 1`;
  return { sql, params: params.values };
}

/** Pooled sums of a group (count, sum, sum of squares): what `comparison.ts` compares. */
const POOLED_SQL =
  'sum(r.count)::float8 AS count, sum(r.sum::numeric)::float8 AS sum, sum(r.sum_sq::numeric)::float8 AS "sumSq"';

/**
 * Per non-native scenario and workload: its pooled sums and those of native runs on the same testbed,
 * OS family and workload (the same runs and months), in one statement.
 */
export function overheadSql(filter: ResolvedFilter): { sql: string; params: unknown[] } {
  const params = new Params();
  const timeAndRuns: ResolvedFilter = {
    ...emptyFilter(),
    runs: filter.runs,
    workloads: filter.workloads,
    testbeds: filter.testbeds,
    fromMonth: filter.fromMonth,
    toMonth: filter.toMonth,
  };
  const sql = `
    WITH native AS (
      SELECT s.testbed_id, o.family, r.workload_id, ${POOLED_SQL}
        FROM ${rollupSource('measurement_rollup', timeAndRuns, [], params, { where: ["s.mode = 'native'"], joinGuest: true })}
       GROUP BY 1, 2, 3),
    scenario_stats AS (
      SELECT r.scenario_id, r.workload_id, ${POOLED_SQL}
        FROM ${rollupSource('measurement_rollup', filter, [], params)}
       GROUP BY 1, 2)
    SELECT x.scenario_id AS "scenarioId", x.workload_id AS "workloadId", x.count, x.sum, x."sumSq",
           n.count AS "nativeCount", n.sum AS "nativeSum", n."sumSq" AS "nativeSumSq",
           w.higher_is_better AS "higherIsBetter"
      FROM scenario_stats x
      JOIN scenario s ON s.id = x.scenario_id
      JOIN operating_system o ON o.id = s.guest_os_id
      JOIN workload w ON w.id = x.workload_id
      LEFT JOIN native n ON n.testbed_id = s.testbed_id AND n.family = o.family AND n.workload_id = x.workload_id
     WHERE s.mode <> 'native'
     ORDER BY s.slug, w.slug`;
  return { sql, params: params.values };
}

export function emptyFilter(): ResolvedFilter {
  return {
    hypervisors: [],
    releases: [],
    modes: [],
    guests: [],
    driverPackages: [],
    workloads: [],
    testbeds: [],
    hardwareFeatures: [],
    scenarios: [],
    runs: [],
    fromMonth: null,
    toMonth: null,
  };
}

/**
 * A time series in one statement: the grouped statistic per bucket, or, for FRACTION_OF_NATIVE, the
 * count-weighted mean of each non-native scenario's fraction of the native mean (same testbed, OS family,
 * workload, all months), the scenario's mean taken over the whole bucket (not per rollup month: for a time
 * metric the fraction is not linear in the values, so month grain would change the answer). At most `limit`
 * rows (points) come back.
 */
export function timeSeriesSql(
  filter: ResolvedFilter,
  groupBy: readonly Dimension[],
  bucket: Bucket,
  metric: Statistic | 'FRACTION_OF_NATIVE',
  limit: number,
): { sql: string; params: unknown[] } {
  const params = new Params();
  const keys = groupBy.map((d, i) => ({ expr: DIMENSION_SQL[d].key, alias: `k${i}` }));
  const keySelect = keys.map((k) => `${k.expr} AS ${k.alias}, `).join('');
  const groupList = keys.map((k) => `${k.alias}, `).join('');
  const period = PERIOD_FORMAT[bucket];
  if (metric !== 'FRACTION_OF_NATIVE') {
    const sql = `SELECT ${keySelect}${period} AS period, ${STAT_SQL[metric]} AS value, sum(r.count)::float8 AS count
                   FROM ${rollupSource('measurement_rollup', filter, groupBy, params, { grain: 'month' })}
                  GROUP BY ${groupList}period ORDER BY ${groupList}period LIMIT ${params.add(limit, 'int')}`;
    return { sql, params: params.values };
  }
  const nativeFilter: ResolvedFilter = { ...emptyFilter(), runs: filter.runs, workloads: filter.workloads };
  const sql = `
    WITH native AS (
      SELECT s.testbed_id, o.family, r.workload_id, ${MEAN_SQL} AS mean
        FROM ${rollupSource('measurement_rollup', nativeFilter, [], params, { where: ["s.mode = 'native'"], joinGuest: true })}
       GROUP BY 1, 2, 3)
    SELECT ${groupList}period, sum(x.n * x.fraction) / sum(x.n) AS value, sum(x.n) AS count
      FROM (
    SELECT ${keySelect}${period} AS period, sum(r.count)::float8 AS n,
           CASE WHEN w.higher_is_better THEN (${MEAN_SQL}) / n.mean ELSE n.mean / (${MEAN_SQL}) END AS fraction
      FROM ${rollupSource('measurement_rollup', filter, groupBy, params, {
        grain: 'month',
        where: ["s.mode <> 'native'"],
        joinGuest: true,
        join: [
          'JOIN workload w ON w.id = r.workload_id',
          'JOIN native n ON n.testbed_id = s.testbed_id AND n.family = o.family AND n.workload_id = r.workload_id',
        ],
      })}
     GROUP BY ${groupList}period, r.scenario_id, r.workload_id, w.higher_is_better, n.mean) x
     GROUP BY ${groupList}period ORDER BY ${groupList}period LIMIT ${params.add(limit, 'int')}`;
  return { sql, params: params.values };
}
