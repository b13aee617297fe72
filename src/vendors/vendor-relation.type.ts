import { Field, Float, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import { RELATION_KINDS, type RelationKind, type VendorRelationEntity } from './vendor-relation.entity';
import { Node } from '../node/node.type';

export const RelationKindEnum = registerValuesEnum(
  RELATION_KINDS,
  'VendorRelationKind',
  'How two vendors are related.',
  {
    partnership: 'A co-development or marketing partnership.',
    acquisition: '`from` bought `to`, and owns it from effectiveFrom on.',
    oem_embedding: '`to` ships `from`’s product embedded in its hardware.',
    interoperability_agreement:
      'An agreement, lab or programme to make the two vendors’ products work together.',
    investment: '`from` invested in `to`.',
    ipo: '`from` floated shares of its subsidiary `to`.',
  },
);

@ObjectType('VendorRelation', {
  implements: Node,
  description: 'A dated relation between two vendors (deal, partnership, acquisition).',
})
export class VendorRelation implements Pick<
  VendorRelationEntity,
  | 'slug'
  | 'kind'
  | 'announcedOn'
  | 'announcedOnPrecision'
  | 'effectiveFrom'
  | 'effectiveFromPrecision'
  | 'effectiveTo'
  | 'effectiveToPrecision'
  | 'amountNote'
  | 'description'
  | 'effect'
> {
  rowId!: number;
  fromVendorId!: number;
  toVendorId!: number;
  /** What it affected (ids, in the order the API lists them), fetched with the relation itself. */
  hypervisorIds!: number[];
  driverPackageIds!: number[];
  supportStatementIds!: number[];

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => RelationKindEnum, {
    description: 'Acquisition, partnership, licensing, OEM embedding or interoperability agreement.',
  })
  kind!: RelationKind;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day it was announced; null when no source gives a date.',
  })
  announcedOn!: string | null;

  @Field(() => DatePrecisionEnum, {
    description:
      'How precisely announcedOn is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  announcedOnPrecision!: DatePrecision;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When it took effect (e.g. an acquisition closed).',
  })
  effectiveFrom!: string | null;

  @Field(() => DatePrecisionEnum, {
    description:
      'How precisely effectiveFrom is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  effectiveFromPrecision!: DatePrecision;

  @Field(() => LocalDate, { nullable: true, description: 'When it ended or expires; null while in force.' })
  effectiveTo!: string | null;

  @Field(() => DatePrecisionEnum, {
    description:
      'How precisely effectiveTo is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  effectiveToPrecision!: DatePrecision;

  @Field(() => Float, { nullable: true, description: 'Amount in US dollars, where stated (see amountNote).' })
  amountUsd!: number | null;

  @Field(() => String, { nullable: true, description: 'The sources’ wording about the amounts.' })
  amountNote!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'An IPO’s offer price per share in US dollars; null for other kinds or where not stated.',
  })
  pricePerShareUsd!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Shares offered in an IPO (a Float: counts can pass 2^31); null where not stated.',
  })
  sharesOffered!: number | null;

  @Field(() => String, { description: 'What was agreed, in prose.' })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'What the deal changed, in a sentence; it says so where the sources tie no product to it. Null if not curated.',
  })
  effect!: string | null;
}
