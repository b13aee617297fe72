import type { DataSource } from 'typeorm';
import { NotFoundError } from '../errors';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { datedValidAt } from '../shared/validity';
import type { RelationKind } from './vendor-relation.entity';
import type { VendorRelation } from './vendor-relation.type';

interface RelationRow extends Omit<VendorRelation, 'rowId' | 'id'> {
  rowId: number;
}

const COLUMNS = `x.id AS "rowId", x.slug, x.from_vendor_id AS "fromVendorId", x.to_vendor_id AS "toVendorId", x.kind,
  x.announced_on AS "announcedOn", x.announced_on_precision AS "announcedOnPrecision",
  x.effective_from AS "effectiveFrom", x.effective_from_precision AS "effectiveFromPrecision",
  x.effective_to AS "effectiveTo", x.effective_to_precision AS "effectiveToPrecision",
  x.amount_usd::float8 AS "amountUsd", x.amount_note AS "amountNote",
  x.price_per_share_usd::float8 AS "pricePerShareUsd", x.shares_offered::float8 AS "sharesOffered", x.description, x.effect`;

/**
 * The ids of what relation `id` affected, each list in the order the API shows it (hypervisors and packages by
 * name, statements by slug). Fetched with the relation itself, so its `affected*` fields only need the by-id
 * loaders of those kinds. `id` is a column expression from code, never input.
 */
const LINK_IDS = (id: string) => `
  ARRAY(SELECT l.hypervisor_id FROM vendor_relation_hypervisor l JOIN hypervisor h ON h.id = l.hypervisor_id
         WHERE l.vendor_relation_id = ${id} ORDER BY lower(h.name), h.id) AS "hypervisorIds",
  ARRAY(SELECT l.driver_package_id FROM vendor_relation_driver_package l JOIN driver_package p ON p.id = l.driver_package_id
         WHERE l.vendor_relation_id = ${id} ORDER BY lower(p.name), p.id) AS "driverPackageIds",
  ARRAY(SELECT l.support_statement_id FROM vendor_relation_support_statement l
          JOIN support_statement s ON s.id = l.support_statement_id
         WHERE l.vendor_relation_id = ${id} ORDER BY s.slug) AS "supportStatementIds"`;

/** Where a relation sits on the timeline: its effective date, else its announcement. */
const TIMELINE_DATE = 'coalesce(x.effective_from, x.announced_on)';

/** In force at $n: from its effective date (else its announcement) until it ends; an undated one never is. */
const IN_FORCE_AT = (param: string) => datedValidAt(TIMELINE_DATE, 'x.effective_to', param);
const ORDER = `${TIMELINE_DATE} NULLS LAST, x.id`;

export interface RelationFilter {
  vendor?: string | null;
  kind?: RelationKind | null;
  asOf?: string | null;
  /** Timeline window, both ends included, on the effective date (else the announcement). */
  from?: string | null;
  to?: string | null;
  /** Slug of a hypervisor the relation affected. */
  affectsHypervisor?: string | null;
}

export class VendorRelationService {
  constructor(private readonly db: DataSource) {}

