import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../shared/pagination';
import type { LicenseKind } from './license.entity';
import { LicenseKindEnum } from './license.type';

@ArgsType()
export class LicensesArgs extends ConnectionArgs {
  @Field(() => LicenseKindEnum, { nullable: true, description: 'Only licenses of this kind.' })
  kind?: LicenseKind | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only open-source (true) or only closed (false) licenses.',
  })
  openSource?: boolean | null;
}
