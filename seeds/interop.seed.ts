import type { EntityManager } from 'typeorm';
import {
  cite,
  idsBySlug,
  lookup,
  partialDate,
  SeedDataError,
  upsert,
  type Cited,
  type Seed,
  type SeedResult,
} from './seed';

interface ReleaseRow extends Cited {
  hypervisor: string;
  version: string;
  releasedOn: string | null;
  description: string;
}
interface OsRow extends Cited {
  name: string;
  family: string;
  vendor: string | null;
  version: string | null;
  parent: string | null;
  releasedOn: string | null;
  canHost: boolean;
  canBeGuest: boolean;
  description: string;
}
interface FeatureRow extends Cited {
  name: string;
  vendor: string;
  category: string;
  announcedOn: string | null;
  shippedOn: string | null;
  description: string;
}
interface TermRow {
  validFrom: string | null;
  validTo: string | null;
  license: string;
  obtainability: string;
  priceUsd: number | null;
  priceNote: string | null;
  /** Typed prices where the source gives tiers (the note keeps the source's wording). */
  priceTiers?: { priceUsd: number; unit: string; maxVms: number | null }[];
  /** What this version provided and supported; default: the package's lists. */
  devices?: string[];
  guestOses?: string[];
  description?: string | null;
  sources: string[];
}
interface PackageRow extends Cited {
  name: string;
  vendor: string;
  hypervisor: string;
  devices: string[];
  guestOses: string[];
  hostOses: string[];
  description: string;
  terms: TermRow[];
}
interface StatementRow extends Cited {
  hypervisorRelease: string;
  hostOs: string | null;
  guestOs: string;
  mode: string;
  status: string;
  requiredFeatures: string[];
  driverPackage: string | null;
  validFrom: string | null;
  validTo: string | null;
  notes: string;
}
interface RelationRow extends Cited {
  from: string;
  to: string;
  kind: string;
  announcedOn: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  amountUsd: number | null;
  amountNote: string | null;
  pricePerShareUsd?: number | null;
  sharesOffered?: number | null;
  description: string;
  /** What the deal changed, in our own words; null where not curated. */
  effect: string | null;
  /** Slugs of what it changed (empty lists where the sources tie nothing to it). */
  affects: { hypervisors: string[]; driverPackages: string[]; supportStatements: string[] };
}

/** `field` → `field`, `fieldPrecision` as stored (first day of the period, and how precise it is). */
function dated<K extends string>(value: string | null | undefined, field: K, what: string) {
  const d = partialDate(value, `${what}: ${field}`);
  return { [field]: d?.date ?? null, [`${field}Precision`]: d?.precision ?? 'day' } as Record<
    K,
    string | null
  > &
    Record<`${K}Precision`, string>;
}

/**
 * Hypervisor releases, operating systems, hardware features, driver packages with their dated terms, support
 * statements and vendor relations. Upserts by slug, then replaces the join rows and citations of the seeded rows.
 */
