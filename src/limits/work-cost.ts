import type { ComplexityEstimator } from 'graphql-query-complexity';
import { BOOTSTRAP_REPLICATES } from '../performance/performance.service';
import { DIMENSIONS, STATISTICS, type Dimension } from '../performance/performance.type';
import type { CostStatistics } from './cost-statistics';

/**
 * Cost that follows work, for the fields whose work depends on the data rather than on the page size: each is
 * costed by what it computes, estimated from {@link CostStatistics}. Calibrated against measured time (see
 * `npm run bench:cost`, which prints the correlation of cost and median time over the GraphiQL examples and the
 * bench mix); the units stay those of the structural model (one object = 1), so limits keep their meaning.
 *
 * - `performanceStats`: the rollup rows it reads × {@link ROW_WEIGHT}, plus estimated groups × (statistics +
 *   {@link PERCENTILE_WEIGHT} × percentiles + what each group selects), and with percentiles the sketch bins they walk × {@link SKETCH_BIN_WEIGHT}. Groups are
 *   estimated as the product of the distinct values of each groupBy dimension (a filter listing n values of a
 *   dimension bounds it by n), capped by the rollup rows at the grain it reads; bins as the sketch rows at that
 *   grain times the fraction of each filtered dimension's values the filter keeps (rows read likewise).
 * - `benchmarkTimeSeries`: the month-grain rollup rows it reads × {@link ROW_WEIGHT}, plus what it selects.
 * - `paravirtSpeedup(method: BOOTSTRAP)`: resamples × sketch bins of one workload, per {@link DRAWS_PER_UNIT}.
 * - `search`: its candidate rows (the documents of the kinds it searches), per {@link CANDIDATES_PER_UNIT},
 *   plus its hits.
 */

/** Each rollup row read and aggregated (measured: ≈ 1/6 of a group's statistics). */
export const ROW_WEIGHT = 1;

/** A percentile costs this many statistics: each walks the group's merged sketch bins (measured ≈ 3.5). */
export const PERCENTILE_WEIGHT = 4;

/** With percentiles, the cost of each sketch bin read (all bins of the grain are windowed, whatever the groups). */
export const SKETCH_BIN_WEIGHT = 2.5;

/** Bootstrap draws (resamples × bins) per unit of cost. */
export const DRAWS_PER_UNIT = 1000;

/** Search candidate rows ranked per unit of cost. */
export const CANDIDATES_PER_UNIT = 10;

/** The structural model's items per unpaged list (limits.ts): `childComplexity` of a group list counts that many. */
const LISTED_ITEMS = 5;

/** Which filter list narrows which dimension. */
const FILTER_OF: Partial<Record<Dimension, string>> = {
  HYPERVISOR: 'hypervisors',
  RELEASE: 'releases',
  MODE: 'modes',
  DRIVER_PACKAGE: 'driverPackages',
  WORKLOAD: 'workloads',
  TESTBED: 'testbeds',
  SCENARIO: 'scenarios',
  HARDWARE_FEATURE: 'hardwareFeatures',
};

const MONTHS_PER: Partial<Record<Dimension, number>> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

type Filter = Record<string, unknown> | null | undefined;

function listLength(value: unknown): number | null {
  return Array.isArray(value) && value.length > 0 ? new Set(value).size : null;
}

/** Months from `from` to `to` (YYYY-MM…), inclusive; null when either is missing. */
function monthSpan(filter: Filter): number | null {
  const month = (v: unknown) => {
    const m = typeof v === 'string' ? /^(\d{4})-(\d{2})/.exec(v) : null;
    return m ? Number(m[1]) * 12 + Number(m[2]) : null;
  };
  const from = month(filter?.['from']);
  const to = month(filter?.['to']);
  return from !== null && to !== null ? Math.max(1, to - from + 1) : null;
}

/** Dimensions whose value decides another's: grouping by both makes no more groups than by the first alone. */
const IMPLIES: Partial<Record<Dimension, readonly Dimension[]>> = {
  MONTH: ['QUARTER', 'YEAR'],
  QUARTER: ['YEAR'],
  SCENARIO: ['HYPERVISOR', 'RELEASE', 'MODE', 'GUEST', 'DRIVER_PACKAGE', 'TESTBED'],
  RELEASE: ['HYPERVISOR'],
};

