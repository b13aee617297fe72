import type { DataSource } from 'typeorm';
import type { DatePrecision } from '../shared/partial-date';
import type { SessionKind, SessionStance, SpeakerRole } from './conference.entity';

export interface SessionRow {
  id: number;
  slug: string;
  conference_id: number;
  track_id: number | null;
  code: string | null;
  title: string;
  kind: SessionKind;
  stance: SessionStance;
  starts_at: Date | null;
  ends_at: Date | null;
  held_on: string | null;
  held_on_precision: DatePrecision;
  description: string;
}

export interface OwnedSessionRow extends SessionRow {
  owner_id: number;
}

export interface SessionSpeakerRow {
  session_id: number;
  person_id: number;
  role: SpeakerRole;
  vendor_id: number | null;
}

/**
 * How each owner kind reaches its sessions: a condition on `s` (the session) and `o.id` (the owner id). The only
 * SQL fragments `sessionsOf` may use.
 */
const SESSION_OWNERS = {
  conference: 's.conference_id = o.id',
  track: 's.track_id = o.id',
  person: 'EXISTS (SELECT 1 FROM session_speaker sp WHERE sp.session_id = s.id AND sp.person_id = o.id)',
  vendor: 'EXISTS (SELECT 1 FROM session_speaker sp WHERE sp.session_id = s.id AND sp.vendor_id = o.id)',
  topic: 'EXISTS (SELECT 1 FROM session_topic st WHERE st.session_id = s.id AND st.topic_id = o.id)',
} as const;
export type SessionOwner = keyof typeof SESSION_OWNERS;

/**
 * A session's day, for `from`/`to` and ordering: the UTC day of its start, else the day recorded without a time
 * (`held_on`, first day of its period); null when no source dates it (such sessions match no date window).
 */
export const SESSION_DAY = `coalesce(s.held_on, CAST(s.starts_at AT TIME ZONE 'UTC' AS date))`;

/** The order of every session list: dated sessions first, by day and start, then by title. */
export const SESSION_ORDER = `${SESSION_DAY} NULLS LAST, s.starts_at NULLS LAST, lower(s.title), s.id`;

/** The sessions of many owners of one kind, in one statement; each session once per owner. */
export function sessionsOf(
  db: DataSource,
  owner: SessionOwner,
  ownerIds: readonly number[],
): Promise<OwnedSessionRow[]> {
  return db.query<OwnedSessionRow[]>(
    `SELECT o.id AS owner_id, s.id, s.slug, s.conference_id, s.track_id, s.code, s.title, s.kind, s.stance,
            s.starts_at, s.ends_at, s.held_on, s.held_on_precision, s.description
       FROM unnest($1::int[]) AS o(id)
       JOIN session s ON ${SESSION_OWNERS[owner]}
      ORDER BY ${SESSION_ORDER}`,
    [ownerIds],
  );
}

const SPEAKERS_OF_SESSIONS = `
  SELECT sp.session_id, sp.person_id, sp.role, sp.vendor_id
    FROM session_speaker sp
    JOIN person p ON p.id = sp.person_id
   WHERE sp.session_id = ANY($1::int[])
   ORDER BY lower(p.name), p.id`;

/** The speakers of many sessions, in one statement; by name. */
export function speakersOfSessions(
  db: DataSource,
  sessionIds: readonly number[],
): Promise<SessionSpeakerRow[]> {
  return db.query<SessionSpeakerRow[]>(SPEAKERS_OF_SESSIONS, [sessionIds]);
}