export const interopSeed: Seed = {
  name: 'interop',
  files: [
    'hypervisor_releases.json',
    'operating_systems.json',
    'hardware_features.json',
    'driver_packages.json',
    'support_statements.json',
    'vendor_relations.json',
  ],
  async load(manager, data): Promise<SeedResult> {
    const releases = data['hypervisor_releases.json'] as ReleaseRow[];
    const oses = data['operating_systems.json'] as OsRow[];
    const features = data['hardware_features.json'] as FeatureRow[];
    const packages = data['driver_packages.json'] as PackageRow[];
    const statements = data['support_statements.json'] as StatementRow[];
    const relations = data['vendor_relations.json'] as RelationRow[];

    const sourceIds = await idsBySlug(manager, 'source');
    const vendorIds = await idsBySlug(manager, 'vendor');
    const hypervisorIds = await idsBySlug(manager, 'hypervisor');
    const licenseIds = await idsBySlug(manager, 'license');

    const releaseIds = await upsert(
      manager,
      `INSERT INTO hypervisor_release (slug, hypervisor_id, version, released_on, released_on_precision, description)
       SELECT slug, "hypervisorId", version, "releasedOn", "releasedOnPrecision"::date_precision, description
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, "hypervisorId" int, version text, "releasedOn" date,
            "releasedOnPrecision" text, description text)
       ON CONFLICT (slug) DO UPDATE SET hypervisor_id = excluded.hypervisor_id, version = excluded.version,
         released_on = excluded.released_on, released_on_precision = excluded.released_on_precision,
         description = excluded.description
       RETURNING id, slug`,
      releases.map((r) => ({
        ...r,
        ...dated(r.releasedOn, 'releasedOn', `release ${r.slug}`),
        hypervisorId: lookup(hypervisorIds, r.hypervisor, `release ${r.slug}: hypervisor`),
      })),
    );
    const osIds = await upsert(
      manager,
      `INSERT INTO operating_system (slug, name, family, vendor_id, version, released_on, released_on_precision,
                                     can_host, can_be_guest, description)
       SELECT slug, name, family::os_family, "vendorId", version, "releasedOn", "releasedOnPrecision"::date_precision,
              "canHost", "canBeGuest", description
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text, family text, "vendorId" int, version text,
            "releasedOn" date, "releasedOnPrecision" text, "canHost" boolean, "canBeGuest" boolean, description text)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, family = excluded.family, vendor_id = excluded.vendor_id,
         version = excluded.version, released_on = excluded.released_on,
         released_on_precision = excluded.released_on_precision, can_host = excluded.can_host,
         can_be_guest = excluded.can_be_guest, description = excluded.description
       RETURNING id, slug`,
      oses.map((o) => ({
        ...o,
        ...dated(o.releasedOn, 'releasedOn', `operating system ${o.slug}`),
        vendorId:
          o.vendor === null ? null : lookup(vendorIds, o.vendor, `operating system ${o.slug}: vendor`),
      })),
    );
    // Parents refer to rows of the same file: set once every row has an id.
    await manager.query(
      `UPDATE operating_system o SET parent_id = p.id
         FROM jsonb_to_recordset($1::jsonb) AS x(slug text, parent text) LEFT JOIN operating_system p ON p.slug = x.parent
        WHERE o.slug = x.slug`,
      [
        JSON.stringify(
          oses.map((o) => {
            if (o.parent !== null) lookup(osIds, o.parent, `operating system ${o.slug}: parent`);
            return { slug: o.slug, parent: o.parent };
          }),
        ),
      ],
    );
    const featureIds = await upsert(
      manager,
      `INSERT INTO hardware_feature (slug, name, vendor_id, category, announced_on, announced_on_precision,
                                     shipped_on, shipped_on_precision, description)
       SELECT slug, name, "vendorId", category::hardware_category, "announcedOn", "announcedOnPrecision"::date_precision,
              "shippedOn", "shippedOnPrecision"::date_precision, description
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text, "vendorId" int, category text, "announcedOn" date,
            "announcedOnPrecision" text, "shippedOn" date, "shippedOnPrecision" text, description text)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, vendor_id = excluded.vendor_id,
         category = excluded.category, announced_on = excluded.announced_on,
         announced_on_precision = excluded.announced_on_precision, shipped_on = excluded.shipped_on,
         shipped_on_precision = excluded.shipped_on_precision, description = excluded.description
       RETURNING id, slug`,
      features.map((f) => ({
        ...f,
        ...dated(f.announcedOn, 'announcedOn', `feature ${f.slug}`),
        ...dated(f.shippedOn, 'shippedOn', `feature ${f.slug}`),
        vendorId: lookup(vendorIds, f.vendor, `feature ${f.slug}: vendor`),
      })),
    );
    const packageIds = await upsert(
      manager,
      `INSERT INTO driver_package (slug, name, vendor_id, hypervisor_id, devices, description)
       SELECT slug, name, "vendorId", "hypervisorId", ARRAY(SELECT jsonb_array_elements_text(devices))::device_kind[],
              description
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text, "vendorId" int, "hypervisorId" int, devices jsonb,
            description text)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, vendor_id = excluded.vendor_id,
         hypervisor_id = excluded.hypervisor_id, devices = excluded.devices, description = excluded.description
       RETURNING id, slug`,
      packages.map((p) => ({
        ...p,
        vendorId: lookup(vendorIds, p.vendor, `driver package ${p.slug}: vendor`),
        hypervisorId: lookup(hypervisorIds, p.hypervisor, `driver package ${p.slug}: hypervisor`),
      })),
    );
    await replaceLinks(
      manager,
      'driver_package_guest_os',
      'driver_package_id',
      'operating_system_id',
      packageIds,
      packages.map((p) => [p.slug, p.guestOses]),
      osIds,
      'guest OS',
    );
    await replaceLinks(
      manager,
      'driver_package_host_os',
      'driver_package_id',
      'operating_system_id',
      packageIds,
      packages.map((p) => [p.slug, p.hostOses]),
      osIds,
      'host OS',
    );

    // Terms have no natural key of their own: they are replaced with their package's data.
    await manager.query('DELETE FROM driver_package_term WHERE driver_package_id = ANY($1::int[])', [
      [...packageIds.values()],
    ]);
    const terms = packages.flatMap((p) =>
      p.terms.map((t, i) => ({
        key: `${p.slug}#${i + 1}`,
        packageId: lookup(packageIds, p.slug, `driver package ${p.slug}`),
        licenseId: lookup(licenseIds, t.license, `driver package ${p.slug} term ${i + 1}: license`),
        obtainability: t.obtainability,
        priceUsd: t.priceUsd,
        priceNote: t.priceNote,
        description: t.description ?? null,
        devices: t.devices ?? p.devices,
        guestOses: t.guestOses ?? p.guestOses,
        priceTiers: t.priceTiers ?? [],
        ...dated(t.validFrom, 'validFrom', `driver package ${p.slug} term ${i + 1}`),
        ...dated(t.validTo, 'validTo', `driver package ${p.slug} term ${i + 1}`),
        sources: t.sources,
      })),
    );
    // One statement per term: a term has no natural key to match RETURNING rows by (seeds are few and cold).
    const termIds = new Map<string, number>();
    for (const t of terms) {
      const [row] = await manager.query<{ id: number }[]>(
        `INSERT INTO driver_package_term (driver_package_id, license_id, obtainability, price_usd, price_note,
                                          description, valid_from, valid_from_precision, valid_to, valid_to_precision,
                                          devices)
         VALUES ($1, $2, $3::obtainability, $4, $5, $6, $7, $8::date_precision, $9, $10::date_precision,
                 $11::device_kind[])
         RETURNING id`,
        [
          t.packageId,
          t.licenseId,
          t.obtainability,
          t.priceUsd,
          t.priceNote,
          t.description,
          t.validFrom,
          t.validFromPrecision,
          t.validTo,
          t.validToPrecision,
          t.devices,
        ],
      );
      termIds.set(t.key, row.id);
      // Tiers and guests go with their term (deleted with it above, through ON DELETE CASCADE).
      for (const [position, tier] of t.priceTiers.entries())
        await manager.query(
          `INSERT INTO driver_package_price_tier (driver_package_term_id, position, price_usd, unit, max_vms)
           VALUES ($1, $2, $3, $4, $5)`,
          [row.id, position + 1, tier.priceUsd, tier.unit, tier.maxVms],
        );
    }
    await replaceLinks(
      manager,
      'driver_package_term_guest_os',
      'driver_package_term_id',
      'operating_system_id',
      termIds,
      terms.map((t) => [t.key, t.guestOses]),
      osIds,
      'term guest OS',
    );

    const statementIds = await upsert(
      manager,
      `INSERT INTO support_statement (slug, hypervisor_release_id, host_os_id, guest_os_id, mode, status,
                                      driver_package_id, valid_from, valid_from_precision, valid_to,
                                      valid_to_precision, notes)
       SELECT slug, "releaseId", "hostId", "guestId", mode::virtualization_mode, status::support_status, "packageId",
              "validFrom", "validFromPrecision"::date_precision, "validTo", "validToPrecision"::date_precision, notes
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, "releaseId" int, "hostId" int, "guestId" int, mode text,
            status text, "packageId" int, "validFrom" date, "validFromPrecision" text, "validTo" date,
            "validToPrecision" text, notes text)
       ON CONFLICT (slug) DO UPDATE SET hypervisor_release_id = excluded.hypervisor_release_id,
         host_os_id = excluded.host_os_id, guest_os_id = excluded.guest_os_id, mode = excluded.mode,
         status = excluded.status, driver_package_id = excluded.driver_package_id, valid_from = excluded.valid_from,
         valid_from_precision = excluded.valid_from_precision, valid_to = excluded.valid_to,
         valid_to_precision = excluded.valid_to_precision, notes = excluded.notes
       RETURNING id, slug`,
      statements.map((s) => ({
        slug: s.slug,
        releaseId: lookup(releaseIds, s.hypervisorRelease, `statement ${s.slug}: release`),
        hostId: s.hostOs === null ? null : lookup(osIds, s.hostOs, `statement ${s.slug}: host`),
        guestId: lookup(osIds, s.guestOs, `statement ${s.slug}: guest`),
        mode: s.mode,
        status: s.status,
        packageId:
          s.driverPackage === null
            ? null
            : lookup(packageIds, s.driverPackage, `statement ${s.slug}: driver package`),
        ...dated(s.validFrom, 'validFrom', `statement ${s.slug}`),
        ...dated(s.validTo, 'validTo', `statement ${s.slug}`),
        notes: s.notes,
      })),
    );
    await replaceLinks(
      manager,
      'support_statement_feature',
      'support_statement_id',
      'hardware_feature_id',
      statementIds,
      statements.map((s) => [s.slug, s.requiredFeatures]),
      featureIds,
      'required feature',
    );

    const relationIds = await upsert(
      manager,
      `INSERT INTO vendor_relation (slug, from_vendor_id, to_vendor_id, kind, announced_on, announced_on_precision,
                                    effective_from, effective_from_precision, effective_to, effective_to_precision,
                                    amount_usd, amount_note, price_per_share_usd, shares_offered, description,
                                    effect)
       SELECT slug, "fromId", "toId", kind::vendor_relation_kind, "announcedOn", "announcedOnPrecision"::date_precision,
              "effectiveFrom", "effectiveFromPrecision"::date_precision, "effectiveTo",
              "effectiveToPrecision"::date_precision, "amountUsd", "amountNote", "pricePerShareUsd", "sharesOffered",
              description, effect
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, "fromId" int, "toId" int, kind text, "announcedOn" date,
            "announcedOnPrecision" text, "effectiveFrom" date, "effectiveFromPrecision" text, "effectiveTo" date,
            "effectiveToPrecision" text, "amountUsd" numeric, "amountNote" text, "pricePerShareUsd" numeric,
            "sharesOffered" bigint, description text, effect text)
       ON CONFLICT (slug) DO UPDATE SET from_vendor_id = excluded.from_vendor_id, to_vendor_id = excluded.to_vendor_id,
         kind = excluded.kind, announced_on = excluded.announced_on,
         announced_on_precision = excluded.announced_on_precision, effective_from = excluded.effective_from,
         effective_from_precision = excluded.effective_from_precision, effective_to = excluded.effective_to,
         effective_to_precision = excluded.effective_to_precision, amount_usd = excluded.amount_usd,
         amount_note = excluded.amount_note, price_per_share_usd = excluded.price_per_share_usd,
         shares_offered = excluded.shares_offered, description = excluded.description, effect = excluded.effect
       RETURNING id, slug`,
      relations.map((r) => ({
        ...r,
        effect: r.effect ?? null,
        pricePerShareUsd: r.pricePerShareUsd ?? null,
        sharesOffered: r.sharesOffered ?? null,
        fromId: lookup(vendorIds, r.from, `relation ${r.slug}: from`),
        toId: lookup(vendorIds, r.to, `relation ${r.slug}: to`),
        ...dated(r.announcedOn, 'announcedOn', `relation ${r.slug}`),
        ...dated(r.effectiveFrom, 'effectiveFrom', `relation ${r.slug}`),
        ...dated(r.effectiveTo, 'effectiveTo', `relation ${r.slug}`),
      })),
    );
    // What each relation changed: replaced with the seeded relations' data, like the other link tables.
    const affects = (r: RelationRow) => {
      if (typeof r.affects !== 'object' || r.affects === null)
        throw new SeedDataError(`relation ${r.slug}: affects is missing`);
      return r.affects;
    };
    await replaceLinks(
      manager,
      'vendor_relation_hypervisor',
      'vendor_relation_id',
      'hypervisor_id',
      relationIds,
      relations.map((r) => [r.slug, affects(r).hypervisors]),
      hypervisorIds,
      'affected hypervisor',
    );
    await replaceLinks(
      manager,
      'vendor_relation_driver_package',
      'vendor_relation_id',
      'driver_package_id',
      relationIds,
      relations.map((r) => [r.slug, affects(r).driverPackages]),
      packageIds,
      'affected driver package',
    );
    await replaceLinks(
      manager,
      'vendor_relation_support_statement',
      'vendor_relation_id',
      'support_statement_id',
      relationIds,
      relations.map((r) => [r.slug, affects(r).supportStatements]),
      statementIds,
      'affected support statement',
    );

    const citations =
      (await cite(manager, 'hypervisorRelease', releaseIds, releases, sourceIds)) +
      (await cite(manager, 'operatingSystem', osIds, oses, sourceIds)) +
      (await cite(manager, 'hardwareFeature', featureIds, features, sourceIds)) +
      (await cite(manager, 'driverPackage', packageIds, packages, sourceIds)) +
      (await cite(
        manager,
        'driverPackageTerm',
        termIds,
        terms.map((t) => ({ slug: t.key, sources: t.sources })),
        sourceIds,
      )) +
      (await cite(manager, 'supportStatement', statementIds, statements, sourceIds)) +
      (await cite(manager, 'vendorRelation', relationIds, relations, sourceIds));

    return {
      hypervisor_release: releaseIds.size,
      operating_system: osIds.size,
      hardware_feature: featureIds.size,
      driver_package: packageIds.size,
      driver_package_term: termIds.size,
      support_statement: statementIds.size,
      vendor_relation: relationIds.size,
      citation: citations,
    };
  },
};

