import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Obtainability } from '../drivers/driver-package.entity';
import { ObtainabilityEnum } from '../drivers/driver-package.type';
import { registerValuesEnum } from '../shared/enums';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import {
  LICENSED_COMPONENT_KINDS,
  LICENSING_GROUP_BYS,
  type LicensedComponentKind,
  type LicensingGroupBy,
} from './licensing-report.queries';

export const LicensedComponentKindEnum = registerValuesEnum(
  LICENSED_COMPONENT_KINDS,
  'LicensedComponentKind',
  'A kind of component a licensing report counts.',
  {
    hypervisor: 'A hypervisor, under the license it is released under.',
    driver_package: 'A paravirtualized driver package, under the terms that held on the report’s date.',
    host_os: 'An operating system that can host virtual machines; its license is not recorded.',
  },
);

export const LicensingGroupByEnum = registerValuesEnum(
  LICENSING_GROUP_BYS,
  'LicensingGroupBy',
  'What a licensing report groups its components by.',
  {
    license_kind:
      'License kind: the key is a LicenseKind value (e.g. STRONG_COPYLEFT), or UNRECORDED for host OSes.',
    vendor: 'Vendor: the key is the vendor’s slug, or UNRECORDED for components without a vendor.',
    component_kind:
      'Component kind: the key is a LicensedComponentKind value (HYPERVISOR, DRIVER_PACKAGE, HOST_OS).',
  },
);

@ObjectType('ObtainabilityCount', {
  simpleResolvers: true,
  description: 'How many driver packages could be obtained one way.',
})
export class ObtainabilityCount {
  @Field(() => ObtainabilityEnum, { description: 'Who could obtain them.' })
  obtainability!: Obtainability;

  @Field(() => Int, { description: 'Driver packages that could be obtained this way on the date.' })
  count!: number;
}

@ObjectType('LicensePeriod', {
  description: 'A period during which a component was available under one license and set of terms.',
})
export class LicensePeriod {
  licenseId!: number;

  @Field(() => LocalDate, { nullable: true, description: 'First day of the period; null when not stated.' })
  validFrom!: string | null;

  @Field(() => DatePrecisionEnum, {
    description:
      'How precisely validFrom is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  validFromPrecision!: DatePrecision;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'First day the period no longer held; null while current (or, for hypervisors, not recorded).',
  })
  validTo!: string | null;

  @Field(() => DatePrecisionEnum, {
    description: 'How precisely validTo is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  validToPrecision!: DatePrecision;

  @Field(() => ObtainabilityEnum, {
    nullable: true,
    description: 'Who could obtain it (driver packages only; null for hypervisors).',
  })
  obtainability!: Obtainability | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Price in US dollars, where known (driver packages only).',
  })
  priceUsd!: number | null;
}

@ObjectType('LicensedComponent', {
  description:
    'A hypervisor, driver package or host operating system as it stood on the report’s date, with its license.',
})
export class LicensedComponent {
  rowId!: number;
  vendorId!: number | null;
  licenseId!: number | null;

  @Field(() => LicensedComponentKindEnum, {
    description: 'Whether it is a hypervisor, a driver package or a host operating system.',
  })
  kind!: LicensedComponentKind;

  @Field(() => String, { description: 'Slug of the hypervisor, driver package or operating system.' })
  slug!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => ObtainabilityEnum, {
    nullable: true,
    description: 'Who could obtain it on the report’s date (driver packages only).',
  })
  obtainability!: Obtainability | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Price in US dollars on the report’s date, where known (driver packages only).',
  })
  priceUsd!: number | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Since when its current license has held: a hypervisor’s recorded first release (firstReleasedOn); for a ' +
      'driver package the start of the run of back-to-back terms (one ends the day the next starts) under this ' +
      'license. Null where not recorded, and for host OSes.',
  })
  since!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true, description: 'How precisely `since` is known.' })
  sincePrecision!: DatePrecision | null;

  @Field(() => [LicensePeriod], {
    description:
      'Its license over time, oldest first, whatever the report’s date: every term of a driver package; one ' +
      'period from its recorded first release (firstReleasedOn) for a hypervisor, whose license carries no dates; ' +
      'empty for host OSes.',
  })
  licenseHistory!: LicensePeriod[];

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'First day it is counted in dated reports: a hypervisor’s first known release, the start of the driver ' +
      'package’s current term, a host OS’s release. Null only for undated components (LicensingReport.undated).',
  })
  validFrom!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true, description: 'How precisely validFrom is known.' })
  validFromPrecision!: DatePrecision | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'First day it is no longer counted (a discontinued hypervisor, the end of the current term); null: open.',
  })
  validTo!: string | null;

  @Field(() => DatePrecisionEnum, { description: 'How precisely validTo is known.' })
  validToPrecision!: DatePrecision;
}

@ObjectType('LicensingTotals', { description: 'Counts over a set of components.' })
export class LicensingTotals {
  @Field(() => Int, { description: 'Components counted.' })
  components!: number;

  @Field(() => Int, { description: 'Under an open-source license (copyleft or permissive).' })
  open!: number;

  @Field(() => Int, { description: 'Under a closed license (proprietary or freeware).' })
  closed!: number;

  @Field(() => Int, { description: 'Whose license is not recorded (host operating systems).' })
  unknown!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'open ÷ (open + closed), from 0 to 1: the share among components whose license is known; null when none is.',
  })
  openShare!: number | null;

  @Field(() => [ObtainabilityCount], {
    description:
      'Driver packages by who could obtain them, in Obtainability order; kinds with none left out.',
  })
  obtainability!: ObtainabilityCount[];
}

@ObjectType('LicensingGroup', {
  description: 'The components of one group of a licensing report, with counts.',
})
export class LicensingGroup extends LicensingTotals {
  @Field(() => String, { description: 'What the group shares; see LicensingGroupBy for the keys.' })
  key!: string;

  @Field(() => String, { description: 'A readable name for the key.' })
  label!: string;

  @Field(() => [LicensedComponent], { description: 'Its components, by name.' })
  items!: LicensedComponent[];
}

@ObjectType('LicensingReport', {
  description: 'Components by license on a date: open versus closed, and who could obtain the drivers.',
})
export class LicensingReport {
  @Field(() => LocalDate, { description: 'The date the report answers for.' })
  asOf!: string;

  @Field(() => LicensingGroupByEnum, { description: 'How the groups were formed.' })
  groupBy!: LicensingGroupBy;

  @Field(() => LicensingTotals, {
    description: 'Counts over every group: open versus closed, and driver packages by obtainability.',
  })
  totals!: LicensingTotals;

  @Field(() => [LicensingGroup], { description: 'Groups by key; the UNRECORDED group, if any, last.' })
  groups!: LicensingGroup[];

  @Field(() => [LicensedComponent], {
    description:
      'Components no source dates (no dated release, term or release date): listed apart here, by name, and ' +
      'not counted in the totals or groups at any date.',
  })
  undated!: LicensedComponent[];
}
