import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Hypervisor } from '../hypervisors/hypervisor.type';
import { ConnectionType, pageRequest, toConnection, type Connection } from '../shared/pagination';
import { Source } from '../sources/source.type';
import { LicensesArgs } from './license.args';
import type { LicenseService } from './license.service';
import { License } from './license.type';

export const LicenseConnection = ConnectionType(License, 'License');

@Resolver(() => License)
export class LicenseResolver {
  constructor(private readonly service: LicenseService) {}

  @Query(() => LicenseConnection, { description: 'Licenses, by name.' })
  async licenses(@Args(() => LicensesArgs) args: LicensesArgs): Promise<Connection<License>> {
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => License, { nullable: true, description: 'A license by slug; null if there is none.' })
  license(
    @Arg('slug', () => String, { description: 'The license’s slug, e.g. "gpl-2-0".' }) slug: string,
  ): Promise<License | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => [Hypervisor], { description: 'Hypervisors released under this license, by name.' })
  hypervisors(@Root() license: License, @Ctx() ctx: Context): Promise<Hypervisor[]> {
    return ctx.loaders.hypervisorsByLicense.load(license.rowId);
  }

  @FieldResolver(() => [Source], { description: 'Sources that state this license’s facts.' })
  sources(@Root() license: License, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.license.load(license.rowId);
  }
}
