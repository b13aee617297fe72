import type { DataSource } from 'typeorm';
import type { RelationSpec } from '../lookahead/knowledge-tree';
import { TERM_VALID_AT } from '../drivers/driver-package.queries';
import { FIRST_KNOWN_RELEASE_ON } from '../hypervisors/hypervisor.queries';
import type { DatePrecision } from '../shared/partial-date';
import type { Obtainability } from '../drivers/driver-package.entity';
import type { SupportStatus, VirtualizationMode } from './support-statement.entity';
import {
  STATEMENT_COLUMNS,
  STATEMENT_END,
  STATEMENT_END_PRECISION,
  STATEMENT_START,
  STATEMENT_START_PRECISION,
  STATEMENT_UNDATED,
  STATEMENT_VALID_AT,
  type SupportStatementRow,
} from './support-statement.queries';

/** The period a statement is counted in, under the row's property names (needs `s` and `r`). */
const STATEMENT_PERIOD = `${STATEMENT_START} AS "effectiveFrom", ${STATEMENT_START_PRECISION} AS "effectiveFromPrecision",
  ${STATEMENT_END} AS "effectiveTo", ${STATEMENT_END_PRECISION} AS "effectiveToPrecision"`;

/** The period a statement is counted in: its start (else its release's), its end (or its hypervisor's). */
export interface StatementPeriodRow {
  effectiveFrom: string | null;
  effectiveFromPrecision: DatePrecision | null;
  effectiveTo: string | null;
  effectiveToPrecision: DatePrecision;
}

/**
 * How operating systems generalize: each slug with itself (depth 0) and its parents (depth 1, 2…). A statement
 * about a parent ("Windows") covers the child ("Windows Server 2003") as a family match.
 */
const OS_LINEAGE = (name: string, slugsParam: string) => `
  ${name}(root, id, depth) AS (
    SELECT o.slug, o.id, 0 FROM operating_system o WHERE o.slug = ANY(${slugsParam}::text[])
    UNION ALL
    SELECT l.root, o.parent_id, l.depth + 1 FROM ${name} l JOIN operating_system o ON o.id = l.id
     WHERE o.parent_id IS NOT NULL AND l.depth < 10
  )`;

/** Better modes first: the order in which a guest's I/O gets closer to native. */
const MODE_RANK = `CASE s.mode WHEN 'paravirtualized' THEN 1 WHEN 'hardware_assisted_pv_drivers' THEN 2
  WHEN 'os_level' THEN 3 WHEN 'binary_translation' THEN 4 WHEN 'hardware_assisted_emulated' THEN 5 ELSE 6 END`;
const STATUS_RANK = `CASE s.status WHEN 'supported' THEN 1 WHEN 'experimental' THEN 2 WHEN 'community' THEN 3
  WHEN 'unknown' THEN 4 ELSE 5 END`;

export interface CompatibilityRow extends SupportStatementRow, StatementPeriodRow {
  guestDepth: number;
  hostDepth: number | null;
}

export interface CompatibilityFilter {
  guest?: string | null;
  host?: string | null;
  hypervisor?: string | null;
  mode?: VirtualizationMode | null;
  asOf: string;
}

/**
 * Support statements that answer "can this guest run on this host/hypervisor in this mode on this date", exact
 * matches before family matches, best mode first. One statement.
 */
export function compatibility(db: DataSource, f: CompatibilityFilter): Promise<CompatibilityRow[]> {
  return db.query<CompatibilityRow[]>(
    `WITH RECURSIVE ${OS_LINEAGE('guests', '$1')}, ${OS_LINEAGE('hosts', '$2')}
     SELECT ${STATEMENT_COLUMNS}, ${STATEMENT_PERIOD}, min(gl.depth)::int AS "guestDepth",
            min(hl.depth)::int AS "hostDepth"
       FROM support_statement s
       JOIN hypervisor_release r ON r.id = s.hypervisor_release_id
       JOIN hypervisor h ON h.id = r.hypervisor_id
       JOIN operating_system g ON g.id = s.guest_os_id
       LEFT JOIN guests gl ON gl.id = s.guest_os_id
       LEFT JOIN hosts hl ON hl.id = s.host_os_id
      WHERE ($1::text IS NULL OR gl.id IS NOT NULL)
        AND ($2::text IS NULL OR hl.id IS NOT NULL)
        AND ($3::text IS NULL OR h.slug = $3)
        AND ($4::text IS NULL OR s.mode::text = $4)
        AND ${STATEMENT_VALID_AT('$5::date')}
      GROUP BY s.id, r.id, g.id
      ORDER BY min(gl.depth) NULLS FIRST, min(hl.depth) NULLS FIRST, ${MODE_RANK}, ${STATUS_RANK},
               r.released_on DESC NULLS LAST, lower(g.name), s.id`,
    [f.guest ? [f.guest] : null, f.host ? [f.host] : null, f.hypervisor ?? null, f.mode ?? null, f.asOf],
  );
}

