import { Field, Float, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import { SEARCH_KINDS, type SearchKind } from './search.queries';

export const SearchKindEnum = registerValuesEnum(
  SEARCH_KINDS,
  'SearchKind',
  'A kind of object that search can find.',
);

export const MATCH_KINDS = ['text', 'name_similarity'] as const;
export const SearchMatchEnum = registerValuesEnum(
  MATCH_KINDS,
  'SearchMatch',
  'How a hit matched the query.',
  {
    text: 'Full-text match on the words of the query.',
    name_similarity: 'No word matched; the name is spelled like the query (typo tolerance).',
  },
);

/** One search hit; `node` is resolved through the per-request loaders of its kind. */
@ObjectType('SearchHit', {
  description: 'A ranked search hit with a highlighted snippet and the object it matched.',
})
export class SearchHit {
  rowId!: number;

  @Field(() => SearchKindEnum)
  kind!: SearchKind;

  @Field(() => String, { description: 'The matched object’s name or title.' })
  title!: string;

  @Field(() => Float, {
    description: 'Relevance: higher is better; hits with every query word score above 1.',
  })
  score!: number;

  @Field(() => SearchMatchEnum)
  matchedBy!: (typeof MATCH_KINDS)[number];

  @Field(() => String, { description: 'Where the words matched, with <mark>…</mark> around them.' })
  snippet!: string;
}
