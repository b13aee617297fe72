import { Field, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import {
  HYPERVISOR_ARCHITECTURES,
  TECHNIQUES,
  type HypervisorArchitecture,
  type HypervisorEntity,
  type Technique,
} from './hypervisor.entity';
import { Node } from '../node/node.type';

export const HypervisorArchitectureEnum = registerValuesEnum(
  HYPERVISOR_ARCHITECTURES,
  'HypervisorArchitecture',
  'Where a hypervisor sits.',
  {
    bare_metal: 'Runs directly on the hardware (type 1), possibly with a privileged management domain.',
    hosted: 'Runs as an application on a host operating system (type 2).',
    kernel_module: 'A module that turns the host kernel itself into a hypervisor (e.g. KVM, lguest).',
    os_level: 'Containers sharing one kernel; no guest kernels.',
    emulator: 'A user-space machine emulator.',
  },
);

export const TechniqueEnum = registerValuesEnum(
  TECHNIQUES,
  'Technique',
  'A way of virtualizing the x86 CPU and devices.',
  {
    paravirtualization: 'The guest kernel is modified to call the hypervisor (hypercalls, PV drivers).',
    hardware_assisted: 'Unmodified guests on Intel VT-x or AMD-V.',
    binary_translation: 'Privileged guest code is rewritten on the fly (VMware’s approach).',
    emulation: 'Every instruction or device is emulated in software.',
    os_level: 'Isolation inside one shared kernel (containers).',
  },
);

@ObjectType('Hypervisor', {
  implements: Node,
  simpleResolvers: true,
  description: 'A hypervisor or virtualization product of 2006–2008.',
})
export class Hypervisor implements Pick<
  HypervisorEntity,
  'slug' | 'name' | 'architecture' | 'techniques' | 'licenseNote' | 'firstReleasedOn' | 'description'
> {
  rowId!: number;
  vendorId!: number;
  licenseId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, {
    description: 'Stable identifier used in arguments and filters, e.g. "xen" or "kvm".',
  })
  slug!: string;

  @Field(() => String, { description: 'Product name as the vendor writes it, e.g. "VMware ESX Server".' })
  name!: string;

  @Field(() => HypervisorArchitectureEnum, {
    description: 'Where it sits: bare metal, hosted, kernel module, OS level or emulator.',
  })
  architecture!: HypervisorArchitecture;

  @Field(() => [TechniqueEnum], { description: 'Techniques it uses, as its sources state them.' })
  techniques!: Technique[];

  @Field(() => String, {
    nullable: true,
    description: 'Dual licensing, parts under other licenses, or a commercial product on an open base.',
  })
  licenseNote!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First public release; null where no source gives it.',
  })
  firstReleasedOn!: string | null;

  @Field(() => DatePrecisionEnum, { description: 'How precisely firstReleasedOn is known.' })
  firstReleasedOnPrecision!: DatePrecision;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When it was first announced, before it shipped; null where no source gives it.',
  })
  announcedOn!: string | null;

  @Field(() => DatePrecisionEnum, { description: 'How precisely announcedOn is known.' })
  announcedOnPrecision!: DatePrecision;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'First day it was no longer offered; null while offered or not recorded. Dated answers stop counting it then.',
  })
  discontinuedOn!: string | null;

  @Field(() => DatePrecisionEnum, { description: 'How precisely discontinuedOn is known.' })
  discontinuedOnPrecision!: DatePrecision;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'When its current license terms were announced (e.g. made a free download); null where not recorded.',
  })
  licenseAnnouncedOn!: string | null;

  @Field(() => DatePrecisionEnum, { description: 'How precisely licenseAnnouncedOn is known.' })
  licenseAnnouncedOnPrecision!: DatePrecision;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'First day its current license terms held; null where not recorded (then: since its first release).',
  })
  licenseAvailableFrom!: string | null;

  @Field(() => DatePrecisionEnum, { description: 'How precisely licenseAvailableFrom is known.' })
  licenseAvailableFromPrecision!: DatePrecision;

  @Field(() => String, { description: 'What it is, in prose.' })
  description!: string;
}
