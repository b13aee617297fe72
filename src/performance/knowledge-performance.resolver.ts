import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadExisting } from '../shared/loaders';
import {
  ExecutionModeEnum,
  Scenario,
  Testbed,
  Workload,
  type ExecutionMode,
} from '../benchmarks/benchmark.type';
import type { Context } from '../context';
import { DriverPackage } from '../drivers/driver-package.type';
import { NotFoundError } from '../errors';
import { HardwareFeature } from '../hardware/hardware-feature.type';
import { HypervisorRelease } from '../hypervisors/hypervisor-release.type';
import { Hypervisor } from '../hypervisors/hypervisor.type';
import { required } from '../shared/resolving';
import { LocalDate } from '../shared/scalars';
import { DriverSpeedup, HardwareFeatureEffect, HypervisorPerformance, MeasuredSide } from './comparison.type';
import {
  driverSpeedup,
  featureEffect,
  hypervisorPerformance,
  releaseOverhead,
} from './knowledge-performance';
import { NativeOverhead } from './performance.type';
import type { ScenarioStatsRow } from './scenario-stats.queries';

const WORKLOAD = 'A workload slug (see `workloads`).';
const AS_OF = 'Only measurements simulated up to the month of this date (default: all).';

/** The per-scenario statistics of a workload through the request's loaders; unknown slugs are NOT_FOUND. */
async function statsOf(
  ctx: Context,
  workload: string,
  asOf: string | null | undefined,
): Promise<ScenarioStatsRow[]> {
  const id = await ctx.loaders.workloadIdBySlug.load(workload);
  if (id === null) throw new NotFoundError(`Unknown workload "${workload}".`, 'workload');
  return ctx.loaders.scenarioStats(asOf ?? null).load(id);
}

@Resolver(() => Hypervisor)
export class HypervisorPerformanceResolver {
  @FieldResolver(() => [HypervisorPerformance], {
    description:
      'This hypervisor’s benchmark results on a workload per mode and testbed, against native on the same testbed.',
  })
  async performance(
    @Root() hypervisor: Hypervisor,
    @Arg('workload', () => String, { description: WORKLOAD }) workload: string,
    @Arg('mode', () => ExecutionModeEnum, { nullable: true, description: 'Only this mode.' })
    mode: ExecutionMode | null,
    @Arg('asOf', () => LocalDate, { nullable: true, description: AS_OF }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<HypervisorPerformance[]> {
    return hypervisorPerformance(await statsOf(ctx, workload, asOf), hypervisor.rowId, mode ?? null);
  }
}

@Resolver(() => HypervisorRelease)
export class ReleasePerformanceResolver {
  @FieldResolver(() => [NativeOverhead], {
    description: 'Each benchmark scenario of this release on a workload against native on the same testbed.',
  })
  async overheadVsNative(
    @Root() release: HypervisorRelease,
    @Arg('workload', () => String, { description: WORKLOAD }) workload: string,
    @Arg('asOf', () => LocalDate, { nullable: true, description: AS_OF }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<NativeOverhead[]> {
    return releaseOverhead(await statsOf(ctx, workload, asOf), release.rowId);
  }
}

@Resolver(() => DriverPackage)
export class DriverPerformanceResolver {
  @FieldResolver(() => [DriverSpeedup], {
    description:
      'Scenarios using this package against emulated devices (hypervisors of the same vendor), per testbed.',
  })
  async speedup(
    @Root() pkg: DriverPackage,
    @Arg('workload', () => String, { description: WORKLOAD }) workload: string,
    @Arg('asOf', () => LocalDate, { nullable: true, description: AS_OF }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<DriverSpeedup[]> {
    return driverSpeedup(await statsOf(ctx, workload, asOf), pkg.rowId);
  }
}

@Resolver(() => HardwareFeature)
export class HardwarePerformanceResolver {
  @FieldResolver(() => [HardwareFeatureEffect], {
    description: 'Per hypervisor and mode: scenarios exercising this feature against those that do not.',
  })
  async effect(
    @Root() feature: HardwareFeature,
    @Arg('workload', () => String, { description: WORKLOAD }) workload: string,
    @Arg('asOf', () => LocalDate, { nullable: true, description: AS_OF }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<HardwareFeatureEffect[]> {
    return featureEffect(await statsOf(ctx, workload, asOf), feature.rowId);
  }
}

@Resolver(() => MeasuredSide)
export class MeasuredSideResolver {
  @FieldResolver(() => [Scenario], { description: 'The scenarios pooled.' })
  scenarios(@Root() side: MeasuredSide, @Ctx() ctx: Context): Promise<Scenario[]> {
    return loadExisting(ctx.loaders.scenarioById, side.scenarioIds);
  }
}

@Resolver(() => HypervisorPerformance)
export class HypervisorPerformanceLinksResolver {
  @FieldResolver(() => Testbed, { description: 'The machine the scenarios ran on.' })
  async testbed(@Root() p: HypervisorPerformance, @Ctx() ctx: Context): Promise<Testbed> {
    return required(await ctx.loaders.testbedById.load(p.testbedId), 'testbed', 'performance');
  }

  @FieldResolver(() => Workload, { description: 'The workload measured.' })
  async workload(@Root() p: HypervisorPerformance, @Ctx() ctx: Context): Promise<Workload> {
    return required(await ctx.loaders.workloadById.load(p.workloadId), 'workload', 'performance');
  }
}

@Resolver(() => DriverSpeedup)
export class DriverSpeedupLinksResolver {
  @FieldResolver(() => Testbed, { description: 'The machine both sides ran on.' })
  async testbed(@Root() p: DriverSpeedup, @Ctx() ctx: Context): Promise<Testbed> {
    return required(await ctx.loaders.testbedById.load(p.testbedId), 'testbed', 'speedup');
  }

  @FieldResolver(() => Workload, { description: 'The workload compared.' })
  async workload(@Root() p: DriverSpeedup, @Ctx() ctx: Context): Promise<Workload> {
    return required(await ctx.loaders.workloadById.load(p.workloadId), 'workload', 'speedup');
  }
}

@Resolver(() => HardwareFeatureEffect)
export class HardwareFeatureEffectLinksResolver {
  @FieldResolver(() => Hypervisor, { description: 'The hypervisor compared.' })
  async hypervisor(@Root() e: HardwareFeatureEffect, @Ctx() ctx: Context): Promise<Hypervisor> {
    return required(await ctx.loaders.hypervisorById.load(e.hypervisorId), 'hypervisor', 'effect');
  }

  @FieldResolver(() => Workload, { description: 'The workload compared.' })
  async workload(@Root() e: HardwareFeatureEffect, @Ctx() ctx: Context): Promise<Workload> {
    return required(await ctx.loaders.workloadById.load(e.workloadId), 'workload', 'effect');
  }
}
