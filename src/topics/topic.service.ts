import { In, type DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { TopicEntity, type TopicCategory } from './topic.entity';
import { topicsOfSessions, type TopicRow } from './topic.queries';
import type { Topic } from './topic.type';
import { groupRows } from '../shared/loaders';

export interface TopicFilter {
  category?: TopicCategory | null;
  /** true: covered by at least one session; false: covered by none. */
  covered?: boolean | null;
}

export class TopicService {
  constructor(private readonly db: DataSource) {}

  async list(filter: TopicFilter, page: PageRequest): Promise<Page<Topic>> {
    const qb = this.db.getRepository(TopicEntity).createQueryBuilder('t');
    if (filter.category) qb.andWhere('t.category = :category', { category: filter.category });
    if (filter.covered === true)
      qb.andWhere('EXISTS (SELECT 1 FROM session_topic st WHERE st.topic_id = t.id)');
    if (filter.covered === false)
      qb.andWhere('NOT EXISTS (SELECT 1 FROM session_topic st WHERE st.topic_id = t.id)');
    const [rows, totalCount] = await qb
      .orderBy('lower(t.name)')
      .addOrderBy('t.id')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { rows: rows.map(toTopic), totalCount, offset: page.offset };
  }

  async bySlug(slug: string): Promise<Topic | null> {
    const row = await this.db.getRepository(TopicEntity).findOneBy({ slug });
    return row ? toTopic(row) : null;
  }

  /** Topics by database id (for node lookups and search hits). */
  async byIds(ids: readonly number[]): Promise<Topic[]> {
    return (await this.db.getRepository(TopicEntity).findBy({ id: In([...ids]) })).map(toTopic);
  }

  /** The topics of each session id, by name, in the order asked (for DataLoader). */
  async bySessionIds(sessionIds: readonly number[]): Promise<Topic[][]> {
    const rows = await topicsOfSessions(this.db, sessionIds);
    return groupRows(sessionIds, rows, (r) => r.owner_id).map((group) => group.map(toTopic));
  }
}

function toTopic(e: TopicRow): Topic {
  return {
    rowId: e.id,
    id: toGlobalId('Topic', e.id),
    slug: e.slug,
    name: e.name,
    category: e.category,
    description: e.description,
  };
}
