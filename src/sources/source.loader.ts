import DataLoader from 'dataloader';
import type { LoaderGroup } from '../context';
import { CITATION_TABLES, type CitingKind } from './source.queries';
import type { SourceService } from './source.service';
import type { Source } from './source.type';

export type CitationLoaders = Record<CitingKind, DataLoader<number, Source[]>>;

/** Per-request loaders: the sources each row of a kind cites, one SQL statement per kind and tick. */
export function createCitationLoaders(service: SourceService): CitationLoaders {
  const kinds = Object.keys(CITATION_TABLES) as CitingKind[];
  return Object.fromEntries(
    kinds.map((kind) => [kind, new DataLoader<number, Source[]>((ids) => service.citedBy(kind, ids))]),
  ) as CitationLoaders;
}

/** The sources each kind of row cites. Registered in src/loaders.ts; made on first use in a request. */
export const citationLoaderGroup: LoaderGroup<{ sources: SourceService }> = (s) => ({
  citations: createCitationLoaders(s.sources),
});

declare module '../context' {
  interface Loaders {
    citations: CitationLoaders;
  }
}
