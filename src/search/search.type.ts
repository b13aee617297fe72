import { Field, Float, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import { SEARCH_KINDS, type SearchKind } from './search.queries';

export const SearchKindEnum = registerValuesEnum(
  SEARCH_KINDS,
  'SearchKind',
  'A kind of object that search can find.',
  {
    hypervisor: 'A hypervisor or virtualization product.',
    hypervisor_release: 'One release of a hypervisor.',
    vendor: 'A company, project, university or person.',
    license: 'A software license.',
    source: 'A cited document.',
    operating_system: 'An operating system release.',
    hardware_feature: 'A hardware virtualization feature.',
    driver_package: 'A paravirtual driver package.',
    support_statement: 'A statement that a guest runs on a hypervisor.',
    vendor_relation: 'A deal between vendors (acquisition, partnership, licensing).',
    person: 'A person named in the sources.',
    topic: 'A conference topic.',
    conference: 'A conference.',
    session: 'A conference session.',
    claim: 'A claim made at the conference or in the press.',
  },
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

  @Field(() => SearchKindEnum, { description: 'The kind of object matched.' })
  kind!: SearchKind;

  @Field(() => String, { description: 'The matched object’s name or title.' })
  title!: string;

  @Field(() => Float, {
    description: 'Relevance: higher is better; hits with every query word score above 1.',
  })
  score!: number;

  @Field(() => SearchMatchEnum, { description: 'Whether its words matched or only its name’s spelling.' })
  matchedBy!: (typeof MATCH_KINDS)[number];

  @Field(() => String, { description: 'Where the words matched, with <mark>…</mark> around them.' })
  snippet!: string;
}
