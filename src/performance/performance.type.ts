import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
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
  {
    HYPERVISOR: 'The hypervisor a scenario runs on (none for native runs).',
    RELEASE: 'The hypervisor release a scenario runs on (none for native runs or where no release is named).',
    MODE: 'The execution mode (native, paravirtualized, hardware assist…).',
    GUEST: 'The guest operating system (the operating system itself for native runs).',
    DRIVER_PACKAGE: 'The paravirtual driver package a scenario uses (none without one).',
    WORKLOAD: 'The benchmark workload.',
    TESTBED: 'The machine the scenario is simulated on.',
    SCENARIO: 'The benchmark scenario itself.',
    HARDWARE_FEATURE: 'Each hardware feature the scenario exercises (see the enum’s description).',
    MONTH: 'The calendar month of the simulated date.',
    QUARTER: 'The calendar quarter of the simulated date.',
    YEAR: 'The calendar year of the simulated date.',
  },
);

export const STATISTICS = ['COUNT', 'MEAN', 'STDDEV', 'MIN', 'MAX'] as const;
export type Statistic = (typeof STATISTICS)[number];
export const StatisticEnum = registerValuesEnum(
  STATISTICS,
  'Statistic',
  'A statistic of a group of measurements.',
  {
    COUNT: 'Number of measurements in the group.',
    MEAN: 'Arithmetic mean, in the workload’s unit.',
    STDDEV: 'Sample standard deviation, in the workload’s unit.',
    MIN: 'Smallest measurement, in the workload’s unit.',
    MAX: 'Largest measurement, in the workload’s unit.',
  },
);

export const INTERVAL_METHODS = ['WELCH', 'BOOTSTRAP'] as const;
export type IntervalMethod = (typeof INTERVAL_METHODS)[number];
export const IntervalMethodEnum = registerValuesEnum(
  INTERVAL_METHODS,
  'IntervalMethod',
  'WELCH: a t interval for the ratio of means on the log scale (delta method, Welch–Satterthwaite degrees of ' +
    'freedom). BOOTSTRAP: a Poisson bootstrap (2,000 replicates, seeded) over the quantile sketches, centred on ' +
    'the exact ratio.',
  {
    WELCH:
      'A t interval for the log of the ratio of means (delta method, Welch–Satterthwaite degrees of freedom); fast.',
    BOOTSTRAP:
      'A seeded Poisson bootstrap of 2,000 replicates over the quantile sketches; slower, fewer assumptions.',
  },
);

export const SERIES_METRICS = ['MEAN', 'COUNT', 'STDDEV', 'MIN', 'MAX', 'FRACTION_OF_NATIVE'] as const;
export type SeriesMetric = (typeof SERIES_METRICS)[number];
export const SeriesMetricEnum = registerValuesEnum(
  SERIES_METRICS,
  'SeriesMetric',
  'What a time series plots per bucket. FRACTION_OF_NATIVE: the count-weighted mean, over the bucket’s ' +
    'measurements, of the scenario’s fraction of native throughput (native scenarios are left out).',
  {
    MEAN: 'Mean measurement per bucket, in the workload’s unit.',
    COUNT: 'Number of measurements per bucket.',
    STDDEV: 'Sample standard deviation per bucket, in the workload’s unit.',
    MIN: 'Smallest measurement per bucket.',
    MAX: 'Largest measurement per bucket.',
    FRACTION_OF_NATIVE: 'Count-weighted mean fraction of native throughput per bucket (1 = native speed).',
  },
);

export const BUCKETS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type Bucket = (typeof BUCKETS)[number];
export const BucketEnum = registerValuesEnum(BUCKETS, 'TimeBucket', 'The width of a time series bucket.', {
  MONTH: 'Calendar months, labelled by their first day.',
  QUARTER: 'Calendar quarters, labelled by their first day.',
  YEAR: 'Calendar years, labelled by 1 January.',
});

