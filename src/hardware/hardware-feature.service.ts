import type { DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { HardwareFeatureEntity, type HardwareCategory } from './hardware-feature.entity';
import type { HardwareFeature } from './hardware-feature.type';

export interface HardwareFilter {
  category?: HardwareCategory | null;
  vendor?: string | null;
}

export class HardwareFeatureService {
  constructor(private readonly db: DataSource) {}

  private query() {
    return this.db
      .getRepository(HardwareFeatureEntity)
      .createQueryBuilder('f')
      .orderBy('coalesce(f.announced_on, f.shipped_on)', 'ASC', 'NULLS LAST')
      .addOrderBy('lower(f.name)')
      .addOrderBy('f.id');
  }

  async list(filter: HardwareFilter, page: PageRequest): Promise<Page<HardwareFeature>> {
    const qb = this.query();
    if (filter.category) qb.andWhere('f.category = :category', { category: filter.category });
    if (filter.vendor) qb.innerJoin('f.vendor', 'v', 'v.slug = :vendor', { vendor: filter.vendor });
    const [rows, totalCount] = await qb.offset(page.offset).limit(page.limit).getManyAndCount();
    return { rows: rows.map(toHardwareFeature), totalCount, offset: page.offset };
  }

  async bySlug(slug: string): Promise<HardwareFeature | null> {
    const row = await this.query().where('f.slug = :slug', { slug }).getOne();
    return row ? toHardwareFeature(row) : null;
  }

  async byIds(ids: readonly number[]): Promise<HardwareFeature[]> {
    return (await this.query().where('f.id IN (:...ids)', { ids }).getMany()).map(toHardwareFeature);
  }

  async byVendorIds(ids: readonly number[]): Promise<HardwareFeature[]> {
    return (await this.query().where('f.vendor_id IN (:...ids)', { ids }).getMany()).map(toHardwareFeature);
  }

  /** Features each support statement requires (any one of them), tagged with the statement id. */
  async requiredBy(statementIds: readonly number[]): Promise<(HardwareFeature & { ownerId: number })[]> {
    const rows = await this.db.query<(HardwareFeatureEntity & { ownerId: number })[]>(
      `SELECT j.support_statement_id AS "ownerId", f.id, f.slug, f.name, f.vendor_id AS "vendorId", f.category,
              f.announced_on AS "announcedOn", f.announced_on_precision AS "announcedOnPrecision",
              f.shipped_on AS "shippedOn", f.shipped_on_precision AS "shippedOnPrecision", f.description
         FROM support_statement_feature j JOIN hardware_feature f ON f.id = j.hardware_feature_id
        WHERE j.support_statement_id = ANY($1::int[])
        ORDER BY lower(f.name), f.id`,
      [statementIds],
    );
    return rows.map((r) => ({ ...toHardwareFeature(r), ownerId: r.ownerId }));
  }
}

function toHardwareFeature(e: HardwareFeatureEntity): HardwareFeature {
  return {
    rowId: e.id,
    vendorId: e.vendorId,
    id: toGlobalId('HardwareFeature', e.id),
    slug: e.slug,
    name: e.name,
    category: e.category,
    announcedOn: e.announcedOn,
    announcedOnPrecision: e.announcedOnPrecision,
    shippedOn: e.shippedOn,
    shippedOnPrecision: e.shippedOnPrecision,
    description: e.description,
  };
}
