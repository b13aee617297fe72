import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ExecutionModeEnum, type ExecutionMode } from '../benchmarks/benchmark.type';

@ObjectType('Estimate', { description: 'An estimate with its 95% interval.', simpleResolvers: true })
export class Estimate {
  @Field(() => Float, { description: 'The point estimate.' })
  value!: number;

  @Field(() => Float, { nullable: true, description: '95% lower bound; null: unbounded.' })
  lower!: number | null;

  @Field(() => Float, { nullable: true, description: '95% upper bound; null: unbounded.' })
  upper!: number | null;
}

/** Pooled measurements of some scenarios on one testbed and workload, with their fraction of native. */
@ObjectType('MeasuredSide', {
  description: 'Measurements of one or more scenarios on one testbed and workload, pooled.',
})
export class MeasuredSide {
  scenarioIds!: number[];

  @Field(() => Int, { description: 'Measurements pooled.' })
  count!: number;

  @Field(() => Float, { description: 'Mean of the pooled measurements, in the workload’s unit.' })
  mean!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Sample standard deviation, in the workload’s unit; null for a single measurement.',
  })
  stddev!: number | null;

  @Field(() => Estimate, {
    nullable: true,
    description:
      'Fraction of native speed (native on the same testbed, OS family and workload), 95% Welch interval; null ' +
      'without native data.',
  })
  fractionOfNative!: Estimate | null;
}

/** A hypervisor's results in one mode on one testbed. */
@ObjectType('HypervisorPerformance', {
  description: 'A hypervisor’s pooled results in one mode on one testbed and OS family, against native.',
})
export class HypervisorPerformance {
  workloadId!: number;
  testbedId!: number;

  @Field(() => ExecutionModeEnum, { description: 'The execution mode pooled.' })
  mode!: ExecutionMode;

  @Field(() => MeasuredSide, { description: 'The pooled measurements, with their fraction of native.' })
  result!: MeasuredSide;

  @Field(() => Int, { description: 'Native measurements it is compared with.' })
  nativeCount!: number;

  @Field(() => String, {
    description:
      'How the figures were made (simulated, calibrated to published results) and what they leave out.',
  })
  dataNote!: string;
}

/** A driver package against emulated devices. */
@ObjectType('DriverSpeedup', {
  description:
    'Scenarios using a PV driver package against emulated devices on hypervisors of the same vendor, on one ' +
    'testbed and OS family.',
})
export class DriverSpeedup {
  workloadId!: number;
  testbedId!: number;

  @Field(() => MeasuredSide, { description: 'The scenarios with the driver package, pooled.' })
  driver!: MeasuredSide;

  @Field(() => MeasuredSide, { description: 'The same vendor’s scenarios on emulated devices, pooled.' })
  emulated!: MeasuredSide;

  @Field(() => Estimate, { description: 'How many times faster with the driver (> 1: faster).' })
  speedup!: Estimate;

  @Field(() => String, {
    description:
      'How the figures were made (simulated, calibrated to published results) and what they leave out.',
  })
  dataNote!: string;
}

/** Scenarios exercising a hardware feature against the same hypervisor and mode without it. */
@ObjectType('HardwareFeatureEffect', {
  description:
    'A hypervisor in one mode with and without a hardware feature, each against native on its own testbed.',
})
export class HardwareFeatureEffect {
  workloadId!: number;
  hypervisorId!: number;

  @Field(() => ExecutionModeEnum, { description: 'The execution mode compared.' })
  mode!: ExecutionMode;

  @Field(() => MeasuredSide, { description: 'Scenarios on testbeds with the feature, pooled.' })
  with!: MeasuredSide;

  @Field(() => MeasuredSide, { description: 'Scenarios on testbeds without the feature, pooled.' })
  without!: MeasuredSide;

  @Field(() => Estimate, {
    nullable: true,
    description: 'Fraction of native with the feature over the fraction without it (> 1: the feature helps).',
  })
  fractionRatio!: Estimate | null;

  @Field(() => Estimate, {
    nullable: true,
    description: 'Share of the overhead over native that the feature removes.',
  })
  overheadReduction!: Estimate | null;

  @Field(() => String, {
    description:
      'How the figures were made (simulated, calibrated to published results) and what they leave out.',
  })
  dataNote!: string;
}
