import type { DataSource } from 'typeorm';
import { TERM_VALID_AT } from '../drivers/driver-package.queries';
import type { Obtainability } from '../drivers/driver-package.entity';
import { FIRST_KNOWN_RELEASE_ON } from '../hypervisors/hypervisor.queries';
import type { DatePrecision } from '../shared/partial-date';
import { OPEN_LICENSE_KINDS } from './license.entity';

/** The kinds of component a licensing report counts. */
export const LICENSED_COMPONENT_KINDS = ['hypervisor', 'driver_package', 'host_os'] as const;
export type LicensedComponentKind = (typeof LICENSED_COMPONENT_KINDS)[number];

/** What a licensing report groups its components by. */
export const LICENSING_GROUP_BYS = ['license_kind', 'vendor', 'component_kind'] as const;
export type LicensingGroupBy = (typeof LICENSING_GROUP_BYS)[number];

/** The group key of components whose license (or vendor) is not recorded; upper case, so no slug can equal it. */
export const UNRECORDED_KEY = 'UNRECORDED';

/** One period of a component's license history. */
export interface LicensePeriodRow {
  validFrom: string | null;
  validFromPrecision: DatePrecision;
  validTo: string | null;
  validToPrecision: DatePrecision;
  licenseId: number;
  obtainability: Obtainability | null;
  priceUsd: number | null;
}

export interface LicensedComponentRow {
  kind: LicensedComponentKind;
  /** Row id in the component's own table. */
  id: number;
  slug: string;
  name: string;
  vendorId: number | null;
  licenseId: number | null;
  obtainability: Obtainability | null;
  priceUsd: number | null;
  since: string | null;
  sincePrecision: DatePrecision | null;
  history: LicensePeriodRow[];
}

export interface ObtainabilityCountRow {
  obtainability: Obtainability;
  count: number;
}

export interface LicensingCountsRow {
  components: number;
  open: number;
  closed: number;
  unknown: number;
  openShare: number | null;
  obtainability: ObtainabilityCountRow[];
}

export interface LicensingGroupRow extends LicensingCountsRow {
  key: string;
  /** The vendor's name when grouping by vendor; null otherwise (the service labels fixed keys). */
  label: string | null;
  items: LicensedComponentRow[];
}

export interface LicensingReportRow {
  totals: LicensingCountsRow;
  groups: LicensingGroupRow[];
}

const PERIOD = (t: string): string => `json_build_object(
  'validFrom', ${t}.valid_from, 'validFromPrecision', ${t}.valid_from_precision,
  'validTo', ${t}.valid_to, 'validToPrecision', ${t}.valid_to_precision,
  'licenseId', ${t}.license_id, 'obtainability', ${t}.obtainability, 'priceUsd', ${t}.price_usd::float8)`;

/** Counts over the rows of `classified k` in scope (all of them, or one group). */
const COUNTS = `count(*)::int AS components,
  count(*) FILTER (WHERE k.openness = 'open')::int AS open,
  count(*) FILTER (WHERE k.openness = 'closed')::int AS closed,
  count(*) FILTER (WHERE k.openness = 'unknown')::int AS unknown,
  (count(*) FILTER (WHERE k.openness = 'open'))::float8
    / nullif(count(*) FILTER (WHERE k.openness <> 'unknown'), 0) AS "openShare"`;

/** Driver packages per obtainability among the rows of `classified` matching `condition`, in enum order. */
const OBTAINABILITY = (condition: string): string => `(
  SELECT coalesce(json_agg(json_build_object('obtainability', o.obtainability, 'count', o.n) ORDER BY o.obtainability), '[]')
    FROM (SELECT c.obtainability, count(*)::int AS n FROM classified c
           WHERE c.obtainability IS NOT NULL AND ${condition} GROUP BY c.obtainability) o)`;