export interface MatrixCellRow {
  guest: string;
  hypervisor: string;
  /** The hypervisor existed on asOf: a release on or before it, not yet discontinued. */
  released: boolean;
  /** Why not, when it did not: no dated release at all, none yet, or discontinued. */
  hypervisorState: 'released' | 'undated' | 'not_released' | 'discontinued';
  discontinuedOn: string | null;
  /** The best statement's counted period (null without a statement). */
  validFrom: string | null;
  validFromPrecision: DatePrecision | null;
  validTo: string | null;
  validToPrecision: DatePrecision | null;
  firstReleasedOn: string | null;
  statementId: number | null;
  mode: VirtualizationMode | null;
  status: SupportStatus | null;
  guestDepth: number | null;
  driverPackageId: number | null;
  driverObtainability: Obtainability | null;
  statements: number;
}

/**
 * guests × hypervisors on a date: for each cell the best statement (best mode, then status, exact before family,
 * newest release), how many statements apply, whether the hypervisor existed yet, and who could obtain the
 * needed driver package then. One statement for the whole matrix.
 */
export function interopMatrix(
  db: DataSource,
  guests: string[],
  hypervisors: string[],
  asOf: string,
  relatedColumns = '',
): Promise<MatrixCellRow[]> {
  const { sql, params } = interopMatrixSql(guests, hypervisors, asOf, relatedColumns);
  return db.query<MatrixCellRow[]>(sql, params);
}

/** The matrix statement of {@link interopMatrix} (the benchmark's raw path runs it through `pg` too). */
export function interopMatrixSql(
  guests: string[],
  hypervisors: string[],
  asOf: string,
  relatedColumns = '',
): { sql: string; params: unknown[] } {
  return {
    sql: `WITH RECURSIVE ${OS_LINEAGE('lineage', '$1')},
     hv AS (
       SELECT k.*, CASE WHEN k.first_released_on IS NULL THEN 'undated'
                        WHEN k.first_released_on > $3::date THEN 'not_released'
                        WHEN k.discontinued_on <= $3::date THEN 'discontinued'
                        ELSE 'released' END AS state
         FROM (SELECT h.id, h.slug, ${FIRST_KNOWN_RELEASE_ON('h')} AS first_released_on, h.discontinued_on
                 FROM hypervisor h WHERE h.slug = ANY($2::text[])) k
     ),
     candidates AS (
       SELECT l.root AS guest, hv.slug AS hypervisor, s.id, s.mode, s.status, s.driver_package_id, l.depth,
              ${STATEMENT_START} AS valid_from, ${STATEMENT_START_PRECISION} AS valid_from_precision,
              ${STATEMENT_END} AS valid_to, ${STATEMENT_END_PRECISION} AS valid_to_precision,
              row_number() OVER (PARTITION BY l.root, hv.slug
                                 ORDER BY ${MODE_RANK}, ${STATUS_RANK}, l.depth, r.released_on DESC NULLS LAST, s.id) AS pick,
              count(*) OVER (PARTITION BY l.root, hv.slug) AS statements
         FROM lineage l
         JOIN support_statement s ON s.guest_os_id = l.id
         JOIN hypervisor_release r ON r.id = s.hypervisor_release_id
         JOIN hv ON hv.id = r.hypervisor_id
        WHERE ${STATEMENT_VALID_AT('$3::date')} AND hv.state = 'released'
     )
     SELECT gs.slug AS guest, hv.slug AS hypervisor, hv.state = 'released' AS released,
            hv.state AS "hypervisorState", hv.discontinued_on AS "discontinuedOn",
            hv.first_released_on AS "firstReleasedOn",
            c.valid_from AS "validFrom", c.valid_from_precision AS "validFromPrecision", c.valid_to AS "validTo",
            CASE WHEN c.id IS NOT NULL THEN c.valid_to_precision END AS "validToPrecision",
            c.id AS "statementId", c.mode, c.status, c.depth AS "guestDepth", c.driver_package_id AS "driverPackageId",
            (SELECT t.obtainability FROM driver_package_term t
              WHERE t.driver_package_id = c.driver_package_id AND ${TERM_VALID_AT('$3::date')}
              ORDER BY t.id DESC LIMIT 1) AS "driverObtainability",
            coalesce(c.statements, 0)::int AS statements${relatedColumns}
       FROM unnest($1::text[]) WITH ORDINALITY AS gs(slug, gord)
      CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS hs(slug, hord)
       JOIN hv ON hv.slug = hs.slug
       LEFT JOIN candidates c ON c.guest = gs.slug AND c.hypervisor = hv.slug AND c.pick = 1
      ORDER BY gs.gord, hs.hord`,
    params: [guests, hypervisors, asOf],
  };
}