@InputType('PerformanceFilter', {
  description:
    'Which measurements count. Every list narrows (an empty list is no filter); slugs must exist. A guest slug ' +
    'includes its family (e.g. "windows" takes every Windows version).',
})
export class PerformanceFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Hypervisor slugs (e.g. "xen", "kvm"); native runs have none and drop out.',
  })
  hypervisors?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Hypervisor release slugs.' })
  releases?: string[] | null;

  @Field(() => [ExecutionModeEnum], {
    nullable: true,
    description: 'Only scenarios in these execution modes.',
  })
  modes?: ExecutionMode[] | null;

  @Field(() => [String], { nullable: true, description: 'Operating system slugs (with their descendants).' })
  guests?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Driver package slugs: only scenarios using one of these packages.',
  })
  driverPackages?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Workload slugs (see the `workloads` query).' })
  workloads?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Testbed slugs.' })
  testbeds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Scenarios that exercise any of these hardware features.',
  })
  hardwareFeatures?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Scenario slugs.' })
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

  @Field(() => ExecutionModeEnum, {
    nullable: true,
    description: 'The execution mode, when grouped by MODE.',
  })
  mode?: ExecutionMode | null;

  @Field(() => String, { nullable: true, description: 'The time bucket: "2007-09", "2007-Q3" or "2007".' })
  period?: string | null;
}

@ObjectType('Percentile', {
  simpleResolvers: true,
  description: 'One quantile of a group, estimated from its sketch.',
})
export class Percentile {
  @Field(() => Float, { description: 'The quantile asked for, in (0, 1).' })
  p!: number;

  @Field(() => Float, { description: 'The estimated quantile, in the workload’s unit.' })
  value!: number;
}

@ObjectType('PerformanceGroup', {
  description: 'Statistics of one group of measurements.',
  simpleResolvers: true,
})
export class PerformanceGroup {
  @Field(() => PerformanceGroupKey, { description: 'The values of the grouped dimensions.' })
  key!: PerformanceGroupKey;

  @Field(() => Int, { nullable: true, description: 'Number of measurements.' })
  count!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean measurement, in the workload’s unit; null unless MEAN was asked for.',
  })
  mean!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Sample standard deviation (null for a single measurement).',
  })
  stddev!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Smallest measurement, in the workload’s unit; null unless MIN was asked for.',
  })
  min!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Largest measurement, in the workload’s unit; null unless MAX was asked for.',
  })
  max!: number | null;

  @Field(() => [Percentile], { description: 'The percentiles asked for, from the quantile sketches.' })
  percentiles!: Percentile[];
}

@ObjectType('PerformanceStats', { description: 'Grouped statistics of benchmark measurements.' })
export class PerformanceStats {
  @Field(() => [DimensionEnum], { description: 'The dimensions grouped by, as asked.' })
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
  @Field(() => ExecutionModeEnum, { description: 'The execution mode of this side.' })
  mode!: ExecutionMode;

  @Field(() => Int, { description: 'Number of measurements on this side.' })
  count!: number;

  @Field(() => Float, { description: 'Mean measurement, in the workload’s unit.' })
  mean!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Sample standard deviation, in the workload’s unit; null for a single measurement.',
  })
  stddev!: number | null;

  scenarioIds!: number[];
}

/** What paravirtSpeedup and paravirtSpeedups compare, besides the workload: the two modes, the scenarios, the interval. */
@ArgsType()
export class SpeedupArgs {
  @Field(() => ExecutionModeEnum, {
    defaultValue: 'hardware_assisted_emulated',
    description: 'The mode compared against (the denominator).',
  })
  baseline!: ExecutionMode;

  @Field(() => ExecutionModeEnum, {
    defaultValue: 'hardware_assisted_pv_drivers',
    description: 'The mode whose speedup is asked for (the numerator).',
  })
  candidate!: ExecutionMode;

  @Field(() => PerformanceFilter, {
    nullable: true,
    description:
      'Which scenarios count on both sides (e.g. a hypervisor, release, guest or driver package); the modes come ' +
      'from baseline and candidate.',
  })
  filter?: PerformanceFilter | null;

  @Field(() => Float, {
    defaultValue: 0.95,
    description: 'Confidence level of the interval, strictly between 0 and 1.',
  })
  confidence!: number;

  @Field(() => IntervalMethodEnum, { defaultValue: 'WELCH', description: 'How the interval is computed.' })
  method!: IntervalMethod;
}

@ObjectType('ParavirtSpeedup', {
  description:
    'The candidate mode against the baseline on one workload, with a confidence interval and both sides’ samples.',
})
export class ParavirtSpeedup {
  @Field(() => Workload, { description: 'The workload compared.' })
  workload!: Workload;

