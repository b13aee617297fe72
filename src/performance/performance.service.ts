import type { DataSource } from 'typeorm';
import type { ExecutionMode } from '../benchmarks/benchmark.type';
import { BadUserInputError, NotFoundError } from '../errors';
import { MODEL_VERSION } from '../simulator/model/frozen-parameters';
import {
  emptyFilter,
  overheadSql,
  performanceStatsSql,
  speedupSql,
  timeSeriesSql,
  KEY_OBJECTS,
  type ResolvedFilter,
} from './performance.queries';
import type {
  BenchmarkTimeSeries,
  Bucket,
  Dimension,
  NativeOverhead,
  ParavirtSpeedup,
  PerformanceFilter,
  PerformanceGroup,
  PerformanceGroupKey,
  PerformanceStats,
  SeriesMetric,
  SpeedupArgs,
  SpeedupSide,
  Statistic,
} from './performance.type';
import { fractionOfNative, type Pooled } from './comparison';
import {
  poissonBootstrapRatioInterval,
  SKETCH_RELATIVE_ERROR,
  welchRatioInterval,
  type SketchBin,
} from './statistics';

/** Most points a time series answer may have (series × buckets). */
export const MAX_SERIES_POINTS = 2000;
/** Most percentiles one request may ask for. */
export const MAX_PERCENTILES = 20;
export const BOOTSTRAP_REPLICATES = 2000;
/** Most workloads one paravirtSpeedups request may compare (the model has 14). */
export const MAX_SPEEDUP_WORKLOADS = 20;

/** A speedup before its workload object is loaded. */
export type SpeedupResult = Omit<ParavirtSpeedup, 'workload'> & { workloadId: number };

const DATA_NOTE =
  `Simulated measurements from the virtlens performance model (version ${MODEL_VERSION}), calibrated against ` +
  'published 2003–2006 benchmarks (see simulatorModel); ingested runs, where selected, are real measurements.';

/** Where each filter list's slugs live (`guests` also takes descendants of the operating system). */
const SLUG_TABLES = {
  hypervisors: 'hypervisor',
  releases: 'hypervisor_release',
  guests: 'operating_system',
  driverPackages: 'driver_package',
  workloads: 'workload',
  testbeds: 'testbed',
  hardwareFeatures: 'hardware_feature',
  scenarios: 'scenario',
  runs: 'benchmark_run',
} as const;
type SlugList = keyof typeof SLUG_TABLES;

/** Performance analytics over the rollups: one SQL statement for the figures (after one for slugs, if any). */
export class PerformanceService {
  constructor(private readonly db: DataSource) {}

  /** `keyObjectColumns`: compiled key objects (look-ahead), answered by the same statement. */
  async stats(
    filter: PerformanceFilter,
    groupBy: Dimension[],
    stats: Statistic[],
    percentiles: number[],
    keyObjectColumns = '',
  ): Promise<PerformanceStats> {
    checkGroupBy(groupBy, 'groupBy');
    checkPercentiles(percentiles);
    const resolved = await this.resolve(filter, 'filter');
    requireOneUnit(groupBy, resolved, 'groupBy');
    const { sql, params } = performanceStatsSql(resolved, groupBy, stats, percentiles, keyObjectColumns);
    const rows = await this.db.query<Record<string, unknown>[]>(sql, params);
    const groups: PerformanceGroup[] = rows.map((row) => {
      const values = (row.percentiles as number[] | null) ?? [];
      return {
        key: groupKey(groupBy, row),
        count: numberOrNull(row.COUNT),
        mean: numberOrNull(row.MEAN),
        stddev: numberOrNull(row.STDDEV),
        min: numberOrNull(row.MIN),
        max: numberOrNull(row.MAX),
        percentiles: percentiles.map((p, i) => ({ p, value: values[i] ?? Number.NaN })),
      };
    });
    return { groupBy, groups, percentileRelativeError: SKETCH_RELATIVE_ERROR, dataNote: DATA_NOTE };
  }

