import { Field, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import { LocalDate } from '../shared/scalars';
import { SOURCE_KINDS, type SourceEntity, type SourceKind } from './source.entity';
import { Node } from '../node/node.type';

export const SourceKindEnum = registerValuesEnum(
  SOURCE_KINDS,
  'SourceKind',
  'What kind of document a source is.',
);

@ObjectType('Source', {
  implements: Node,
  description: 'A published document that facts cite.',
  simpleResolvers: true,
})
export class Source implements Pick<
  SourceEntity,
  'slug' | 'title' | 'publisher' | 'url' | 'publishedOn' | 'kind'
> {
  /** Database id; not exposed. */
  rowId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'Who published it (site, journal, vendor).' })
  publisher!: string;

  @Field(() => String)
  url!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Publication date; null when the source does not say.',
  })
  publishedOn!: string | null;

  @Field(() => SourceKindEnum)
  kind!: SourceKind;

  @Field(() => Boolean, {
    description: 'True when its figures come from a third-party transcription rather than the primary text.',
  })
  secondary!: boolean;

  @Field(() => String, { nullable: true })
  note!: string | null;
}
