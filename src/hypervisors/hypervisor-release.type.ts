import { Field, ID, ObjectType } from 'type-graphql';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import type { HypervisorReleaseEntity } from './hypervisor-release.entity';
import { Node } from '../node/node.type';

@ObjectType('HypervisorRelease', {
  implements: Node,
  simpleResolvers: true,
  description: 'A named version of a hypervisor.',
})
export class HypervisorRelease implements Pick<
  HypervisorReleaseEntity,
  'slug' | 'version' | 'releasedOn' | 'releasedOnPrecision' | 'description'
> {
  rowId!: number;
  hypervisorId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  version!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Release date (see releasedOnPrecision); null when unknown.',
  })
  releasedOn!: string | null;

  @Field(() => DatePrecisionEnum)
  releasedOnPrecision!: DatePrecision;

  @Field(() => String)
  description!: string;
}