  /**
   * A page of the timeline and its total, in one statement. A vendor or hypervisor slug that names nothing is
   * NOT_FOUND (naming the argument); a window with no relation in it is an empty page.
   */
  async list(f: RelationFilter, page: PageRequest): Promise<Page<VendorRelation>> {
    const [result] = await this.db.query<
      { vendorKnown: boolean; hypervisorKnown: boolean; total: number; rows: RelationRow[] }[]
    >(
      `WITH known AS (
         SELECT (SELECT id FROM vendor WHERE slug = $1) AS vendor_id,
                (SELECT id FROM hypervisor WHERE slug = $6) AS hypervisor_id
       ), matching AS (
         SELECT ${COLUMNS}, row_number() OVER (ORDER BY ${ORDER}) AS ord
           FROM vendor_relation x CROSS JOIN known k
          WHERE ($1::text IS NULL OR k.vendor_id IN (x.from_vendor_id, x.to_vendor_id))
            AND ($2::text IS NULL OR x.kind::text = $2)
            AND ($3::date IS NULL OR ${IN_FORCE_AT('$3::date')})
            AND ($4::date IS NULL OR ${TIMELINE_DATE} >= $4::date)
            AND ($5::date IS NULL OR ${TIMELINE_DATE} <= $5::date)
            AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM vendor_relation_hypervisor l
                                             WHERE l.vendor_relation_id = x.id AND l.hypervisor_id = k.hypervisor_id))
       )
       SELECT ($1::text IS NULL OR k.vendor_id IS NOT NULL) AS "vendorKnown",
              ($6::text IS NULL OR k.hypervisor_id IS NOT NULL) AS "hypervisorKnown",
              (SELECT count(*)::int FROM matching) AS total,
              (SELECT coalesce(json_agg(m ORDER BY m.ord), '[]')
                 FROM (SELECT pg.*, ${LINK_IDS('pg."rowId"')}
                         FROM (SELECT * FROM matching ORDER BY ord OFFSET $7 LIMIT $8) pg) m) AS rows
         FROM known k`,
      [
        f.vendor ?? null,
        f.kind ?? null,
        f.asOf ?? null,
        f.from ?? null,
        f.to ?? null,
        f.affectsHypervisor ?? null,
        page.offset,
        page.limit,
      ],
    );
    if (!result.vendorKnown) throw unknownSlug('vendor', 'vendor', f.vendor);
    if (!result.hypervisorKnown) throw unknownSlug('affectsHypervisor', 'hypervisor', f.affectsHypervisor);
    return { rows: result.rows.map(toRelation), totalCount: result.total, offset: page.offset };
  }

  async bySlug(slug: string): Promise<VendorRelation | null> {
    const [row] = await this.db.query<RelationRow[]>(
      `SELECT ${COLUMNS}, ${LINK_IDS('x.id')} FROM vendor_relation x WHERE x.slug = $1`,
      [slug],
    );
    return row ? toRelation(row) : null;
  }

  async byIds(ids: readonly number[]): Promise<VendorRelation[]> {
    const rows = await this.db.query<RelationRow[]>(
      `SELECT ${COLUMNS}, ${LINK_IDS('x.id')} FROM vendor_relation x WHERE x.id = ANY($1::int[])`,
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
      `SELECT v.id AS "ownerId", ${COLUMNS}, ${LINK_IDS('x.id')}
         FROM unnest($1::int[]) AS v(id)
         JOIN vendor_relation x ON v.id IN (x.from_vendor_id, x.to_vendor_id)
        WHERE ($2::text IS NULL OR x.kind::text = $2) AND ($3::date IS NULL OR ${IN_FORCE_AT('$3::date')})
        ORDER BY ${ORDER}`,
      [vendorIds, kind, asOf],
    );
    return rows.map((r) => ({ ...toRelation(r), ownerId: r.ownerId }));
  }

  /** Relations that affected each hypervisor, tagged with the hypervisor id, oldest first. */
  async affecting(hypervisorIds: readonly number[]): Promise<(VendorRelation & { ownerId: number })[]> {
    const rows = await this.db.query<(RelationRow & { ownerId: number })[]>(
      `SELECT j.hypervisor_id AS "ownerId", ${COLUMNS}, ${LINK_IDS('x.id')}
         FROM vendor_relation_hypervisor j
         JOIN vendor_relation x ON x.id = j.vendor_relation_id
        WHERE j.hypervisor_id = ANY($1::int[])
        ORDER BY ${ORDER}`,
      [hypervisorIds],
    );
    return rows.map((r) => ({ ...toRelation(r), ownerId: r.ownerId }));
  }
}

function toRelation(r: RelationRow): VendorRelation {
  return { ...r, id: toGlobalId('VendorRelation', r.rowId) };
}

function unknownSlug(argumentName: string, what: string, slug: string | null | undefined): NotFoundError {
  return new NotFoundError(`${argumentName}: no ${what} with slug "${slug}".`, argumentName);
}
