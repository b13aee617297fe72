import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { DriverPackage } from '../drivers/driver-package.type';
import { SupportStatement } from '../interop/support-statement.type';
import { registerValuesEnum } from '../shared/enums';
import {
  ConnectionArgs,
  ConnectionType,
  pageRequest,
  toConnection,
  type Connection,
} from '../shared/pagination';
import { LocalDate } from '../shared/scalars';
import { Source } from '../sources/source.type';
import { Vendor } from '../vendors/vendor.type';
import type { OsFamily } from './operating-system.entity';
import type { OperatingSystemService, OsRole } from './operating-system.service';
import { OperatingSystem, OsFamilyEnum } from './operating-system.type';

export const OsRoleEnum = registerValuesEnum(
  ['host', 'guest'] as const,
  'OsRole',
  'The part an operating system plays.',
  {
    host: 'Runs the hypervisor or hosts it (dom0, root partition, host OS).',
    guest: 'Runs inside a virtual machine.',
  },
);
export const OperatingSystemConnection = ConnectionType(OperatingSystem, 'OperatingSystem');

@ArgsType()
export class OperatingSystemsArgs extends ConnectionArgs {
  @Field(() => OsFamilyEnum, { nullable: true, description: 'Only systems of this family.' })
  family?: OsFamily | null;

  @Field(() => OsRoleEnum, { nullable: true, description: 'Only systems that can play this part.' })
  role?: OsRole | null;

  @Field(() => String, { nullable: true, description: 'Only systems of the vendor with this slug.' })
  vendor?: string | null;
}

@Resolver(() => OperatingSystem)
export class OperatingSystemResolver {
  constructor(private readonly service: OperatingSystemService) {}

  @Query(() => OperatingSystemConnection, { description: 'Operating systems (hosts and guests), by name.' })
  async operatingSystems(
    @Args(() => OperatingSystemsArgs) args: OperatingSystemsArgs,
  ): Promise<Connection<OperatingSystem>> {
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => OperatingSystem, {
    nullable: true,
    description: 'An operating system by slug; null if there is none.',
  })
  operatingSystem(
    @Arg('slug', () => String, { description: 'The system’s slug, e.g. "windows-server-2003".' })
    slug: string,
  ): Promise<OperatingSystem | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => Vendor, {
    nullable: true,
    description: 'Who makes it; null for community projects with no vendor in the sources.',
  })
  vendor(@Root() os: OperatingSystem, @Ctx() ctx: Context): Promise<Vendor | null> | null {
    return os.vendorId === null ? null : ctx.loaders.vendorById.load(os.vendorId);
  }

  @FieldResolver(() => OperatingSystem, {
    nullable: true,
    description:
      'The more general system it is a version or edition of (statements about that one cover it too).',
  })
  parent(@Root() os: OperatingSystem, @Ctx() ctx: Context): Promise<OperatingSystem | null> | null {
    return os.parentId === null ? null : ctx.loaders.osById.load(os.parentId);
  }

  @FieldResolver(() => [SupportStatement], { description: 'Statements about running it as a guest.' })
  supportStatementsAsGuest(
    @Root() os: OperatingSystem,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description: 'Only statements that held on this date; default every statement.',
    })
    asOf?: string | null,
  ): Promise<SupportStatement[]> {
    return ctx.loaders.statementsOfGuest(asOf ?? null).load(os.rowId);
  }

  @FieldResolver(() => [SupportStatement], { description: 'Statements about guests on it as the host.' })
  supportStatementsAsHost(
    @Root() os: OperatingSystem,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description: 'Only statements that held on this date; default every statement.',
    })
    asOf?: string | null,
  ): Promise<SupportStatement[]> {
    return ctx.loaders.statementsOfHost(asOf ?? null).load(os.rowId);
  }

  @FieldResolver(() => [DriverPackage], {
    description: 'Paravirtualized driver packages that run in it as a guest.',
  })
  driverPackages(@Root() os: OperatingSystem, @Ctx() ctx: Context): Promise<DriverPackage[]> {
    return ctx.loaders.packagesForGuest.load(os.rowId);
  }

  @FieldResolver(() => [Source], { description: 'The sources that state these facts, oldest first.' })
  sources(@Root() os: OperatingSystem, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.operatingSystem.load(os.rowId);
  }
}
