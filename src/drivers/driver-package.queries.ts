import type { DataSource } from 'typeorm';
import type { LicenseKind } from '../licensing/license.entity';
import type { PageRequest } from '../shared/pagination';
import { datedValidAt } from '../shared/validity';
import type { DeviceKind, Obtainability } from './driver-package.entity';

export interface DriverPackageRow {
  /** With a guest filter: 0 when the package (or term) names that guest, 1+ when it names a family of it. */
  guestDepth?: number | null;
  id: number;
  slug: string;
  name: string;
  vendorId: number;
  hypervisorId: number;
  devices: DeviceKind[];
  description: string;
}

export interface DriverPackageTermRow {
  id: number;
  driverPackageId: number;
  licenseId: number;
  obtainability: Obtainability;
  priceUsd: number | null;
  priceNote: string | null;
  validFrom: string | null;
  validFromPrecision: 'day' | 'month' | 'year';
  validTo: string | null;
  validToPrecision: 'day' | 'month' | 'year';
  description: string | null;
  devices: DeviceKind[];
  guestOsIds: number[];
  priceTiers: { priceUsd: number; unit: string; maxVms: number | null }[];
}

/**
 * "Term t holds at $n": `valid_from ≤ $n < valid_to`. A term whose start the sources do not give (e.g. Novell's
 * pack bundled "from SLE 11 SP1") is undated and holds at no date; a package with no dated term is listed apart
 * (`undated`) by the licensing report rather than counted at every date.
 */
export const TERM_VALID_AT = (param: string): string => datedValidAt('t.valid_from', 't.valid_to', param);

const PACKAGE_COLUMNS = `p.id, p.slug, p.name, p.vendor_id AS "vendorId", p.hypervisor_id AS "hypervisorId",
  p.devices::text[] AS devices, p.description`;

const TERM_COLUMNS = `t.id, t.driver_package_id AS "driverPackageId", t.license_id AS "licenseId", t.obtainability,
  t.price_usd::float8 AS "priceUsd", t.price_note AS "priceNote", t.valid_from AS "validFrom",
  t.valid_from_precision AS "validFromPrecision", t.valid_to AS "validTo", t.valid_to_precision AS "validToPrecision",
  t.description, t.devices::text[] AS devices,
  ARRAY(SELECT j.operating_system_id FROM driver_package_term_guest_os j JOIN operating_system o
          ON o.id = j.operating_system_id
         WHERE j.driver_package_term_id = t.id ORDER BY lower(o.name), o.id) AS "guestOsIds",
  (SELECT coalesce(json_agg(json_build_object('priceUsd', x.price_usd::float8, 'unit', x.unit, 'maxVms', x.max_vms)
                            ORDER BY x.position), '[]')
     FROM driver_package_price_tier x WHERE x.driver_package_term_id = t.id) AS "priceTiers"`;

export interface DriverPackageFilter {
  vendor?: string | null;
  hypervisor?: string | null;
  guest?: string | null;
  licenseKind?: LicenseKind | null;
  obtainability?: Obtainability | null;
  asOf?: string | null;
}

/**
 * Driver packages by name with filters, and the total, in one statement. License kind and obtainability are
 * those of a term valid at `asOf` when given, of any term otherwise. A guest matches as everywhere in the API
 * (see `OsMatch`): the guest itself (EXACT) or a family it belongs to (FAMILY); with `asOf`, against the guests
 * of the terms valid then (each version's own list), otherwise against the package's guests over all time.
 */
