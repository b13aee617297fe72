import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, Info, Query, Resolver, Root } from 'type-graphql';
import { relatedObjectColumns, selectionsAt } from '../lookahead/compile';
import { keyRelations } from './performance.queries';
import { loadExisting } from '../shared/loaders';
import { Scenario, Testbed, Workload } from '../benchmarks/benchmark.type';
import type { Context } from '../context';
import { DriverPackage } from '../drivers/driver-package.type';
import { HardwareFeature } from '../hardware/hardware-feature.type';
import { Hypervisor } from '../hypervisors/hypervisor.type';
import { HypervisorRelease } from '../hypervisors/hypervisor-release.type';
import { OperatingSystem } from '../operating-systems/operating-system.type';
import { required } from '../shared/resolving';
import { MAX_SPEEDUP_WORKLOADS, type PerformanceService, type SpeedupResult } from './performance.service';
import {
  BenchmarkTimeSeries,
  BucketEnum,
  DimensionEnum,
  NativeOverhead,
  ParavirtSpeedup,
  PerformanceFilter,
  PerformanceGroupKey,
  PerformanceStats,
  SeriesMetricEnum,
  SpeedupArgs,
  SpeedupSide,
  StatisticEnum,
  STATISTICS,
  type Bucket,
  type Dimension,
  type SeriesMetric,
  type Statistic,
} from './performance.type';

@Resolver()
export class PerformanceResolver {
  constructor(private readonly performance: PerformanceService) {}

  @Query(() => PerformanceStats, {
    description:
      'Grouped statistics of benchmark measurements, from rollups kept in step with every load (no raw-row scan).',
  })
  performanceStats(
    @Arg('groupBy', () => [DimensionEnum], {
      description: 'One group per combination of these dimensions; empty: one group of everything.',
    })
    groupBy: Dimension[],
    @Arg('filter', () => PerformanceFilter, {
      nullable: true,
      description: 'Which measurements count; null: every measurement.',
    })
    filter: PerformanceFilter | null,
    @Arg('stats', () => [StatisticEnum], { nullable: true, description: 'Default: all.' })
    stats: Statistic[] | null,
    @Arg('percentiles', () => [Float], {
      nullable: true,
      description: 'Quantiles in (0, 1), e.g. [0.5, 0.99].',
    })
    percentiles: number[] | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PerformanceStats> {
    return this.performance.stats(
      filter ?? {},
      groupBy,
      // Each statistic once: a list repeating one 10,000 times would otherwise be 10,000 SQL columns.
      stats?.length ? [...new Set(stats)] : [...STATISTICS],
      percentiles ?? [],
      compileKeyObjects(groupBy, info),
    );
  }

  @Query(() => ParavirtSpeedup, {
    description:
      'How much faster the candidate mode is than the baseline on one workload (e.g. PV drivers vs emulated devices), ' +
      'with a confidence interval and the scenarios compared. filter.driverPackages picks the candidate’s drivers; ' +
      'the baseline is matched by the rest of the filter (emulated devices have no driver package).',
  })
  async paravirtSpeedup(
    @Ctx() ctx: Context,
    @Arg('workload', () => String, { description: 'Workload slug.' }) workload: string,
    @Args(() => SpeedupArgs) args: SpeedupArgs,
  ): Promise<ParavirtSpeedup> {
    const [result] = await this.performance.speedups([workload], args, 'each');
    return withWorkload(ctx, result, 'paravirtSpeedup');
  }

  @Query(() => [ParavirtSpeedup], {
    description:
      'paravirtSpeedup for several workloads at once (e.g. every disk and network workload), in the order given. ' +
      'A workload with fewer than two measurements on either side under the filter is left out, so a guest ' +
      'filter keeps only the workloads that guest runs; paravirtSpeedup on a left-out one says which side is short.',
  })
  async paravirtSpeedups(
    @Ctx() ctx: Context,
    @Arg('workloads', () => [String], {
      description: `Workload slugs, 1 to ${MAX_SPEEDUP_WORKLOADS}, each at most once (the \`workloads\` query lists them).`,
    })
    workloads: string[],
    @Args(() => SpeedupArgs) args: SpeedupArgs,
  ): Promise<ParavirtSpeedup[]> {
    const results = await this.performance.speedups(workloads, args, 'measured');
    return Promise.all(results.map((r) => withWorkload(ctx, r, 'paravirtSpeedups')));
  }

  @Query(() => [NativeOverhead], {
    description:
      'Per scenario and workload, the fraction of native throughput on the same testbed and OS family.',
  })
  overheadVsNative(
    @Arg('filter', () => PerformanceFilter, {
      nullable: true,
      description: 'Which measurements count; null: every measurement.',
    })
    filter: PerformanceFilter | null,
  ): Promise<NativeOverhead[]> {
    return this.performance.overheadVsNative(filter ?? {});
  }

  @Query(() => BenchmarkTimeSeries, {
    description: 'A statistic per time bucket of simulated dates, per group.',
  })
  benchmarkTimeSeries(
    @Arg('metric', () => SeriesMetricEnum, { defaultValue: 'MEAN', description: 'What each point plots.' })
    metric: SeriesMetric,
    @Arg('bucket', () => BucketEnum, {
      defaultValue: 'QUARTER',
      description: 'The width of a bucket of simulated dates.',
    })
    bucket: Bucket,
    @Arg('filter', () => PerformanceFilter, {
      nullable: true,
      description: 'Which measurements count; null: every measurement.',
    })
    filter: PerformanceFilter | null,
    @Arg('groupBy', () => [DimensionEnum], {
      defaultValue: [],
      description: 'One series per combination of these dimensions; empty: one series.',
    })
    groupBy: Dimension[],
  ): Promise<BenchmarkTimeSeries> {
    return this.performance.timeSeries(metric, bucket, filter ?? {}, groupBy);
  }
}

async function withWorkload(ctx: Context, result: SpeedupResult, field: string): Promise<ParavirtSpeedup> {
  return {
    ...result,
    workload: required(await ctx.loaders.workloadById.load(result.workloadId), 'workload', field),
  };
}

function load<T>(
  id: number | null | undefined,
  loader: { load(id: number): Promise<T | null> },
): Promise<T | null> {
  return id === null || id === undefined ? Promise.resolve(null) : loader.load(id);
}

@Resolver(() => PerformanceGroupKey)
export class PerformanceGroupKeyResolver {
  @FieldResolver(() => Hypervisor, {
    nullable: true,
    description: 'Null when not grouped, and for native runs.',
  })
  hypervisor(@Root() k: PerformanceGroupKey, @Ctx() ctx: Context): Promise<Hypervisor | null> {
    return load(k.hypervisorId, ctx.loaders.hypervisorById);
  }

