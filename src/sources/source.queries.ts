import type { DataSource } from 'typeorm';
import type { SourceKind } from './source.entity';

export interface SourceRow {
  id: number;
  slug: string;
  title: string;
  publisher: string;
  url: string;
  published_on: string | null;
  kind: SourceKind;
  secondary: boolean;
  note: string | null;
}

export interface CitedSourceRow extends SourceRow {
  owner_id: number;
}

/** Citation tables and their owner columns: the only identifiers the citation query may use. */
export const CITATION_TABLES = {
  license: { table: 'license_source', owner: 'license_id' },
  vendor: { table: 'vendor_source', owner: 'vendor_id' },
  vendorRelation: { table: 'vendor_relation_source', owner: 'vendor_relation_id' },
  hypervisor: { table: 'hypervisor_source', owner: 'hypervisor_id' },
  hypervisorRelease: { table: 'hypervisor_release_source', owner: 'hypervisor_release_id' },
  operatingSystem: { table: 'operating_system_source', owner: 'operating_system_id' },
  hardwareFeature: { table: 'hardware_feature_source', owner: 'hardware_feature_id' },
  driverPackage: { table: 'driver_package_source', owner: 'driver_package_id' },
  driverPackageTerm: { table: 'driver_package_term_source', owner: 'driver_package_term_id' },
  supportStatement: { table: 'support_statement_source', owner: 'support_statement_id' },
  person: { table: 'person_source', owner: 'person_id' },
  personAffiliation: { table: 'person_affiliation_source', owner: 'person_affiliation_id' },
  topic: { table: 'topic_source', owner: 'topic_id' },
  conference: { table: 'conference_source', owner: 'conference_id' },
  session: { table: 'session_source', owner: 'session_id' },
  claim: { table: 'claim_source', owner: 'claim_id' },
} as const;
export type CitingKind = keyof typeof CITATION_TABLES;

/** The sources cited by many rows of one kind, in one statement; oldest publication first. */
export async function sourcesCitedBy(
  db: DataSource,
  kind: CitingKind,
  ownerIds: readonly number[],
): Promise<CitedSourceRow[]> {
  const { table, owner } = CITATION_TABLES[kind];
  return db.query<CitedSourceRow[]>(
    `SELECT c.${owner} AS owner_id, s.id, s.slug, s.title, s.publisher, s.url, s.published_on, s.kind, s.secondary, s.note
       FROM ${table} c JOIN source s ON s.id = c.source_id
      WHERE c.${owner} = ANY($1::int[])
      ORDER BY s.published_on NULLS LAST, lower(s.title), s.id`,
    [ownerIds],
  );
}
