import type { DataSource } from 'typeorm';
import type { TopicCategory } from './topic.entity';

export interface TopicRow {
  id: number;
  slug: string;
  name: string;
  category: TopicCategory;
  description: string;
}

export interface TopicOfSessionRow extends TopicRow {
  owner_id: number;
}

const TOPICS_OF_SESSIONS = `
  SELECT st.session_id AS owner_id, t.id, t.slug, t.name, t.category, t.description
    FROM session_topic st
    JOIN topic t ON t.id = st.topic_id
   WHERE st.session_id = ANY($1::int[])
   ORDER BY lower(t.name), t.id`;

/** The topics of many sessions, in one statement; by name. */
export function topicsOfSessions(
  db: DataSource,
  sessionIds: readonly number[],
): Promise<TopicOfSessionRow[]> {
  return db.query<TopicOfSessionRow[]>(TOPICS_OF_SESSIONS, [sessionIds]);
}