  @FieldResolver(() => HypervisorRelease, {
    nullable: true,
    description: 'The hypervisor release, when grouped by RELEASE; null for native runs.',
  })
  release(@Root() k: PerformanceGroupKey, @Ctx() ctx: Context): Promise<HypervisorRelease | null> {
    return load(k.releaseId, ctx.loaders.releaseById);
  }

  @FieldResolver(() => OperatingSystem, {
    nullable: true,
    description: 'The guest operating system, when grouped by GUEST.',
  })
  guest(@Root() k: PerformanceGroupKey, @Ctx() ctx: Context): Promise<OperatingSystem | null> {
    return load(k.guestId, ctx.loaders.osById);
  }

  @FieldResolver(() => DriverPackage, {
    nullable: true,
    description: 'Null when not grouped, or without PV drivers.',
  })
  driverPackage(@Root() k: PerformanceGroupKey, @Ctx() ctx: Context): Promise<DriverPackage | null> {
    return load(k.driverPackageId, ctx.loaders.packageById);
  }

  @FieldResolver(() => Workload, { nullable: true, description: 'The workload, when grouped by WORKLOAD.' })
  workload(@Root() k: PerformanceGroupKey, @Ctx() ctx: Context): Promise<Workload | null> {
    return load(k.workloadId, ctx.loaders.workloadById);
  }

  @FieldResolver(() => Testbed, { nullable: true, description: 'The testbed, when grouped by TESTBED.' })
  testbed(@Root() k: PerformanceGroupKey, @Ctx() ctx: Context): Promise<Testbed | null> {
    return load(k.testbedId, ctx.loaders.testbedById);
  }

  @FieldResolver(() => Scenario, { nullable: true, description: 'The scenario, when grouped by SCENARIO.' })
  scenario(@Root() k: PerformanceGroupKey, @Ctx() ctx: Context): Promise<Scenario | null> {
    return load(k.scenarioId, ctx.loaders.scenarioById);
  }

  @FieldResolver(() => HardwareFeature, {
    nullable: true,
    description: 'Null when not grouped, or for scenarios that exercise no hardware feature.',
  })
  hardwareFeature(@Root() k: PerformanceGroupKey, @Ctx() ctx: Context): Promise<HardwareFeature | null> {
    return load(k.hardwareFeatureId, ctx.loaders.featureById);
  }
}

@Resolver(() => SpeedupSide)
export class SpeedupSideResolver {
  @FieldResolver(() => [Scenario], { description: 'The scenarios pooled on this side.' })
  scenarios(@Root() side: SpeedupSide, @Ctx() ctx: Context): Promise<Scenario[]> {
    return loadExisting(ctx.loaders.scenarioById, side.scenarioIds);
  }
}

@Resolver(() => NativeOverhead)
export class NativeOverheadResolver {
  @FieldResolver(() => Scenario)
  async scenario(@Root() o: NativeOverhead, @Ctx() ctx: Context): Promise<Scenario> {
    return required(await ctx.loaders.scenarioById.load(o.scenarioId), 'scenario', 'overheadVsNative');
  }

  @FieldResolver(() => Workload)
  async workload(@Root() o: NativeOverhead, @Ctx() ctx: Context): Promise<Workload> {
    return required(await ctx.loaders.workloadById.load(o.workloadId), 'workload', 'overheadVsNative');
  }
}

/**
 * Look-ahead for group keys: the selections on `groups { key { hypervisor | release | guest | workload } }`
 * compiled into the statistics statement (one statement instead of one per key type); the key's fields then hand
 * the objects on (lookahead/preloaded.ts). A selection that does not compile is left to the key's loaders.
 */
function compileKeyObjects(groupBy: readonly Dimension[], info: GraphQLResolveInfo): string {
  const key = selectionsAt(info, [
    ['PerformanceStats', 'groups'],
    ['PerformanceGroup', 'key'],
  ]);
  return relatedObjectColumns(key, 'PerformanceGroupKey', keyRelations(groupBy), info);
}
