import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { BadUserInputError } from '../errors';
import { Person } from '../people/person.type';
import { ConnectionType, pageRequest, toConnection, type Connection } from '../shared/pagination';
import { Source } from '../sources/source.type';
import { Topic } from '../topics/topic.type';
import { Vendor } from '../vendors/vendor.type';
import { Conference, Track } from './conference.type';
import { SessionsArgs } from './session.args';
import type { SessionService } from './session.service';
import { Session, SessionSpeaker } from './session.type';
import { required } from '../shared/resolving';

export const SessionConnection = ConnectionType(Session, 'Session');

@Resolver(() => Session)
export class SessionResolver {
  constructor(private readonly service: SessionService) {}

  @Query(() => SessionConnection, {
    description: 'Sessions matching every filter given; timed ones first by start, then by title.',
  })
  async sessions(@Args(() => SessionsArgs) args: SessionsArgs): Promise<Connection<Session>> {
    if (args.from && args.to && args.from > args.to) {
      throw new BadUserInputError(`from (${args.from}) must not be after to (${args.to}).`, 'from');
    }
    const page = pageRequest(args);
    return toConnection(await this.service.list(args, page));
  }

  @Query(() => Session, { nullable: true, description: 'A session by slug; null if there is none.' })
  session(
    @Arg('slug', () => String, { description: 'The session’s slug.' }) slug: string,
  ): Promise<Session | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => Conference, { description: 'The conference whose programme lists it.' })
  async conference(@Root() session: Session, @Ctx() ctx: Context): Promise<Conference> {
    return required(await ctx.loaders.conferenceById.load(session.conferenceId), 'conference', session.slug);
  }

  @FieldResolver(() => Track, { nullable: true, description: 'Its track; null where it had none.' })
  async track(@Root() session: Session, @Ctx() ctx: Context): Promise<Track | null> {
    return session.trackId === null ? null : ctx.loaders.trackById.load(session.trackId);
  }

  @FieldResolver(() => [SessionSpeaker], { description: 'Who was on the programme, by name.' })
  speakers(@Root() session: Session, @Ctx() ctx: Context): Promise<SessionSpeaker[]> {
    return ctx.loaders.speakersBySession.load(session.rowId);
  }

  @FieldResolver(() => [Topic], { description: 'Topics it covered, by name.' })
  topics(@Root() session: Session, @Ctx() ctx: Context): Promise<Topic[]> {
    return ctx.loaders.topicsBySession.load(session.rowId);
  }

  @FieldResolver(() => [Source], { description: 'Sources that state this session’s facts.' })
  sources(@Root() session: Session, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.session.load(session.rowId);
  }
}

@Resolver(() => SessionSpeaker)
export class SessionSpeakerResolver {
  @FieldResolver(() => Person, { description: 'Who spoke.' })
  async person(@Root() speaker: SessionSpeaker, @Ctx() ctx: Context): Promise<Person> {
    return required(
      await ctx.loaders.personById.load(speaker.personId),
      'speaker',
      `session ${speaker.sessionId}`,
    );
  }

  @FieldResolver(() => Vendor, {
    nullable: true,
    description: 'Who they spoke for at the time; null where no source says.',
  })
  async vendor(@Root() speaker: SessionSpeaker, @Ctx() ctx: Context): Promise<Vendor | null> {
    return speaker.vendorId === null ? null : ctx.loaders.vendorById.load(speaker.vendorId);
  }
}
