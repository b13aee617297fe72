import type { DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { OperatingSystemEntity, type OsFamily } from './operating-system.entity';
import type { OperatingSystem } from './operating-system.type';

export type OsRole = 'host' | 'guest';

export interface OsFilter {
  family?: OsFamily | null;
  role?: OsRole | null;
  vendor?: string | null;
}

export class OperatingSystemService {
  constructor(private readonly db: DataSource) {}

  private query() {
    return this.db
      .getRepository(OperatingSystemEntity)
      .createQueryBuilder('o')
      .orderBy('lower(o.name)')
      .addOrderBy('o.id');
  }

  async list(filter: OsFilter, page: PageRequest): Promise<Page<OperatingSystem>> {
    const qb = this.query();
    if (filter.family) qb.andWhere('o.family = :family', { family: filter.family });
    if (filter.role === 'host') qb.andWhere('o.can_host');
    if (filter.role === 'guest') qb.andWhere('o.can_be_guest');
    if (filter.vendor) qb.innerJoin('o.vendor', 'v', 'v.slug = :vendor', { vendor: filter.vendor });
    const [rows, totalCount] = await qb.offset(page.offset).limit(page.limit).getManyAndCount();
    return { rows: rows.map(toOperatingSystem), totalCount, offset: page.offset };
  }

  async bySlug(slug: string): Promise<OperatingSystem | null> {
    const row = await this.query().where('o.slug = :slug', { slug }).getOne();
    return row ? toOperatingSystem(row) : null;
  }

  async byIds(ids: readonly number[]): Promise<OperatingSystem[]> {
    return (await this.query().where('o.id IN (:...ids)', { ids }).getMany()).map(toOperatingSystem);
  }

  async byVendorIds(ids: readonly number[]): Promise<OperatingSystem[]> {
    return (await this.query().where('o.vendor_id IN (:...ids)', { ids }).getMany()).map(toOperatingSystem);
  }

  /** Guest (or host) operating systems of many driver packages, each tagged with its package id. */
  async ofDriverPackages(
    role: OsRole,
    ids: readonly number[],
  ): Promise<(OperatingSystem & { ownerId: number })[]> {
    // The table name is one of two constants, chosen by `role`.
    const table = role === 'guest' ? 'driver_package_guest_os' : 'driver_package_host_os';
    const rows = await this.db.query<(OperatingSystemEntity & { ownerId: number })[]>(
      `SELECT j.driver_package_id AS "ownerId", ${OS_COLUMNS}
         FROM ${table} j JOIN operating_system o ON o.id = j.operating_system_id
        WHERE j.driver_package_id = ANY($1::int[])
        ORDER BY lower(o.name), o.id`,
      [ids],
    );
    return rows.map((r) => ({ ...toOperatingSystem(r), ownerId: r.ownerId }));
  }
}

/** The columns of `operating_system o` under the entity's property names, for raw SQL. */
const OS_COLUMNS = `o.id, o.slug, o.name, o.family, o.vendor_id AS "vendorId", o.version, o.parent_id AS "parentId", o.released_on AS "releasedOn",
  o.released_on_precision AS "releasedOnPrecision", o.can_host AS "canHost", o.can_be_guest AS "canBeGuest", o.description`;

export function toOperatingSystem(e: OperatingSystemEntity): OperatingSystem {
  return {
    rowId: e.id,
    vendorId: e.vendorId,
    parentId: e.parentId,
    id: toGlobalId('OperatingSystem', e.id),
    slug: e.slug,
    name: e.name,
    family: e.family,
    version: e.version,
    releasedOn: e.releasedOn,
    releasedOnPrecision: e.releasedOnPrecision,
    canHost: e.canHost,
    canBeGuest: e.canBeGuest,
    description: e.description,
  };
}
