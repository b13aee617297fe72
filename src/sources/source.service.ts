import { In, type DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { sourcesCitedBy, type CitingKind, type SourceRow } from './source.queries';
import { SourceEntity, type SourceKind } from './source.entity';
import type { Source } from './source.type';
import { groupRows } from '../shared/loaders';

export interface SourceFilter {
  kind?: SourceKind | null;
  publisher?: string | null;
}

export class SourceService {
  constructor(private readonly db: DataSource) {}

  async list(filter: SourceFilter, page: PageRequest): Promise<Page<Source>> {
    const qb = this.db.getRepository(SourceEntity).createQueryBuilder('s');
    if (filter.kind) qb.andWhere('s.kind = :kind', { kind: filter.kind });
    if (filter.publisher)
      qb.andWhere('lower(s.publisher) = lower(:publisher)', { publisher: filter.publisher });
    const [rows, totalCount] = await qb
      .orderBy('s.published_on', 'ASC', 'NULLS LAST')
      .addOrderBy('lower(s.title)')
      .addOrderBy('s.id')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { rows: rows.map(toSource), totalCount, offset: page.offset };
  }

  async bySlug(slug: string): Promise<Source | null> {
    const row = await this.db.getRepository(SourceEntity).findOneBy({ slug });
    return row ? toSource(row) : null;
  }

  /** Sources by database id (for node lookups and search hits). */
  async byIds(ids: readonly number[]): Promise<Source[]> {
    return (await this.db.getRepository(SourceEntity).findBy({ id: In([...ids]) })).map(toSource);
  }

  /** Sources cited by each owner id, in the order of `ownerIds` (for DataLoader). */
  async citedBy(kind: CitingKind, ownerIds: readonly number[]): Promise<Source[][]> {
    const rows = await sourcesCitedBy(this.db, kind, ownerIds);
    return groupRows(ownerIds, rows, (r) => r.owner_id).map((group) => group.map(rowToSource));
  }
}

function toSource(e: SourceEntity): Source {
  return {
    rowId: e.id,
    id: toGlobalId('Source', e.id),
    slug: e.slug,
    title: e.title,
    publisher: e.publisher,
    url: e.url,
    publishedOn: e.publishedOn,
    kind: e.kind,
    secondary: e.secondary,
    note: e.note,
  };
}

function rowToSource(r: SourceRow): Source {
  return toSource({ ...r, publishedOn: r.published_on });
}
