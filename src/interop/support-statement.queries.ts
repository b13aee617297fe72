import type { DataSource } from 'typeorm';
import type { PageRequest } from '../shared/pagination';
import { datedValidAt } from '../shared/validity';
import type { SupportStatus, VirtualizationMode } from './support-statement.entity';

export interface SupportStatementRow {
  id: number;
  slug: string;
  hypervisorReleaseId: number;
  hostOsId: number | null;
  guestOsId: number;
  driverPackageId: number | null;
  mode: VirtualizationMode;
  status: SupportStatus;
  validFrom: string | null;
  validFromPrecision: 'day' | 'month' | 'year';
  validTo: string | null;
  validToPrecision: 'day' | 'month' | 'year';
  notes: string;
}

/** The columns of `support_statement s` under the row's property names. */
export const STATEMENT_COLUMNS = `s.id, s.slug, s.hypervisor_release_id AS "hypervisorReleaseId", s.host_os_id AS "hostOsId",
  s.guest_os_id AS "guestOsId", s.driver_package_id AS "driverPackageId", s.mode, s.status,
  s.valid_from AS "validFrom", s.valid_from_precision AS "validFromPrecision", s.valid_to AS "validTo",
  s.valid_to_precision AS "validToPrecision", s.notes`;

/** Where statement s (of release r) starts: its own start, else its release's date; null: undated. */
export const STATEMENT_START = 'coalesce(s.valid_from, r.released_on)';
/** Its precision. */
export const STATEMENT_START_PRECISION =
  'CASE WHEN s.valid_from IS NULL THEN r.released_on_precision ELSE s.valid_from_precision END';
/** Where it ends: its own end, or the day its hypervisor was discontinued, whichever comes first. */
export const STATEMENT_END = `least(s.valid_to, (SELECT dh.discontinued_on FROM hypervisor dh WHERE dh.id = r.hypervisor_id))`;
/** Its precision. */
export const STATEMENT_END_PRECISION = `CASE WHEN s.valid_to IS NOT NULL AND s.valid_to <= coalesce(
    (SELECT dh.discontinued_on FROM hypervisor dh WHERE dh.id = r.hypervisor_id), 'infinity'::date)
  THEN s.valid_to_precision
  ELSE coalesce((SELECT dh.discontinued_on_precision FROM hypervisor dh WHERE dh.id = r.hypervisor_id), 'day') END`;

/**
 * "Statement s (of release r) holds at $n": from its start (its own, else its release's date) until its end or
 * its hypervisor's discontinuation. A statement with neither start is undated and holds at no date: dated
 * answers leave it out and `undatedStatements` lists it.
 */
export const STATEMENT_VALID_AT = (param: string): string =>
  datedValidAt(STATEMENT_START, STATEMENT_END, param);

/** "Statement s is undated": neither it nor its release has a start date. */
export const STATEMENT_UNDATED = `${STATEMENT_START} IS NULL`;

/** Stable order: hypervisor release date, guest name, mode. */
const ORDER = `r.released_on NULLS LAST, r.id, lower(g.name), s.mode, s.id`;

export interface SupportStatementFilter {
  hypervisor?: string | null;
  release?: string | null;
  guest?: string | null;
  host?: string | null;
  mode?: VirtualizationMode | null;
  status?: SupportStatus | null;
  asOf?: string | null;
}

/** Support statements matching a filter, one page and the total, in one statement. */
export async function listSupportStatements(
  db: DataSource,
  f: SupportStatementFilter,
  page: PageRequest,
): Promise<{ rows: SupportStatementRow[]; totalCount: number }> {
  const [result] = await db.query<{ total: number; rows: SupportStatementRow[] }[]>(
    `WITH matching AS (
       SELECT ${STATEMENT_COLUMNS}, row_number() OVER (ORDER BY ${ORDER}) AS ord
         FROM support_statement s
         JOIN hypervisor_release r ON r.id = s.hypervisor_release_id
         JOIN hypervisor h ON h.id = r.hypervisor_id
         JOIN operating_system g ON g.id = s.guest_os_id
         LEFT JOIN operating_system ho ON ho.id = s.host_os_id
        WHERE ($1::text IS NULL OR h.slug = $1)
          AND ($2::text IS NULL OR r.slug = $2)
          AND ($3::text IS NULL OR g.slug = $3)
          AND ($4::text IS NULL OR ho.slug = $4)
          AND ($5::text IS NULL OR s.mode::text = $5)
          AND ($6::text IS NULL OR s.status::text = $6)
          AND ($7::date IS NULL OR ${STATEMENT_VALID_AT('$7::date')})
     )
     SELECT (SELECT count(*)::int FROM matching) AS total,
            (SELECT coalesce(json_agg(m ORDER BY m.ord), '[]')
               FROM (SELECT * FROM matching ORDER BY ord OFFSET $8 LIMIT $9) m) AS rows`,
    [
      f.hypervisor ?? null,
      f.release ?? null,
      f.guest ?? null,
      f.host ?? null,
      f.mode ?? null,
      f.status ?? null,
      f.asOf ?? null,
      page.offset,
      page.limit,
    ],
  );
  return { rows: result.rows, totalCount: result.total };
}

/** Statements whose `column` is one of `ids`, valid at `asOf` when given, in the stable order. */
export function supportStatementsWhere(
  db: DataSource,
  column: 'id' | 'slug' | 'hypervisor_release_id' | 'guest_os_id' | 'host_os_id' | 'driver_package_id',
  ids: readonly (number | string)[],
  asOf: string | null,
): Promise<SupportStatementRow[]> {
  // `column` comes from the fixed union above.
  return db.query<SupportStatementRow[]>(
    `SELECT ${STATEMENT_COLUMNS}
       FROM support_statement s
       JOIN hypervisor_release r ON r.id = s.hypervisor_release_id
       JOIN operating_system g ON g.id = s.guest_os_id
      WHERE s.${column} = ANY($1) AND ($2::date IS NULL OR ${STATEMENT_VALID_AT('$2::date')})
      ORDER BY ${ORDER}`,
    [ids, asOf],
  );
}

/** Statements that require each hardware feature, tagged with the feature id. */
export function supportStatementsRequiring(
  db: DataSource,
  featureIds: readonly number[],
  asOf: string | null,
): Promise<(SupportStatementRow & { ownerId: number })[]> {
  return db.query(
    `SELECT j.hardware_feature_id AS "ownerId", ${STATEMENT_COLUMNS}
       FROM support_statement_feature j
       JOIN support_statement s ON s.id = j.support_statement_id
       JOIN hypervisor_release r ON r.id = s.hypervisor_release_id
       JOIN operating_system g ON g.id = s.guest_os_id
      WHERE j.hardware_feature_id = ANY($1::int[]) AND ($2::date IS NULL OR ${STATEMENT_VALID_AT('$2::date')})
      ORDER BY ${ORDER}`,
    [featureIds, asOf],
  );
}
