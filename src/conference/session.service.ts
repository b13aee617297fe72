import { In, type DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { SessionEntity, type SessionKind, type SessionStance } from './conference.entity';
import {
  SESSION_DAY,
  sessionsOf,
  speakersOfSessions,
  type SessionOwner,
  type SessionRow,
} from './session.queries';
import type { Session, SessionSpeaker } from './session.type';
import { groupRows } from '../shared/loaders';

export interface SessionFilter {
  conference?: string | null;
  track?: string | null;
  topic?: string | null;
  stance?: SessionStance | null;
  kind?: SessionKind | null;
  /** Person slug. */
  speaker?: string | null;
  /** Vendor slug: someone spoke for it. */
  vendor?: string | null;
  /** `YYYY-MM-DD`, inclusive, on the session's day (the UTC day of `starts_at`, else `held_on`). */
  from?: string | null;
  to?: string | null;
}

export class SessionService {
  constructor(private readonly db: DataSource) {}

  /** Sessions matching every given filter, timed ones first by start, then by title. */
  async list(filter: SessionFilter, page: PageRequest): Promise<Page<Session>> {
    const qb = this.db.getRepository(SessionEntity).createQueryBuilder('s');
    if (filter.conference)
      qb.innerJoin('s.conference', 'c', 'c.slug = :conference', { conference: filter.conference });
    if (filter.track) qb.innerJoin('s.track', 't', 't.slug = :track', { track: filter.track });
    if (filter.topic)
      qb.andWhere(
        `EXISTS (SELECT 1 FROM session_topic st JOIN topic tp ON tp.id = st.topic_id
                  WHERE st.session_id = s.id AND tp.slug = :topic)`,
        { topic: filter.topic },
      );
    if (filter.stance) qb.andWhere('s.stance = :stance', { stance: filter.stance });
    if (filter.kind) qb.andWhere('s.kind = :kind', { kind: filter.kind });
    if (filter.speaker)
      qb.andWhere(
        `EXISTS (SELECT 1 FROM session_speaker sp JOIN person p ON p.id = sp.person_id
                  WHERE sp.session_id = s.id AND p.slug = :speaker)`,
        { speaker: filter.speaker },
      );
    if (filter.vendor)
      qb.andWhere(
        `EXISTS (SELECT 1 FROM session_speaker sv JOIN vendor v ON v.id = sv.vendor_id
                  WHERE sv.session_id = s.id AND v.slug = :vendor)`,
        { vendor: filter.vendor },
      );
    // A session's day: the UTC day of its start, else the day recorded without a time (SESSION_DAY).
    if (filter.from) qb.andWhere(`${SESSION_DAY} >= CAST(:from AS date)`, { from: filter.from });
    if (filter.to) qb.andWhere(`${SESSION_DAY} <= CAST(:to AS date)`, { to: filter.to });
    const [rows, totalCount] = await qb
      .orderBy(SESSION_DAY, 'ASC', 'NULLS LAST')
      .addOrderBy('s.startsAt', 'ASC', 'NULLS LAST')
      .addOrderBy('lower(s.title)')
      .addOrderBy('s.id')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { rows: rows.map(toSession), totalCount, offset: page.offset };
  }

  async bySlug(slug: string): Promise<Session | null> {
    const row = await this.db.getRepository(SessionEntity).findOneBy({ slug });
    return row ? toSession(row) : null;
  }

  /** Sessions by database id (for node lookups and search hits). */
  async byIds(ids: readonly number[]): Promise<Session[]> {
    return (await this.db.getRepository(SessionEntity).findBy({ id: In([...ids]) })).map(toSession);
  }

  /** The sessions of each owner id (conference, track, person, vendor or topic), in the order asked. */
  async byOwnerIds(owner: SessionOwner, ownerIds: readonly number[]): Promise<Session[][]> {
    const rows = await sessionsOf(this.db, owner, ownerIds);
    return groupRows(ownerIds, rows, (r) => r.owner_id).map((group) => group.map(rowToSession));
  }

  /** The speakers of each session id, by name, in the order asked (for DataLoader). */
  async speakersBySessionIds(sessionIds: readonly number[]): Promise<SessionSpeaker[][]> {
    const groups = new Map<number, SessionSpeaker[]>(sessionIds.map((id) => [id, []]));
    for (const row of await speakersOfSessions(this.db, sessionIds))
      groups.get(row.session_id)?.push({
        sessionId: row.session_id,
        personId: row.person_id,
        vendorId: row.vendor_id,
        role: row.role,
      });
    return sessionIds.map((id) => groups.get(id) ?? []);
  }
}

function toSession(e: SessionEntity): Session {
  return {
    rowId: e.id,
    conferenceId: e.conferenceId,
    trackId: e.trackId,
    id: toGlobalId('Session', e.id),
    slug: e.slug,
    code: e.code,
    title: e.title,
    kind: e.kind,
    stance: e.stance,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    heldOn: e.heldOn ?? (e.startsAt ? e.startsAt.toISOString().slice(0, 10) : null),
    heldOnPrecision: e.heldOn ? e.heldOnPrecision : 'day',
    description: e.description,
  };
}

function rowToSession(r: SessionRow): Session {
  return toSession({
    ...r,
    conferenceId: r.conference_id,
    trackId: r.track_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    heldOn: r.held_on,
    heldOnPrecision: r.held_on_precision,
  });
}
