import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { required } from '../shared/resolving';
import { LocalDate } from '../shared/scalars';
import { today } from '../shared/validity';
import { Vendor } from '../vendors/vendor.type';
import type { LicensingGroupBy } from './licensing-report.queries';
import type { LicensingReportService } from './licensing-report.service';
import {
  LicensedComponent,
  LicensePeriod,
  LicensingGroupByEnum,
  LicensingReport,
} from './licensing-report.type';
import { License } from './license.type';

@Resolver()
export class LicensingReportResolver {
  constructor(private readonly service: LicensingReportService) {}

  @Query(() => LicensingReport, {
    description:
      'Hypervisors, driver packages and host operating systems that existed on a date, by license: open versus ' +
      'closed, and who could obtain the drivers. A hypervisor exists from its first known release (its first ' +
      'release date or an earlier dated release, as in interopMatrix), a host OS from its release date, either ' +
      'one without any recorded date always; a driver package exists while one of its terms holds. Host OS ' +
      'licenses are not recorded: they count as unknown (license null), never guessed.',
  })
  licensingReport(
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description: 'The date to report on; default today (UTC).',
    })
    asOf: string | null | undefined,
    @Arg('groupBy', () => LicensingGroupByEnum, {
      defaultValue: 'license_kind',
      description: 'How to group the components: by license kind (default), by vendor or by component kind.',
    })
    groupBy: LicensingGroupBy,
  ): Promise<LicensingReport> {
    return this.service.report(asOf ?? today(), groupBy);
  }
}

@Resolver(() => LicensedComponent)
export class LicensedComponentResolver {
  @FieldResolver(() => Vendor, { nullable: true, description: 'Its vendor; null where not recorded.' })
  vendor(@Root() c: LicensedComponent, @Ctx() ctx: Context): Promise<Vendor | null> | null {
    return c.vendorId === null ? null : ctx.loaders.vendorById.load(c.vendorId);
  }

  @FieldResolver(() => License, {
    nullable: true,
    description: 'Its license on the report’s date; null for host operating systems (license not recorded).',
  })
  license(@Root() c: LicensedComponent, @Ctx() ctx: Context): Promise<License | null> | null {
    return c.licenseId === null ? null : ctx.loaders.licenseById.load(c.licenseId);
  }
}

@Resolver(() => LicensePeriod)
export class LicensePeriodResolver {
  @FieldResolver(() => License, { description: 'The license of the period.' })
  async license(@Root() p: LicensePeriod, @Ctx() ctx: Context): Promise<License> {
    return required(await ctx.loaders.licenseById.load(p.licenseId), 'license', 'a license period');
  }
}
