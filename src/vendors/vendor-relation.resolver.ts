import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type DataLoader from 'dataloader';
import type { Context } from '../context';
import { DriverPackage } from '../drivers/driver-package.type';
import { Hypervisor } from '../hypervisors/hypervisor.type';
import { SupportStatement } from '../interop/support-statement.type';
import {
  ConnectionArgs,
  ConnectionType,
  pageRequest,
  toConnection,
  type Connection,
} from '../shared/pagination';
import { checkDateRange, required } from '../shared/resolving';
import { LocalDate } from '../shared/scalars';
import { Source } from '../sources/source.type';
import type { RelationKind } from './vendor-relation.entity';
import type { VendorRelationService } from './vendor-relation.service';
import { RelationKindEnum, VendorRelation } from './vendor-relation.type';
import { Vendor } from './vendor.type';

export const VendorRelationConnection = ConnectionType(VendorRelation, 'VendorRelation');

@ArgsType()
export class VendorRelationsArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only relations this vendor (slug) takes part in, on either side.',
  })
  vendor?: string | null;

  @Field(() => RelationKindEnum, { nullable: true, description: 'Only relations of this kind.' })
  kind?: RelationKind | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only relations in force on this date.' })
  asOf?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Timeline window start: only relations dated on or after this day (their effective date, else their ' +
      'announcement; a date known to the month or year counts as the first day of that period).',
  })
  from?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Timeline window end: only relations dated on or before this day (see `from`).',
  })
  to?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only relations that affected this hypervisor (slug).',
  })
  affectsHypervisor?: string | null;
}

@Resolver(() => VendorRelation)
export class VendorRelationResolver {
  constructor(private readonly service: VendorRelationService) {}

  @Query(() => VendorRelationConnection, {
    description:
      'Deals, partnerships, acquisitions, OEM embeddings and interoperability agreements as a timeline, oldest ' +
      'first (by effective date, else announcement; undated last). Unknown vendor or hypervisor slugs are NOT_FOUND.',
  })
  async vendorRelations(
    @Args(() => VendorRelationsArgs) args: VendorRelationsArgs,
  ): Promise<Connection<VendorRelation>> {
    checkDateRange(args.from, args.to, 'from');
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => VendorRelation, {
    nullable: true,
    description: 'A vendor relation by slug; null if there is none.',
  })
  vendorRelation(
    @Arg('slug', () => String, { description: 'The relation’s slug.' }) slug: string,
  ): Promise<VendorRelation | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => Vendor, {
    description: 'The vendor on the first side (the acquirer, licensor or initiator).',
  })
  async from(@Root() r: VendorRelation, @Ctx() ctx: Context): Promise<Vendor> {
    return required(await ctx.loaders.vendorById.load(r.fromVendorId), 'vendor', `relation ${r.slug}`);
  }

  @FieldResolver(() => Vendor, {
    description: 'The vendor on the other side (the acquired, licensee or partner).',
  })
  async to(@Root() r: VendorRelation, @Ctx() ctx: Context): Promise<Vendor> {
    return required(await ctx.loaders.vendorById.load(r.toVendorId), 'vendor', `relation ${r.slug}`);
  }

  @FieldResolver(() => [Source], { description: 'The sources that state these facts, oldest first.' })
  sources(@Root() r: VendorRelation, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.vendorRelation.load(r.rowId);
  }

  @FieldResolver(() => [Hypervisor], {
    description: 'Hypervisors the sources tie to this deal (see effect), by name.',
  })
  affectedHypervisors(@Root() r: VendorRelation, @Ctx() ctx: Context): Promise<Hypervisor[]> {
    return loadAll(ctx.loaders.hypervisorById, r.hypervisorIds, 'affected hypervisor', r);
  }

  @FieldResolver(() => [DriverPackage], {
    description: 'Driver packages the sources tie to this deal (see effect), by name.',
  })
  affectedDriverPackages(@Root() r: VendorRelation, @Ctx() ctx: Context): Promise<DriverPackage[]> {
    return loadAll(ctx.loaders.packageById, r.driverPackageIds, 'affected driver package', r);
  }

  @FieldResolver(() => [SupportStatement], {
    description: 'Support statements the sources tie to this deal (see effect), by slug.',
  })
  affectedSupportStatements(@Root() r: VendorRelation, @Ctx() ctx: Context): Promise<SupportStatement[]> {
    return loadAll(ctx.loaders.statementById, r.supportStatementIds, 'affected support statement', r);
  }
}

/**
 * The relations that affected a hypervisor. Here rather than in the hypervisor resolver, so the hypervisor
 * domain never depends on vendor relations.
 */
@Resolver(() => Hypervisor)
export class HypervisorRelationsResolver {
  @FieldResolver(() => [VendorRelation], {
    description: 'Vendor relations that affected it (see VendorRelation.effect), oldest first.',
  })
  relations(@Root() hypervisor: Hypervisor, @Ctx() ctx: Context): Promise<VendorRelation[]> {
    return ctx.loaders.relationsAffectingHypervisor.load(hypervisor.rowId);
  }
}

/** Every id through a by-id loader (batched with the rest of the request); link foreign keys guarantee each. */
async function loadAll<T>(
  loader: DataLoader<number, T | null>,
  ids: readonly number[],
  what: string,
  r: VendorRelation,
): Promise<T[]> {
  const rows = await Promise.all(ids.map((id) => loader.load(id)));
  return rows.map((row) => required(row, what, `relation ${r.slug}`));
}
