import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { License } from '../licensing/license.type';
import { ConnectionType, pageRequest, toConnection, type Connection } from '../shared/pagination';
import { DriverPackage } from '../drivers/driver-package.type';
import { required } from '../shared/resolving';
import { Source } from '../sources/source.type';
import { HypervisorRelease } from './hypervisor-release.type';
import { Vendor } from '../vendors/vendor.type';
import { HypervisorsArgs } from './hypervisor.args';
import type { HypervisorService } from './hypervisor.service';
import { Hypervisor } from './hypervisor.type';

export const HypervisorConnection = ConnectionType(Hypervisor, 'Hypervisor');

@Resolver(() => Hypervisor)
export class HypervisorResolver {
  constructor(private readonly service: HypervisorService) {}

  @Query(() => HypervisorConnection, { description: 'Hypervisors, by name, with filters.' })
  async hypervisors(@Args(() => HypervisorsArgs) args: HypervisorsArgs): Promise<Connection<Hypervisor>> {
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => Hypervisor, { nullable: true, description: 'A hypervisor by slug; null if there is none.' })
  hypervisor(
    @Arg('slug', () => String, { description: 'The hypervisor’s slug, e.g. "xen" or "kvm".' }) slug: string,
  ): Promise<Hypervisor | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => Vendor, { description: 'Who made it (as of mid-2007).' })
  async vendor(@Root() hypervisor: Hypervisor, @Ctx() ctx: Context): Promise<Vendor> {
    return required(
      await ctx.loaders.vendorById.load(hypervisor.vendorId),
      'vendor',
      `hypervisor ${hypervisor.slug}`,
    );
  }

  @FieldResolver(() => License, { description: 'Its primary license; see licenseNote for others.' })
  async license(@Root() hypervisor: Hypervisor, @Ctx() ctx: Context): Promise<License> {
    return required(
      await ctx.loaders.licenseById.load(hypervisor.licenseId),
      'license',
      `hypervisor ${hypervisor.slug}`,
    );
  }

  @FieldResolver(() => [HypervisorRelease], { description: 'Its releases, oldest first.' })
  releases(@Root() hypervisor: Hypervisor, @Ctx() ctx: Context): Promise<HypervisorRelease[]> {
    return ctx.loaders.releasesByHypervisor.load(hypervisor.rowId);
  }

  @FieldResolver(() => [DriverPackage], { description: 'Paravirtualized driver packages written for it.' })
  driverPackages(@Root() hypervisor: Hypervisor, @Ctx() ctx: Context): Promise<DriverPackage[]> {
    return ctx.loaders.packagesByHypervisor.load(hypervisor.rowId);
  }

  @FieldResolver(() => [Source], { description: 'Sources that state this hypervisor’s facts.' })
  sources(@Root() hypervisor: Hypervisor, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.hypervisor.load(hypervisor.rowId);
  }
}
