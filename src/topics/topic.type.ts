import { Field, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import { TOPIC_CATEGORIES, type TopicCategory, type TopicEntity } from './topic.entity';
import { Node } from '../node/node.type';

export const TopicCategoryEnum = registerValuesEnum(
  TOPIC_CATEGORIES,
  'TopicCategory',
  'The area a topic belongs to.',
  {
    hypervisors: 'Hypervisor products and their design.',
    paravirtualization: 'Paravirtual kernels, interfaces and drivers.',
    interoperability: 'Which guests run where; common interfaces and formats.',
    licensing: 'Licenses, open source and pricing.',
    security: 'Isolation and attacks.',
    management: 'Provisioning, migration and management tools.',
    hardware: 'Processor, chipset and device support for virtualization.',
    performance: 'Overheads, benchmarks and tuning.',
    market: 'Vendors, deals and adoption.',
    kernel: 'Linux kernel work (paravirt_ops, KVM, lguest).',
  },
);

@ObjectType('Topic', {
  implements: Node,
  description: 'A subject a session can cover, including subjects no session covered.',
})
export class Topic implements Pick<TopicEntity, 'slug' | 'name' | 'category' | 'description'> {
  /** Database id; not exposed. */
  rowId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, {
    description: 'Its name, e.g. "Hardware virtualization extensions (Intel VT-x, AMD-V)".',
  })
  name!: string;

  @Field(() => TopicCategoryEnum, { description: 'The area it belongs to.' })
  category!: TopicCategory;

  @Field(() => String, { description: 'What the topic covers, in prose.' })
  description!: string;
}
