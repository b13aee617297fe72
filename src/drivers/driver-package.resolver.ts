import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Hypervisor } from '../hypervisors/hypervisor.type';
import { SupportStatement } from '../interop/support-statement.type';
import type { LicenseKind } from '../licensing/license.entity';
import { License, LicenseKindEnum } from '../licensing/license.type';
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
import { today } from '../shared/validity';
import { Source } from '../sources/source.type';
import { Vendor } from '../vendors/vendor.type';
import type { Obtainability } from './driver-package.entity';
import type { DriverPackageService } from './driver-package.service';
import { DriverPackage, DriverPackageTerm, ObtainabilityEnum } from './driver-package.type';

export const DriverPackageConnection = ConnectionType(DriverPackage, 'DriverPackage');

@ArgsType()
export class DriverPackagesArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Only packages of the vendor with this slug.' })
  vendor?: string | null;

  @Field(() => String, { nullable: true, description: 'Only packages for the hypervisor with this slug.' })
  hypervisor?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only packages for the guest OS with this slug or a family it belongs to (see OsMatch; guestMatch says ' +
      'which); with asOf, judged by the guests of the version valid then. Exact matches come first.',
  })
  guest?: string | null;

  @Field(() => LicenseKindEnum, {
    nullable: true,
    description: 'Only packages under a license of this kind (at asOf).',
  })
  licenseKind?: LicenseKind | null;

  @Field(() => ObtainabilityEnum, {
    nullable: true,
    description: 'Only packages obtainable this way (at asOf).',
  })
  obtainability?: Obtainability | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Only packages available on this date, judged by their terms.',
  })
  asOf?: string | null;
}

@Resolver(() => DriverPackage)
export class DriverPackageResolver {
  constructor(private readonly service: DriverPackageService) {}

  @Query(() => DriverPackageConnection, { description: 'Paravirtualized driver packages, by name.' })
  async driverPackages(
    @Args(() => DriverPackagesArgs) args: DriverPackagesArgs,
  ): Promise<Connection<DriverPackage>> {
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => DriverPackage, {
    nullable: true,
    description: 'A driver package by slug; null if there is none.',
  })
  driverPackage(
    @Arg('slug', () => String, { description: 'The package’s slug, e.g. "novell-vmdp".' }) slug: string,
  ): Promise<DriverPackage | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => Vendor, { description: 'Who makes it.' })
  async vendor(@Root() pkg: DriverPackage, @Ctx() ctx: Context): Promise<Vendor> {
    return required(await ctx.loaders.vendorById.load(pkg.vendorId), 'vendor', `driver package ${pkg.slug}`);
  }

  @FieldResolver(() => Hypervisor, {
    description: 'The hypervisor whose paravirtual interface the drivers use.',
  })
  async hypervisor(@Root() pkg: DriverPackage, @Ctx() ctx: Context): Promise<Hypervisor> {
    return required(
      await ctx.loaders.hypervisorById.load(pkg.hypervisorId),
      'hypervisor',
      `driver package ${pkg.slug}`,
    );
  }

  @FieldResolver(() => [OperatingSystem], { description: 'Guest operating systems it has drivers for.' })
  guestOses(@Root() pkg: DriverPackage, @Ctx() ctx: Context): Promise<OperatingSystem[]> {
    return ctx.loaders.guestOsesOfPackage.load(pkg.rowId);
  }

  @FieldResolver(() => [OperatingSystem], {
    description: 'Host operating systems it needs (empty: any host).',
  })
  hostOses(@Root() pkg: DriverPackage, @Ctx() ctx: Context): Promise<OperatingSystem[]> {
    return ctx.loaders.hostOsesOfPackage.load(pkg.rowId);
  }

  @FieldResolver(() => [DriverPackageTerm], {
    description:
      'Its license and availability over time, oldest first; with asOf, only the terms of that date.',
  })
  terms(
    @Root() pkg: DriverPackage,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description: 'Only the terms in force on this date; default the whole history.',
    })
    asOf?: string | null,
  ): Promise<DriverPackageTerm[]> {
    return ctx.loaders.termsOfPackage(asOf ?? null).load(pkg.rowId);
  }

  @FieldResolver(() => License, {
    nullable: true,
    description: 'Its license on a date (default today); null if not available then.',
  })
  async license(
    @Root() pkg: DriverPackage,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description: 'The date asked about, as YYYY-MM-DD; default today (UTC).',
    })
    asOf?: string | null,
  ): Promise<License | null> {
    const terms = await ctx.loaders.termsOfPackage(asOf ?? today()).load(pkg.rowId);
    const term = terms.at(-1);
    return term ? ctx.loaders.licenseById.load(term.licenseId) : null;
  }

  @FieldResolver(() => [SupportStatement], { description: 'Support statements that name this package.' })
  supportStatements(
    @Root() pkg: DriverPackage,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description: 'Only statements that held on this date; default every statement.',
    })
    asOf?: string | null,
  ): Promise<SupportStatement[]> {
    return ctx.loaders.statementsOfPackage(asOf ?? null).load(pkg.rowId);
  }

  @FieldResolver(() => [Source], { description: 'The sources that state these facts, oldest first.' })
  sources(@Root() pkg: DriverPackage, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.driverPackage.load(pkg.rowId);
  }
}

@Resolver(() => DriverPackageTerm)
export class DriverPackageTermResolver {
  @FieldResolver(() => License, { description: 'The license it was under during the period.' })
  async license(@Root() term: DriverPackageTerm, @Ctx() ctx: Context): Promise<License> {
    return required(await ctx.loaders.licenseById.load(term.licenseId), 'license', `term ${term.id}`);
  }

  @FieldResolver(() => DriverPackage, { description: 'The package these terms are for.' })
  async driverPackage(@Root() term: DriverPackageTerm, @Ctx() ctx: Context): Promise<DriverPackage> {
    return required(
      await ctx.loaders.packageById.load(term.driverPackageId),
      'driver package',
      `term ${term.id}`,
    );
  }

  @FieldResolver(() => [OperatingSystem], {
    description:
      'The guests this version supported, as the sources name them (a family covers its members); empty where ' +
      'the sources name none for the period.',
  })
  async guestOses(@Root() term: DriverPackageTerm, @Ctx() ctx: Context): Promise<OperatingSystem[]> {
    const oses = await Promise.all(term.guestOsIds.map((id) => ctx.loaders.osById.load(id)));
    return oses.map((os) => required(os, 'guest OS', `term ${term.id}`));
  }

  @FieldResolver(() => [Source], { description: 'The sources that state these facts, oldest first.' })
  sources(@Root() term: DriverPackageTerm, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.driverPackageTerm.load(term.rowId);
  }
}
