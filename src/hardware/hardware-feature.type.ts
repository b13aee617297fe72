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
  {
    cpu: 'The processor’s execution modes (VT-x, AMD-V).',
    mmu: 'Address translation (nested or extended page tables, tagged TLBs).',
    io: 'I/O virtualization: IOMMUs and PCI-SIG single- and multi-root I/O virtualization (SR-IOV, MR-IOV).',
    nic: 'Network adapters with virtualization support (VMDq, SR-IOV functions).',
    storage: 'Storage controllers with virtualization support.',
    platform: 'The server as a whole, e.g. a hypervisor embedded in its flash memory (ESX 3i Embedded).',
  },
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

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, { description: 'Its name, e.g. "Intel VT-x".' })
  name!: string;

  @Field(() => HardwareCategoryEnum, { description: 'Where in the machine it sits.' })
  category!: HardwareCategory;

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

  @Field(() => LocalDate, { nullable: true, description: 'When the first products with it shipped.' })
  shippedOn!: string | null;

  @Field(() => DatePrecisionEnum, {
    description:
      'How precisely shippedOn is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  shippedOnPrecision!: DatePrecision;

  @Field(() => String, { description: 'What it does for virtualization, in prose.' })
  description!: string;
}
