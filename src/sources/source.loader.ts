import DataLoader from 'dataloader';
import type { CitingKind } from './source.queries';
import type { SourceService } from './source.service';
import type { Source } from './source.type';

export type CitationLoaders = Record<CitingKind, DataLoader<number, Source[]>>;

/** Per-request loaders: the sources each row of a kind cites, one SQL statement per kind and tick. */
export function createCitationLoaders(service: SourceService): CitationLoaders {
  const make = (kind: CitingKind) => new DataLoader<number, Source[]>((ids) => service.citedBy(kind, ids));
  return { license: make('license'), vendor: make('vendor'), hypervisor: make('hypervisor') };
}
