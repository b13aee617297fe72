import { Field, Float, Int, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import type { SessionStance } from './conference.entity';
import { SessionStanceEnum } from './session.type';
import { HARDWARE_EVENTS, type HardwareEvent } from './track-coverage.queries';

export const HardwareEventEnum = registerValuesEnum(
  HARDWARE_EVENTS,
  'HardwareEvent',
  'What happened to a hardware feature on a date.',
  {
    announced: 'It was announced (its `announcedOn`).',
    shipped: 'The first products with it shipped (its `shippedOn`).',
  },
);

@ObjectType('TopicCoverage', { description: 'A topic that sessions in scope covered, and those sessions.' })
export class TopicCoverage {
  topicId!: number;
  sessionIds!: number[];

  @Field(() => Int, { description: 'Sessions in scope that covered the topic.' })
  sessionCount!: number;
}

@ObjectType('StanceShare', { description: 'How many sessions in scope took one stance.' })
export class StanceShare {
  sessionIds!: number[];

  @Field(() => SessionStanceEnum, { description: 'The stance counted.' })
  stance!: SessionStance;

  @Field(() => Int, { description: 'Sessions in scope with this stance.' })
  sessionCount!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'sessionCount ÷ all sessions in scope, from 0 to 1; null when there are no sessions.',
  })
  share!: number | null;
}

@ObjectType('VendorRepresentation', {
  description: 'A vendor someone spoke for in sessions in scope (as credited on the programme).',
})
export class VendorRepresentation {
  vendorId!: number;
  speakerIds!: number[];
  sessionIds!: number[];

  @Field(() => Int, { description: 'Sessions in scope with at least one speaker for the vendor.' })
  sessionCount!: number;
}

@ObjectType('HardwareAnnouncement', {
  description: 'A hardware feature announced or shipped near a conference’s first day.',
})
export class HardwareAnnouncement {
  featureId!: number;

  @Field(() => HardwareEventEnum, {
    description: 'Whether the feature was announced or first shipped on that date.',
  })
  event!: HardwareEvent;

  @Field(() => LocalDate, {
    description: 'The first day of the period the event is known to (see datePrecision).',
  })
  date!: string;

  @Field(() => DatePrecisionEnum, {
    description: 'How precisely the date is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  datePrecision!: DatePrecision;

  @Field(() => Int, {
    description: 'Days from the conference’s first day to `date`: negative before, 0 on it.',
  })
  daysFromConference!: number;
}

@ObjectType('TrackCoverage', {
  description:
    'What a conference, or one of its tracks, covered and missed: topics, stances, vendors, and the hardware ' +
    'news around it.',
})
export class TrackCoverage {
  conferenceId!: number;
  trackId!: number | null;
  uncoveredTopicIds!: number[];

  @Field(() => Int, { description: 'Sessions in scope (the whole conference, or the track).' })
  sessionCount!: number;

  @Field(() => [TopicCoverage], { description: 'Topics at least one session in scope covered, by name.' })
  covered!: TopicCoverage[];

  @Field(() => [StanceShare], { description: 'Every stance, in SessionStance order, with its share.' })
  stanceShares!: StanceShare[];

  @Field(() => Float, {
    nullable: true,
    description:
      'Share of the sessions in scope that were vendor pitches, from 0 to 1; null without sessions.',
  })
  vendorPitchShare!: number | null;

  @Field(() => [VendorRepresentation], {
    description: 'Vendors someone spoke for, most sessions first, then by name.',
  })
  vendorsRepresented!: VendorRepresentation[];

  @Field(() => Int, {
    description: 'How many days either side of the first day hardwareAnnouncements covers.',
  })
  announcementWindowDays!: number;

  @Field(() => [HardwareAnnouncement], {
    description:
      'Hardware features announced or shipped within announcementWindowDays of the conference’s first day, by ' +
      'date. Each recorded date of a feature is its own event (announced, shipped): a feature with one date counts ' +
      'by that date, one with both can appear twice. A month or year date counts from the first day of that ' +
      'period. Empty when the conference’s first day is not recorded.',
  })
  hardwareAnnouncements!: HardwareAnnouncement[];
}
