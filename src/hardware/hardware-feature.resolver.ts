import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { SupportStatement } from '../interop/support-statement.type';
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
import { Vendor } from '../vendors/vendor.type';
import type { HardwareCategory } from './hardware-feature.entity';
import type { HardwareFeatureService } from './hardware-feature.service';
import { HardwareCategoryEnum, HardwareFeature } from './hardware-feature.type';

export const HardwareFeatureConnection = ConnectionType(HardwareFeature, 'HardwareFeature');

@ArgsType()
export class HardwareFeaturesArgs extends ConnectionArgs {
  @Field(() => HardwareCategoryEnum, {
    nullable: true,
    description: 'Only features in this part of the machine.',
  })
  category?: HardwareCategory | null;

  @Field(() => String, { nullable: true, description: 'Only features of the vendor with this slug.' })
  vendor?: string | null;
}

@Resolver(() => HardwareFeature)
export class HardwareFeatureResolver {
  constructor(private readonly service: HardwareFeatureService) {}

  @Query(() => HardwareFeatureConnection, { description: 'Hardware features, oldest announcement first.' })
  async hardwareFeatures(
    @Args(() => HardwareFeaturesArgs) args: HardwareFeaturesArgs,
  ): Promise<Connection<HardwareFeature>> {
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => HardwareFeature, {
    nullable: true,
    description: 'A hardware feature by slug; null if there is none.',
  })
  hardwareFeature(
    @Arg('slug', () => String, { description: 'The feature’s slug, e.g. "intel-vt-x".' }) slug: string,
  ): Promise<HardwareFeature | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => Vendor, { description: 'Who makes the hardware.' })
  async vendor(@Root() feature: HardwareFeature, @Ctx() ctx: Context): Promise<Vendor> {
    return required(await ctx.loaders.vendorById.load(feature.vendorId), 'vendor', `feature ${feature.slug}`);
  }

  @FieldResolver(() => [SupportStatement], {
    description: 'Support statements that need this feature (or an alternative).',
  })
  requiredBy(
    @Root() feature: HardwareFeature,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description: 'Only statements in force on this date; default every statement.',
    })
    asOf?: string | null,
  ): Promise<SupportStatement[]> {
    return ctx.loaders.statementsRequiring(asOf ?? null).load(feature.rowId);
  }

  @FieldResolver(() => [Source], { description: 'The sources that state these facts, oldest first.' })
  sources(@Root() feature: HardwareFeature, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.hardwareFeature.load(feature.rowId);
  }
}
