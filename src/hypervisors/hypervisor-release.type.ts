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

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, { description: 'The version as the vendor writes it, e.g. "3.0.4".' })
  version!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Release date (see releasedOnPrecision); null when unknown.',
  })
  releasedOn!: string | null;

  @Field(() => DatePrecisionEnum, {
    description:
      'How precisely releasedOn is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  releasedOnPrecision!: DatePrecision;

  @Field(() => String, { description: 'What the release brought, in prose.' })
  description!: string;
}
