import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../shared/pagination';
import { LocalDate } from '../shared/scalars';
import type { SessionKind, SessionStance } from './conference.entity';
import { SessionKindEnum, SessionStanceEnum } from './session.type';

@ArgsType()
export class SessionsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Only sessions of the conference with this slug.' })
  conference?: string | null;

  @Field(() => String, { nullable: true, description: 'Only sessions in a track with this slug.' })
  track?: string | null;

  @Field(() => String, { nullable: true, description: 'Only sessions that cover the topic with this slug.' })
  topic?: string | null;

  @Field(() => SessionStanceEnum, { nullable: true, description: 'Only sessions that take this stance.' })
  stance?: SessionStance | null;

  @Field(() => SessionKindEnum, { nullable: true, description: 'Only keynotes, panels or talks.' })
  kind?: SessionKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only sessions where the person with this slug is on the programme.',
  })
  speaker?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only sessions where someone spoke for the vendor with this slug.',
  })
  vendor?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Only sessions starting on or after this day (UTC); sessions without a time are left out.',
  })
  from?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Only sessions starting on or before this day (UTC); sessions without a time are left out.',
  })
  to?: string | null;
}
