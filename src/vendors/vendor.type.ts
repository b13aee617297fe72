import { Field, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import { VENDOR_KINDS, type VendorEntity, type VendorKind } from './vendor.entity';
import { Node } from '../node/node.type';

export const VendorKindEnum = registerValuesEnum(
  VENDOR_KINDS,
  'VendorKind',
  'What kind of organisation a vendor is.',
  {
    company: 'A commercial company.',
    university: 'A university or research lab.',
    project: 'An open-source project with no company of its own.',
    individual: 'One person.',
    consortium: 'An industry body or standards group (e.g. PCI-SIG, DMTF).',
  },
);

@ObjectType('Vendor', {
  implements: Node,
  simpleResolvers: true,
  description: 'A company, project, university or person behind virtualization products.',
})
export class Vendor implements Pick<VendorEntity, 'slug' | 'name' | 'kind' | 'website' | 'description'> {
  rowId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, { description: 'The name as the vendor writes it, e.g. "XenSource".' })
  name!: string;

  @Field(() => VendorKindEnum, { description: 'What kind of organisation it is.' })
  kind!: VendorKind;

  @Field(() => String, {
    nullable: true,
    description: 'Its home page; null when it has none (or had none in the sources).',
  })
  website!: string | null;

  @Field(() => String, { description: 'Who they are, in prose.' })
  description!: string;
}
