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
  hypervisor: { table: 'hypervisor_source', owner: 'hypervisor_id' },
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
