import { Field, ID, ObjectType } from 'type-graphql';
import { registerValuesEnum } from '../shared/enums';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import { OS_FAMILIES, type OperatingSystemEntity, type OsFamily } from './operating-system.entity';
import { Node } from '../node/node.type';

export const OsFamilyEnum = registerValuesEnum(OS_FAMILIES, 'OsFamily', 'Operating system family.', {
  windows: 'Microsoft Windows (NT line and earlier).',
  linux: 'Linux distributions and kernels.',
  netware: 'Novell NetWare.',
  solaris: 'Sun Solaris and OpenSolaris.',
  bsd: 'FreeBSD, NetBSD, OpenBSD and relatives.',
  os2: 'IBM OS/2 and eComStation.',
  dos: 'MS-DOS, FreeDOS and other DOS systems.',
  macos: 'Apple Mac OS X.',
  other: 'Any system outside the families above.',
});

@ObjectType('OperatingSystem', {
  implements: Node,
  simpleResolvers: true,
  description: 'An operating system release, as a virtualization host, guest or both.',
})
export class OperatingSystem implements Pick<
  OperatingSystemEntity,
  | 'slug'
  | 'name'
  | 'family'
  | 'version'
  | 'releasedOn'
  | 'releasedOnPrecision'
  | 'canHost'
  | 'canBeGuest'
  | 'description'
> {
  rowId!: number;
  vendorId!: number | null;
  parentId!: number | null;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, {
    description:
      'Stable identifier used in arguments, e.g. "sles-10-sp1" (a family slug such as "windows" covers its members).',
  })
  slug!: string;

  @Field(() => String, { description: 'Its name, e.g. "SUSE Linux Enterprise Server 10 SP1".' })
  name!: string;

  @Field(() => OsFamilyEnum, { description: 'Which family it belongs to (Windows, Linux, NetWare…).' })
  family!: OsFamily;

  @Field(() => String, {
    nullable: true,
    description: 'The version as the vendor writes it; null for a family or an unversioned system.',
  })
  version!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Its release day; null when no source gives a date.',
  })
  releasedOn!: string | null;

  @Field(() => DatePrecisionEnum, {
    description:
      'How precisely releasedOn is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  releasedOnPrecision!: DatePrecision;

  @Field(() => Boolean, { description: 'Can be a virtualization host (dom0, root partition, host OS).' })
  canHost!: boolean;

  @Field(() => Boolean, { description: 'Runs as a guest in some hypervisor, per the sources.' })
  canBeGuest!: boolean;

  @Field(() => String, { description: 'What it is, in prose.' })
  description!: string;
}
