import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { HardwareFeature } from '../hardware/hardware-feature.type';
import { Person } from '../people/person.type';
import { required } from '../shared/resolving';
import { Topic } from '../topics/topic.type';
import { Vendor } from '../vendors/vendor.type';
import { Conference, Track } from './conference.type';
import { Session } from './session.type';
import type { TrackCoverageService } from './track-coverage.service';
import {
  HardwareAnnouncement,
  StanceShare,
  TopicCoverage,
  TrackCoverage,
  VendorRepresentation,
} from './track-coverage.type';

/** Loads rows by id through a per-request loader, in the order of `ids` (foreign keys guarantee each one). */
async function loadAll<T>(
  load: (id: number) => Promise<T | null>,
  ids: readonly number[],
  what: string,
): Promise<T[]> {
  return (await Promise.all(ids.map(load))).map((row, i) =>
    required(row, `${what} ${ids[i]}`, 'a coverage report'),
  );
}

@Resolver(() => TrackCoverage)
export class TrackCoverageResolver {
  constructor(private readonly service: TrackCoverageService) {}

  @Query(() => TrackCoverage, {
    description:
      'What a conference, or one of its tracks, covered and missed: topics with and without sessions, the share ' +
      'of each stance (vendor pitches included), the vendors who spoke, and hardware features announced or ' +
      'shipped around its first day. An unknown conference or track is NOT_FOUND naming the argument.',
  })
  trackCoverage(
    @Arg('conference', () => String, { description: 'Conference slug.' }) conference: string,
    @Arg('track', () => String, {
      nullable: true,
      description: 'Track slug within the conference; omit for the whole conference.',
    })
    track?: string | null,
  ): Promise<TrackCoverage> {
    return this.service.coverage(conference, track ?? null);
  }

  @FieldResolver(() => Conference, { description: 'The conference reported on.' })
  async conference(@Root() c: TrackCoverage, @Ctx() ctx: Context): Promise<Conference> {
    return required(await ctx.loaders.conferenceById.load(c.conferenceId), 'conference', 'a coverage report');
  }

  @FieldResolver(() => Track, { nullable: true, description: 'The track; null for the whole conference.' })
  track(@Root() c: TrackCoverage, @Ctx() ctx: Context): Promise<Track | null> | null {
    return c.trackId === null ? null : ctx.loaders.trackById.load(c.trackId);
  }

  @FieldResolver(() => [Topic], { description: 'Topics no session in scope covered, by name.' })
  uncovered(@Root() c: TrackCoverage, @Ctx() ctx: Context): Promise<Topic[]> {
    return loadAll((id) => ctx.loaders.topicById.load(id), c.uncoveredTopicIds, 'topic');
  }
}

@Resolver(() => TopicCoverage)
export class TopicCoverageResolver {
  @FieldResolver(() => Topic, { description: 'The topic covered.' })
  async topic(@Root() c: TopicCoverage, @Ctx() ctx: Context): Promise<Topic> {
    return required(await ctx.loaders.topicById.load(c.topicId), 'topic', 'a topic coverage');
  }

  @FieldResolver(() => [Session], {
    description: 'Sessions in scope on the topic, timed first by start, then by title.',
  })
  sessions(@Root() c: TopicCoverage, @Ctx() ctx: Context): Promise<Session[]> {
    return loadAll((id) => ctx.loaders.sessionById.load(id), c.sessionIds, 'session');
  }
}

@Resolver(() => StanceShare)
export class StanceShareResolver {
  @FieldResolver(() => [Session], {
    description: 'Sessions in scope of this stance, timed first, then by title.',
  })
  sessions(@Root() s: StanceShare, @Ctx() ctx: Context): Promise<Session[]> {
    return loadAll((id) => ctx.loaders.sessionById.load(id), s.sessionIds, 'session');
  }
}

@Resolver(() => VendorRepresentation)
export class VendorRepresentationResolver {
  @FieldResolver(() => Vendor, { description: 'The vendor spoken for.' })
  async vendor(@Root() v: VendorRepresentation, @Ctx() ctx: Context): Promise<Vendor> {
    return required(await ctx.loaders.vendorById.load(v.vendorId), 'vendor', 'a vendor representation');
  }

  @FieldResolver(() => [Person], { description: 'People who spoke for the vendor in scope, by name.' })
  speakers(@Root() v: VendorRepresentation, @Ctx() ctx: Context): Promise<Person[]> {
    return loadAll((id) => ctx.loaders.personById.load(id), v.speakerIds, 'person');
  }

  @FieldResolver(() => [Session], {
    description: 'Sessions in scope they spoke in, timed first, then by title.',
  })
  sessions(@Root() v: VendorRepresentation, @Ctx() ctx: Context): Promise<Session[]> {
    return loadAll((id) => ctx.loaders.sessionById.load(id), v.sessionIds, 'session');
  }
}

@Resolver(() => HardwareAnnouncement)
export class HardwareAnnouncementResolver {
  @FieldResolver(() => HardwareFeature, { description: 'The feature announced or shipped.' })
  async feature(@Root() a: HardwareAnnouncement, @Ctx() ctx: Context): Promise<HardwareFeature> {
    return required(await ctx.loaders.featureById.load(a.featureId), 'hardware feature', 'an announcement');
  }
}
