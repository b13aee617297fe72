import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { compileSelection, connectionItemSelections } from '../lookahead/compile';
import { DriverPackage } from '../drivers/driver-package.type';
import { HardwareFeature } from '../hardware/hardware-feature.type';
import { OperatingSystem } from '../operating-systems/operating-system.type';
import { LocalDate } from '../shared/scalars';
import { today } from '../shared/validity';
import type { RelationKind } from './vendor-relation.entity';
import { RelationKindEnum, VendorRelation } from './vendor-relation.type';
import type { Context } from '../context';
import { Hypervisor } from '../hypervisors/hypervisor.type';
import { ConnectionType, pageRequest, toConnection, type Connection } from '../shared/pagination';
import { Source } from '../sources/source.type';
import { VendorsArgs } from './vendor.args';
import type { VendorService } from './vendor.service';
import { Vendor } from './vendor.type';

export const VendorConnection = ConnectionType(Vendor, 'Vendor');

@Resolver(() => Vendor)
export class VendorResolver {
  constructor(private readonly service: VendorService) {}

  @Query(() => VendorConnection, { description: 'Vendors, by name.' })
  async vendors(
    @Args(() => VendorsArgs) args: VendorsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Vendor>> {
    const page = pageRequest(args);
    // Look-ahead: a selection over knowledge types only is one statement; anything else goes through loaders.
    const items = connectionItemSelections(info, 'VendorConnection', 'VendorEdge');
    const compiled = items && compileSelection('Vendor', items, 'v', info);
    return toConnection(
      compiled ? await this.service.listCompiled(args, page, compiled) : await this.service.list(args, page),
    );
  }

  @Query(() => Vendor, { nullable: true, description: 'A vendor by slug; null if there is none.' })
  vendor(
    @Arg('slug', () => String, { description: 'The vendor’s slug, e.g. "xensource".' }) slug: string,
  ): Promise<Vendor | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => [Hypervisor], { description: 'Hypervisors this vendor makes, by name.' })
  hypervisors(@Root() vendor: Vendor, @Ctx() ctx: Context): Promise<Hypervisor[]> {
    return ctx.loaders.hypervisorsByVendor.load(vendor.rowId);
  }

  @FieldResolver(() => [VendorRelation], {
    description: 'Deals it took part in, on either side, oldest first.',
  })
  relations(
    @Root() vendor: Vendor,
    @Ctx() ctx: Context,
    @Arg('kind', () => RelationKindEnum, {
      nullable: true,
      description: 'Only relations of this kind; default every kind.',
    })
    kind?: RelationKind | null,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'Only relations in force on this date.' })
    asOf?: string | null,
  ): Promise<VendorRelation[]> {
    return ctx.loaders.relationsOfVendor({ kind: kind ?? null, asOf: asOf ?? null }).load(vendor.rowId);
  }

  @FieldResolver(() => Vendor, {
    nullable: true,
    description:
      'Who owned it on a date (default today), through the latest acquisition in force; null if independent.',
  })
  async owner(
    @Root() vendor: Vendor,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description: 'The date asked about, as YYYY-MM-DD; default today (UTC).',
    })
    asOf?: string | null,
  ): Promise<Vendor | null> {
    const acquisitions = await ctx.loaders
      .relationsOfVendor({ kind: 'acquisition', asOf: asOf ?? today() })
      .load(vendor.rowId);
    const latest = acquisitions.filter((r) => r.toVendorId === vendor.rowId).at(-1);
    return latest ? ctx.loaders.vendorById.load(latest.fromVendorId) : null;
  }

  @FieldResolver(() => [DriverPackage], { description: 'Paravirtualized driver packages it makes.' })
  driverPackages(@Root() vendor: Vendor, @Ctx() ctx: Context): Promise<DriverPackage[]> {
    return ctx.loaders.packagesByVendor.load(vendor.rowId);
  }

  @FieldResolver(() => [HardwareFeature], { description: 'Hardware features it introduced.' })
  hardwareFeatures(@Root() vendor: Vendor, @Ctx() ctx: Context): Promise<HardwareFeature[]> {
    return ctx.loaders.featuresByVendor.load(vendor.rowId);
  }

  @FieldResolver(() => [OperatingSystem], { description: 'Operating systems it makes.' })
  operatingSystems(@Root() vendor: Vendor, @Ctx() ctx: Context): Promise<OperatingSystem[]> {
    return ctx.loaders.osesByVendor.load(vendor.rowId);
  }

  @FieldResolver(() => [Source], { description: 'Sources that state this vendor’s facts.' })
  sources(@Root() vendor: Vendor, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.vendor.load(vendor.rowId);
  }
}