  /**
   * The candidate against the baseline on each workload, in the order given. `missing` says what a workload with
   * fewer than two measurements on a side does: `each` (one workload asked for) fails with NOT_FOUND naming the
   * side; `measured` (a list) leaves the workload out.
   */
  async speedups(
    workloadSlugs: readonly string[],
    args: SpeedupArgs,
    missing: 'each' | 'measured',
  ): Promise<SpeedupResult[]> {
    if (workloadSlugs.length < 1 || workloadSlugs.length > MAX_SPEEDUP_WORKLOADS) {
      throw new BadUserInputError(
        `workloads must name 1 to ${MAX_SPEEDUP_WORKLOADS} workloads; got ${workloadSlugs.length}.`,
        'workloads',
      );
    }
    const repeated = workloadSlugs.find((w, i) => workloadSlugs.indexOf(w) !== i);
    if (repeated !== undefined)
      throw new BadUserInputError(`workloads names ${repeated} twice; name each workload once.`, 'workloads');
    // Concurrently, as aliased paravirtSpeedup fields would run: one statement per workload.
    const results = await Promise.all(
      workloadSlugs.map((w) => this.speedup(w, args, missing === 'each' ? 'workload' : 'workloads')),
    );
    return results.filter((r): r is SpeedupResult => r !== null);
  }

  private async speedup(
    workloadSlug: string,
    { baseline, candidate, filter: given, confidence, method }: SpeedupArgs,
    /** The argument that named the workload; a single `workload` must have measurements on both sides. */
    argument: 'workload' | 'workloads',
  ): Promise<SpeedupResult | null> {
    const filter = given ?? {};
    if (baseline === candidate)
      throw new BadUserInputError('candidate must differ from baseline.', 'candidate');
    if (!(confidence > 0 && confidence < 1)) {
      throw new BadUserInputError(
        `confidence must be between 0 and 1 (exclusive), got ${confidence}.`,
        'confidence',
      );
    }
    if (filter.modes?.length) {
      throw new BadUserInputError(
        'filter.modes cannot be used here: baseline and candidate choose the modes.',
        'filter.modes',
      );
    }
    if (filter.workloads?.length) {
      throw new BadUserInputError(
        `filter.workloads cannot be used here: the ${argument} argument chooses it.`,
        'filter.workloads',
      );
    }
    const resolved = await this.resolve({ ...filter, workloads: [workloadSlug] }, 'filter', {
      workloads: argument,
    });
    const { sql, params } = speedupSql(resolved, baseline, candidate, method === 'BOOTSTRAP');
    const rows = await this.db.query<
      (SpeedupSide & { side: string; bins?: SketchBin[]; higherIsBetter: boolean })[]
    >(sql, params);
    const side = (name: 'baseline' | 'candidate', mode: ExecutionMode) => {
      const row = rows.find((r) => r.side === name);
      if (row && row.count >= 2) return { ...row, mode };
      if (argument === 'workloads') return null;
      throw new NotFoundError(
        `Fewer than two measurements of ${workloadSlug} in mode ${mode} match the filter; widen it or pick another mode.`,
        name,
      );
    };
    const b = side('baseline', baseline);
    const c = side('candidate', candidate);
    if (!b || !c) return null;
    const higherIsBetter = b.higherIsBetter;
    let interval: { ratio: number; lower: number; upper: number; degreesOfFreedom: number | null };
    if (method === 'WELCH') {
      const w = welchRatioInterval(
        { count: b.count, mean: b.mean, stddev: b.stddev ?? 0 },
        { count: c.count, mean: c.mean, stddev: c.stddev ?? 0 },
        confidence,
      );
      interval = { ...w, degreesOfFreedom: w.degreesOfFreedom };
    } else {
      const seed = `${workloadSlug}|${baseline}|${candidate}|${JSON.stringify(filter)}`;
      const boot = poissonBootstrapRatioInterval(b.bins ?? [], c.bins ?? [], b.mean, c.mean, confidence, {
        replicates: BOOTSTRAP_REPLICATES,
        seed,
      });
      interval = { ...boot, degreesOfFreedom: null };
    }
    const speedup = higherIsBetter
      ? { speedup: interval.ratio, speedupLower: interval.lower, speedupUpper: interval.upper }
      : { speedup: 1 / interval.ratio, speedupLower: 1 / interval.upper, speedupUpper: 1 / interval.lower };
    return {
      workloadId: resolved.workloads[0],
      baseline: strip(b),
      candidate: strip(c),
      ratio: interval.ratio,
      ratioLower: interval.lower,
      ratioUpper: interval.upper,
      ...speedup,
      confidence,
      method,
      degreesOfFreedom: interval.degreesOfFreedom,
      dataNote: DATA_NOTE,
    };
  }

