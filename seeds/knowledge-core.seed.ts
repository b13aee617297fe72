import type { HypervisorArchitecture, Technique } from '../src/hypervisors/hypervisor.entity';
import type { LicenseKind } from '../src/licensing/license.entity';
import type { SourceKind } from '../src/sources/source.entity';
import type { VendorKind } from '../src/vendors/vendor.entity';
import { cite, lookup, partialDate, upsert, type Cited, type Seed, type SeedResult } from './seed';

interface SourceRow {
  slug: string;
  title: string;
  publisher: string;
  url: string;
  publishedOn: string | null;
  kind: SourceKind;
  secondary: boolean;
  note: string | null;
}
interface LicenseRow extends Cited {
  name: string;
  spdxId: string | null;
  kind: LicenseKind;
  url: string | null;
  description: string;
}
interface VendorRow extends Cited {
  name: string;
  kind: VendorKind;
  website: string | null;
  description: string;
}
interface HypervisorRow extends Cited {
  name: string;
  vendor: string;
  architecture: HypervisorArchitecture;
  techniques: Technique[];
  license: string;
  licenseNote: string | null;
  firstReleasedOn: string | null;
  announcedOn?: string | null;
  discontinuedOn?: string | null;
  licenseAnnouncedOn?: string | null;
  licenseAvailableFrom?: string | null;
  description: string;
}

const HYPERVISOR_DATES = [
  'firstReleasedOn',
  'announcedOn',
  'discontinuedOn',
  'licenseAnnouncedOn',
  'licenseAvailableFrom',
] as const;

/** Each date field as its first day plus a `…Precision` field (`YYYY`, `YYYY-MM` or `YYYY-MM-DD` in the data). */
function hypervisorDates(h: HypervisorRow): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const field of HYPERVISOR_DATES) {
    const d = partialDate(h[field], `hypervisor ${h.slug}: ${field}`);
    out[field] = d?.date ?? null;
    out[`${field}Precision`] = d?.precision ?? 'day';
  }
  return out;
}

/**
 * Sources, licenses, vendors and hypervisors from `shared/sources/virtualization-2007-facts.md`.
 * Each table is one `INSERT … SELECT FROM jsonb_to_recordset … ON CONFLICT (slug) DO UPDATE`; citations of the
 * seeded rows are replaced. Rows created through the API (not in the files) are left alone.
 */
export const knowledgeCoreSeed: Seed = {
  name: 'knowledge-core',
  files: ['sources.json', 'licenses.json', 'vendors.json', 'hypervisors.json'],
  async load(manager, data): Promise<SeedResult> {
    const sources = data['sources.json'] as SourceRow[];
    const licenses = data['licenses.json'] as LicenseRow[];
    const vendors = data['vendors.json'] as VendorRow[];
    const hypervisors = data['hypervisors.json'] as HypervisorRow[];

    const sourceIds = await upsert(
      manager,
      `INSERT INTO source (slug, title, publisher, url, published_on, kind, secondary, note)
       SELECT slug, title, publisher, url, "publishedOn", kind::source_kind, coalesce(secondary, false), note
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, title text, publisher text, url text, "publishedOn" date,
            kind text, secondary boolean, note text)
       ON CONFLICT (slug) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, url = excluded.url,
         published_on = excluded.published_on, kind = excluded.kind, secondary = excluded.secondary, note = excluded.note
       RETURNING id, slug`,
      sources,
    );
    const licenseIds = await upsert(
      manager,
      `INSERT INTO license (slug, name, spdx_id, kind, url, description)
       SELECT slug, name, "spdxId", kind::license_kind, url, description
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text, "spdxId" text, kind text, url text, description text)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, spdx_id = excluded.spdx_id, kind = excluded.kind,
         url = excluded.url, description = excluded.description
       RETURNING id, slug`,
      licenses,
    );
    const vendorIds = await upsert(
      manager,
      `INSERT INTO vendor (slug, name, kind, website, description)
       SELECT slug, name, kind::vendor_kind, website, description
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text, kind text, website text, description text)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, kind = excluded.kind, website = excluded.website,
         description = excluded.description
       RETURNING id, slug`,
      vendors,
    );
    const hypervisorIds = await upsert(
      manager,
      `INSERT INTO hypervisor (slug, name, vendor_id, architecture, techniques, license_id, license_note,
                               first_released_on, first_released_on_precision, announced_on, announced_on_precision,
                               discontinued_on, discontinued_on_precision, license_announced_on,
                               license_announced_on_precision, license_available_from,
                               license_available_from_precision, description)
       SELECT slug, name, "vendorId", architecture::hypervisor_architecture,
              ARRAY(SELECT jsonb_array_elements_text(techniques))::virtualization_technique[],
              "licenseId", "licenseNote", "firstReleasedOn", "firstReleasedOnPrecision"::date_precision,
              "announcedOn", "announcedOnPrecision"::date_precision, "discontinuedOn",
              "discontinuedOnPrecision"::date_precision, "licenseAnnouncedOn",
              "licenseAnnouncedOnPrecision"::date_precision, "licenseAvailableFrom",
              "licenseAvailableFromPrecision"::date_precision, description
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text, "vendorId" int, architecture text,
            techniques jsonb, "licenseId" int, "licenseNote" text, "firstReleasedOn" date,
            "firstReleasedOnPrecision" text, "announcedOn" date, "announcedOnPrecision" text, "discontinuedOn" date,
            "discontinuedOnPrecision" text, "licenseAnnouncedOn" date, "licenseAnnouncedOnPrecision" text,
            "licenseAvailableFrom" date, "licenseAvailableFromPrecision" text, description text)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, vendor_id = excluded.vendor_id,
         architecture = excluded.architecture, techniques = excluded.techniques, license_id = excluded.license_id,
         license_note = excluded.license_note, first_released_on = excluded.first_released_on,
         first_released_on_precision = excluded.first_released_on_precision, announced_on = excluded.announced_on,
         announced_on_precision = excluded.announced_on_precision, discontinued_on = excluded.discontinued_on,
         discontinued_on_precision = excluded.discontinued_on_precision,
         license_announced_on = excluded.license_announced_on,
         license_announced_on_precision = excluded.license_announced_on_precision,
         license_available_from = excluded.license_available_from,
         license_available_from_precision = excluded.license_available_from_precision,
         description = excluded.description
       RETURNING id, slug`,
      hypervisors.map((h) => ({
        ...h,
        ...hypervisorDates(h),
        vendorId: lookup(vendorIds, h.vendor, `hypervisor ${h.slug}: vendor`),
        licenseId: lookup(licenseIds, h.license, `hypervisor ${h.slug}: license`),
      })),
    );

    const citations =
      (await cite(manager, 'license', licenseIds, licenses, sourceIds)) +
      (await cite(manager, 'vendor', vendorIds, vendors, sourceIds)) +
      (await cite(manager, 'hypervisor', hypervisorIds, hypervisors, sourceIds));

    return {
      source: sourceIds.size,
      license: licenseIds.size,
      vendor: vendorIds.size,
      hypervisor: hypervisorIds.size,
      citation: citations,
    };
  },
};
