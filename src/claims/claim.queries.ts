import type { DataSource } from 'typeorm';
import type { ExecutionMode } from '../benchmarks/benchmark.type';
import type { DatePrecision } from '../shared/partial-date';
import type { ClaimComparison, ClaimKind, ClaimMetric } from './claim.type';

export interface ClaimSideRow {
  mode: ExecutionMode | null;
  hypervisorId: number | null;
  releaseId: number | null;
  driverPackageId: number | null;
  paging: 'shadow' | 'nested' | null;
}

export interface ClaimRow {
  id: number;
  slug: string;
  statement: string;
  kind: ClaimKind;
  madeOn: string | null;
  madeOnPrecision: DatePrecision;
  personId: number | null;
  vendorId: number | null;
  sessionId: number | null;
  madeInSourceId: number | null;
  topicId: number | null;
  assertion: string | null;
  metric: ClaimMetric | null;
  comparison: ClaimComparison | null;
  threshold: number | null;
  guestId: number | null;
  guestIds: number[];
  expectedLicenseOpen: boolean | null;
  candidate: ClaimSideRow | null;
  baseline: ClaimSideRow | null;
  workloadIds: number[];
  driverPackageIds: number[];
}

const SIDE = (role: string) => `(SELECT json_build_object('mode', cs.mode, 'hypervisorId', cs.hypervisor_id,
    'releaseId', cs.hypervisor_release_id, 'driverPackageId', cs.driver_package_id, 'paging', cs.paging)
    FROM claim_side cs WHERE cs.claim_id = c.id AND cs.role = '${role}')`;

/** Claims with their sides, workloads, driver packages and guest descendants, in one statement. */
const CLAIMS = `
  SELECT c.id, c.slug, c.statement, c.kind, to_char(c.made_on, 'YYYY-MM-DD') AS "madeOn",
         c.made_on_precision AS "madeOnPrecision", c.person_id AS "personId", c.vendor_id AS "vendorId",
         c.session_id AS "sessionId", c.made_in_source_id AS "madeInSourceId", c.topic_id AS "topicId",
         c.assertion, c.metric, c.comparison, c.threshold, c.guest_os_id AS "guestId",
         c.expected_license_open AS "expectedLicenseOpen",
         ${SIDE('candidate')} AS candidate, ${SIDE('baseline')} AS baseline,
         coalesce((SELECT array_agg(w.workload_id::int ORDER BY w.workload_id) FROM claim_workload w
                    WHERE w.claim_id = c.id), '{}') AS "workloadIds",
         coalesce((SELECT array_agg(p.driver_package_id ORDER BY p.driver_package_id) FROM claim_driver_package p
                    WHERE p.claim_id = c.id), '{}') AS "driverPackageIds",
         coalesce((WITH RECURSIVE g(id) AS (
                     SELECT c.guest_os_id WHERE c.guest_os_id IS NOT NULL
                     UNION ALL SELECT o.id FROM operating_system o JOIN g ON o.parent_id = g.id)
                   SELECT array_agg(id) FROM g), '{}') AS "guestIds"
    FROM claim c`;

const ORDER = 'ORDER BY c.made_on NULLS LAST, c.slug';

/** Which column ties a claim to its maker: the only identifiers `claimsBy` may use. */
export const CLAIM_OWNERS = { person: 'person_id', vendor: 'vendor_id', session: 'session_id' } as const;
export type ClaimOwner = keyof typeof CLAIM_OWNERS;

export function claimsBy(db: DataSource, owner: ClaimOwner, ids: readonly number[]): Promise<ClaimRow[]> {
  return db.query<ClaimRow[]>(`${CLAIMS} WHERE c.${CLAIM_OWNERS[owner]} = ANY($1::int[]) ${ORDER}`, [ids]);
}

export function claimsByIds(db: DataSource, ids: readonly number[]): Promise<ClaimRow[]> {
  return db.query<ClaimRow[]>(`${CLAIMS} WHERE c.id = ANY($1::int[]) ${ORDER}`, [ids]);
}

export function claimBySlug(db: DataSource, slug: string): Promise<ClaimRow[]> {
  return db.query<ClaimRow[]>(`${CLAIMS} WHERE c.slug = $1`, [slug]);
}

export interface ClaimListFilter {
  kinds: readonly ClaimKind[];
  vendorIds: readonly number[];
  topicIds: readonly number[];
  from: string | null;
  to: string | null;
}

/** Every claim that passes the filter (a null or empty part is no filter), oldest first. */
export function claimsWhere(db: DataSource, f: ClaimListFilter): Promise<ClaimRow[]> {
  return db.query<ClaimRow[]>(
    `${CLAIMS}
      WHERE (cardinality($1::text[]) = 0 OR c.kind::text = ANY($1::text[]))
        AND (cardinality($2::int[]) = 0 OR c.vendor_id = ANY($2::int[]))
        AND (cardinality($3::int[]) = 0 OR c.topic_id = ANY($3::int[]))
        AND ($4::date IS NULL OR c.made_on >= $4::date)
        AND ($5::date IS NULL OR c.made_on <= $5::date)
      ${ORDER}`,
    [f.kinds, f.vendorIds, f.topicIds, f.from, f.to],
  );
}

/** Ids of slugs in the vendor or topic table (unknown slugs are missing). */
export async function idsOfSlugs(
  db: DataSource,
  table: 'vendor' | 'topic',
  slugs: readonly string[],
): Promise<Map<string, number>> {
  // `table` comes from the fixed union above, never from input.
  const rows = await db.query<{ id: number; slug: string }[]>(
    `SELECT id, slug FROM ${table} WHERE slug = ANY($1::text[])`,
    [slugs],
  );
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export interface LicenseTermRow {
  driverPackageId: number;
  packageName: string;
  validFrom: string | null;
  validFromPrecision: DatePrecision;
  validTo: string | null;
  licenseName: string;
  licenseKind: string;
  obtainability: string;
}

/** The dated licence terms of driver packages, oldest first, in one statement. */
export function licenseTerms(db: DataSource, packageIds: readonly number[]): Promise<LicenseTermRow[]> {
  return db.query<LicenseTermRow[]>(
    `SELECT t.driver_package_id AS "driverPackageId", p.name AS "packageName",
            to_char(t.valid_from, 'YYYY-MM-DD') AS "validFrom", t.valid_from_precision AS "validFromPrecision",
            to_char(t.valid_to, 'YYYY-MM-DD') AS "validTo", l.name AS "licenseName", l.kind::text AS "licenseKind",
            t.obtainability::text AS obtainability
       FROM driver_package_term t JOIN driver_package p ON p.id = t.driver_package_id
       JOIN license l ON l.id = t.license_id
      WHERE t.driver_package_id = ANY($1::int[])
      ORDER BY t.valid_from NULLS LAST, t.id`,
    [packageIds],
  );
}
