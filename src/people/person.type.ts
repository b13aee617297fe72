import { Field, ID, ObjectType } from 'type-graphql';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import type { PersonAffiliationEntity, PersonEntity } from './person.entity';
import { Node } from '../node/node.type';

@ObjectType('Person', {
  implements: Node,
  description: 'A person named in the sources: a speaker, an executive, an engineer, an author.',
})
export class Person implements Pick<PersonEntity, 'slug' | 'name' | 'description'> {
  /** Database id; not exposed. */
  rowId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, { description: 'Full name as the sources give it.' })
  name!: string;

  @Field(() => String, { description: 'Who they are and why the sources name them, in prose.' })
  description!: string;
}

/**
 * Who a person worked for, with what title, and when. Validity is half-open: from `validFrom` (inclusive) to
 * `validTo` (exclusive); a null end is open.
 */
@ObjectType('PersonAffiliation', { description: 'Who a person worked for, with what title, and when.' })
export class PersonAffiliation implements Pick<
  PersonAffiliationEntity,
  'title' | 'validFrom' | 'validFromPrecision' | 'validTo' | 'validToPrecision'
> {
  rowId!: number;
  personId!: number;
  vendorId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Job title, where a source gives one.' })
  title!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'First day it held (the first of its month or year at a coarser precision); null if unknown.',
  })
  validFrom!: string | null;

  @Field(() => DatePrecisionEnum, { description: 'How precisely validFrom is known (DAY when it is null).' })
  validFromPrecision!: DatePrecision;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First day it no longer held; null while it holds or when no source says.',
  })
  validTo!: string | null;

  @Field(() => DatePrecisionEnum, { description: 'How precisely validTo is known (DAY when it is null).' })
  validToPrecision!: DatePrecision;
}
