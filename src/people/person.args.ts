import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../shared/pagination';

@ArgsType()
export class PeopleArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only people affiliated (at any time) with the vendor of this slug.',
  })
  vendor?: string | null;
}