/** Estimated groups of a grouping under a filter (see the module comment). */
export function estimateGroups(stats: CostStatistics, groupBy: readonly Dimension[], filter: Filter): number {
  const given = [...new Set(groupBy)].filter((d) => DIMENSIONS.includes(d));
  const implied = new Set(given.flatMap((d) => IMPLIES[d] ?? []));
  const dims = given.filter((d) => !implied.has(d));
  const dated = isDated(dims, filter);
  let product = 1;
  for (const d of dims) {
    let n = Math.max(1, stats.distinct[d]);
    const listed = FILTER_OF[d] ? listLength(filter?.[FILTER_OF[d]]) : null;
    if (listed !== null) n = Math.min(n, listed);
    const span = MONTHS_PER[d] ? monthSpan(filter) : null;
    if (span !== null) n = Math.min(n, Math.ceil(span / (MONTHS_PER[d] ?? 1)));
    product *= n;
  }
  return Math.max(1, Math.min(product, dated ? stats.monthRows : stats.totalRows));
}

/** The fraction of the rollups a filter keeps, as far as its lists say (dates are not counted). */
function filterFraction(stats: CostStatistics, filter: Filter): number {
  let fraction = 1;
  for (const [d, key] of Object.entries(FILTER_OF) as [Dimension, string][]) {
    const listed = listLength(filter?.[key]);
    if (listed !== null) fraction *= Math.min(1, listed / Math.max(1, stats.distinct[d]));
  }
  return fraction;
}

function isDated(groupBy: readonly Dimension[], filter: Filter): boolean {
  return groupBy.some((d) => MONTHS_PER[d] !== undefined) || Boolean(filter?.['from'] || filter?.['to']);
}

/** Estimated rollup rows a grouping reads (at the grain it needs) and sketch bins its percentiles walk. */
export function estimateReads(
  stats: CostStatistics,
  groupBy: readonly Dimension[],
  filter: Filter,
): { rows: number; bins: number } {
  const dated = isDated(groupBy, filter);
  const fraction = filterFraction(stats, filter);
  return {
    rows: (dated ? stats.monthRows : stats.totalRows) * fraction,
    bins: (dated ? stats.monthSketchBins : stats.sketchBins) * fraction,
  };
}

/** The estimator, given the current statistics (null: not read yet; the structural model applies). */
export function workCostEstimator(statistics: () => CostStatistics | null): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (type.name !== 'Query') return undefined;
    const stats = statistics();
    if (!stats) return undefined;
    switch (field.name) {
      case 'performanceStats': {
        const groupBy = Array.isArray(args['groupBy']) ? (args['groupBy'] as Dimension[]) : [];
        const groups = estimateGroups(stats, groupBy, args['filter'] as Filter);
        const statistics = listLength(args['stats']) ?? STATISTICS.length;
        const percentiles = listLength(args['percentiles']) ?? 0;
        const filter = args['filter'] as Filter;
        const perGroup = statistics + PERCENTILE_WEIGHT * percentiles + childComplexity / LISTED_ITEMS;
        const reads = estimateReads(stats, groupBy, filter);
        const bins = percentiles ? SKETCH_BIN_WEIGHT * reads.bins : 0;
        return Math.ceil(1 + ROW_WEIGHT * reads.rows + groups * perGroup + bins);
      }
      case 'benchmarkTimeSeries': {
        const filter = args['filter'] as Filter;
        const rows = stats.monthRows * filterFraction(stats, filter);
        return Math.ceil(1 + childComplexity + ROW_WEIGHT * rows);
      }
      case 'paravirtSpeedup': {
        if (args['method'] !== 'BOOTSTRAP') return undefined;
        // One workload's bins, over every scenario of both sides.
        const bins = stats.sketchBins / Math.max(1, stats.distinct.WORKLOAD);
        return Math.ceil(1 + childComplexity + (BOOTSTRAP_REPLICATES * bins) / DRAWS_PER_UNIT);
      }
      case 'search': {
        const kinds = Array.isArray(args['kinds']) ? (args['kinds'] as string[]) : null;
        const candidates = Object.entries(stats.searchDocuments)
          .filter(([kind]) => !kinds || kinds.includes(kind))
          .reduce((sum, [, n]) => sum + n, 0);
        const first = typeof args['first'] === 'number' ? Math.max(0, args['first']) : 10;
        return Math.ceil(1 + first * (1 + childComplexity) + candidates / CANDIDATES_PER_UNIT);
      }
      default:
        return undefined;
    }
  };
}
