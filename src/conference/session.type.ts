import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import {
  SESSION_KINDS,
  SESSION_STANCES,
  SPEAKER_ROLES,
  type SessionEntity,
  type SessionKind,
  type SessionSpeakerEntity,
  type SessionStance,
  type SpeakerRole,
} from './conference.entity';
import { Node } from '../node/node.type';

export const SessionKindEnum = registerValuesEnum(SESSION_KINDS, 'SessionKind', 'The format of a session.', {
  keynote: 'A keynote address to the whole conference.',
  panel: 'A moderated discussion among several panelists.',
  talk: 'A regular track talk by one or a few speakers.',
});

export const SessionStanceEnum = registerValuesEnum(
  SESSION_STANCES,
  'SessionStance',
  'Whose interest a session serves.',
  {
    technical: 'Explains how something works, whoever the speaker works for.',
    vendor_pitch: 'Presents a vendor’s products or strategy.',
    analysis: 'An analyst’s or journalist’s view of the market.',
  },
);

export const SpeakerRoleEnum = registerValuesEnum(
  SPEAKER_ROLES,
  'SpeakerRole',
  'The part a person plays in a session.',
  {
    speaker: 'Gives a talk.',
    panelist: 'Sits on a panel.',
    moderator: 'Chairs a panel or session.',
    keynote: 'Gives a keynote.',
  },
);

@ObjectType('Session', {
  implements: Node,
  description: 'A keynote, panel or talk on a conference programme.',
})
export class Session implements Pick<
  SessionEntity,
  'slug' | 'code' | 'title' | 'kind' | 'stance' | 'startsAt' | 'endsAt' | 'description'
> {
  rowId!: number;
  conferenceId!: number;
  trackId!: number | null;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The programme’s session code (e.g. V8), where known.',
  })
  code!: string | null;

  @Field(() => String, { description: 'The title as the programme gives it.' })
  title!: string;

  @Field(() => SessionKindEnum, { description: 'Keynote, panel or talk.' })
  kind!: SessionKind;

  @Field(() => SessionStanceEnum, {
    description: 'Whose interest it serves: a technical explanation, a vendor pitch or an analysis.',
  })
  stance!: SessionStance;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Start; null where no source gives it.' })
  startsAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'End; null where no source gives it.' })
  endsAt!: Date | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The day it was held: the UTC day of startsAt, else the day the sources give without a time; null where ' +
      'no source dates it (then sessions(from, to) leaves it out).',
  })
  heldOn!: string | null;

  @Field(() => DatePrecisionEnum, { description: 'How precisely heldOn is known.' })
  heldOnPrecision!: DatePrecision;

  @Field(() => String, { description: 'The programme’s abstract, in our own words.' })
  description!: string;
}

@ObjectType('SessionSpeaker', {
  description: 'A person on a session’s programme, in a role, speaking for a vendor (at that time).',
})
export class SessionSpeaker implements Pick<SessionSpeakerEntity, 'role'> {
  sessionId!: number;
  personId!: number;
  vendorId!: number | null;

  @Field(() => SpeakerRoleEnum, {
    description: 'The part the person played: speaker, panelist, moderator or keynote.',
  })
  role!: SpeakerRole;
}