  @Field(() => SpeedupSide, { description: 'The baseline side: its measurements and scenarios.' })
  baseline!: SpeedupSide;

  @Field(() => SpeedupSide, { description: 'The candidate side: its measurements and scenarios.' })
  candidate!: SpeedupSide;

  @Field(() => Float, {
    description: 'Mean of the candidate divided by the mean of the baseline, in the metric’s unit.',
  })
  ratio!: number;

  @Field(() => Float, { description: 'Lower bound of the ratio’s interval.' })
  ratioLower!: number;

  @Field(() => Float, { description: 'Upper bound of the ratio’s interval.' })
  ratioUpper!: number;

  @Field(() => Float, {
    description:
      'How many times faster the candidate is (> 1: faster): the ratio for throughputs, its inverse for times.',
  })
  speedup!: number;

  @Field(() => Float, { description: 'Lower bound of the speedup’s interval.' })
  speedupLower!: number;

  @Field(() => Float, { description: 'Upper bound of the speedup’s interval.' })
  speedupUpper!: number;

  @Field(() => Float, { description: 'The confidence level of the intervals, as asked.' })
  confidence!: number;

  @Field(() => IntervalMethodEnum, { description: 'The interval method used.' })
  method!: IntervalMethod;

  @Field(() => Float, { nullable: true, description: 'Welch–Satterthwaite degrees of freedom (WELCH only).' })
  degreesOfFreedom!: number | null;

  @Field(() => String, {
    description:
      'How the figures were made (simulated, calibrated to published results) and what they leave out.',
  })
  dataNote!: string;
}

@ObjectType('NativeOverhead', {
  description: 'A scenario’s result on a workload against native on the same testbed.',
})
export class NativeOverhead {
  scenarioId!: number;
  workloadId!: number;

  @Field(() => Scenario, { description: 'The scenario measured.' })
  scenario!: Scenario;

  @Field(() => Workload, { description: 'The workload measured.' })
  workload!: Workload;

  @Field(() => Int, { description: 'Measurements of the scenario on the workload.' })
  count!: number;

  @Field(() => Float, { description: 'Mean measurement of the scenario, in the workload’s unit.' })
  mean!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Native mean on the same testbed, OS family and workload.',
  })
  nativeMean!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Native measurements on the same testbed and OS family; null without native data.',
  })
  nativeCount!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Fraction of native throughput (native time / scenario time for time metrics); null without native data.',
  })
  fractionOfNative!: number | null;

  @Field(() => Float, { nullable: true, description: '95% interval (Welch, log scale).' })
  fractionLower!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '95% upper bound of fractionOfNative; null without native data.',
  })
  fractionUpper!: number | null;

  @Field(() => Float, { nullable: true, description: '1 − fractionOfNative.' })
  overhead!: number | null;
}

@ObjectType('SeriesPoint', { description: 'One bucket of a time series.' })
export class SeriesPoint {
  @Field(() => String, { description: '"2007-09", "2007-Q3" or "2007".' })
  period!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'The metric over the bucket’s measurements; null for a statistic the bucket cannot give (e.g. STDDEV of one value).',
  })
  value!: number | null;

  @Field(() => Int, { description: 'Measurements in the bucket.' })
  count!: number;
}

@ObjectType('TimeSeries', { description: 'The points of one group, oldest bucket first.' })
export class TimeSeries {
  @Field(() => PerformanceGroupKey, {
    description: 'The values of the grouped dimensions (all null without groupBy).',
  })
  key!: PerformanceGroupKey;

  @Field(() => [SeriesPoint], { description: 'Buckets with measurements, in time order.' })
  points!: SeriesPoint[];
}

@ObjectType('BenchmarkTimeSeries', {
  description: 'A statistic per bucket of simulated dates, one series per group.',
})
export class BenchmarkTimeSeries {
  @Field(() => SeriesMetricEnum, { description: 'What each point plots.' })
  metric!: SeriesMetric;

  @Field(() => BucketEnum, { description: 'The bucket width used.' })
  bucket!: Bucket;

  @Field(() => [TimeSeries], { description: 'One series per group, in key order.' })
  series!: TimeSeries[];

  @Field(() => String, {
    description:
      'How the figures were made (simulated, calibrated to published results) and what they leave out.',
  })
  dataNote!: string;
}