/** Who supplies a path's PV drivers: the driver package's vendor, else the hypervisor's. */
const PATH_VENDOR_ID = `coalesce((SELECT p.vendor_id FROM driver_package p WHERE p.id = s.driver_package_id),
                                 (SELECT h.vendor_id FROM hypervisor h WHERE h.id = r.hypervisor_id))`;

/** Objects a matrix cell points to, for look-ahead (see lookahead/compile.ts: relatedObjectColumns). */
export const CELL_RELATED: Readonly<Record<string, RelationSpec>> = {
  statement: { type: 'SupportStatement', list: false, from: 'support_statement {t} WHERE {t}.id = c.id' },
  driverPackage: {
    type: 'DriverPackage',
    list: false,
    from: 'driver_package {t} WHERE {t}.id = c.driver_package_id',
  },
  requiredFeatures: {
    type: 'HardwareFeature',
    list: true,
    from: `hardware_feature {t} WHERE {t}.id IN (SELECT j.hardware_feature_id FROM support_statement_feature j
                                                 WHERE j.support_statement_id = c.id)`,
    orderBy: 'lower({t}.name), {t}.id',
  },
};

/** Objects a paravirtual path points to, for look-ahead. */
export const PATH_RELATED: Readonly<Record<string, RelationSpec>> = {
  statement: { type: 'SupportStatement', list: false, from: 'support_statement {t} WHERE {t}.id = s.id' },
  hypervisor: { type: 'Hypervisor', list: false, from: 'hypervisor {t} WHERE {t}.id = r.hypervisor_id' },
  hypervisorRelease: {
    type: 'HypervisorRelease',
    list: false,
    from: 'hypervisor_release {t} WHERE {t}.id = r.id',
  },
  driverPackage: {
    type: 'DriverPackage',
    list: false,
    from: 'driver_package {t} WHERE {t}.id = s.driver_package_id',
  },
  vendor: { type: 'Vendor', list: false, from: `vendor {t} WHERE {t}.id = ${PATH_VENDOR_ID}` },
  license: { type: 'License', list: false, from: 'license {t} WHERE {t}.id = t.license_id' },
};

export interface ParavirtPathRow extends SupportStatementRow, StatementPeriodRow {
  hypervisorId: number;
  /** Who supplies the PV drivers: the driver package's vendor, else the hypervisor's. */
  vendorId: number;
  guestDepth: number;
  hostDepth: number | null;
  termId: number | null;
  licenseId: number | null;
  obtainability: Obtainability | null;
  priceUsd: number | null;
  priceNote: string | null;
  termValidFrom: string | null;
  termValidFromPrecision: 'day' | 'month' | 'year';
  termValidTo: string | null;
  termValidToPrecision: 'day' | 'month' | 'year' | null;
  /** The statement's own start, else its release's date. */
  statementStart: string | null;
  statementStartPrecision: 'day' | 'month' | 'year';
}

/**
 * Every way to give a guest paravirtualized I/O (a PV kernel, or PV drivers on hardware assist) on a host on a
 * date, with the driver package's terms valid then. One statement.
 */
export function paravirtPaths(
  db: DataSource,
  guest: string,
  host: string | null,
  asOf: string,
  relatedColumns = '',
): Promise<ParavirtPathRow[]> {
  const { sql, params } = paravirtPathsSql(guest, host, asOf, relatedColumns);
  return db.query<ParavirtPathRow[]>(sql, params);
}

