import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../shared/scalars';
import type { ConferenceEntity, TrackEntity } from './conference.entity';
import { Node } from '../node/node.type';

@ObjectType('Conference', {
  implements: Node,
  description: 'A conference whose programme the sources describe.',
})
export class Conference implements Pick<
  ConferenceEntity,
  'slug' | 'name' | 'city' | 'venue' | 'startsOn' | 'endsOn' | 'description'
> {
  /** Database id; not exposed. */
  rowId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, { description: 'Its name, e.g. "LinuxWorld Conference & Expo 2007".' })
  name!: string;

  @Field(() => String, { description: 'The city it took place in.' })
  city!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The building it took place in; null when the sources do not say.',
  })
  venue!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'First day; null where no source gives it.' })
  startsOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day; null where no source gives it.' })
  endsOn!: string | null;

  @Field(() => String, { description: 'What the conference was, in prose.' })
  description!: string;
}

@ObjectType('Track', {
  implements: Node,
  description: 'A track of a conference’s programme.',
})
export class Track implements Pick<TrackEntity, 'slug' | 'name' | 'description'> {
  rowId!: number;
  conferenceId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, { description: 'Unique within its conference.' })
  slug!: string;

  @Field(() => String, { description: 'The track’s name on the programme.' })
  name!: string;

  @Field(() => String, { description: 'What the track covered, in prose.' })
  description!: string;
}
