import { In, type DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { VendorEntity, type VendorKind } from './vendor.entity';
import type { Vendor } from './vendor.type';

export interface VendorFilter {
  kind?: VendorKind | null;
}

export class VendorService {
  constructor(private readonly db: DataSource) {}

  async list(filter: VendorFilter, page: PageRequest): Promise<Page<Vendor>> {
    const qb = this.db.getRepository(VendorEntity).createQueryBuilder('v');
    if (filter.kind) qb.where('v.kind = :kind', { kind: filter.kind });
    const [rows, totalCount] = await qb
      .orderBy('lower(v.name)')
      .addOrderBy('v.id')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { rows: rows.map(toVendor), totalCount, offset: page.offset };
  }

  /**
   * The same page in one statement, each vendor built by `objectSql` (a compiled selection over the row `v`, see
   * src/lookahead): its objects hold the selected fields only, which their resolvers hand on.
   */
  async listCompiled(filter: VendorFilter, page: PageRequest, objectSql: string): Promise<Page<Vendor>> {
    const where = '$1::text IS NULL OR v.kind::text = $1';
    const [row] = await this.db.query<{ total: number; rows: Vendor[] }[]>(
      `SELECT (SELECT count(*)::int FROM vendor v WHERE ${where}) AS total,
              (SELECT coalesce(json_agg(${objectSql} ORDER BY lower(v.name), v.id), '[]')
                 FROM (SELECT * FROM vendor v WHERE ${where} ORDER BY lower(v.name), v.id OFFSET $2 LIMIT $3) v) AS rows`,
      [filter.kind ?? null, page.offset, page.limit],
    );
    return { rows: row.rows, totalCount: row.total, offset: page.offset };
  }

  async bySlug(slug: string): Promise<Vendor | null> {
    const row = await this.db.getRepository(VendorEntity).findOneBy({ slug });
    return row ? toVendor(row) : null;
  }

  /** Vendors by database id, in the order asked (null where missing), for DataLoader. */
  async byIds(ids: readonly number[]): Promise<(Vendor | null)[]> {
    const rows = await this.db.getRepository(VendorEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, toVendor(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}

function toVendor(e: VendorEntity): Vendor {
  return {
    rowId: e.id,
    id: toGlobalId('Vendor', e.id),
    slug: e.slug,
    name: e.name,
    kind: e.kind,
    website: e.website,
    description: e.description,
  };
}
