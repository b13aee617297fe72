import type { EntityManager } from 'typeorm';
import type { SessionKind, SessionStance, SpeakerRole } from '../src/conference/conference.entity';
import type { TopicCategory } from '../src/topics/topic.entity';
import {
  cite,
  idsBySlug,
  lookup,
  partialDate,
  SeedDataError,
  upsert,
  type Cited,
  type Seed,
  type SeedResult,
} from './seed';

interface AffiliationRow {
  vendor: string;
  title: string | null;
  validFrom: string | null;
  validTo: string | null;
  sources: string[];
}
interface PersonRow extends Cited {
  name: string;
  description: string;
  affiliations?: AffiliationRow[];
}
interface TopicRow extends Cited {
  name: string;
  category: TopicCategory;
  description: string;
}
interface TrackRow {
  slug: string;
  name: string;
  description: string;
}
interface ConferenceRow extends Cited {
  name: string;
  city: string;
  venue: string | null;
  startsOn: string | null;
  endsOn: string | null;
  description: string;
  tracks?: TrackRow[];
}
interface SpeakerRow {
  person: string;
  role: SpeakerRole;
  vendor: string | null;
}
interface SessionRow extends Cited {
  conference: string;
  track: string | null;
  code: string | null;
  title: string;
  kind: SessionKind;
  stance: SessionStance;
  startsAt: string | null;
  endsAt: string | null;
  /** The day (`YYYY-MM-DD`, or `YYYY-MM`) the sources give when they give no time. */
  heldOn?: string | null;
  speakers?: SpeakerRow[];
  topics?: string[];
  description: string;
}

/** An instant with its offset, as sessions give their times: `2007-08-07T10:15:00-07:00`. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * People (with their affiliations), topics, conferences (with their tracks) and sessions (with speakers and
 * topics), citing the sources and naming the vendors the knowledge-core seed loaded. Each table is one
 * `INSERT … SELECT FROM jsonb_to_recordset … ON CONFLICT … DO UPDATE`; the affiliations, speakers and topics of
 * the seeded people and sessions are replaced, tracks of the seeded conferences are upserted by
 * (conference, slug) and those no longer in the data removed. Rows created through the API are left alone.
 */
