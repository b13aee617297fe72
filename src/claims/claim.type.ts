import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ExecutionModeEnum, type ExecutionMode } from '../benchmarks/benchmark.type';
import { Node } from '../node/node.type';
import { Estimate, MeasuredSide } from '../performance/comparison.type';
import { registerValuesEnum } from '../shared/enums';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';

export const CLAIM_KINDS = ['performance', 'interoperability', 'licensing', 'security', 'market'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export const ClaimKindEnum = registerValuesEnum(CLAIM_KINDS, 'ClaimKind', 'What a claim is about.', {
  performance: 'About speed or overhead, checked against the benchmark measurements.',
  interoperability: 'About which guests run on which hypervisors, checked against support statements.',
  licensing: 'About licenses and who could obtain software.',
  security: 'About isolation and attack surface.',
  market: 'About vendors, deals and market share.',
});

export const CLAIM_METRICS = [
  'fraction_of_native',
  'speedup',
  'overhead_ratio',
  'fraction_ratio',
  'overhead_reduction',
] as const;
export type ClaimMetric = (typeof CLAIM_METRICS)[number];
export const ClaimMetricEnum = registerValuesEnum(
  CLAIM_METRICS,
  'ClaimMetric',
  'What a measurable claim compares. Every figure is taken per workload and testbed, against native on the same ' +
    'testbed and OS family where native is involved.',
  {
    fraction_of_native: 'The candidate’s fraction of native speed (1 = native).',
    speedup: 'How many times faster the candidate is than the baseline.',
    overhead_ratio:
      'The candidate’s overhead over native divided by the baseline’s (2 = twice the overhead).',
    fraction_ratio: 'The candidate’s fraction of native divided by the baseline’s (1 = level).',
    overhead_reduction: 'The share of the baseline’s overhead over native that the candidate removes.',
  },
);

export const CLAIM_COMPARISONS = ['at_least', 'at_most', 'within'] as const;
export type ClaimComparison = (typeof CLAIM_COMPARISONS)[number];
export const ClaimComparisonEnum = registerValuesEnum(
  CLAIM_COMPARISONS,
  'ClaimComparison',
  'How the metric is held against the threshold.',
  {
    at_least: 'metric ≥ threshold',
    at_most: 'metric ≤ threshold',
    within: '|metric − 1| ≤ threshold (e.g. 0.05: within 5% of level)',
  },
);

export const VERDICTS = ['supported', 'contradicted', 'mixed', 'unverifiable'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VerdictEnum = registerValuesEnum(
  VERDICTS,
  'ClaimVerdict',
  'What the evidence says of a claim.',
  {
    supported:
      'Every comparison’s 95% interval lies on the claim’s side of the threshold (or the expected fact holds).',
    contradicted: 'Every comparison’s 95% interval lies on the other side of the threshold.',
    mixed: 'Some comparisons support the claim and others contradict it or cannot decide.',
    unverifiable: 'No data or dated fact bears on the claim (yet).',
  },
);

export const BEARINGS = ['supports', 'contradicts', 'inconclusive'] as const;
export type Bearing = (typeof BEARINGS)[number];
export const BearingEnum = registerValuesEnum(
  BEARINGS,
  'EvidenceBearing',
  'How one piece of evidence bears on a claim.',
  {
    supports: 'The evidence lies wholly on the claim’s side of its threshold (or the expected fact holds).',
    contradicts:
      'The evidence lies wholly on the other side of the threshold (or the expected fact does not hold).',
    inconclusive: 'The interval straddles the threshold, or there is too little data to tell.',
  },
);

/** One side of a measurable claim: which scenarios count (null fields: any). */
@ObjectType('ClaimSide', { description: 'Which benchmark scenarios a side of a claim takes (null: any).' })
export class ClaimSide {
  hypervisorId!: number | null;
  releaseId!: number | null;
  driverPackageId!: number | null;

  @Field(() => ExecutionModeEnum, {
    nullable: true,
    description: 'Only scenarios in this execution mode; null: any mode.',
  })
  mode!: ExecutionMode | null;

  @Field(() => String, { nullable: true, description: '"shadow" or "nested" page tables.' })
  paging!: 'shadow' | 'nested' | null;
}

/** What a measurable claim asserts in data terms. */
@ObjectType('ClaimMeasure', {
  description: 'A claim in data terms: metric, workloads, sides compared, guest and threshold.',
})
export class ClaimMeasure {
  guestId!: number | null;
  /** The guest and its descendants (any guest when empty). */
  guestIds!: number[];
  workloadIds!: number[];

  @Field(() => ClaimMetricEnum, { description: 'The figure compared with the threshold.' })
  metric!: ClaimMetric;

  @Field(() => ClaimComparisonEnum, {
    description: 'Whether the metric must be at least, at most or about the threshold.',
  })
  comparison!: ClaimComparison;

  @Field(() => Float, {
    description: 'The value the claim states, in the metric’s terms (e.g. 0.9 for "within 10% of native").',
  })
  threshold!: number;

  @Field(() => ClaimSide, { description: 'The scenarios the claim is about.' })
  candidate!: ClaimSide;

  @Field(() => ClaimSide, { nullable: true, description: 'Null where the metric compares with native.' })
  baseline!: ClaimSide | null;
}

@ObjectType('Claim', {
  implements: Node,
  description:
    'A statement someone made (in our own words), who made it, when, and what it asserts; its evidence is computed.',
})
export class Claim {
  rowId!: number;
  personId!: number | null;
  vendorId!: number | null;
  sessionId!: number | null;
  madeInSourceId!: number | null;
  topicId!: number | null;
  driverPackageIds!: number[];
  expectedLicenseOpen!: boolean | null;

  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, { description: 'What was claimed, in our own words.' })
  statement!: string;

  @Field(() => ClaimKindEnum, {
    description:
      'What the claim is about; performance claims are checked against the benchmarks, the others against dated facts.',
  })
  kind!: ClaimKind;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When the claim was made (first day of its period).',
  })
  madeOn!: string | null;

  @Field(() => DatePrecisionEnum, {
    description: 'How precisely madeOn is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  madeOnPrecision!: DatePrecision;

  @Field(() => String, { nullable: true, description: 'How we read the claim in terms of data or facts.' })
  assertion!: string | null;

  @Field(() => ClaimMeasure, { nullable: true, description: 'Null where the claim is not measurable.' })
  measure!: ClaimMeasure | null;
}

@ObjectType('EvidenceComparison', {
  description: 'The claim’s metric on one workload and testbed, from the benchmark rollups.',
})
export class EvidenceComparison {
  workloadId!: number;
  testbedId!: number;

  @Field(() => MeasuredSide, { description: 'The claim’s scenarios, measured.' })
  candidate!: MeasuredSide;

  @Field(() => MeasuredSide, {
    nullable: true,
    description:
      'The side compared against (native, or the claim’s baseline scenarios); null when the metric needs none.',
  })
  baseline!: MeasuredSide | null;

  @Field(() => Int, { description: 'Native measurements on the same testbed, OS family and workload.' })
  nativeCount!: number;

  @Field(() => Estimate, { description: 'The claim’s metric with its 95% interval.' })
  metric!: Estimate;

  @Field(() => BearingEnum, {
    description:
      'Whether this comparison’s 95% interval supports or contradicts the claim, or straddles its threshold.',
  })
  bearing!: Bearing;
}

@ObjectType('EvidenceFact', {
  description: 'A dated fact that bears on a licensing or interoperability claim.',
})
export class EvidenceFact {
  driverPackageId!: number | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day the fact held or happened; null when the sources give no date.',
  })
  date!: string | null;

  @Field(() => DatePrecisionEnum, {
    description: 'How precisely date is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  datePrecision!: DatePrecision;

  @Field(() => String, {
    description: 'The fact in one sentence, e.g. which license a package had on that date.',
  })
  fact!: string;

  @Field(() => BearingEnum, { description: 'Whether the fact supports or contradicts the claim.' })
  bearing!: Bearing;
}

@ObjectType('ClaimEvidence', { description: 'What the data and the dated facts say of a claim on a date.' })
export class ClaimEvidence {
  @Field(() => LocalDate, { nullable: true, description: 'The date asked about (null: everything known).' })
  asOf!: string | null;

  @Field(() => VerdictEnum, {
    description: 'What the comparisons or facts say together, on the evidence’s date.',
  })
  verdict!: Verdict;

  @Field(() => String, { description: 'Why, in a sentence or two.' })
  reason!: string;

  @Field(() => [EvidenceComparison], {
    description:
      'For a performance claim, the metric per workload and testbed with its interval; empty for other kinds.',
  })
  comparisons!: EvidenceComparison[];

  @Field(() => [EvidenceFact], {
    description: 'For other kinds, the dated facts that bear on the claim; empty for performance claims.',
  })
  facts!: EvidenceFact[];

  @Field(() => Boolean, { description: 'Whether any figure comes from simulated measurements.' })
  simulated!: boolean;

  @Field(() => [String], { description: 'Model versions of the simulated runs used.' })
  modelVersions!: string[];

  @Field(() => String, { nullable: true, description: 'Where the figures come from; null without figures.' })
  dataNote!: string | null;
}

@InputType('ClaimFilter', { description: 'Which claims; every field narrows (slugs must exist).' })
export class ClaimFilter {
  @Field(() => [ClaimKindEnum], { nullable: true, description: 'Only claims of these kinds.' })
  kinds?: ClaimKind[] | null;

  @Field(() => [String], { nullable: true, description: 'Vendor slugs (the vendor that made the claim).' })
  vendors?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Topic slugs.' })
  topics?: string[] | null;

  @Field(() => [VerdictEnum], { nullable: true, description: 'Verdicts as of `verdictAsOf`.' })
  verdicts?: Verdict[] | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The date the verdict filter judges on (default: all data).',
  })
  verdictAsOf?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Made on or after this date.' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Made on or before this date.' })
  to?: string | null;
}
