import type { DataSource } from 'typeorm';
import { TERM_VALID_AT } from '../drivers/driver-package.queries';
import type { Obtainability } from '../drivers/driver-package.entity';
import {
  FIRST_KNOWN_RELEASE_ON,
  FIRST_KNOWN_RELEASE_PRECISION,
  HYPERVISOR_EXISTS_AT,
} from '../hypervisors/hypervisor.queries';
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
  /** The period the component is counted in (existence); validFrom null only for undated components. */
  validFrom: string | null;
  validFromPrecision: DatePrecision | null;
  validTo: string | null;
  validToPrecision: DatePrecision;
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
  /** Components no source dates: listed apart, never counted. */
  undated: LicensedComponentRow[];
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
    SELECT 'hypervisor'::text AS kind, h.id, h.slug, h.name, h.vendor_id, l.license_id,
           NULL::obtainability AS obtainability, NULL::float8 AS price_usd,
           CASE WHEN l.license_id IS NOT NULL THEN coalesce(h.license_available_from, h.first_released_on) END AS since,
           CASE WHEN l.license_id IS NULL THEN NULL
                WHEN h.license_available_from IS NOT NULL THEN h.license_available_from_precision
                WHEN h.first_released_on IS NOT NULL THEN h.first_released_on_precision END AS since_precision,
           json_build_array(json_build_object(
             'validFrom', coalesce(h.license_available_from, h.first_released_on),
             'validFromPrecision', CASE WHEN h.license_available_from IS NOT NULL THEN h.license_available_from_precision
                                        ELSE h.first_released_on_precision END,
             'validTo', h.discontinued_on, 'validToPrecision', h.discontinued_on_precision,
             'licenseId', h.license_id, 'obtainability', NULL, 'priceUsd', NULL)) AS history,
           ${FIRST_KNOWN_RELEASE_ON('h')} AS valid_from, ${FIRST_KNOWN_RELEASE_PRECISION('h')} AS valid_from_precision,
           h.discontinued_on AS valid_to, h.discontinued_on_precision AS valid_to_precision,
           CASE WHEN ${FIRST_KNOWN_RELEASE_ON('h')} IS NULL THEN 'undated'
                WHEN ${HYPERVISOR_EXISTS_AT('h', '$1::date')} THEN 'counted' END AS state
      FROM hypervisor h
      -- Before its current terms took effect (Virtual Server 2005 R2 before 3 Apr 2006) its license is not recorded.
      CROSS JOIN LATERAL (SELECT CASE WHEN h.license_available_from IS NULL OR h.license_available_from <= $1::date
                                      THEN h.license_id END AS license_id) l
    UNION ALL
    SELECT 'driver_package', p.id, p.slug, p.name, p.vendor_id, c.license_id, c.obtainability,
           c.price_usd::float8, c.since, c.since_precision,
           coalesce((SELECT json_agg(${PERIOD('a')} ORDER BY a.id) FROM driver_package_term a
                      WHERE a.driver_package_id = p.id), '[]'),
           c.valid_from, c.valid_from_precision, c.valid_to, c.valid_to_precision,
           CASE WHEN c.driver_package_id IS NOT NULL THEN 'counted'
                WHEN NOT EXISTS (SELECT 1 FROM driver_package_term d
                                  WHERE d.driver_package_id = p.id AND d.valid_from IS NOT NULL) THEN 'undated' END
      FROM driver_package p LEFT JOIN current_term c ON c.driver_package_id = p.id
    UNION ALL
    SELECT 'host_os', o.id, o.slug, o.name, o.vendor_id, NULL, NULL, NULL, NULL, NULL, '[]'::json,
           o.released_on, o.released_on_precision, NULL, 'day'::date_precision,
           CASE WHEN o.released_on IS NULL THEN 'undated' WHEN o.released_on <= $1::date THEN 'counted' END
      FROM operating_system o
     WHERE o.can_host
  ), item AS (
    SELECT c.*, json_build_object(
             'kind', c.kind, 'id', c.id, 'slug', c.slug, 'name', c.name, 'vendorId', c.vendor_id,
             'licenseId', c.license_id, 'obtainability', c.obtainability, 'priceUsd', c.price_usd,
             'since', c.since, 'sincePrecision', c.since_precision, 'history', c.history,
             'validFrom', c.valid_from, 'validFromPrecision', c.valid_from_precision,
             'validTo', c.valid_to, 'validToPrecision', coalesce(c.valid_to_precision, 'day')) AS json
      FROM component c
  ), classified AS (
    SELECT c.*,
           CASE WHEN l.id IS NULL THEN 'unknown' WHEN l.kind::text = ANY($3::text[]) THEN 'open' ELSE 'closed' END
             AS openness,
           CASE $2::text WHEN 'license_kind' THEN coalesce(upper(l.kind::text), '${UNRECORDED_KEY}')
                         WHEN 'vendor' THEN coalesce(v.slug, '${UNRECORDED_KEY}')
                         ELSE upper(c.kind) END AS key,
           CASE WHEN $2::text = 'vendor' THEN v.name END AS label
      FROM item c
      LEFT JOIN license l ON l.id = c.license_id
      LEFT JOIN vendor v ON v.id = c.vendor_id
     WHERE c.state = 'counted'
  )
  SELECT (SELECT row_to_json(x) FROM (SELECT ${COUNTS}, ${OBTAINABILITY('true')} AS obtainability
                                        FROM classified k) x) AS totals,
         (SELECT coalesce(json_agg(g ORDER BY g.key = '${UNRECORDED_KEY}', g.key COLLATE "C"), '[]')
            FROM (SELECT k.key, max(k.label) AS label, ${COUNTS}, ${OBTAINABILITY('c.key = k.key')} AS obtainability,
                         json_agg(k.json ORDER BY lower(k.name), k.kind, k.slug) AS items
                    FROM classified k GROUP BY k.key) g) AS groups,
         (SELECT coalesce(json_agg(u.json ORDER BY lower(u.name), u.kind, u.slug), '[]')
            FROM item u WHERE u.state = 'undated') AS undated`;

/**
 * The licensing report as of a date, in one statement, whatever the number of groups and components. Groups
 * come by key (the UNRECORDED group last), components by name.
 *
 * - Hypervisors exist from their first known release (`FIRST_KNOWN_RELEASE_ON`: `first_released_on` or an
 *   earlier dated release) until `discontinued_on` (`HYPERVISOR_EXISTS_AT`), as interopMatrix decides
 *   NOT_RELEASED: Hyper-V and Oracle VM are not in the 2007-08-07 report, ESX 3.5 and 3i not in 2006's. Their
 *   license is the `license` column; `since` is when those terms took effect (`license_available_from`, e.g.
 *   Virtual Server 2005 R2 free from 3 Apr 2006), else the recorded first release. Before that date the
 *   license is not recorded (counted as unknown).
 * - Driver packages exist while one of their dated terms holds (`TERM_VALID_AT`; of overlapping terms, the
 *   latest). `since` is the start of the run of back-to-back terms (one's end is the next one's start) with the
 *   current license, so Hyper-V's Linux drivers are proprietary since the March 2008 beta as of July 2008, but
 *   only since September 2008 as of October (August 2008 had no term). Their history is every term.
 * - Host OSes (`can_host`) exist from `released_on`; no license is recorded for them, so they count as unknown.
 * - Anything with no start date at all (a hypervisor without a dated release, a package without a dated term, a
 *   host OS without a release date) is undated: listed in `undated`, never counted. Every counted item carries
 *   the period it is counted in (`validFrom`/`validTo`).
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
