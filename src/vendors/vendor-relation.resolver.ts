import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
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

  @Field(() => RelationKindEnum, { nullable: true })
  kind?: RelationKind | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only relations in force on this date.' })
  asOf?: string | null;
}

@Resolver(() => VendorRelation)
export class VendorRelationResolver {
  constructor(private readonly service: VendorRelationService) {}

  @Query(() => VendorRelationConnection, {
    description: 'Deals, partnerships and acquisitions, oldest first.',
  })
  async vendorRelations(
    @Args(() => VendorRelationsArgs) args: VendorRelationsArgs,
  ): Promise<Connection<VendorRelation>> {
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => VendorRelation, {
    nullable: true,
    description: 'A vendor relation by slug; null if there is none.',
  })
  vendorRelation(@Arg('slug', () => String) slug: string): Promise<VendorRelation | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => Vendor)
  async from(@Root() r: VendorRelation, @Ctx() ctx: Context): Promise<Vendor> {
    return required(await ctx.loaders.vendorById.load(r.fromVendorId), 'vendor', `relation ${r.slug}`);
  }

  @FieldResolver(() => Vendor)
  async to(@Root() r: VendorRelation, @Ctx() ctx: Context): Promise<Vendor> {
    return required(await ctx.loaders.vendorById.load(r.toVendorId), 'vendor', `relation ${r.slug}`);
  }

  @FieldResolver(() => [Source])
  sources(@Root() r: VendorRelation, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.vendorRelation.load(r.rowId);
  }
}
