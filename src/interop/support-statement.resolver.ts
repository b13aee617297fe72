import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { DriverPackage } from '../drivers/driver-package.type';
import { HardwareFeature } from '../hardware/hardware-feature.type';
import { HypervisorRelease } from '../hypervisors/hypervisor-release.type';
import { Hypervisor } from '../hypervisors/hypervisor.type';
import { OperatingSystem } from '../operating-systems/operating-system.type';
import {
  ConnectionArgs,
  ConnectionType,
  pageRequest,
  toConnection,
  type Connection,
} from '../shared/pagination';
import { required } from '../shared/resolving';
import { LocalDate } from '../shared/scalars';
import { Source } from '../sources/source.type';
import type { SupportStatus, VirtualizationMode } from './support-statement.entity';
import type { SupportStatementService } from './support-statement.service';
import { SupportStatement, SupportStatusEnum, VirtualizationModeEnum } from './support-statement.type';

export const SupportStatementConnection = ConnectionType(SupportStatement, 'SupportStatement');

@ArgsType()
export class SupportStatementsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Hypervisor slug.' })
  hypervisor?: string | null;

  @Field(() => String, { nullable: true, description: 'Hypervisor release slug.' })
  release?: string | null;

  @Field(() => String, { nullable: true, description: 'Guest operating system slug.' })
  guest?: string | null;

  @Field(() => String, { nullable: true, description: 'Host operating system slug.' })
  host?: string | null;

  @Field(() => VirtualizationModeEnum, { nullable: true, description: 'Only statements in this mode.' })
  mode?: VirtualizationMode | null;

  @Field(() => SupportStatusEnum, { nullable: true, description: 'Only statements with this status.' })
  status?: SupportStatus | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only statements that held on this date.' })
  asOf?: string | null;
}

@Resolver(() => SupportStatement)
export class SupportStatementResolver {
  constructor(private readonly service: SupportStatementService) {}

  @Query(() => SupportStatementConnection, {
    description: 'What the sources state about guests on hypervisors, by release date, guest and mode.',
  })
  async supportStatements(
    @Args(() => SupportStatementsArgs) args: SupportStatementsArgs,
  ): Promise<Connection<SupportStatement>> {
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => SupportStatement, {
    nullable: true,
    description: 'A support statement by slug; null if there is none.',
  })
  supportStatement(
    @Arg('slug', () => String, { description: 'The statement’s slug.' }) slug: string,
  ): Promise<SupportStatement | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => HypervisorRelease, { description: 'The hypervisor release the statement is about.' })
  async hypervisorRelease(@Root() s: SupportStatement, @Ctx() ctx: Context): Promise<HypervisorRelease> {
    return required(
      await ctx.loaders.releaseById.load(s.hypervisorReleaseId),
      'release',
      `statement ${s.slug}`,
    );
  }

  @FieldResolver(() => Hypervisor, { description: 'The hypervisor of the release.' })
  async hypervisor(@Root() s: SupportStatement, @Ctx() ctx: Context): Promise<Hypervisor> {
    const release = required(
      await ctx.loaders.releaseById.load(s.hypervisorReleaseId),
      'release',
      `statement ${s.slug}`,
    );
    return required(
      await ctx.loaders.hypervisorById.load(release.hypervisorId),
      'hypervisor',
      `statement ${s.slug}`,
    );
  }

  @FieldResolver(() => OperatingSystem, {
    nullable: true,
    description: 'The host OS; null when any host (or none) applies.',
  })
  hostOs(@Root() s: SupportStatement, @Ctx() ctx: Context): Promise<OperatingSystem | null> | null {
    return s.hostOsId === null ? null : ctx.loaders.osById.load(s.hostOsId);
  }

  @FieldResolver(() => OperatingSystem, {
    description: 'The guest operating system the statement is about (a family covers its members).',
  })
  async guestOs(@Root() s: SupportStatement, @Ctx() ctx: Context): Promise<OperatingSystem> {
    return required(await ctx.loaders.osById.load(s.guestOsId), 'guest', `statement ${s.slug}`);
  }

  @FieldResolver(() => DriverPackage, {
    nullable: true,
    description: 'The driver package this mode needs, if any.',
  })
  driverPackage(@Root() s: SupportStatement, @Ctx() ctx: Context): Promise<DriverPackage | null> | null {
    return s.driverPackageId === null ? null : ctx.loaders.packageById.load(s.driverPackageId);
  }

  @FieldResolver(() => [HardwareFeature], { description: 'Hardware it needs: any one of these.' })
  requiredFeatures(@Root() s: SupportStatement, @Ctx() ctx: Context): Promise<HardwareFeature[]> {
    return ctx.loaders.featuresRequiredBy.load(s.rowId);
  }

  @FieldResolver(() => [Source], { description: 'The sources that state these facts, oldest first.' })
  sources(@Root() s: SupportStatement, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.supportStatement.load(s.rowId);
  }
}
