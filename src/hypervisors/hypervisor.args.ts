import { ArgsType, Field } from 'type-graphql';
import type { LicenseKind } from '../licensing/license.entity';
import { LicenseKindEnum } from '../licensing/license.type';
import { ConnectionArgs } from '../shared/pagination';
import type { HypervisorArchitecture, Technique } from './hypervisor.entity';
import { HypervisorArchitectureEnum, TechniqueEnum } from './hypervisor.type';

@ArgsType()
export class HypervisorsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Only hypervisors of the vendor with this slug.' })
  vendor?: string | null;

  @Field(() => TechniqueEnum, { nullable: true, description: 'Only hypervisors that use this technique.' })
  technique?: Technique | null;

  @Field(() => HypervisorArchitectureEnum, {
    nullable: true,
    description: 'Only hypervisors with this architecture.',
  })
  architecture?: HypervisorArchitecture | null;

  @Field(() => LicenseKindEnum, {
    nullable: true,
    description: 'Only hypervisors under a license of this kind.',
  })
  licenseKind?: LicenseKind | null;
}
