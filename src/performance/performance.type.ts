import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { ExecutionModeEnum, Scenario, Workload, type ExecutionMode } from '../benchmarks/benchmark.type';
import { registerValuesEnum } from '../shared/enums';
import { YearMonth } from '../shared/scalars';

export const DIMENSIONS = [
  'HYPERVISOR',
  'RELEASE',
  'MODE',
  'GUEST',
  'DRIVER_PACKAGE',
  'WORKLOAD',
  'TESTBED',
  'SCENARIO',
  'HARDWARE_FEATURE',
  'MONTH',
  'QUARTER',
  'YEAR',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DimensionEnum = registerValuesEnum(
  DIMENSIONS,
  'PerformanceDimension',
  'What measurements can be grouped by. MONTH, QUARTER and YEAR bucket simulated dates. HARDWARE_FEATURE groups by ' +
    'the features a scenario exercises: a scenario using two features counts in both groups, one using none in ' +
    'the group without a feature.',
);

export const STATISTICS = ['COUNT', 'MEAN', 'STDDEV', 'MIN', 'MAX'] as const;
export type Statistic = (typeof STATISTICS)[number];
export const StatisticEnum = registerValuesEnum(
  STATISTICS,
  'Statistic',
  'A statistic of a group of measurements.',
);

export const INTERVAL_METHODS = ['WELCH', 'BOOTSTRAP'] as const;
export type IntervalMethod = (typeof INTERVAL_METHODS)[number];
export const IntervalMethodEnum = registerValuesEnum(
  INTERVAL_METHODS,
  'IntervalMethod',
  'WELCH: a t interval for the ratio of means on the log scale (delta method, Welch–Satterthwaite degrees of ' +
    'freedom). BOOTSTRAP: a Poisson bootstrap (2,000 replicates, seeded) over the quantile sketches, centred on ' +
    'the exact ratio.',
);

export const SERIES_METRICS = ['MEAN', 'COUNT', 'STDDEV', 'MIN', 'MAX', 'FRACTION_OF_NATIVE'] as const;
export type SeriesMetric = (typeof SERIES_METRICS)[number];
export const SeriesMetricEnum = registerValuesEnum(
  SERIES_METRICS,
  'SeriesMetric',
  'What a time series plots per bucket. FRACTION_OF_NATIVE: the count-weighted mean, over the bucket’s ' +
    'measurements, of the scenario’s fraction of native throughput (native scenarios are left out).',
);

export const BUCKETS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type Bucket = (typeof BUCKETS)[number];
export const BucketEnum = registerValuesEnum(BUCKETS, 'TimeBucket', 'The width of a time series bucket.');

@InputType('PerformanceFilter', {
  description:
    'Which measurements count. Every list narrows (an empty list is no filter); slugs must exist. A guest slug ' +
    'includes its family (e.g. "windows" takes every Windows version).',
})
export class PerformanceFilter {
  @Field(() => [String], { nullable: true })
  hypervisors?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Hypervisor release slugs.' })
  releases?: string[] | null;

  @Field(() => [ExecutionModeEnum], { nullable: true })
  modes?: ExecutionMode[] | null;

  @Field(() => [String], { nullable: true, description: 'Operating system slugs (with their descendants).' })
  guests?: string[] | null;

  @Field(() => [String], { nullable: true })
  driverPackages?: string[] | null;

  @Field(() => [String], { nullable: true })
  workloads?: string[] | null;

  @Field(() => [String], { nullable: true })
  testbeds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Scenarios that exercise any of these hardware features.',
  })
  hardwareFeatures?: string[] | null;

  @Field(() => [String], { nullable: true })
  scenarios?: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'Benchmark run ids (default: every run).' })
  runs?: number[] | null;

  @Field(() => YearMonth, { nullable: true, description: 'First simulated month, inclusive.' })
  from?: string | null;

  @Field(() => YearMonth, { nullable: true, description: 'Last simulated month, inclusive.' })
  to?: string | null;
}

/** A group's identity: ids of the grouped dimensions (resolved to objects on demand). */
@ObjectType('PerformanceGroupKey', {
  description: 'The values of the grouped dimensions; fields of dimensions not grouped by are null.',
  simpleResolvers: true,
})
export class PerformanceGroupKey {
  hypervisorId?: number | null;
  releaseId?: number | null;
  guestId?: number | null;
  driverPackageId?: number | null;
  workloadId?: number | null;
  testbedId?: number | null;
  scenarioId?: number | null;
  hardwareFeatureId?: number | null;
  /** Which dimensions were grouped (a null id then means "none", e.g. native has no hypervisor). */
  grouped!: readonly Dimension[];

  @Field(() => ExecutionModeEnum, { nullable: true })
  mode?: ExecutionMode | null;

  @Field(() => String, { nullable: true, description: 'The time bucket: "2007-09", "2007-Q3" or "2007".' })
  period?: string | null;
}

@ObjectType('Percentile', { simpleResolvers: true })
export class Percentile {
  @Field(() => Float, { description: 'The quantile asked for, in (0, 1).' })
  p!: number;

