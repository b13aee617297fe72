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
import { LocalDate } from '../shared/scalars';
import { checkDateRange, required } from '../shared/resolving';
import { Source } from '../sources/source.type';
import type { HypervisorReleaseService } from './hypervisor-release.service';
import { HypervisorRelease } from './hypervisor-release.type';
import { Hypervisor } from './hypervisor.type';

export const HypervisorReleaseConnection = ConnectionType(HypervisorRelease, 'HypervisorRelease');

@ArgsType()
export class HypervisorReleasesArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Only releases of the hypervisor with this slug.' })
  hypervisor?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only releases on or after this date.' })
  releasedFrom?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only releases on or before this date.' })
  releasedTo?: string | null;
}

@Resolver(() => HypervisorRelease)
export class HypervisorReleaseResolver {
  constructor(private readonly service: HypervisorReleaseService) {}

  @Query(() => HypervisorReleaseConnection, {
    description: 'Hypervisor releases, oldest first (undated last).',
  })
  async hypervisorReleases(
    @Args(() => HypervisorReleasesArgs) args: HypervisorReleasesArgs,
  ): Promise<Connection<HypervisorRelease>> {
    checkDateRange(args.releasedFrom, args.releasedTo, 'releasedFrom');
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => HypervisorRelease, {
    nullable: true,
    description: 'A release by slug; null if there is none.',
  })
  hypervisorRelease(
    @Arg('slug', () => String, { description: 'The release’s slug, e.g. "xen-3-0-4".' }) slug: string,
  ): Promise<HypervisorRelease | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => Hypervisor, { description: 'The hypervisor it is a release of.' })
  async hypervisor(@Root() release: HypervisorRelease, @Ctx() ctx: Context): Promise<Hypervisor> {
    return required(await ctx.loaders.hypervisorById.load(release.hypervisorId), 'hypervisor', release.slug);
  }

  @FieldResolver(() => [SupportStatement], {
    description: 'What the sources state about guests on this release.',
  })
  supportStatements(
    @Root() release: HypervisorRelease,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'Only statements that held on this date.' })
    asOf?: string | null,
  ): Promise<SupportStatement[]> {
    return ctx.loaders.statementsOfRelease(asOf ?? null).load(release.rowId);
  }

  @FieldResolver(() => [Source], { description: 'The sources that state these facts, oldest first.' })
  sources(@Root() release: HypervisorRelease, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.hypervisorRelease.load(release.rowId);
  }
}