type LinkTable =
  | 'driver_package_guest_os'
  | 'driver_package_term_guest_os'
  | 'driver_package_host_os'
  | 'support_statement_feature'
  | 'vendor_relation_hypervisor'
  | 'vendor_relation_driver_package'
  | 'vendor_relation_support_statement';

/** Replaces the many-to-many rows of the seeded owners (identifiers from the fixed unions). */
async function replaceLinks(
  manager: EntityManager,
  table: LinkTable,
  ownerColumn: 'driver_package_id' | 'driver_package_term_id' | 'support_statement_id' | 'vendor_relation_id',
  targetColumn:
    | 'operating_system_id'
    | 'hardware_feature_id'
    | 'hypervisor_id'
    | 'driver_package_id'
    | 'support_statement_id',
  ownerIds: Map<string, number>,
  links: [string, string[]][],
  targetIds: Map<string, number>,
  what: string,
): Promise<void> {
  const pairs = links.flatMap(([owner, targets]) => {
    if (!Array.isArray(targets)) throw new SeedDataError(`${owner}: ${what} list is missing`);
    return [...new Set(targets)].map((t) => [
      lookup(ownerIds, owner, what),
      lookup(targetIds, t, `${owner}: ${what}`),
    ]);
  });
  await manager.query(`DELETE FROM ${table} WHERE ${ownerColumn} = ANY($1::int[])`, [[...ownerIds.values()]]);
  await manager.query(
    `INSERT INTO ${table} (${ownerColumn}, ${targetColumn}) SELECT * FROM unnest($1::int[], $2::int[])`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
}