/** $1 asOf, $2 group by, $3 the open license kinds. */
const LICENSING_REPORT = `
  WITH term AS (
    SELECT t.id, t.driver_package_id, t.license_id, t.obtainability, t.price_usd, t.valid_from,
           t.valid_from_precision, t.valid_to, t.valid_to_precision,
           ${TERM_VALID_AT('$1::date')} AS valid_at,
           coalesce(lag(t.license_id) OVER w = t.license_id AND lag(t.valid_to) OVER w = t.valid_from, false)
             AS continues
      FROM driver_package_term t
    WINDOW w AS (PARTITION BY t.driver_package_id ORDER BY t.id)
  ), term_run AS (
    SELECT term.*, count(*) FILTER (WHERE NOT continues) OVER (PARTITION BY driver_package_id ORDER BY id) AS run
      FROM term
  ), current_term AS (
    SELECT DISTINCT ON (r.driver_package_id) r.*
      FROM (SELECT term_run.*, first_value(valid_from) OVER runs AS since,
                   first_value(valid_from_precision) OVER runs AS since_precision
              FROM term_run WINDOW runs AS (PARTITION BY driver_package_id, run ORDER BY id)) r
     WHERE r.valid_at
     ORDER BY r.driver_package_id, r.id DESC
  ), component AS (
    SELECT 'hypervisor'::text AS kind, h.id, h.slug, h.name, h.vendor_id, h.license_id,
           NULL::obtainability AS obtainability, NULL::float8 AS price_usd, h.first_released_on AS since,
           CASE WHEN h.first_released_on IS NOT NULL THEN 'day'::date_precision END AS since_precision,
           json_build_array(json_build_object(
             'validFrom', h.first_released_on, 'validFromPrecision', 'day', 'validTo', NULL, 'validToPrecision', 'day',
             'licenseId', h.license_id, 'obtainability', NULL, 'priceUsd', NULL)) AS history
      FROM hypervisor h
     WHERE ${FIRST_KNOWN_RELEASE_ON('h')} IS NULL OR ${FIRST_KNOWN_RELEASE_ON('h')} <= $1::date
    UNION ALL
    SELECT 'driver_package', p.id, p.slug, p.name, p.vendor_id, c.license_id, c.obtainability,
           c.price_usd::float8, c.since, c.since_precision,
           (SELECT json_agg(${PERIOD('a')} ORDER BY a.id) FROM driver_package_term a WHERE a.driver_package_id = p.id)
      FROM driver_package p JOIN current_term c ON c.driver_package_id = p.id
    UNION ALL
    SELECT 'host_os', o.id, o.slug, o.name, o.vendor_id, NULL, NULL, NULL, NULL, NULL, '[]'::json
      FROM operating_system o
     WHERE o.can_host AND (o.released_on IS NULL OR o.released_on <= $1::date)
  ), classified AS (
    SELECT c.*,
           CASE WHEN l.id IS NULL THEN 'unknown' WHEN l.kind::text = ANY($3::text[]) THEN 'open' ELSE 'closed' END
             AS openness,
           CASE $2::text WHEN 'license_kind' THEN coalesce(upper(l.kind::text), '${UNRECORDED_KEY}')
                         WHEN 'vendor' THEN coalesce(v.slug, '${UNRECORDED_KEY}')
                         ELSE upper(c.kind) END AS key,
           CASE WHEN $2::text = 'vendor' THEN v.name END AS label
      FROM component c
      LEFT JOIN license l ON l.id = c.license_id
      LEFT JOIN vendor v ON v.id = c.vendor_id
  )
  SELECT (SELECT row_to_json(x) FROM (SELECT ${COUNTS}, ${OBTAINABILITY('true')} AS obtainability
                                        FROM classified k) x) AS totals,
         (SELECT coalesce(json_agg(g ORDER BY g.key = '${UNRECORDED_KEY}', g.key COLLATE "C"), '[]')
            FROM (SELECT k.key, max(k.label) AS label, ${COUNTS}, ${OBTAINABILITY('c.key = k.key')} AS obtainability,
                         json_agg(json_build_object(
                           'kind', k.kind, 'id', k.id, 'slug', k.slug, 'name', k.name, 'vendorId', k.vendor_id,
                           'licenseId', k.license_id, 'obtainability', k.obtainability, 'priceUsd', k.price_usd,
                           'since', k.since, 'sincePrecision', k.since_precision, 'history', k.history)
                           ORDER BY lower(k.name), k.kind, k.slug) AS items
                    FROM classified k GROUP BY k.key) g) AS groups`;

/**
 * The licensing report as of a date, in one statement, whatever the number of groups and components. Groups
 * come by key (the UNRECORDED group last), components by name.
 *
 * - Hypervisors exist from their first known release (`FIRST_KNOWN_RELEASE_ON`: `first_released_on` or an
 *   earlier dated release; with no date recorded at all, counted as existing), as interopMatrix decides
 *   NOT_RELEASED: Hyper-V and Oracle VM are not in the 2007-08-07 report. Their license is the `license`
 *   column, which carries no dates: `since` and the single history period start at `first_released_on`
 *   (null where not recorded), never at a release that may not have been the first.
 * - Driver packages exist while one of their terms holds (`TERM_VALID_AT`; of overlapping terms, the latest).
 *   `since` is the start of the run of back-to-back terms (one's end is the next one's start) with the current
 *   license, so Hyper-V's Linux drivers are proprietary since the March 2008 beta as of July 2008, but only
 *   since September 2008 as of October (August 2008 had no term). Their history is every term, oldest first.
 * - Host OSes (`can_host`) exist from `released_on` (null counted as existing); no license is recorded for
 *   them, so they count as unknown and have no history.
 *
 * Open share is open ÷ (open + closed): unknown licenses are left out; null when nothing is known.
 */
export async function licensingReport(
  db: DataSource,
  params: { asOf: string; groupBy: LicensingGroupBy },
): Promise<LicensingReportRow> {
  const [row] = await db.query<LicensingReportRow[]>(LICENSING_REPORT, [
    params.asOf,
    params.groupBy,
    [...OPEN_LICENSE_KINDS],
  ]);
  return row;
}
