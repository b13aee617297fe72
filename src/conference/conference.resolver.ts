import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import {
  ConnectionArgs,
  ConnectionType,
  pageRequest,
  toConnection,
  type Connection,
} from '../shared/pagination';
import { Source } from '../sources/source.type';
import type { ConferenceService } from './conference.service';
import { Conference, Track } from './conference.type';
import { Session } from './session.type';
import { required } from '../shared/resolving';

export const ConferenceConnection = ConnectionType(Conference, 'Conference');

@Resolver(() => Conference)
export class ConferenceResolver {
  constructor(private readonly service: ConferenceService) {}

  @Query(() => ConferenceConnection, { description: 'Conferences, earliest first.' })
  async conferences(@Args(() => ConnectionArgs) args: ConnectionArgs): Promise<Connection<Conference>> {
    return toConnection(await this.service.list(pageRequest(args)));
  }

  @Query(() => Conference, { nullable: true, description: 'A conference by slug; null if there is none.' })
  conference(
    @Arg('slug', () => String, { description: 'The conference’s slug, e.g. "linuxworld-2007".' })
    slug: string,
  ): Promise<Conference | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => [Track], { description: 'Its tracks, by name.' })
  tracks(@Root() conference: Conference, @Ctx() ctx: Context): Promise<Track[]> {
    return ctx.loaders.tracksByConference.load(conference.rowId);
  }

  @FieldResolver(() => [Session], { description: 'Its sessions, timed ones first by start, then by title.' })
  sessions(@Root() conference: Conference, @Ctx() ctx: Context): Promise<Session[]> {
    return ctx.loaders.sessionsByConference.load(conference.rowId);
  }

  @FieldResolver(() => [Source], { description: 'Sources that state this conference’s facts.' })
  sources(@Root() conference: Conference, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.conference.load(conference.rowId);
  }
}

@Resolver(() => Track)
export class TrackResolver {
  @FieldResolver(() => Conference, { description: 'The conference the track belongs to.' })
  async conference(@Root() track: Track, @Ctx() ctx: Context): Promise<Conference> {
    return required(
      await ctx.loaders.conferenceById.load(track.conferenceId),
      'conference',
      `track ${track.rowId}`,
    );
  }

  @FieldResolver(() => [Session], { description: 'Its sessions, timed ones first by start, then by title.' })
  sessions(@Root() track: Track, @Ctx() ctx: Context): Promise<Session[]> {
    return ctx.loaders.sessionsByTrack.load(track.rowId);
  }
}