  async overheadVsNative(filter: PerformanceFilter): Promise<NativeOverhead[]> {
    const resolved = await this.resolve(filter, 'filter');
    const { sql, params } = overheadSql(resolved);
    type Row = Pooled & {
      scenarioId: number;
      workloadId: number;
      nativeCount: number | null;
      nativeSum: number | null;
      nativeSumSq: number | null;
      higherIsBetter: boolean;
    };
    const rows = await this.db.query<Row[]>(sql, params);
    return rows.map((r): NativeOverhead => {
      const native: Pooled | null =
        r.nativeCount === null ? null : { count: r.nativeCount, sum: r.nativeSum!, sumSq: r.nativeSumSq! };
      const fraction = native && fractionOfNative(r, native, r.higherIsBetter);
      return {
        scenarioId: r.scenarioId,
        workloadId: r.workloadId,
        count: r.count,
        mean: r.sum / r.count,
        nativeMean: native && native.sum / native.count,
        nativeCount: r.nativeCount,
        fractionOfNative: fraction?.value ?? null,
        fractionLower: fraction?.lower ?? null,
        fractionUpper: fraction?.upper ?? null,
        overhead: fraction ? 1 - fraction.value : null,
      } as NativeOverhead;
    });
  }

  async timeSeries(
    metric: SeriesMetric,
    bucket: Bucket,
    filter: PerformanceFilter,
    groupBy: Dimension[],
  ): Promise<BenchmarkTimeSeries> {
    checkGroupBy(groupBy, 'groupBy');
    if (groupBy.some((d) => d === 'MONTH' || d === 'QUARTER' || d === 'YEAR')) {
      throw new BadUserInputError(
        'groupBy cannot hold a time bucket here: the bucket argument sets it.',
        'groupBy',
      );
    }
    const resolved = await this.resolve(filter, 'filter');
    if (metric !== 'COUNT' && metric !== 'FRACTION_OF_NATIVE') requireOneUnit(groupBy, resolved, 'groupBy');
    const { sql, params } = timeSeriesSql(resolved, groupBy, bucket, metric, MAX_SERIES_POINTS + 1);
    const rows = await this.db.query<Record<string, unknown>[]>(sql, params);
    if (rows.length > MAX_SERIES_POINTS) {
      throw new BadUserInputError(
        `The series would have more than ${MAX_SERIES_POINTS} points; use a coarser bucket, fewer groupBy dimensions or a narrower filter.`,
        'bucket',
        { limit: { name: 'seriesPoints', max: MAX_SERIES_POINTS } },
      );
    }
    const series = new Map<
      string,
      { key: PerformanceGroupKey; points: BenchmarkTimeSeries['series'][0]['points'] }
    >();
    for (const row of rows) {
      const id = groupBy.map((_, i) => String(row[`k${i}`])).join('|');
      let s = series.get(id);
      if (!s) series.set(id, (s = { key: groupKey(groupBy, row), points: [] }));
      s.points.push({
        period: row.period as string,
        value: numberOrNull(row.value),
        count: Number(row.count),
      });
    }
    return { metric, bucket, series: [...series.values()], dataNote: DATA_NOTE };
  }

