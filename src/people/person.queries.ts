import type { DataSource } from 'typeorm';

export interface PersonRow {
  id: number;
  slug: string;
  name: string;
  description: string;
}

export interface PersonOfVendorRow extends PersonRow {
  owner_id: number;
}

const PEOPLE_OF_VENDORS = `
  SELECT o.id AS owner_id, p.id, p.slug, p.name, p.description
    FROM unnest($1::int[]) AS o(id)
    JOIN person p
      ON EXISTS (SELECT 1 FROM person_affiliation a WHERE a.person_id = p.id AND a.vendor_id = o.id)
   ORDER BY lower(p.name), p.id`;

/** People affiliated, at any time, with each of many vendors, in one statement; by name. */
export function peopleOfVendors(db: DataSource, vendorIds: readonly number[]): Promise<PersonOfVendorRow[]> {
  return db.query<PersonOfVendorRow[]>(PEOPLE_OF_VENDORS, [vendorIds]);
}
