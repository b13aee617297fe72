import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Person } from '../people/person.type';
import { Topic } from '../topics/topic.type';
import { Vendor } from '../vendors/vendor.type';
import { Session } from './session.type';

/*
 * Fields that lead from other domains into the conference programme. They live here, not in those domains'
 * resolvers, so vendors, people and topics never depend on the conference domain.
 */

@Resolver(() => Vendor)
export class VendorConferenceResolver {
  @FieldResolver(() => [Person], { description: 'People affiliated with this vendor at any time, by name.' })
  people(@Root() vendor: Vendor, @Ctx() ctx: Context): Promise<Person[]> {
    return ctx.loaders.peopleByVendor.load(vendor.rowId);
  }

  @FieldResolver(() => [Session], {
    description: 'Sessions where someone spoke for this vendor; timed ones first by start, then by title.',
  })
  sessions(@Root() vendor: Vendor, @Ctx() ctx: Context): Promise<Session[]> {
    return ctx.loaders.sessionsByVendor.load(vendor.rowId);
  }
}

@Resolver(() => Person)
export class PersonSessionsResolver {
  @FieldResolver(() => [Session], {
    description: 'Sessions this person was on the programme of; timed ones first by start, then by title.',
  })
  sessions(@Root() person: Person, @Ctx() ctx: Context): Promise<Session[]> {
    return ctx.loaders.sessionsByPerson.load(person.rowId);
  }
}

@Resolver(() => Topic)
export class TopicSessionsResolver {
  @FieldResolver(() => [Session], {
    description: 'Sessions that covered this topic; timed ones first by start, then by title.',
  })
  sessions(@Root() topic: Topic, @Ctx() ctx: Context): Promise<Session[]> {
    return ctx.loaders.sessionsByTopic.load(topic.rowId);
  }
}
