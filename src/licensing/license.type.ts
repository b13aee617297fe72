import { Field, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import { LICENSE_KINDS, type LicenseEntity, type LicenseKind } from './license.entity';
import { Node } from '../node/node.type';

export const LicenseKindEnum = registerValuesEnum(
  LICENSE_KINDS,
  'LicenseKind',
  'How a license treats source code and redistribution.',
  {
    strong_copyleft: 'Open source; derived works must stay under the same license (e.g. GPL).',
    weak_copyleft: 'Open source; only changes to the licensed files must stay open (e.g. LGPL).',
    permissive: 'Open source with few conditions (e.g. BSD, MIT).',
    proprietary: 'Closed source, sold or bundled under the vendor’s terms.',
    freeware: 'Closed source, but free of charge.',
  },
);

@ObjectType('License', {
  implements: Node,
  simpleResolvers: true,
  description: 'A software license, with its SPDX id where one exists.',
})
export class License implements Pick<
  LicenseEntity,
  'slug' | 'name' | 'spdxId' | 'kind' | 'url' | 'description'
> {
  rowId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, { description: 'Its full name, e.g. "GNU General Public License v2.0".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'SPDX license identifier, where one exists.' })
  spdxId!: string | null;

  @Field(() => LicenseKindEnum, {
    description: 'Its family: permissive, weak or strong copyleft, proprietary, freeware…',
  })
  kind!: LicenseKind;

  @Field(() => Boolean, { description: 'True for copyleft and permissive licenses (source available).' })
  isOpenSource!: boolean;

  @Field(() => String, { nullable: true, description: 'Where the license text is published.' })
  url!: string | null;

  @Field(() => String, { description: 'What the license allows and requires, in prose.' })
  description!: string;
}
