import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../shared/pagination';
import type { SourceKind } from './source.entity';
import { SourceKindEnum } from './source.type';

@ArgsType()
export class SourcesArgs extends ConnectionArgs {
  @Field(() => SourceKindEnum, { nullable: true, description: 'Only sources of this kind.' })
  kind?: SourceKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only sources from this publisher (exact, case-insensitive).',
  })
  publisher?: string | null;
}
