import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { MatchEnum, type Match } from '../operating-systems/os-match.type';
import { registerValuesEnum } from '../shared/enums';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import {
  DEVICE_KINDS,
  OBTAINABILITIES,
  type DeviceKind,
  type DriverPackageEntity,
  type DriverPackageTermEntity,
  type Obtainability,
} from './driver-package.entity';
import { Node } from '../node/node.type';

export const DeviceKindEnum = registerValuesEnum(
  DEVICE_KINDS,
  'DeviceKind',
  'A kind of paravirtualized device a driver provides.',
  {
    network: 'A paravirtual network interface (netfront, virtio-net, vmxnet, Hyper-V network VSC).',
    block: 'A paravirtual block device (blkfront, virtio-blk).',
    scsi: 'A paravirtual SCSI adapter (PVSCSI, Xen pvSCSI).',
    bus: 'The paravirtual bus that finds the other devices (XenBus, virtio-pci).',
    balloon: 'A memory balloon that lets the host reclaim guest memory.',
    storage:
      'A paravirtual storage controller that is neither plain block nor SCSI (e.g. Hyper-V storage VSC).',
    vmbus: 'Hyper-V’s VMBus channel between the guest and the root partition.',
    hypercall_adapter:
      'Translates a guest’s hypercalls for another hypervisor (Xen-enlightened kernels on Hyper-V).',
  },
);

export const ObtainabilityEnum = registerValuesEnum(
  OBTAINABILITIES,
  'Obtainability',
  'Who could obtain a driver package.',
  {
    everyone: 'Anyone could download it.',
    subscribers: 'Only paying subscribers of the vendor.',
    customers: 'Only customers of the vendor’s product.',
    bundled: 'Shipped inside a product (hypervisor or OS) rather than on its own.',
    beta_program: 'Only members of a beta programme.',
  },
);

@ObjectType('DriverPackage', {
  implements: Node,
  simpleResolvers: true,
  description: 'A set of paravirtualized drivers installed in a guest.',
})
export class DriverPackage implements Pick<DriverPackageEntity, 'slug' | 'name' | 'devices' | 'description'> {
  rowId!: number;
  vendorId!: number;
  hypervisorId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, { description: 'The package’s name as its vendor writes it.' })
  name!: string;

  @Field(() => [DeviceKindEnum], {
    description: 'The paravirtual devices it provides (network, block, balloon…).',
  })
  devices!: DeviceKind[];

  @Field(() => String, { description: 'What it is and what it contains, in prose.' })
  description!: string;

  @Field(() => MatchEnum, {
    nullable: true,
    description:
      'In driverPackages(guest: …): EXACT when the package (or, with asOf, the version then) names that guest, ' +
      'FAMILY when it names a family the guest belongs to; null elsewhere.',
  })
  guestMatch!: Match | null;
}

@ObjectType('PriceTier', {
  simpleResolvers: true,
  description: 'One price of a driver package’s terms, e.g. per physical server per year for up to 4 VMs.',
})
export class PriceTier {
  @Field(() => Float, { description: 'Price in US dollars.' })
  priceUsd!: number;

  @Field(() => String, { description: 'What the price buys, e.g. "per physical server per year".' })
  unit!: string;

  @Field(() => Int, { nullable: true, description: 'Most virtual machines it covers; null: no limit.' })
  maxVms!: number | null;
}

@ObjectType('DriverPackageTerm', {
  description:
    'The terms a driver package was available under for a period: license, who could obtain it, price.',
})
export class DriverPackageTerm implements Pick<
  DriverPackageTermEntity,
  | 'obtainability'
  | 'priceNote'
  | 'validFrom'
  | 'validFromPrecision'
  | 'validTo'
  | 'validToPrecision'
  | 'description'
> {
  rowId!: number;
  driverPackageId!: number;
  licenseId!: number;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => ObtainabilityEnum, { description: 'Who could get it during the period.' })
  obtainability!: Obtainability;

  @Field(() => Float, { nullable: true, description: 'Price in US dollars, where known (see priceNote).' })
  priceUsd!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The price as the sources word it; null when they say nothing of price.',
  })
  priceNote!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First day these terms held; null when not stated.',
  })
  validFrom!: string | null;

  @Field(() => DatePrecisionEnum, {
    description:
      'How precisely validFrom is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  validFromPrecision!: DatePrecision;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First day these terms no longer held; null while current.',
  })
  validTo!: string | null;

  @Field(() => DatePrecisionEnum, {
    description: 'How precisely validTo is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  validToPrecision!: DatePrecision;

  @Field(() => String, {
    nullable: true,
    description: 'What changed with these terms; null when the sources say nothing more.',
  })
  description!: string | null;

  @Field(() => [DeviceKindEnum], { description: 'The devices this version provided.' })
  devices!: DeviceKind[];

  /** Resolved by DriverPackageTermResolver.guestOses. */
  guestOsIds!: number[];

  @Field(() => [PriceTier], {
    description: 'Typed prices where the sources give tiers, cheapest first (priceNote keeps their wording).',
  })
  priceTiers!: PriceTier[];
}
