import type { DataSource, EntityManager } from 'typeorm';

/** Kinds of object in `search_document` (see the search-documents migration). */
export const SEARCH_KINDS = [
  'hypervisor',
  'hypervisor_release',
  'vendor',
  'license',
  'source',
  'operating_system',
  'hardware_feature',
  'driver_package',
  'support_statement',
  'vendor_relation',
  'person',
  'topic',
  'conference',
  'session',
  'claim',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The GraphQL type of each kind's objects. */
export const SEARCH_KIND_TYPES: Readonly<Record<SearchKind, string>> = {
  hypervisor: 'Hypervisor',
  hypervisor_release: 'HypervisorRelease',
  vendor: 'Vendor',
  license: 'License',
  source: 'Source',
  operating_system: 'OperatingSystem',
  hardware_feature: 'HardwareFeature',
  driver_package: 'DriverPackage',
  support_statement: 'SupportStatement',
  vendor_relation: 'VendorRelation',
  person: 'Person',
  topic: 'Topic',
  conference: 'Conference',
  session: 'Session',
  claim: 'Claim',
};

export interface SearchRow {
  kind: SearchKind;
  id: number;
  name: string;
  score: number;
  snippet: string;
  matchedBy: 'text' | 'name_similarity';
}

/**
 * Ranked full-text search in one statement.
 * - Text: `websearch_to_tsquery` on the weighted document (names A, related names B, descriptions C). Documents
 *   containing every term rank first (+1), then any-term matches by `ts_rank_cd`. Derived records (releases,
 *   support statements, vendor relations, cited sources, and claims, whose long statements mention the objects
 *   they are about) score 0.3 of a primary object's score, so "kvm" answers with the hypervisor, its vendor and the
 *   panel before the many releases and statements that mention it.
 * - Typos: names within trigram word similarity ≥ 0.5 of the query, ranked below every text hit.
 * The snippet marks matched words with <mark>…</mark> (ts_headline over name and body).
 */
export const SEARCH_SQL = `
  WITH q AS (
    SELECT websearch_to_tsquery('english', $1) AS all_terms,
           nullif(replace(websearch_to_tsquery('english', $1)::text, ' & ', ' | '), '')::tsquery AS any_term
  ),
  text_hits AS (
    SELECT d.kind, d.id, d.name, d.body,
           ((d.document @@ q.all_terms)::int + ts_rank_cd(d.document, q.any_term, 1))
             * CASE WHEN d.kind IN ('hypervisor_release', 'support_statement', 'vendor_relation', 'source', 'claim')
                    THEN 0.3 ELSE 1 END AS score
      FROM search_document d, q
     WHERE q.any_term IS NOT NULL AND d.document @@ q.any_term AND d.kind = ANY($2::text[])
  ),
  name_hits AS (
    SELECT d.kind, d.id, d.name, d.body, 0.1 * word_similarity($1, d.name) AS score
      FROM search_document d
     WHERE $1 <% d.name AND word_similarity($1, d.name) >= 0.5 AND d.kind = ANY($2::text[])
       AND NOT EXISTS (SELECT 1 FROM text_hits t WHERE t.kind = d.kind AND t.id = d.id)
  ),
  top AS (
    SELECT *, 'text' AS matched_by FROM text_hits
    UNION ALL
    SELECT *, 'name_similarity' FROM name_hits
    ORDER BY score DESC, name, kind, id
    LIMIT $3
  )
  SELECT top.kind, top.id, top.name, top.score::float8 AS score, top.matched_by AS "matchedBy",
         CASE WHEN top.matched_by = 'text'
              THEN ts_headline('english', top.name || ' — ' || top.body, q.any_term,
                               'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2')
              ELSE top.name END AS snippet
    FROM top, q
   ORDER BY top.score DESC, top.name, top.kind, top.id`;

export function searchDocuments(
  db: DataSource,
  query: string,
  kinds: readonly SearchKind[],
  limit: number,
): Promise<SearchRow[]> {
  return db.query<SearchRow[]>(SEARCH_SQL, [query, kinds, limit]);
}

/** The advisory lock every refresh of `search_document` takes first (a `hashtext` of this name). */
export const SEARCH_REFRESH_LOCK = 'virtlens-search-refresh';

/**
 * Rebuilds `search_document` inside the caller's transaction. REFRESH MATERIALIZED VIEW takes its snapshot
 * before it waits for the view's lock, so of two writers refreshing at once (two instances, or two pool
 * connections) the second would rebuild the view from a snapshot without the first's commit and drop it from
 * search. Taking this transaction-scoped lock in a statement of its own first means the refresh statement that
 * follows starts after the other writer committed, and sees it.
 */
export async function refreshSearchDocuments(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SEARCH_REFRESH_LOCK]);
  await manager.query('SELECT refresh_search_documents()');
}