export const conferenceSeed: Seed = {
  name: 'conference',
  files: ['people.json', 'topics.json', 'conferences.json', 'sessions.json'],
  async load(manager, data): Promise<SeedResult> {
    const people = data['people.json'] as PersonRow[];
    const topics = data['topics.json'] as TopicRow[];
    const conferences = data['conferences.json'] as ConferenceRow[];
    const sessions = data['sessions.json'] as SessionRow[];
    const sourceIds = await idsBySlug(manager, 'source');
    const vendorIds = await idsBySlug(manager, 'vendor');

    const personIds = await upsert(
      manager,
      `INSERT INTO person (slug, name, description)
       SELECT slug, name, description
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text, description text)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, description = excluded.description
       RETURNING id, slug`,
      people,
    );
    const affiliations = affiliationRows(people, personIds, vendorIds);
    await manager.query('DELETE FROM person_affiliation WHERE person_id = ANY($1::int[])', [
      [...personIds.values()],
    ]);
    // No natural key: each inserted row is matched back to its data row by (person, vendor, validFrom).
    const affiliationIds = await upsert(
      manager,
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(slug text, "personId" int, "vendorId" int, title text,
              "validFrom" date, "validFromPrecision" text, "validTo" date, "validToPrecision" text)
       ), inserted AS (
         INSERT INTO person_affiliation (person_id, vendor_id, title, valid_from, valid_from_precision, valid_to,
                                         valid_to_precision)
         SELECT "personId", "vendorId", title, "validFrom", "validFromPrecision"::date_precision, "validTo",
                "validToPrecision"::date_precision
         FROM x
         RETURNING id, person_id, vendor_id, valid_from
       )
       SELECT i.id, x.slug FROM inserted i
         JOIN x ON x."personId" = i.person_id AND x."vendorId" = i.vendor_id
               AND x."validFrom" IS NOT DISTINCT FROM i.valid_from`,
      affiliations,
    );

    const topicIds = await upsert(
      manager,
      `INSERT INTO topic (slug, name, category, description)
       SELECT slug, name, category::topic_category, description
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text, category text, description text)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, category = excluded.category,
         description = excluded.description
       RETURNING id, slug`,
      topics,
    );

    const conferenceIds = await upsert(
      manager,
      `INSERT INTO conference (slug, name, city, venue, starts_on, ends_on, description)
       SELECT slug, name, city, venue, "startsOn", "endsOn", description
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text, city text, venue text, "startsOn" date,
            "endsOn" date, description text)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, city = excluded.city, venue = excluded.venue,
         starts_on = excluded.starts_on, ends_on = excluded.ends_on, description = excluded.description
       RETURNING id, slug`,
      conferences.map((c) => ({
        ...c,
        startsOn: fullDate(c.startsOn, `conference ${c.slug}: startsOn`),
        endsOn: fullDate(c.endsOn, `conference ${c.slug}: endsOn`),
      })),
    );
    const trackIds = await loadTracks(manager, conferences, conferenceIds);

    const sessionIds = await upsert(
      manager,
      `INSERT INTO session (slug, conference_id, track_id, code, title, kind, stance, starts_at, ends_at, held_on,
                            held_on_precision, description)
       SELECT slug, "conferenceId", "trackId", code, title, kind::session_kind, stance::session_stance,
              "startsAt", "endsAt", "heldOn", "heldOnPrecision"::date_precision, description
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, "conferenceId" int, "trackId" int, code text, title text,
            kind text, stance text, "startsAt" timestamptz, "endsAt" timestamptz, "heldOn" date,
            "heldOnPrecision" text, description text)
       ON CONFLICT (slug) DO UPDATE SET conference_id = excluded.conference_id, track_id = excluded.track_id,
         code = excluded.code, title = excluded.title, kind = excluded.kind, stance = excluded.stance,
         starts_at = excluded.starts_at, ends_at = excluded.ends_at, held_on = excluded.held_on,
         held_on_precision = excluded.held_on_precision, description = excluded.description
       RETURNING id, slug`,
      sessions.map((s) => ({
        ...s,
        heldOn: partialDate(s.heldOn, `session ${s.slug}: heldOn`)?.date ?? null,
        heldOnPrecision: partialDate(s.heldOn, `session ${s.slug}: heldOn`)?.precision ?? 'day',
        conferenceId: lookup(conferenceIds, s.conference, `session ${s.slug}: conference`),
        trackId: s.track ? lookup(trackIds, `${s.conference}:${s.track}`, `session ${s.slug}: track`) : null,
        startsAt: instant(s.startsAt, `session ${s.slug}: startsAt`),
        endsAt: instant(s.endsAt, `session ${s.slug}: endsAt`),
      })),
    );
    const seededSessions = [...sessionIds.values()];

    const speakers = sessions.flatMap((s) =>
      (s.speakers ?? []).map((sp) => ({
        sessionId: lookup(sessionIds, s.slug, 'session'),
        personId: lookup(personIds, sp.person, `session ${s.slug}: speaker`),
        role: sp.role,
        vendorId: sp.vendor
          ? lookup(vendorIds, sp.vendor, `session ${s.slug}: speaker ${sp.person}: vendor`)
          : null,
      })),
    );
    await manager.query('DELETE FROM session_speaker WHERE session_id = ANY($1::int[])', [seededSessions]);
    await manager.query(
      `INSERT INTO session_speaker (session_id, person_id, role, vendor_id)
       SELECT "sessionId", "personId", role::speaker_role, "vendorId"
       FROM jsonb_to_recordset($1::jsonb) AS x("sessionId" int, "personId" int, role text, "vendorId" int)`,
      [JSON.stringify(speakers)],
    );

    const sessionTopics = sessions.flatMap((s) =>
      [...new Set(s.topics ?? [])].map((t) => [
        lookup(sessionIds, s.slug, 'session'),
        lookup(topicIds, t, `session ${s.slug}: topic`),
      ]),
    );
    await manager.query('DELETE FROM session_topic WHERE session_id = ANY($1::int[])', [seededSessions]);
    await manager.query(
      'INSERT INTO session_topic (session_id, topic_id) SELECT * FROM unnest($1::int[], $2::int[])',
      [sessionTopics.map((p) => p[0]), sessionTopics.map((p) => p[1])],
    );

    const citations =
      (await cite(manager, 'person', personIds, people, sourceIds)) +
      (await cite(manager, 'personAffiliation', affiliationIds, affiliations, sourceIds)) +
      (await cite(manager, 'topic', topicIds, topics, sourceIds)) +
      (await cite(manager, 'conference', conferenceIds, conferences, sourceIds)) +
      (await cite(manager, 'session', sessionIds, sessions, sourceIds));

    return {
      person: personIds.size,
      personAffiliation: affiliationIds.size,
      topic: topicIds.size,
      conference: conferenceIds.size,
      track: trackIds.size,
      session: sessionIds.size,
      sessionSpeaker: speakers.length,
      sessionTopic: sessionTopics.length,
      citation: citations,
    };
  },
};

/** Affiliation rows keyed `person:vendor:validFrom` (the key `cite` and the insert's match-back use). */
function affiliationRows(
  people: PersonRow[],
  personIds: Map<string, number>,
  vendorIds: Map<string, number>,
): (Cited & Record<string, unknown>)[] {
  const rows: (Cited & Record<string, unknown>)[] = [];
  const seen = new Set<string>();
  for (const p of people) {
    for (const a of p.affiliations ?? []) {
      const slug = `${p.slug}:${a.vendor}:${a.validFrom ?? ''}`;
      const from = partialDate(a.validFrom, `affiliation ${slug}: validFrom`);
      const to = partialDate(a.validTo, `affiliation ${slug}: validTo`);
      const vendorId = lookup(vendorIds, a.vendor, `person ${p.slug}: affiliation vendor`);
      const identity = `${p.slug}:${vendorId}:${from?.date ?? ''}`;
      if (seen.has(identity))
        throw new SeedDataError(`person ${p.slug} has two affiliations with ${a.vendor} from the same day`);
      seen.add(identity);
      if (from && to && to.date <= from.date)
        throw new SeedDataError(`affiliation ${slug}: validTo is not after validFrom`);
      rows.push({
        slug,
        sources: a.sources,
        personId: lookup(personIds, p.slug, 'person'),
        vendorId,
        title: a.title ?? null,
        validFrom: from?.date ?? null,
        validFromPrecision: from?.precision ?? 'day',
        validTo: to?.date ?? null,
        validToPrecision: to?.precision ?? 'day',
      });
    }
  }
  return rows;
}

/**
 * Upserts the tracks of the seeded conferences by (conference, slug) and removes their tracks no longer in the
 * data (their sessions' track becomes null, then the session upsert sets it again). Keys are `conference:track`.
 */
async function loadTracks(
  manager: EntityManager,
  conferences: ConferenceRow[],
  conferenceIds: Map<string, number>,
): Promise<Map<string, number>> {
  const tracks = conferences.flatMap((c) =>
    (c.tracks ?? []).map((t) => ({
      ...t,
      conference: c.slug,
      conferenceId: lookup(conferenceIds, c.slug, 'conference'),
    })),
  );
  const rows = await manager.query<{ id: number; conference_id: number; slug: string }[]>(
    `INSERT INTO track (conference_id, slug, name, description)
     SELECT "conferenceId", slug, name, description
     FROM jsonb_to_recordset($1::jsonb) AS x("conferenceId" int, slug text, name text, description text)
     ON CONFLICT (conference_id, slug) DO UPDATE SET name = excluded.name, description = excluded.description
     RETURNING id, conference_id, slug`,
    [JSON.stringify(tracks)],
  );
  await manager.query('DELETE FROM track WHERE conference_id = ANY($1::int[]) AND id <> ALL($2::int[])', [
    [...conferenceIds.values()],
    rows.map((r) => r.id),
  ]);
  const slugOf = new Map([...conferenceIds].map(([slug, id]) => [id, slug]));
  return new Map(rows.map((r) => [`${slugOf.get(r.conference_id)}:${r.slug}`, r.id]));
}

/** A `date` column without a precision column: only a full `YYYY-MM-DD` will do. */
function fullDate(value: string | null | undefined, what: string): string | null {
  const parsed = partialDate(value, what);
  if (parsed && parsed.precision !== 'day') throw new SeedDataError(`${what}: "${value}" is not a full date`);
  return parsed?.date ?? null;
}

/** A session time must carry its offset, or PostgreSQL would read it in the server's time zone. */
function instant(value: string | null | undefined, what: string): string | null {
  if (value === null || value === undefined) return null;
  if (!INSTANT.test(value) || Number.isNaN(Date.parse(value)))
    throw new SeedDataError(
      `${what}: "${value}" is not a time with an offset (e.g. 2007-08-07T10:15:00-07:00)`,
    );
  return value;
}