/** The statement of {@link paravirtPaths} (the benchmark's raw path runs it through `pg` too). */
export function paravirtPathsSql(
  guest: string,
  host: string | null,
  asOf: string,
  relatedColumns = '',
): { sql: string; params: unknown[] } {
  return {
    sql: `WITH RECURSIVE ${OS_LINEAGE('guests', '$1')}, ${OS_LINEAGE('hosts', '$2')}
     SELECT ${STATEMENT_COLUMNS}, gl.depth AS "guestDepth", hl.depth AS "hostDepth",
            r.hypervisor_id AS "hypervisorId", ${PATH_VENDOR_ID} AS "vendorId",
            ${STATEMENT_START} AS "statementStart", ${STATEMENT_START_PRECISION} AS "statementStartPrecision",
            ${STATEMENT_PERIOD}, t.valid_to AS "termValidTo", t.valid_to_precision AS "termValidToPrecision",
            t.id AS "termId", t.license_id AS "licenseId", t.obtainability, t.price_usd::float8 AS "priceUsd",
            t.price_note AS "priceNote", tr.valid_from AS "termValidFrom", tr.valid_from_precision AS "termValidFromPrecision"
            ${relatedColumns}
       FROM support_statement s
       JOIN hypervisor_release r ON r.id = s.hypervisor_release_id
       JOIN operating_system g ON g.id = s.guest_os_id
       JOIN guests gl ON gl.id = s.guest_os_id
       LEFT JOIN hosts hl ON hl.id = s.host_os_id
       LEFT JOIN LATERAL (SELECT * FROM driver_package_term t
                           WHERE t.driver_package_id = s.driver_package_id AND ${TERM_VALID_AT('$3::date')}
                           ORDER BY t.id DESC LIMIT 1) t ON true
       -- Where the current terms' run began: back through terms that end the day this one starts, under the same
       -- license and availability (a new version, e.g. Hyper-V's IC 2.0, does not restart a path that already held).
       LEFT JOIN LATERAL (
         WITH RECURSIVE run(id, valid_from, valid_from_precision) AS (
           SELECT t.id, t.valid_from, t.valid_from_precision
           UNION ALL
           SELECT p.id, p.valid_from, p.valid_from_precision
             FROM run JOIN driver_package_term p
               ON p.driver_package_id = t.driver_package_id AND p.valid_to = run.valid_from
              AND p.license_id = t.license_id AND p.obtainability = t.obtainability AND p.id < run.id
         )
         SELECT run.valid_from, run.valid_from_precision FROM run ORDER BY run.valid_from LIMIT 1) tr
         ON t.id IS NOT NULL
      WHERE s.mode IN ('paravirtualized', 'hardware_assisted_pv_drivers')
        AND ($2::text IS NULL OR hl.id IS NOT NULL)
        AND ${STATEMENT_VALID_AT('$3::date')}
      ORDER BY gl.depth, hl.depth NULLS FIRST, ${MODE_RANK}, ${STATUS_RANK}, r.released_on DESC NULLS LAST, s.id`,
    params: [[guest], host ? [host] : null, asOf],
  };
}

/**
 * Statements that no source dates (neither they nor their release have a start): what dated answers leave out,
 * for the guests given (with their families) and hypervisors given (null: any), by hypervisor, guest and slug.
 */
export function undatedStatements(
  db: DataSource,
  guests: readonly string[] | null,
  hypervisors: readonly string[] | null,
): Promise<SupportStatementRow[]> {
  return db.query<SupportStatementRow[]>(
    `WITH RECURSIVE ${OS_LINEAGE('lineage', '$1')}
     SELECT ${STATEMENT_COLUMNS}
       FROM support_statement s
       JOIN hypervisor_release r ON r.id = s.hypervisor_release_id
       JOIN hypervisor h ON h.id = r.hypervisor_id
       JOIN operating_system g ON g.id = s.guest_os_id
      WHERE ${STATEMENT_UNDATED}
        AND ($1::text[] IS NULL OR s.guest_os_id IN (SELECT l.id FROM lineage l))
        AND ($2::text[] IS NULL OR h.slug = ANY($2::text[]))
      ORDER BY lower(h.name), lower(g.name), s.slug`,
    [guests, hypervisors],
  );
}

/** A list of slugs an argument names, and the table they must be found in. */
export interface SlugCheck {
  table: 'operating_system' | 'hypervisor';
  slugs: readonly string[];
}

/**
 * For each check, the slugs its table does not hold (for NOT_FOUND errors naming the argument): every check in
 * one statement.
 */
export async function unknownSlugs(db: DataSource, checks: readonly SlugCheck[]): Promise<string[][]> {
  // `table` is one of two constants.
  const rows = await db.query<{ i: number; slug: string }[]>(
    checks
      .map(
        (c, i) =>
          `SELECT ${i} AS i, s.slug FROM unnest($${i + 1}::text[]) AS s(slug)
            WHERE NOT EXISTS (SELECT 1 FROM ${c.table} t WHERE t.slug = s.slug)`,
      )
      .join(' UNION ALL '),
    checks.map((c) => c.slugs),
  );
  return checks.map((_, i) => rows.filter((r) => r.i === i).map((r) => r.slug));
}
