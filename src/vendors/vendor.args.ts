import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../shared/pagination';
import type { VendorKind } from './vendor.entity';
import { VendorKindEnum } from './vendor.type';

@ArgsType()
export class VendorsArgs extends ConnectionArgs {
  @Field(() => VendorKindEnum, { nullable: true, description: 'Only vendors of this kind.' })
  kind?: VendorKind | null;
}
