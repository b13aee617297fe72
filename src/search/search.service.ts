import type { DataSource } from 'typeorm';
import { BadUserInputError } from '../errors';
import { searchDocuments, SEARCH_KINDS, type SearchKind } from './search.queries';
import type { SearchHit } from './search.type';

export const MAX_SEARCH_RESULTS = 100;

export class SearchService {
  constructor(private readonly db: DataSource) {}

  /** Validates the request and runs the ranked search (one SQL statement). */
  async search(
    query: string,
    kinds: readonly SearchKind[] | null | undefined,
    first: number,
  ): Promise<SearchHit[]> {
    const text = query.trim();
    if (!text) throw new BadUserInputError('query must not be empty.', 'query');
    if (text.length > 200) throw new BadUserInputError('query must be at most 200 characters.', 'query');
    if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_RESULTS) {
      throw new BadUserInputError(
        `first must be between 1 and ${MAX_SEARCH_RESULTS}; got ${first}.`,
        'first',
      );
    }
    if (kinds && kinds.length === 0)
      throw new BadUserInputError('kinds must name at least one kind.', 'kinds');
    const rows = await searchDocuments(this.db, text, kinds ?? SEARCH_KINDS, first);
    return rows.map((r) => ({
      rowId: r.id,
      kind: r.kind,
      title: r.name,
      score: r.score,
      matchedBy: r.matchedBy,
      snippet: r.snippet,
    }));
  }
}
