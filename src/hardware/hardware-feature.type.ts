import { Field, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import {
  HARDWARE_CATEGORIES,
  type HardwareCategory,
  type HardwareFeatureEntity,
} from './hardware-feature.entity';
import { Node } from '../node/node.type';

export const HardwareCategoryEnum = registerValuesEnum(
  HARDWARE_CATEGORIES,
  'HardwareCategory',
  'Where in the machine a feature sits.',
);

@ObjectType('HardwareFeature', {
  implements: Node,
  simpleResolvers: true,
  description: 'A hardware capability that changes virtualization.',
})
export class HardwareFeature implements Pick<
  HardwareFeatureEntity,
  | 'slug'
  | 'name'
  | 'category'
  | 'announcedOn'
  | 'announcedOnPrecision'
  | 'shippedOn'
  | 'shippedOnPrecision'
  | 'description'
> {
  rowId!: number;
  vendorId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => HardwareCategoryEnum)
  category!: HardwareCategory;

  @Field(() => LocalDate, { nullable: true })
  announcedOn!: string | null;

  @Field(() => DatePrecisionEnum)
  announcedOnPrecision!: DatePrecision;

  @Field(() => LocalDate, { nullable: true, description: 'When the first products with it shipped.' })
  shippedOn!: string | null;

  @Field(() => DatePrecisionEnum)
  shippedOnPrecision!: DatePrecision;

  @Field(() => String)
  description!: string;
}
