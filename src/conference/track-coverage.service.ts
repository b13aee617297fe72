import type { DataSource } from 'typeorm';
import { NotFoundError } from '../errors';
import { trackCoverage } from './track-coverage.queries';
import type { TrackCoverage } from './track-coverage.type';

/** Hardware news counts as "around" a conference within this many days of its first day, either way. */
export const ANNOUNCEMENT_WINDOW_DAYS = 60;

/** Conference analytics: one SQL statement per coverage report, whatever the number of sessions and topics. */
export class TrackCoverageService {
  constructor(private readonly db: DataSource) {}

  /**
   * What a conference (or, with `track`, one of its tracks) covered and missed; see `trackCoverage` for the
   * rules. An unknown conference, or a track the conference does not have, is a NotFoundError naming the argument.
   */
  async coverage(conference: string, track: string | null): Promise<TrackCoverage> {
    const row = await trackCoverage(this.db, { conference, track, windowDays: ANNOUNCEMENT_WINDOW_DAYS });
    if (row.conferenceId === null) {
      throw new NotFoundError(`conference: no conference with slug "${conference}".`, 'conference');
    }
    if (track !== null && row.trackId === null) {
      throw new NotFoundError(
        `track: conference "${conference}" has no track with slug "${track}".`,
        'track',
      );
    }
    return {
      conferenceId: row.conferenceId,
      trackId: row.trackId,
      sessionCount: row.sessionCount,
      covered: row.covered.map((c) => ({ ...c, sessionCount: c.sessionIds.length })),
      uncoveredTopicIds: row.uncoveredTopicIds,
      stanceShares: row.stances.map((s) => ({ ...s, sessionCount: s.sessionIds.length })),
      vendorPitchShare: row.vendorPitchShare,
      vendorsRepresented: row.vendors.map((v) => ({ ...v, sessionCount: v.sessionIds.length })),
      announcementWindowDays: ANNOUNCEMENT_WINDOW_DAYS,
      hardwareAnnouncements: row.hardware,
    };
  }
}