  /**
   * Turns the filter's slugs into ids in one statement, rejecting unknown ones by name; `names` renames
   * arguments whose slugs came from elsewhere (e.g. the `workload` argument).
   */
  private async resolve(
    filter: PerformanceFilter,
    argument: string,
    names: Partial<Record<SlugList, string>> = {},
  ): Promise<ResolvedFilter> {
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new BadUserInputError(
        `${argument}.from (${filter.from}) is after ${argument}.to (${filter.to}).`,
        `${argument}.from`,
      );
    }
    const resolved: ResolvedFilter = {
      ...emptyFilter(),
      modes: filter.modes ?? [],
      fromMonth: filter.from ? `${filter.from}-01` : null,
      toMonth: filter.to ? `${filter.to}-01` : null,
    };
    const lists = (Object.keys(SLUG_TABLES) as SlugList[]).filter((k) => filter[k]?.length);
    if (!lists.length) return resolved;
    const parts = lists.map((list, i) => {
      const table = SLUG_TABLES[list];
      if (list === 'guests') {
        return `SELECT * FROM (WITH RECURSIVE g(slug, id) AS (
                  SELECT slug, id FROM operating_system WHERE slug = ANY($${i + 1}::text[])
                  UNION ALL SELECT g.slug, o.id FROM operating_system o JOIN g ON o.parent_id = g.id)
                SELECT '${list}' AS list, slug, id FROM g) guests`;
      }
      if (list === 'runs') {
        return `SELECT 'runs' AS list, id::text AS slug, id FROM benchmark_run WHERE id = ANY($${i + 1}::int[])`;
      }
      // `table` and `list` come from SLUG_TABLES, never from input.
      return `SELECT '${list}' AS list, slug, id FROM ${table} WHERE slug = ANY($${i + 1}::text[])`;
    });
    const rows = await this.db.query<{ list: SlugList; slug: string; id: number }[]>(
      parts.join(' UNION ALL '),
      lists.map((k) => filter[k]),
    );
    for (const list of lists) {
      const found = rows.filter((r) => r.list === list);
      const wanted: readonly (string | number)[] = filter[list]!;
      const missing = wanted.filter((slug) => !found.some((r) => r.slug === String(slug)));
      if (missing.length) {
        const name = names[list] ?? `${argument}.${list}`;
        const what = list === 'runs' ? 'benchmark run' : SLUG_TABLES[list].replace(/_/g, ' ');
        throw new BadUserInputError(
          `Unknown ${what} ${missing.map((m) => (typeof m === 'number' ? m : `"${m}"`)).join(', ')} in ${name}.`,
          name,
        );
      }
      resolved[list] = [...new Set(found.map((r) => r.id))];
    }
    return resolved;
  }
}

function strip(side: SpeedupSide & { side?: string; bins?: unknown }): SpeedupSide {
  return {
    mode: side.mode,
    count: side.count,
    mean: side.mean,
    stddev: side.stddev,
    scenarioIds: side.scenarioIds,
  };
}

function numberOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

const KEY_COLUMNS: Record<Dimension, keyof PerformanceGroupKey> = {
  HYPERVISOR: 'hypervisorId',
  RELEASE: 'releaseId',
  MODE: 'mode',
  GUEST: 'guestId',
  DRIVER_PACKAGE: 'driverPackageId',
  WORKLOAD: 'workloadId',
  TESTBED: 'testbedId',
  SCENARIO: 'scenarioId',
  HARDWARE_FEATURE: 'hardwareFeatureId',
  MONTH: 'period',
  QUARTER: 'period',
  YEAR: 'period',
};

function groupKey(groupBy: readonly Dimension[], row: Record<string, unknown>): PerformanceGroupKey {
  const key: Record<string, unknown> = { grouped: groupBy };
  groupBy.forEach((d, i) => {
    key[KEY_COLUMNS[d]] = row[`k${i}`] ?? null;
    const object = KEY_OBJECTS[d]?.field;
    if (object && object in row) key[object] = row[object];
  });
  return key as unknown as PerformanceGroupKey;
}

function checkGroupBy(groupBy: readonly Dimension[], argument: string): void {
  const seen = new Set<string>();
  for (const d of groupBy) {
    const column = KEY_COLUMNS[d];
    if (seen.has(column))
      throw new BadUserInputError(`${argument} names ${d} twice (or two time buckets).`, argument);
    seen.add(column);
  }
}

function checkPercentiles(percentiles: readonly number[]): void {
  if (percentiles.length > MAX_PERCENTILES) {
    throw new BadUserInputError(`At most ${MAX_PERCENTILES} percentiles may be asked for.`, 'percentiles', {
      limit: { name: 'percentiles', max: MAX_PERCENTILES },
    });
  }
  const bad = percentiles.find((p) => !(p > 0 && p < 1));
  if (bad !== undefined) {
    throw new BadUserInputError(
      `Percentiles are fractions strictly between 0 and 1 (e.g. 0.5, 0.99), got ${bad}.`,
      'percentiles',
    );
  }
}

/** Means of different workloads have different units: group by workload or filter to one. */
function requireOneUnit(groupBy: readonly Dimension[], filter: ResolvedFilter, argument: string): void {
  if (groupBy.includes('WORKLOAD') || filter.workloads.length === 1) return;
  throw new BadUserInputError(
    `${argument} must include WORKLOAD unless the filter names exactly one workload: workloads report in different units.`,
    argument,
  );
}