  @Field(() => Float)
  value!: number;
}

@ObjectType('PerformanceGroup', {
  description: 'Statistics of one group of measurements.',
  simpleResolvers: true,
})
export class PerformanceGroup {
  @Field(() => PerformanceGroupKey)
  key!: PerformanceGroupKey;

  @Field(() => Int, { nullable: true, description: 'Number of measurements.' })
  count!: number | null;

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Sample standard deviation (null for a single measurement).',
  })
  stddev!: number | null;

  @Field(() => Float, { nullable: true })
  min!: number | null;

  @Field(() => Float, { nullable: true })
  max!: number | null;

  @Field(() => [Percentile], { description: 'The percentiles asked for, from the quantile sketches.' })
  percentiles!: Percentile[];
}

@ObjectType('PerformanceStats')
export class PerformanceStats {
  @Field(() => [DimensionEnum])
  groupBy!: Dimension[];

  @Field(() => [PerformanceGroup], { description: 'Groups ordered by their key.' })
  groups!: PerformanceGroup[];

  @Field(() => Float, {
    description:
      'Percentiles come from log-bucket sketches (bin k holds (1.01^(k−1), 1.01^k]); each is within this ' +
      'relative error of the exact lower percentile (percentile_disc) of the group.',
  })
  percentileRelativeError!: number;

  @Field(() => String, {
    description: 'Where the figures come from (simulated data says so, with its model version).',
  })
  dataNote!: string;
}

@ObjectType('SpeedupSide', { description: 'One side of a comparison: its measurements and scenarios.' })
export class SpeedupSide {
  @Field(() => ExecutionModeEnum)
  mode!: ExecutionMode;

  @Field(() => Int)
  count!: number;

  @Field(() => Float)
  mean!: number;

  @Field(() => Float, { nullable: true })
  stddev!: number | null;

  scenarioIds!: number[];
}

@ObjectType('ParavirtSpeedup')
export class ParavirtSpeedup {
  @Field(() => Workload)
  workload!: Workload;

  @Field(() => SpeedupSide)
  baseline!: SpeedupSide;

  @Field(() => SpeedupSide)
  candidate!: SpeedupSide;

  @Field(() => Float, {
    description: 'Mean of the candidate divided by the mean of the baseline, in the metric’s unit.',
  })
  ratio!: number;

  @Field(() => Float)
  ratioLower!: number;

  @Field(() => Float)
  ratioUpper!: number;

  @Field(() => Float, {
    description:
      'How many times faster the candidate is (> 1: faster): the ratio for throughputs, its inverse for times.',
  })
  speedup!: number;

  @Field(() => Float)
  speedupLower!: number;

  @Field(() => Float)
  speedupUpper!: number;

  @Field(() => Float)
  confidence!: number;

  @Field(() => IntervalMethodEnum)
  method!: IntervalMethod;

  @Field(() => Float, { nullable: true, description: 'Welch–Satterthwaite degrees of freedom (WELCH only).' })
  degreesOfFreedom!: number | null;

  @Field(() => String)
  dataNote!: string;
}

@ObjectType('NativeOverhead', {
  description: 'A scenario’s result on a workload against native on the same testbed.',
})
export class NativeOverhead {
  scenarioId!: number;
  workloadId!: number;

  @Field(() => Scenario)
  scenario!: Scenario;

  @Field(() => Workload)
  workload!: Workload;

  @Field(() => Int)
  count!: number;

  @Field(() => Float)
  mean!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Native mean on the same testbed, OS family and workload.',
  })
  nativeMean!: number | null;

  @Field(() => Int, { nullable: true })
  nativeCount!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Fraction of native throughput (native time / scenario time for time metrics); null without native data.',
  })
  fractionOfNative!: number | null;

  @Field(() => Float, { nullable: true, description: '95% interval (Welch, log scale).' })
  fractionLower!: number | null;

  @Field(() => Float, { nullable: true })
  fractionUpper!: number | null;

  @Field(() => Float, { nullable: true, description: '1 − fractionOfNative.' })
  overhead!: number | null;
}

@ObjectType('SeriesPoint')
export class SeriesPoint {
  @Field(() => String, { description: '"2007-09", "2007-Q3" or "2007".' })
  period!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Int, { description: 'Measurements in the bucket.' })
  count!: number;
}

@ObjectType('TimeSeries')
export class TimeSeries {
  @Field(() => PerformanceGroupKey)
  key!: PerformanceGroupKey;

  @Field(() => [SeriesPoint], { description: 'Buckets with measurements, in time order.' })
  points!: SeriesPoint[];
}

@ObjectType('BenchmarkTimeSeries')
export class BenchmarkTimeSeries {
  @Field(() => SeriesMetricEnum)
  metric!: SeriesMetric;

  @Field(() => BucketEnum)
  bucket!: Bucket;

  @Field(() => [TimeSeries])
  series!: TimeSeries[];

  @Field(() => String)
  dataNote!: string;
}
