import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { relatedObjectColumns, selectionsAt, subSelections } from '../lookahead/compile';
import type { Context } from '../context';
import type { DeviceKind } from '../drivers/driver-package.entity';
import { DeviceKindEnum, DriverPackage } from '../drivers/driver-package.type';
import { HardwareFeature } from '../hardware/hardware-feature.type';
import { HypervisorRelease } from '../hypervisors/hypervisor-release.type';
import { Hypervisor } from '../hypervisors/hypervisor.type';
import { License } from '../licensing/license.type';
import { OperatingSystem } from '../operating-systems/operating-system.type';
import { required } from '../shared/resolving';
import { LocalDate } from '../shared/scalars';
import { today } from '../shared/validity';
import { Vendor } from '../vendors/vendor.type';
import type { VirtualizationMode } from './support-statement.entity';
import { SupportStatement, VirtualizationModeEnum } from './support-statement.type';
import { CELL_RELATED, PATH_RELATED } from './interop.queries';
import type { InteropService } from './interop.service';
import { CompatibilityEntry, InteropCell, InteropMatrix, ParavirtPath } from './interop.type';

const AS_OF = { nullable: true, description: 'The date the question is about (default: today).' } as const;

@Resolver()
export class InteropResolver {
  constructor(private readonly service: InteropService) {}

  @Query(() => [CompatibilityEntry], {
    description:
      'Support statements that held on a date for a guest (and its family), host, hypervisor and mode — any may be ' +
      'left out. Exact matches first, then best mode.',
  })
  compatibility(
    @Arg('guest', () => String, { nullable: true, description: 'Guest OS slug.' }) guest: string | null,
    @Arg('host', () => String, { nullable: true, description: 'Host OS slug.' }) host: string | null,
    @Arg('hypervisor', () => String, { nullable: true, description: 'Hypervisor slug.' })
    hypervisor: string | null,
    @Arg('mode', () => VirtualizationModeEnum, {
      nullable: true,
      description: 'Only statements in this mode; default any mode.',
    })
    mode: VirtualizationMode | null,
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null,
  ): Promise<CompatibilityEntry[]> {
    return this.service.compatibility({ guest, host, hypervisor, mode, asOf: asOf ?? today() });
  }

