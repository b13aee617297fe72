import { Field, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import { LocalDate } from '../shared/scalars';
import { SOURCE_KINDS, type SourceEntity, type SourceKind } from './source.entity';
import { Node } from '../node/node.type';

export const SourceKindEnum = registerValuesEnum(
  SOURCE_KINDS,
  'SourceKind',
  'What kind of document a source is.',
  {
    news: 'A news article.',
    paper: 'A research paper (conference, journal or technical report).',
    documentation: 'Vendor or project documentation.',
    blog: 'A blog post.',
    press_release: 'A vendor’s press release.',
    wiki: 'A wiki page.',
    book: 'A book.',
    other: 'Anything else, e.g. a mailing-list post or a slide deck.',
  },
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

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, { description: 'Its title as published.' })
  title!: string;

  @Field(() => String, { description: 'Who published it (site, journal, vendor).' })
  publisher!: string;

  @Field(() => String, { description: 'Where it can be read.' })
  url!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Publication date; null when the source does not say.',
  })
  publishedOn!: string | null;

  @Field(() => SourceKindEnum, { description: 'What kind of document it is.' })
  kind!: SourceKind;

  @Field(() => Boolean, {
    description: 'True when its figures come from a third-party transcription rather than the primary text.',
  })
  secondary!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What the source is used for or how far to trust it; null for none.',
  })
  note!: string | null;
}
