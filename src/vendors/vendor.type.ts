import { Field, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import { VENDOR_KINDS, type VendorEntity, type VendorKind } from './vendor.entity';
import { Node } from '../node/node.type';

export const VendorKindEnum = registerValuesEnum(
  VENDOR_KINDS,
  'VendorKind',
  'What kind of organisation a vendor is.',
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

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => VendorKindEnum)
  kind!: VendorKind;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String)
  description!: string;
}
