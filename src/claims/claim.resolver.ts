import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { loadExisting } from '../shared/loaders';
import { Testbed, Workload } from '../benchmarks/benchmark.type';
import { Session } from '../conference/session.type';
import type { Context } from '../context';
import { DriverPackage } from '../drivers/driver-package.type';
import { HypervisorRelease } from '../hypervisors/hypervisor-release.type';
import { Hypervisor } from '../hypervisors/hypervisor.type';
import { OperatingSystem } from '../operating-systems/operating-system.type';
import { Person } from '../people/person.type';
import {
  ConnectionArgs,
  ConnectionType,
  pageRequest,
  toConnection,
  type Connection,
} from '../shared/pagination';
import { required } from '../shared/resolving';
import { LocalDate } from '../shared/scalars';
import { Source } from '../sources/source.type';
import { Topic } from '../topics/topic.type';
import { Vendor } from '../vendors/vendor.type';
import type { ClaimService } from './claim.service';
import {
  Claim,
  ClaimEvidence,
  ClaimFilter,
  ClaimMeasure,
  ClaimSide,
  EvidenceComparison,
  EvidenceFact,
} from './claim.type';

export const ClaimConnection = ConnectionType(Claim, 'Claim');

@ArgsType()
class ClaimsArgs extends ConnectionArgs {
  @Field(() => ClaimFilter, { nullable: true, description: 'Which claims to list; null lists every claim.' })
  filter?: ClaimFilter | null;
}

@Resolver(() => Claim)
export class ClaimResolver {
  constructor(private readonly service: ClaimService) {}

  @Query(() => ClaimConnection, {
    description: 'Claims, oldest first, filtered by kind, vendor, topic, date made and verdict.',
  })
  async claims(@Args(() => ClaimsArgs) args: ClaimsArgs): Promise<Connection<Claim>> {
    return toConnection(await this.service.list(args.filter ?? {}, pageRequest(args)));
  }

  @Query(() => Claim, { nullable: true, description: 'A claim by slug; null if there is none.' })
  claim(
    @Arg('slug', () => String, { description: 'The claim’s slug.' }) slug: string,
  ): Promise<Claim | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => ClaimEvidence, {
    description:
      'What the benchmark data (per workload and testbed, with sample sizes and 95% intervals) or the dated facts ' +
      'say of the claim, and the verdict with its reason. Computed on each request; simulated data says so.',
  })
  evidence(
    @Root() claim: Claim,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description:
        'Judge on what was known up to this date (benchmark months up to its month; default: all).',
    })
    asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<ClaimEvidence> {
    return ctx.loaders.claimEvidence(asOf ?? null).load(claim);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person who made the claim.' })
  person(@Root() claim: Claim, @Ctx() ctx: Context): Promise<Person | null> | null {
    return claim.personId === null ? null : ctx.loaders.personById.load(claim.personId);
  }

  @FieldResolver(() => Vendor, { nullable: true, description: 'The vendor that made the claim.' })
  vendor(@Root() claim: Claim, @Ctx() ctx: Context): Promise<Vendor | null> | null {
    return claim.vendorId === null ? null : ctx.loaders.vendorById.load(claim.vendorId);
  }

  @FieldResolver(() => Session, { nullable: true, description: 'The session where the claim was made.' })
  session(@Root() claim: Claim, @Ctx() ctx: Context): Promise<Session | null> | null {
    return claim.sessionId === null ? null : ctx.loaders.sessionById.load(claim.sessionId);
  }

  @FieldResolver(() => Source, {
    nullable: true,
    description: 'The paper or article in which the claim was made (not merely reported).',
  })
  madeIn(@Root() claim: Claim, @Ctx() ctx: Context): Promise<Source | null> | null {
    return claim.madeInSourceId === null ? null : ctx.loaders.sourceById.load(claim.madeInSourceId);
  }

  @FieldResolver(() => Topic, {
    nullable: true,
    description: 'The conference topic it belongs to; null when it belongs to none.',
  })
  topic(@Root() claim: Claim, @Ctx() ctx: Context): Promise<Topic | null> | null {
    return claim.topicId === null ? null : ctx.loaders.topicById.load(claim.topicId);
  }

  @FieldResolver(() => [Source], { description: 'Where the claim is reported, oldest first.' })
  sources(@Root() claim: Claim, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.claim.load(claim.rowId);
  }

  @FieldResolver(() => [DriverPackage], { description: 'Driver packages whose terms bear on the claim.' })
  async driverPackages(@Root() claim: Claim, @Ctx() ctx: Context): Promise<DriverPackage[]> {
    return loadExisting(ctx.loaders.packageById, claim.driverPackageIds);
  }
}

