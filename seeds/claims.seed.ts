import type { EntityManager } from 'typeorm';
import { cite, idsBySlug, lookup, partialDate, SeedDataError, upsert, type Cited, type Seed } from './seed';

interface SideRow {
  mode?: string;
  hypervisor?: string;
  release?: string;
  driverPackage?: string;
  paging?: 'shadow' | 'nested';
}

interface ClaimRow extends Cited {
  statement: string;
  kind: string;
  madeOn?: string | null;
  person?: string;
  vendor?: string;
  session?: string;
  madeIn?: string;
  topic?: string;
  assertion?: string;
  metric?: string;
  comparison?: string;
  threshold?: number;
  guest?: string;
  workloads?: string[];
  candidate?: SideRow;
  baseline?: SideRow;
  expectedLicenseOpen?: boolean;
  driverPackages?: string[];
}

/** Metrics compared with a baseline side; the others compare the candidate with native. */
const NEEDS_BASELINE = new Set(['speedup', 'overhead_ratio', 'fraction_ratio', 'overhead_reduction']);

async function slugIds(manager: EntityManager, table: 'session' | 'workload'): Promise<Map<string, number>> {
  // `table` comes from the fixed union above, never from input.
  const rows = await manager.query<{ id: number; slug: string }[]>(`SELECT id, slug FROM ${table}`);
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Claims (seeds/data/claims.json) with their sides, workloads, driver packages and citations. */
export const claimsSeed: Seed = {
  name: 'claims',
  files: ['claims.json'],
  async load(manager, data) {
    const rows = (data['claims.json'] as { claims: ClaimRow[] }).claims;
    // One after another: they share the transaction's connection.
    const sources = await idsBySlug(manager, 'source');
    const people = await idsBySlug(manager, 'person');
    const vendors = await idsBySlug(manager, 'vendor');
    const topics = await idsBySlug(manager, 'topic');
    const oses = await idsBySlug(manager, 'operating_system');
    const hypervisors = await idsBySlug(manager, 'hypervisor');
    const releases = await idsBySlug(manager, 'hypervisor_release');
    const packages = await idsBySlug(manager, 'driver_package');
    const sessions = await slugIds(manager, 'session');
    const workloads = await slugIds(manager, 'workload');
    const opt = (ids: Map<string, number>, slug: string | undefined, what: string) =>
      slug === undefined ? null : lookup(ids, slug, what);
    const claimRows = rows.map((c) => {
      if (c.metric && (!c.workloads?.length || !c.candidate)) {
        throw new SeedDataError(`claim ${c.slug}: a measurable claim needs workloads and a candidate side`);
      }
      if (c.metric && NEEDS_BASELINE.has(c.metric) !== Boolean(c.baseline)) {
        throw new SeedDataError(`claim ${c.slug}: metric ${c.metric} and the baseline side do not agree`);
      }
      const made = partialDate(c.madeOn, `claim ${c.slug}: madeOn`);
      return {
        slug: c.slug,
        statement: c.statement,
        kind: c.kind,
        madeOn: made?.date ?? null,
        madeOnPrecision: made?.precision ?? 'day',
        personId: opt(people, c.person, `claim ${c.slug}: person`),
        vendorId: opt(vendors, c.vendor, `claim ${c.slug}: vendor`),
        sessionId: opt(sessions, c.session, `claim ${c.slug}: session`),
        madeInSourceId: opt(sources, c.madeIn, `claim ${c.slug}: madeIn`),
        topicId: opt(topics, c.topic, `claim ${c.slug}: topic`),
        assertion: c.assertion ?? null,
        metric: c.metric ?? null,
        comparison: c.comparison ?? null,
        threshold: c.threshold ?? null,
        guestOsId: opt(oses, c.guest, `claim ${c.slug}: guest`),
        expectedLicenseOpen: c.expectedLicenseOpen ?? null,
      };
    });
    const ids = await upsert(
      manager,
      `INSERT INTO claim (slug, statement, kind, made_on, made_on_precision, person_id, vendor_id, session_id,
                          made_in_source_id, topic_id, assertion, metric, comparison, threshold, guest_os_id,
                          expected_license_open)
       SELECT slug, statement, kind::claim_kind, "madeOn", "madeOnPrecision"::date_precision, "personId",
              "vendorId", "sessionId", "madeInSourceId", "topicId", assertion, metric::claim_metric,
              comparison::claim_comparison, threshold, "guestOsId", "expectedLicenseOpen"
         FROM jsonb_to_recordset($1::jsonb) AS x(slug text, statement text, kind text, "madeOn" date,
              "madeOnPrecision" text, "personId" int, "vendorId" int, "sessionId" int, "madeInSourceId" int,
              "topicId" int, assertion text, metric text, comparison text, threshold float8, "guestOsId" int,
              "expectedLicenseOpen" boolean)
       ON CONFLICT (slug) DO UPDATE SET statement = excluded.statement, kind = excluded.kind,
              made_on = excluded.made_on, made_on_precision = excluded.made_on_precision,
              person_id = excluded.person_id, vendor_id = excluded.vendor_id, session_id = excluded.session_id,
              made_in_source_id = excluded.made_in_source_id, topic_id = excluded.topic_id,
              assertion = excluded.assertion, metric = excluded.metric, comparison = excluded.comparison,
              threshold = excluded.threshold, guest_os_id = excluded.guest_os_id,
              expected_license_open = excluded.expected_license_open
       RETURNING id, slug`,
      claimRows,
    );
    const claimIds = [...ids.values()];
    for (const table of ['claim_side', 'claim_workload', 'claim_driver_package']) {
      // Table names come from the fixed list above.
      await manager.query(`DELETE FROM ${table} WHERE claim_id = ANY($1::int[])`, [claimIds]);
    }
    const sides = rows.flatMap((c) =>
      (['candidate', 'baseline'] as const)
        .filter((role) => c[role])
        .map((role) => {
          const s = c[role]!;
          return {
            claimId: lookup(ids, c.slug, 'claim'),
            role,
            mode: s.mode ?? null,
            hypervisorId: opt(hypervisors, s.hypervisor, `claim ${c.slug}: ${role}.hypervisor`),
            releaseId: opt(releases, s.release, `claim ${c.slug}: ${role}.release`),
            driverPackageId: opt(packages, s.driverPackage, `claim ${c.slug}: ${role}.driverPackage`),
            paging: s.paging ?? null,
          };
        }),
    );
    await manager.query(
      `INSERT INTO claim_side (claim_id, role, mode, hypervisor_id, hypervisor_release_id, driver_package_id, paging)
       SELECT "claimId", role, mode::execution_mode, "hypervisorId", "releaseId", "driverPackageId", paging
         FROM jsonb_to_recordset($1::jsonb) AS x("claimId" int, role text, mode text, "hypervisorId" int,
              "releaseId" int, "driverPackageId" int, paging text)`,
      [JSON.stringify(sides)],
    );
    const pairs = (list: (c: ClaimRow) => string[] | undefined, idsOf: Map<string, number>, what: string) =>
      rows.flatMap((c) =>
        (list(c) ?? []).map((slug) => [
          lookup(ids, c.slug, 'claim'),
          lookup(idsOf, slug, `claim ${c.slug}: ${what}`),
        ]),
      );
    const claimWorkloads = pairs((c) => c.workloads, workloads, 'workload');
    const claimPackages = pairs((c) => c.driverPackages, packages, 'driver package');
    await manager.query(
      'INSERT INTO claim_workload (claim_id, workload_id) SELECT * FROM unnest($1::int[], $2::int[])',
      [claimWorkloads.map((p) => p[0]), claimWorkloads.map((p) => p[1])],
    );
    await manager.query(
      'INSERT INTO claim_driver_package (claim_id, driver_package_id) SELECT * FROM unnest($1::int[], $2::int[])',
      [claimPackages.map((p) => p[0]), claimPackages.map((p) => p[1])],
    );
    return {
      claim: ids.size,
      claim_side: sides.length,
      claim_workload: claimWorkloads.length,
      claim_driver_package: claimPackages.length,
      claim_source: await cite(manager, 'claim', ids, rows, sources),
    };
  },
};
