import { Field, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import { TOPIC_CATEGORIES, type TopicCategory, type TopicEntity } from './topic.entity';
import { Node } from '../node/node.type';

export const TopicCategoryEnum = registerValuesEnum(
  TOPIC_CATEGORIES,
  'TopicCategory',
  'The area a topic belongs to.',
);

@ObjectType('Topic', {
  implements: Node,
  description: 'A subject a session can cover, including subjects no session covered.',
})
export class Topic implements Pick<TopicEntity, 'slug' | 'name' | 'category' | 'description'> {
  /** Database id; not exposed. */
  rowId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => TopicCategoryEnum)
  category!: TopicCategory;

  @Field(() => String)
  description!: string;
}
