import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../shared/pagination';
import type { TopicCategory } from './topic.entity';
import { TopicCategoryEnum } from './topic.type';

@ArgsType()
export class TopicsArgs extends ConnectionArgs {
  @Field(() => TopicCategoryEnum, { nullable: true, description: 'Only topics in this category.' })
  category?: TopicCategory | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only topics at least one session covers; false: only topics no session covers.',
  })
  covered?: boolean | null;
}
