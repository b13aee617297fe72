import type { DataSource } from 'typeorm';
import type { DatePrecision } from '../shared/partial-date';
import type { SessionStance } from './conference.entity';
import { SESSION_ORDER } from './session.queries';

/** What happened to a hardware feature on a date. */
export const HARDWARE_EVENTS = ['announced', 'shipped'] as const;
export type HardwareEvent = (typeof HARDWARE_EVENTS)[number];

export interface TopicCoverageRow {
  topicId: number;
  /** In session order (timed first by start, then by title). */
  sessionIds: number[];
}

export interface StanceShareRow {
  stance: SessionStance;
  sessionIds: number[];
  /** Sessions of this stance ÷ all sessions in scope; null when there are none. */
  share: number | null;
}

export interface VendorRepresentationRow {
  vendorId: number;
  /** People who spoke for the vendor, by name. */
  speakerIds: number[];
  sessionIds: number[];
}

export interface HardwareAnnouncementRow {
  featureId: number;
  event: HardwareEvent;
  date: string;
  datePrecision: DatePrecision;
  daysFromConference: number;
}

export interface TrackCoverageRow {
  /** Null when no conference has the slug. */
  conferenceId: number | null;
  /** Null when no track was asked for, or the conference has no track with the slug. */
  trackId: number | null;
  sessionCount: number;
  covered: TopicCoverageRow[];
  uncoveredTopicIds: number[];
  stances: StanceShareRow[];
  vendorPitchShare: number | null;
  vendors: VendorRepresentationRow[];
  hardware: HardwareAnnouncementRow[];
}

/** $1 conference slug, $2 track slug or null, $3 the hardware window in days. */
const TRACK_COVERAGE = `
  WITH conf AS (
    SELECT c.id, c.starts_on FROM conference c WHERE c.slug = $1
  ), trk AS (
    SELECT t.id FROM track t JOIN conf ON t.conference_id = conf.id WHERE t.slug = $2::text
  ), scope AS (
    SELECT s.id, s.stance, row_number() OVER (ORDER BY ${SESSION_ORDER}) AS ord
      FROM session s JOIN conf ON s.conference_id = conf.id
     WHERE $2::text IS NULL OR s.track_id = (SELECT id FROM trk)
  ), covered AS (
    SELECT st.topic_id, array_agg(sc.id ORDER BY sc.ord) AS session_ids
      FROM session_topic st JOIN scope sc ON sc.id = st.session_id
     GROUP BY st.topic_id
  ), speaker AS (
    SELECT sp.vendor_id, sp.person_id, sp.session_id
      FROM session_speaker sp JOIN scope sc ON sc.id = sp.session_id
     WHERE sp.vendor_id IS NOT NULL
  ), represented AS (
    SELECT v.id, v.name,
           (SELECT array_agg(p.id ORDER BY lower(p.name), p.id) FROM person p
             WHERE p.id IN (SELECT x.person_id FROM speaker x WHERE x.vendor_id = v.id)) AS speaker_ids,
           (SELECT array_agg(sc.id ORDER BY sc.ord) FROM scope sc
             WHERE sc.id IN (SELECT x.session_id FROM speaker x WHERE x.vendor_id = v.id)) AS session_ids
      FROM vendor v
     WHERE v.id IN (SELECT vendor_id FROM speaker)
  ), hardware_event AS (
    SELECT f.id, f.name, 'announced' AS event, f.announced_on AS date, f.announced_on_precision AS precision
      FROM hardware_feature f WHERE f.announced_on IS NOT NULL
    UNION ALL
    SELECT f.id, f.name, 'shipped', f.shipped_on, f.shipped_on_precision
      FROM hardware_feature f WHERE f.shipped_on IS NOT NULL
  )
  SELECT (SELECT id FROM conf) AS "conferenceId",
         (SELECT id FROM trk) AS "trackId",
         (SELECT count(*)::int FROM scope) AS "sessionCount",
         (SELECT coalesce(json_agg(json_build_object('topicId', t.id, 'sessionIds', cv.session_ids)
                                   ORDER BY lower(t.name), t.id), '[]')
            FROM covered cv JOIN topic t ON t.id = cv.topic_id) AS covered,
         (SELECT coalesce(json_agg(t.id ORDER BY lower(t.name), t.id), '[]')
            FROM topic t WHERE NOT EXISTS (SELECT 1 FROM covered cv WHERE cv.topic_id = t.id)) AS "uncoveredTopicIds",
         (SELECT json_agg(json_build_object(
                   'stance', x.stance,
                   'sessionIds', (SELECT coalesce(array_agg(sc.id ORDER BY sc.ord), '{}') FROM scope sc
                                   WHERE sc.stance = x.stance),
                   'share', (SELECT count(*) FILTER (WHERE sc.stance = x.stance)::float8 / nullif(count(*), 0)
                               FROM scope sc))
                 ORDER BY x.stance)
            FROM unnest(enum_range(NULL::session_stance)) AS x(stance)) AS stances,
         (SELECT count(*) FILTER (WHERE sc.stance = 'vendor_pitch')::float8 / nullif(count(*), 0) FROM scope sc)
           AS "vendorPitchShare",
         (SELECT coalesce(json_agg(json_build_object('vendorId', r.id, 'speakerIds', r.speaker_ids,
                                                     'sessionIds', r.session_ids)
                                   ORDER BY cardinality(r.session_ids) DESC, lower(r.name), r.id), '[]')
            FROM represented r) AS vendors,
         (SELECT coalesce(json_agg(json_build_object('featureId', e.id, 'event', e.event, 'date', e.date,
                                                     'datePrecision', e.precision,
                                                     'daysFromConference', e.date - conf.starts_on)
                                   ORDER BY e.date, lower(e.name), e.id, e.event), '[]')
            FROM hardware_event e JOIN conf ON abs(e.date - conf.starts_on) <= $3::int) AS hardware`;

/**
 * A conference's (or one track's) coverage in one statement, whatever the number of sessions and topics. Ids
 * only: the resolvers load topics, sessions, vendors, people and features through per-request loaders.
 * Unknown slugs come back as null ids (the caller decides what that means).
 *
 * - Topics: covered when at least one session in scope has the topic; every other topic is uncovered.
 * - Stances: every stance, in enum order, with its share of the sessions in scope.
 * - Vendors: those someone spoke for in a session in scope (the speaker's vendor on the programme), most
 *   sessions first, then by name.
 * - Hardware: one event per recorded date of a feature — announced (`announced_on`) and shipped (`shipped_on`);
 *   a feature with only one date thus counts by `coalesce(announced_on, shipped_on)`, and one with both can
 *   appear twice — kept when within `windowDays` of the conference's first day either way. A month- or
 *   year-precision date counts from the first day of its period. A conference without a start date has none.
 */
export async function trackCoverage(
  db: DataSource,
  params: { conference: string; track: string | null; windowDays: number },
): Promise<TrackCoverageRow> {
  const [row] = await db.query<TrackCoverageRow[]>(TRACK_COVERAGE, [
    params.conference,
    params.track,
    params.windowDays,
  ]);
  return row;
}