@Resolver(() => ClaimMeasure)
export class ClaimMeasureResolver {
  @FieldResolver(() => OperatingSystem, { nullable: true, description: 'The guest (with its descendants).' })
  guest(@Root() m: ClaimMeasure, @Ctx() ctx: Context): Promise<OperatingSystem | null> | null {
    return m.guestId === null ? null : ctx.loaders.osById.load(m.guestId);
  }

  @FieldResolver(() => [Workload], {
    description: 'The workloads the claim is checked on; each gives its own comparisons.',
  })
  async workloads(@Root() m: ClaimMeasure, @Ctx() ctx: Context): Promise<Workload[]> {
    return loadExisting(ctx.loaders.workloadById, m.workloadIds);
  }
}

@Resolver(() => ClaimSide)
export class ClaimSideResolver {
  @FieldResolver(() => Hypervisor, {
    nullable: true,
    description: 'Only scenarios on this hypervisor; null: any hypervisor.',
  })
  hypervisor(@Root() s: ClaimSide, @Ctx() ctx: Context): Promise<Hypervisor | null> | null {
    return s.hypervisorId === null ? null : ctx.loaders.hypervisorById.load(s.hypervisorId);
  }

  @FieldResolver(() => HypervisorRelease, {
    nullable: true,
    description: 'Only scenarios on this hypervisor release; null: any release.',
  })
  release(@Root() s: ClaimSide, @Ctx() ctx: Context): Promise<HypervisorRelease | null> | null {
    return s.releaseId === null ? null : ctx.loaders.releaseById.load(s.releaseId);
  }

  @FieldResolver(() => DriverPackage, {
    nullable: true,
    description: 'Only scenarios with this driver package; null: any or none.',
  })
  driverPackage(@Root() s: ClaimSide, @Ctx() ctx: Context): Promise<DriverPackage | null> | null {
    return s.driverPackageId === null ? null : ctx.loaders.packageById.load(s.driverPackageId);
  }
}

@Resolver(() => EvidenceComparison)
export class EvidenceComparisonResolver {
  @FieldResolver(() => Workload, { description: 'The workload compared.' })
  async workload(@Root() c: EvidenceComparison, @Ctx() ctx: Context): Promise<Workload> {
    return required(await ctx.loaders.workloadById.load(c.workloadId), 'workload', 'evidence');
  }

  @FieldResolver(() => Testbed, { description: 'The machine both sides ran on.' })
  async testbed(@Root() c: EvidenceComparison, @Ctx() ctx: Context): Promise<Testbed> {
    return required(await ctx.loaders.testbedById.load(c.testbedId), 'testbed', 'evidence');
  }
}

@Resolver(() => EvidenceFact)
export class EvidenceFactResolver {
  @FieldResolver(() => DriverPackage, {
    nullable: true,
    description: 'The driver package the fact is about; null when it is about none.',
  })
  driverPackage(@Root() f: EvidenceFact, @Ctx() ctx: Context): Promise<DriverPackage | null> | null {
    return f.driverPackageId === null ? null : ctx.loaders.packageById.load(f.driverPackageId);
  }
}

/** `claims` on the knowledge types that make them. */
@Resolver(() => Vendor)
export class VendorClaimsResolver {
  @FieldResolver(() => [Claim], { description: 'Claims this vendor made, oldest first.' })
  claims(@Root() vendor: Vendor, @Ctx() ctx: Context): Promise<Claim[]> {
    return ctx.loaders.claimsByVendor.load(vendor.rowId);
  }
}

@Resolver(() => Person)
export class PersonClaimsResolver {
  @FieldResolver(() => [Claim], { description: 'Claims this person made, oldest first.' })
  claims(@Root() person: Person, @Ctx() ctx: Context): Promise<Claim[]> {
    return ctx.loaders.claimsByPerson.load(person.rowId);
  }
}

@Resolver(() => Session)
export class SessionClaimsResolver {
  @FieldResolver(() => [Claim], { description: 'Claims made in this session, oldest first.' })
  claims(@Root() session: Session, @Ctx() ctx: Context): Promise<Claim[]> {
    return ctx.loaders.claimsBySession.load(session.rowId);
  }
}
