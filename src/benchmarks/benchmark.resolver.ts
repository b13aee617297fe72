import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { loadExisting } from '../shared/loaders';
import type { Context } from '../context';
import { DriverPackage } from '../drivers/driver-package.type';
import { HardwareFeature } from '../hardware/hardware-feature.type';
import { HypervisorRelease } from '../hypervisors/hypervisor-release.type';
import { OperatingSystem } from '../operating-systems/operating-system.type';
import {
  ConnectionArgs,
  ConnectionType,
  pageRequest,
  toConnection,
  type Connection,
} from '../shared/pagination';
import { required } from '../shared/resolving';
import type { BenchmarkCatalogService } from './benchmark.service';
import {
  BenchmarkRun,
  ExecutionModeEnum,
  Scenario,
  Testbed,
  Workload,
  type ExecutionMode,
} from './benchmark.type';

export const ScenarioConnection = ConnectionType(Scenario, 'Scenario');

@ArgsType()
export class ScenariosArgs extends ConnectionArgs {
  @Field(() => ExecutionModeEnum, { nullable: true, description: 'Only scenarios in this execution mode.' })
  mode?: ExecutionMode | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only scenarios of releases of this hypervisor (slug).',
  })
  hypervisor?: string | null;

  @Field(() => String, { nullable: true, description: 'Only scenarios on this testbed (slug).' })
  testbed?: string | null;

  @Field(() => String, { nullable: true, description: 'Only scenarios that run this workload (slug).' })
  workload?: string | null;
}

function features(ctx: Context, ids: { id: number }[]): Promise<HardwareFeature[]> {
  return loadExisting(
    ctx.loaders.featureById,
    ids.map((f) => f.id),
  );
}

@Resolver(() => Workload)
export class WorkloadResolver {
  constructor(private readonly catalog: BenchmarkCatalogService) {}

  @Query(() => [Workload], { description: 'Every benchmark workload, by slug.' })
  workloads(): Promise<Workload[]> {
    return this.catalog.workloads();
  }

  @Query(() => [BenchmarkRun], {
    description: 'Every load of measurements (simulations and ingested batches).',
  })
  benchmarkRuns(): Promise<BenchmarkRun[]> {
    return this.catalog.runs();
  }
}

@Resolver(() => Testbed)
export class TestbedResolver {
  constructor(private readonly catalog: BenchmarkCatalogService) {}

  @Query(() => [Testbed], { description: 'Every testbed, oldest first.' })
  testbeds(): Promise<Testbed[]> {
    return this.catalog.testbeds();
  }

  @FieldResolver(() => [HardwareFeature], {
    description: 'The hardware virtualization features the machine has.',
  })
  async hardwareFeatures(@Root() testbed: Testbed, @Ctx() ctx: Context): Promise<HardwareFeature[]> {
    return features(ctx, await ctx.loaders.featureIdsByTestbed.load(testbed.rowId));
  }
}

@Resolver(() => Scenario)
export class ScenarioResolver {
  constructor(private readonly catalog: BenchmarkCatalogService) {}

  @Query(() => ScenarioConnection, { description: 'Benchmark scenarios, by slug.' })
  async scenarios(@Args(() => ScenariosArgs) args: ScenariosArgs): Promise<Connection<Scenario>> {
    return toConnection(await this.catalog.scenarios(args, pageRequest(args)));
  }

  @Query(() => Scenario, { nullable: true, description: 'A scenario by slug; null if there is none.' })
  scenario(
    @Arg('slug', () => String, { description: 'The scenario’s slug.' }) slug: string,
  ): Promise<Scenario | null> {
    return this.catalog.scenarioBySlug(slug);
  }

  @FieldResolver(() => HypervisorRelease, { nullable: true, description: 'Null for native scenarios.' })
  release(@Root() s: Scenario, @Ctx() ctx: Context): Promise<HypervisorRelease | null> {
    return s.releaseId === null ? Promise.resolve(null) : ctx.loaders.releaseById.load(s.releaseId);
  }

  @FieldResolver(() => OperatingSystem, { description: 'The guest (or, natively, the operating system).' })
  async guest(@Root() s: Scenario, @Ctx() ctx: Context): Promise<OperatingSystem> {
    return required(await ctx.loaders.osById.load(s.guestId), 'guest', `scenario ${s.slug}`);
  }

  @FieldResolver(() => DriverPackage, {
    nullable: true,
    description: 'The PV driver package the guest uses, if any.',
  })
  driverPackage(@Root() s: Scenario, @Ctx() ctx: Context): Promise<DriverPackage | null> {
    return s.driverPackageId === null
      ? Promise.resolve(null)
      : ctx.loaders.packageById.load(s.driverPackageId);
  }

  @FieldResolver(() => Testbed, { description: 'The machine it is simulated on.' })
  async testbed(@Root() s: Scenario, @Ctx() ctx: Context): Promise<Testbed> {
    return required(await ctx.loaders.testbedById.load(s.testbedId), 'testbed', `scenario ${s.slug}`);
  }

  @FieldResolver(() => [Workload], { description: 'The workloads it runs, by slug.' })
  workloads(@Root() s: Scenario, @Ctx() ctx: Context): Promise<Workload[]> {
    return ctx.loaders.workloadsByScenario.load(s.rowId);
  }

  @FieldResolver(() => [HardwareFeature], {
    description: 'The testbed’s hardware features this scenario exercises (hardware-assisted modes only).',
  })
  async hardwareFeatures(@Root() s: Scenario, @Ctx() ctx: Context): Promise<HardwareFeature[]> {
    return features(ctx, await ctx.loaders.featureIdsByScenario.load(s.rowId));
  }
}
