import type { DataSource } from 'typeorm';
import type { LicenseKind } from '../licensing/license.entity';
import type { PageRequest } from '../shared/pagination';
import { validAt } from '../shared/validity';
import type { DeviceKind, Obtainability } from './driver-package.entity';

export interface DriverPackageRow {
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
}

/**
 * "Term t holds at $n". Terms are stored in the order they followed each other; a later term whose start the
 * sources do not give (e.g. Novell's pack bundled "from SLE 11 SP1") is never taken to hold on a given date,
 * while a first term without a start holds from the beginning.
 */
export const TERM_VALID_AT = (param: string): string =>
  validAt(
    `coalesce(t.valid_from, CASE WHEN EXISTS (SELECT 1 FROM driver_package_term e
                                              WHERE e.driver_package_id = t.driver_package_id AND e.id < t.id)
                                 THEN 'infinity'::date END)`,
    't.valid_to',
    param,
  );

const PACKAGE_COLUMNS = `p.id, p.slug, p.name, p.vendor_id AS "vendorId", p.hypervisor_id AS "hypervisorId",
  p.devices::text[] AS devices, p.description`;

const TERM_COLUMNS = `t.id, t.driver_package_id AS "driverPackageId", t.license_id AS "licenseId", t.obtainability,
  t.price_usd::float8 AS "priceUsd", t.price_note AS "priceNote", t.valid_from AS "validFrom",
  t.valid_from_precision AS "validFromPrecision", t.valid_to AS "validTo", t.valid_to_precision AS "validToPrecision",
  t.description`;

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
 * those of a term valid at `asOf` when given, of any term otherwise.
 */
export async function listDriverPackages(
  db: DataSource,
  f: DriverPackageFilter,
  page: PageRequest,
): Promise<{ rows: DriverPackageRow[]; totalCount: number }> {
  const [result] = await db.query<{ total: number; rows: DriverPackageRow[] }[]>(
    `WITH matching AS (
       SELECT ${PACKAGE_COLUMNS}
         FROM driver_package p
        WHERE ($1::text IS NULL OR p.vendor_id = (SELECT id FROM vendor WHERE slug = $1))
          AND ($2::text IS NULL OR p.hypervisor_id = (SELECT id FROM hypervisor WHERE slug = $2))
          AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM driver_package_guest_os g JOIN operating_system o
                                            ON o.id = g.operating_system_id
                                           WHERE g.driver_package_id = p.id AND o.slug = $3))
          AND ($4::text IS NULL AND $5::text IS NULL AND $6::date IS NULL
               OR EXISTS (SELECT 1 FROM driver_package_term t JOIN license l ON l.id = t.license_id
                           WHERE t.driver_package_id = p.id
                             AND ($4::text IS NULL OR l.kind::text = $4)
                             AND ($5::text IS NULL OR t.obtainability::text = $5)
                             AND ($6::date IS NULL OR ${TERM_VALID_AT('$6::date')})))
     )
     SELECT (SELECT count(*)::int FROM matching) AS total,
            (SELECT coalesce(json_agg(m), '[]') FROM (SELECT * FROM matching ORDER BY lower(name), id
                                                        OFFSET $7 LIMIT $8) m) AS rows`,
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
