import type { DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { validAt } from '../shared/validity';
import type { RelationKind } from './vendor-relation.entity';
import type { VendorRelation } from './vendor-relation.type';

interface RelationRow extends Omit<VendorRelation, 'rowId' | 'id'> {
  rowId: number;
}

const COLUMNS = `x.id AS "rowId", x.slug, x.from_vendor_id AS "fromVendorId", x.to_vendor_id AS "toVendorId", x.kind,
  x.announced_on AS "announcedOn", x.announced_on_precision AS "announcedOnPrecision",
  x.effective_from AS "effectiveFrom", x.effective_from_precision AS "effectiveFromPrecision",
  x.effective_to AS "effectiveTo", x.effective_to_precision AS "effectiveToPrecision",
  x.amount_usd::float8 AS "amountUsd", x.amount_note AS "amountNote", x.description`;

/** In force at $n: from its effective date (else its announcement) until it ends. */
const IN_FORCE_AT = (param: string) =>
  validAt('coalesce(x.effective_from, x.announced_on)', 'x.effective_to', param);
const ORDER = 'coalesce(x.effective_from, x.announced_on) NULLS LAST, x.id';

export interface RelationFilter {
  vendor?: string | null;
  kind?: RelationKind | null;
  asOf?: string | null;
}

export class VendorRelationService {
  constructor(private readonly db: DataSource) {}

  async list(f: RelationFilter, page: PageRequest): Promise<Page<VendorRelation>> {
    const [result] = await this.db.query<{ total: number; rows: RelationRow[] }[]>(
      `WITH matching AS (
         SELECT ${COLUMNS}, row_number() OVER (ORDER BY ${ORDER}) AS ord FROM vendor_relation x
          WHERE ($1::text IS NULL OR (SELECT id FROM vendor WHERE slug = $1) IN (x.from_vendor_id, x.to_vendor_id))
            AND ($2::text IS NULL OR x.kind::text = $2)
            AND ($3::date IS NULL OR ${IN_FORCE_AT('$3::date')})
       )
       SELECT (SELECT count(*)::int FROM matching) AS total,
              (SELECT coalesce(json_agg(m ORDER BY m.ord), '[]')
                 FROM (SELECT * FROM matching ORDER BY ord OFFSET $4 LIMIT $5) m) AS rows`,
      [f.vendor ?? null, f.kind ?? null, f.asOf ?? null, page.offset, page.limit],
    );
    return { rows: result.rows.map(toRelation), totalCount: result.total, offset: page.offset };
  }

  async bySlug(slug: string): Promise<VendorRelation | null> {
    const [row] = await this.db.query<RelationRow[]>(
      `SELECT ${COLUMNS} FROM vendor_relation x WHERE x.slug = $1`,
      [slug],
    );
    return row ? toRelation(row) : null;
  }

  async byIds(ids: readonly number[]): Promise<VendorRelation[]> {
    const rows = await this.db.query<RelationRow[]>(
      `SELECT ${COLUMNS} FROM vendor_relation x WHERE x.id = ANY($1::int[])`,
      [ids],
    );
    return rows.map(toRelation);
  }

  /** Relations each vendor takes part in (either side), tagged with the vendor id, oldest first. */
  async ofVendors(
    vendorIds: readonly number[],
    kind: RelationKind | null,
    asOf: string | null,
  ): Promise<(VendorRelation & { ownerId: number })[]> {
    const rows = await this.db.query<(RelationRow & { ownerId: number })[]>(
      `SELECT v.id AS "ownerId", ${COLUMNS}
         FROM unnest($1::int[]) AS v(id)
         JOIN vendor_relation x ON v.id IN (x.from_vendor_id, x.to_vendor_id)
        WHERE ($2::text IS NULL OR x.kind::text = $2) AND ($3::date IS NULL OR ${IN_FORCE_AT('$3::date')})
        ORDER BY ${ORDER}`,
      [vendorIds, kind, asOf],
    );
    return rows.map((r) => ({ ...toRelation(r), ownerId: r.ownerId }));
  }
}

function toRelation(r: RelationRow): VendorRelation {
  return { ...r, id: toGlobalId('VendorRelation', r.rowId) };
}
