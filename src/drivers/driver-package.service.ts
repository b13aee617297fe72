import type { DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import { matchOf } from '../operating-systems/os-match.type';
import type { Page, PageRequest } from '../shared/pagination';
import {
  driverPackagesForGuests,
  driverPackagesWhere,
  listDriverPackages,
  termsOf,
  type DriverPackageFilter,
  type DriverPackageRow,
  type DriverPackageTermRow,
} from './driver-package.queries';
import type { DriverPackage, DriverPackageTerm } from './driver-package.type';

export class DriverPackageService {
  constructor(private readonly db: DataSource) {}

  async list(filter: DriverPackageFilter, page: PageRequest): Promise<Page<DriverPackage>> {
    const { rows, totalCount } = await listDriverPackages(this.db, filter, page);
    return { rows: rows.map(toDriverPackage), totalCount, offset: page.offset };
  }

  async bySlug(slug: string): Promise<DriverPackage | null> {
    const [row] = await driverPackagesWhere(this.db, 'slug', [slug]);
    return row ? toDriverPackage(row) : null;
  }

  async where(
    column: 'id' | 'vendor_id' | 'hypervisor_id',
    ids: readonly number[],
  ): Promise<DriverPackage[]> {
    return (await driverPackagesWhere(this.db, column, ids)).map(toDriverPackage);
  }

  async forGuests(osIds: readonly number[]): Promise<(DriverPackage & { ownerId: number })[]> {
    return (await driverPackagesForGuests(this.db, osIds)).map((r) => ({
      ...toDriverPackage(r),
      ownerId: r.ownerId,
    }));
  }

  async terms(packageIds: readonly number[], asOf: string | null): Promise<DriverPackageTerm[]> {
    return (await termsOf(this.db, packageIds, asOf)).map(toTerm);
  }
}

function toDriverPackage(r: DriverPackageRow): DriverPackage {
  return {
    rowId: r.id,
    vendorId: r.vendorId,
    hypervisorId: r.hypervisorId,
    id: toGlobalId('DriverPackage', r.id),
    slug: r.slug,
    name: r.name,
    devices: r.devices,
    description: r.description,
    guestMatch: r.guestDepth === undefined || r.guestDepth === null ? null : matchOf(r.guestDepth),
  };
}

function toTerm(r: DriverPackageTermRow): DriverPackageTerm {
  return {
    rowId: r.id,
    driverPackageId: r.driverPackageId,
    licenseId: r.licenseId,
    id: toGlobalId('DriverPackageTerm', r.id),
    obtainability: r.obtainability,
    priceUsd: r.priceUsd,
    priceNote: r.priceNote,
    validFrom: r.validFrom,
    validFromPrecision: r.validFromPrecision,
    validTo: r.validTo,
    validToPrecision: r.validToPrecision,
    description: r.description,
    devices: r.devices,
    guestOsIds: r.guestOsIds,
    priceTiers: r.priceTiers,
  };
}
