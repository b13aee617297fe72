import { In, type DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { ConferenceEntity, TrackEntity } from './conference.entity';
import type { Conference, Track } from './conference.type';
import { groupRows } from '../shared/loaders';

export class ConferenceService {
  constructor(private readonly db: DataSource) {}

  /** Conferences, earliest first (undated last), then by name. */
  async list(page: PageRequest): Promise<Page<Conference>> {
    const [rows, totalCount] = await this.db
      .getRepository(ConferenceEntity)
      .createQueryBuilder('c')
      .orderBy('c.startsOn', 'ASC', 'NULLS LAST')
      .addOrderBy('lower(c.name)')
      .addOrderBy('c.id')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { rows: rows.map(toConference), totalCount, offset: page.offset };
  }

  async bySlug(slug: string): Promise<Conference | null> {
    const row = await this.db.getRepository(ConferenceEntity).findOneBy({ slug });
    return row ? toConference(row) : null;
  }

  /** Conferences by database id, in the order asked (null where missing), for DataLoader. */
  async byIds(ids: readonly number[]): Promise<(Conference | null)[]> {
    const rows = await this.db.getRepository(ConferenceEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, toConference(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Tracks by database id, in the order asked (null where missing), for DataLoader. */
  async tracksByIds(ids: readonly number[]): Promise<(Track | null)[]> {
    const rows = await this.db.getRepository(TrackEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, toTrack(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The tracks of each conference id, by name, in the order asked (for DataLoader). */
  async tracksByConferenceIds(conferenceIds: readonly number[]): Promise<Track[][]> {
    const rows = await this.db
      .getRepository(TrackEntity)
      .createQueryBuilder('t')
      .where('t.conferenceId IN (:...conferenceIds)', { conferenceIds })
      .orderBy('lower(t.name)')
      .addOrderBy('t.id')
      .getMany();
    return groupRows(conferenceIds, rows, (r) => r.conferenceId).map((group) => group.map(toTrack));
  }
}

function toConference(e: ConferenceEntity): Conference {
  return {
    rowId: e.id,
    id: toGlobalId('Conference', e.id),
    slug: e.slug,
    name: e.name,
    city: e.city,
    venue: e.venue,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    description: e.description,
  };
}

function toTrack(e: TrackEntity): Track {
  return {
    rowId: e.id,
    conferenceId: e.conferenceId,
    id: toGlobalId('Track', e.id),
    slug: e.slug,
    name: e.name,
    description: e.description,
  };
}