export async function listDriverPackages(
  db: DataSource,
  f: DriverPackageFilter,
  page: PageRequest,
): Promise<{ rows: DriverPackageRow[]; totalCount: number }> {
  const [result] = await db.query<{ total: number; rows: DriverPackageRow[] }[]>(
    `WITH RECURSIVE lineage(id, depth) AS (
       SELECT o.id, 0 FROM operating_system o WHERE o.slug = $3
       UNION ALL
       SELECT o.parent_id, l.depth + 1 FROM lineage l JOIN operating_system o ON o.id = l.id
        WHERE o.parent_id IS NOT NULL AND l.depth < 10
     ), matching AS (
       SELECT ${PACKAGE_COLUMNS}, gm.depth AS "guestDepth"
         FROM driver_package p
         LEFT JOIN LATERAL (
           SELECT min(l.depth) AS depth FROM lineage l
            WHERE CASE WHEN $6::date IS NULL
                       THEN EXISTS (SELECT 1 FROM driver_package_guest_os g
                                     WHERE g.driver_package_id = p.id AND g.operating_system_id = l.id)
                       ELSE EXISTS (SELECT 1 FROM driver_package_term t
                                      JOIN driver_package_term_guest_os tg ON tg.driver_package_term_id = t.id
                                     WHERE t.driver_package_id = p.id AND tg.operating_system_id = l.id
                                       AND ${TERM_VALID_AT('$6::date')}) END) gm ON $3::text IS NOT NULL
        WHERE ($1::text IS NULL OR p.vendor_id = (SELECT id FROM vendor WHERE slug = $1))
          AND ($2::text IS NULL OR p.hypervisor_id = (SELECT id FROM hypervisor WHERE slug = $2))
          AND ($3::text IS NULL OR gm.depth IS NOT NULL)
          AND ($4::text IS NULL AND $5::text IS NULL AND $6::date IS NULL
               OR EXISTS (SELECT 1 FROM driver_package_term t JOIN license l ON l.id = t.license_id
                           WHERE t.driver_package_id = p.id
                             AND ($4::text IS NULL OR l.kind::text = $4)
                             AND ($5::text IS NULL OR t.obtainability::text = $5)
                             AND ($6::date IS NULL OR ${TERM_VALID_AT('$6::date')})))
     )
     SELECT (SELECT count(*)::int FROM matching) AS total,
            (SELECT coalesce(json_agg(m), '[]') FROM (SELECT * FROM matching ORDER BY "guestDepth" NULLS FIRST,
                                                        lower(name), id OFFSET $7 LIMIT $8) m) AS rows`,
    [
      f.vendor ?? null,
      f.hypervisor ?? null,
      f.guest ?? null,
      f.licenseKind ?? null,
      f.obtainability ?? null,
      f.asOf ?? null,
      page.offset,
      page.limit,
    ],
  );
  return { rows: result.rows, totalCount: result.total };
}

/** Packages where `column` is one of `ids` (id, vendor, hypervisor), by name. */
export function driverPackagesWhere(
  db: DataSource,
  column: 'id' | 'vendor_id' | 'hypervisor_id' | 'slug',
  ids: readonly (number | string)[],
): Promise<DriverPackageRow[]> {
  // `column` comes from the fixed union above.
  return db.query<DriverPackageRow[]>(
    `SELECT ${PACKAGE_COLUMNS} FROM driver_package p WHERE p.${column} = ANY($1) ORDER BY lower(p.name), p.id`,
    [ids],
  );
}

/** Packages that run in each guest OS, tagged with the OS id. */
export function driverPackagesForGuests(
  db: DataSource,
  osIds: readonly number[],
): Promise<(DriverPackageRow & { ownerId: number })[]> {
  return db.query(
    `SELECT g.operating_system_id AS "ownerId", ${PACKAGE_COLUMNS}
       FROM driver_package_guest_os g JOIN driver_package p ON p.id = g.driver_package_id
      WHERE g.operating_system_id = ANY($1::int[])
      ORDER BY lower(p.name), p.id`,
    [osIds],
  );
}

/** Terms of many packages, oldest first; only those valid at `asOf` when it is given. */
export function termsOf(
  db: DataSource,
  packageIds: readonly number[],
  asOf: string | null,
): Promise<DriverPackageTermRow[]> {
  return db.query<DriverPackageTermRow[]>(
    `SELECT ${TERM_COLUMNS} FROM driver_package_term t
      WHERE t.driver_package_id = ANY($1::int[])
        AND ($2::date IS NULL OR ${TERM_VALID_AT('$2::date')})
      ORDER BY t.id`,
    [packageIds, asOf],
  );
}
