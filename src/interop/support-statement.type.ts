import { Field, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import {
  SUPPORT_STATUSES,
  VIRTUALIZATION_MODES,
  type SupportStatementEntity,
  type SupportStatus,
  type VirtualizationMode,
} from './support-statement.entity';
import { Node } from '../node/node.type';

export const VirtualizationModeEnum = registerValuesEnum(
  VIRTUALIZATION_MODES,
  'VirtualizationMode',
  'How a guest is virtualized.',
  {
    paravirtualized: 'Fully paravirtualized: a modified guest kernel calls the hypervisor.',
    hardware_assisted_pv_drivers: 'Unmodified guest on VT-x/AMD-V, with paravirtualized drivers for I/O.',
    hardware_assisted_emulated: 'Unmodified guest on VT-x/AMD-V, with emulated devices.',
    binary_translation: 'Privileged guest code rewritten on the fly (VMware).',
    emulated: 'Software emulation of the CPU or all devices.',
    os_level: 'A container sharing the host kernel.',
  },
);

export const SupportStatusEnum = registerValuesEnum(
  SUPPORT_STATUSES,
  'SupportStatus',
  'What a vendor said about a combination.',
  {
    supported: 'The vendor supports it.',
    experimental: 'It works, but is a preview or technology demonstration.',
    community: 'Works, supported by the community only.',
    unsupported: 'The vendor says it is not supported.',
    unknown: 'The sources say it runs, but nothing about support.',
  },
);

@ObjectType('SupportStatement', {
  implements: Node,
  simpleResolvers: true,
  description:
    'What a source states about running a guest on a hypervisor release in a mode, and when it held.',
})
export class SupportStatement implements Pick<
  SupportStatementEntity,
  'slug' | 'mode' | 'status' | 'validFrom' | 'validFromPrecision' | 'validTo' | 'validToPrecision' | 'notes'
> {
  rowId!: number;
  hypervisorReleaseId!: number;
  hostOsId!: number | null;
  guestOsId!: number;
  driverPackageId!: number | null;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => VirtualizationModeEnum, {
    description:
      'How the guest runs: paravirtualized, hardware assist with or without PV drivers, binary translation…',
  })
  mode!: VirtualizationMode;

  @Field(() => SupportStatusEnum, {
    description:
      'How strongly it is supported: by the vendor, experimentally, by the community, not at all, or unknown.',
  })
  status!: SupportStatus;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'First day it held; when null, asOf questions use the release date of the hypervisor release.',
  })
  validFrom!: string | null;

  @Field(() => DatePrecisionEnum, {
    description:
      'How precisely validFrom is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  validFromPrecision!: DatePrecision;

  @Field(() => LocalDate, { nullable: true, description: 'First day it no longer held; null while current.' })
  validTo!: string | null;

  @Field(() => DatePrecisionEnum, {
    description: 'How precisely validTo is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  validToPrecision!: DatePrecision;

  @Field(() => String, {
    description: 'What exactly the source states, its caveats and conditions, in our own words.',
  })
  notes!: string;
}
