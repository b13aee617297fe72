import { Field, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import { OS_FAMILIES, type OperatingSystemEntity, type OsFamily } from './operating-system.entity';
import { Node } from '../node/node.type';

export const OsFamilyEnum = registerValuesEnum(OS_FAMILIES, 'OsFamily', 'Operating system family.');

@ObjectType('OperatingSystem', {
  implements: Node,
  simpleResolvers: true,
  description: 'An operating system release, as a virtualization host, guest or both.',
})
export class OperatingSystem implements Pick<
  OperatingSystemEntity,
  | 'slug'
  | 'name'
  | 'family'
  | 'version'
  | 'releasedOn'
  | 'releasedOnPrecision'
  | 'canHost'
  | 'canBeGuest'
  | 'description'
> {
  rowId!: number;
  vendorId!: number | null;
  parentId!: number | null;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => OsFamilyEnum)
  family!: OsFamily;

  @Field(() => String, { nullable: true })
  version!: string | null;

  @Field(() => LocalDate, { nullable: true })
  releasedOn!: string | null;

  @Field(() => DatePrecisionEnum)
  releasedOnPrecision!: DatePrecision;

  @Field(() => Boolean, { description: 'Can be a virtualization host (dom0, root partition, host OS).' })
  canHost!: boolean;

  @Field(() => Boolean, { description: 'Runs as a guest in some hypervisor, per the sources.' })
  canBeGuest!: boolean;

  @Field(() => String)
  description!: string;
}
