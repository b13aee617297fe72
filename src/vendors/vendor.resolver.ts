import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
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
  async vendors(@Args(() => VendorsArgs) args: VendorsArgs): Promise<Connection<Vendor>> {
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => Vendor, { nullable: true, description: 'A vendor by slug; null if there is none.' })
  vendor(@Arg('slug', () => String) slug: string): Promise<Vendor | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => [Hypervisor], { description: 'Hypervisors this vendor makes, by name.' })
  hypervisors(@Root() vendor: Vendor, @Ctx() ctx: Context): Promise<Hypervisor[]> {
    return ctx.loaders.hypervisorsByVendor.load(vendor.rowId);
  }

  @FieldResolver(() => [Source], { description: 'Sources that state this vendor’s facts.' })
  sources(@Root() vendor: Vendor, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.vendor.load(vendor.rowId);
  }
}