  @Query(() => InteropMatrix, {
    description:
      'Guests × hypervisors on a date: each cell the best mode available then, its status and what it needed.',
  })
  interopMatrix(
    @Arg('guests', () => [String], { description: 'Guest OS slugs (rows), 1 to 50.' }) guests: string[],
    @Arg('hypervisors', () => [String], { description: 'Hypervisor slugs (columns), 1 to 50.' })
    hypervisors: string[],
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InteropMatrix> {
    // Look-ahead: the cells' statement, driver package and required features in the matrix statement.
    const cells = selectionsAt(info, [['InteropMatrix', 'cells']]);
    return this.service.matrix(
      guests,
      hypervisors,
      asOf ?? today(),
      relatedObjectColumns(cells, 'InteropCell', CELL_RELATED, info),
    );
  }

  @Query(() => [SupportStatement], {
    description:
      'Support statements that no source dates (neither they nor their hypervisor release have a start date), ' +
      'for a guest (with its families) and a hypervisor, each optional. Dated answers — compatibility, ' +
      'interopMatrix, paravirtPaths — never count them; they are listed here instead.',
  })
  undatedStatements(
    @Arg('guest', () => String, { nullable: true, description: 'Guest OS slug (its families match too).' })
    guest: string | null,
    @Arg('hypervisor', () => String, { nullable: true, description: 'Hypervisor slug.' })
    hypervisor: string | null,
  ): Promise<SupportStatement[]> {
    return this.service.undatedStatements(guest, hypervisor);
  }

  @Query(() => [ParavirtPath], {
    description:
      'Every way to give a guest paravirtualized I/O on a host on a date: a PV kernel, or PV drivers on hardware ' +
      'assist, with the driver package, its license and who could obtain it then.',
  })
  paravirtPaths(
    @Arg('guest', () => String, { description: 'Guest OS slug.' }) guest: string,
    @Arg('host', () => String, { nullable: true, description: 'Host OS slug (default: any host).' })
    host: string | null,
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ParavirtPath[]> {
    // Look-ahead: the path's statement, hypervisor, release, driver package, vendor and license in one statement.
    const related = relatedObjectColumns(subSelections(info.fieldNodes), 'ParavirtPath', PATH_RELATED, info);
    return this.service.paravirtPaths(guest, host, asOf ?? today(), related);
  }
}

@Resolver(() => InteropMatrix)
export class InteropMatrixResolver {
  constructor(private readonly service: InteropService) {}

  /** Its own statement, run only when asked for (the matrix statement stays one). */
  @FieldResolver(() => [SupportStatement], {
    description:
      'Statements about these guests (or their families) on these hypervisors that no source dates: not counted ' +
      'in any cell at any date, listed here instead.',
  })
  undated(@Root() matrix: InteropMatrix): Promise<SupportStatement[]> {
    return this.service.undatedFor(matrix.guests, matrix.hypervisors);
  }
}

@Resolver(() => InteropCell)
export class InteropCellResolver {
  @FieldResolver(() => SupportStatement, {
    nullable: true,
    description: 'The statement behind the best mode.',
  })
  statement(@Root() cell: InteropCell, @Ctx() ctx: Context): Promise<SupportStatement | null> | null {
    return cell.statementId === null ? null : ctx.loaders.statementById.load(cell.statementId);
  }

  @FieldResolver(() => DriverPackage, {
    nullable: true,
    description: 'The driver package the best mode needs.',
  })
  driverPackage(@Root() cell: InteropCell, @Ctx() ctx: Context): Promise<DriverPackage | null> | null {
    return cell.driverPackageId === null ? null : ctx.loaders.packageById.load(cell.driverPackageId);
  }

  @FieldResolver(() => [HardwareFeature], { description: 'Hardware the best mode needs: any one of these.' })
  requiredFeatures(@Root() cell: InteropCell, @Ctx() ctx: Context): Promise<HardwareFeature[]> {
    return cell.statementId === null
      ? Promise.resolve([])
      : ctx.loaders.featuresRequiredBy.load(cell.statementId);
  }
}

@Resolver(() => ParavirtPath)
export class ParavirtPathResolver {
  @FieldResolver(() => SupportStatement, { description: 'The support statement behind the path.' })
  async statement(@Root() path: ParavirtPath, @Ctx() ctx: Context): Promise<SupportStatement> {
    return required(await ctx.loaders.statementById.load(path.statementId), 'statement', 'paravirtual path');
  }

  @FieldResolver(() => Hypervisor, { description: 'The hypervisor this path needs.' })
  async hypervisor(@Root() path: ParavirtPath, @Ctx() ctx: Context): Promise<Hypervisor> {
    return required(
      await ctx.loaders.hypervisorById.load(path.hypervisorId),
      'hypervisor',
      'paravirtual path',
    );
  }

  @FieldResolver(() => HypervisorRelease, { description: 'The hypervisor release the path runs on.' })
  async hypervisorRelease(@Root() path: ParavirtPath, @Ctx() ctx: Context): Promise<HypervisorRelease> {
    return required(
      await ctx.loaders.releaseById.load(path.hypervisorReleaseId),
      'release',
      'paravirtual path',
    );
  }

  @FieldResolver(() => DriverPackage, {
    nullable: true,
    description: 'Null for a paravirtualized guest kernel.',
  })
  driverPackage(@Root() path: ParavirtPath, @Ctx() ctx: Context): Promise<DriverPackage | null> | null {
    return path.driverPackageId === null ? null : ctx.loaders.packageById.load(path.driverPackageId);
  }

  @FieldResolver(() => Vendor, {
    description: 'Who supplies the PV drivers (the driver vendor, else the hypervisor’s).',
  })
  async vendor(@Root() path: ParavirtPath, @Ctx() ctx: Context): Promise<Vendor> {
    return required(await ctx.loaders.vendorById.load(path.vendorId), 'vendor', 'paravirtual path');
  }

  @FieldResolver(() => [DeviceKindEnum], {
    description:
      'The paravirtualized devices the drivers provide; empty for a PV kernel, whose I/O is all paravirtual.',
  })
  async devices(@Root() path: ParavirtPath, @Ctx() ctx: Context): Promise<DeviceKind[]> {
    if (path.driverPackageId === null) return [];
    const pkg = await ctx.loaders.packageById.load(path.driverPackageId);
    return pkg?.devices ?? [];
  }

  @FieldResolver(() => License, {
    nullable: true,
    description: 'The drivers’ license on that date; null for a PV kernel.',
  })
  license(@Root() path: ParavirtPath, @Ctx() ctx: Context): Promise<License | null> | null {
    return path.licenseId === null ? null : ctx.loaders.licenseById.load(path.licenseId);
  }

  @FieldResolver(() => OperatingSystem, {
    nullable: true,
    description: 'The host the statement names (null: any).',
  })
  async host(@Root() path: ParavirtPath, @Ctx() ctx: Context): Promise<OperatingSystem | null> {
    const statement = await ctx.loaders.statementById.load(path.statementId);
    return statement?.hostOsId ? ctx.loaders.osById.load(statement.hostOsId) : null;
  }
}
