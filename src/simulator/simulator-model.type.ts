import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('ModelParameter', {
  description: 'One parameter of the performance model.',
  simpleResolvers: true,
})
export class ModelParameter {
  @Field(() => String, { description: 'Dotted name, e.g. hw.p4_672.vmExit.' })
  name!: string;

  @Field(() => String, { description: 'cycles, fraction, events/s (per native CPU second), …' })
  unit!: string;

  @Field(() => Float, { description: 'The frozen value the simulator uses.' })
  value!: number;

  @Field(() => Float, { description: 'The documented estimate the fit started from.' })
  prior!: number;

  @Field(() => Boolean, {
    description: 'False: no published figure constrains it, so it stays at the prior.',
  })
  fitted!: boolean;

  @Field(() => Float, { description: 'Lower bound the fit keeps the value above.' })
  min!: number;

  @Field(() => Float, { description: 'Upper bound the fit keeps the value below.' })
  max!: number;

  @Field(() => String, {
    nullable: true,
    description:
      '"min" or "max" when the frozen value rests on that bound (see boundsWhy); null inside them.',
  })
  onBound!: 'min' | 'max' | null;

  @Field(() => String, {
    description: 'Why the bounds are where they are: what a value resting on one means.',
  })
  boundsWhy!: string;

  @Field(() => String, {
    description: 'What the parameter means, and the published figure behind its prior.',
  })
  description!: string;
}

@ObjectType('CalibrationResult', { description: 'A published figure, and what the model simulates for it.' })
export class CalibrationResult {
  sourceId!: number;

  @Field(() => String, { description: 'Stable identifier of the target.' })
  slug!: string;

  @Field(() => String, { description: 'What was measured, in the source’s words.' })
  benchmark!: string;

  @Field(() => String, {
    description: 'The system measured, as the source names it (native, xen_pv, bt, vtx, kvm virtio-blk…).',
  })
  system!: string;

  @Field(() => String, {
    description:
      'Area: cpu (2003/2006 papers), disk, network, emulation, consolidation, hwassist, windows-pv.',
  })
  area!: string;

  @Field(() => String, { description: 'Unit of published and simulated.' })
  unit!: string;

  @Field(() => Boolean, { description: 'True when a larger value is better.' })
  higherIsBetter!: boolean;

  @Field(() => String, {
    description:
      'eq: a value to match; le / ge: a bound the simulated value must stay below / above; unmodelled: reported, not fitted.',
  })
  relation!: string;

  @Field(() => Boolean, { description: 'True when the figure comes from a third party’s transcription.' })
  secondary!: boolean;

  @Field(() => Float, { description: 'The published value (the bound, for le / ge).' })
  published!: number;

  @Field(() => Float, { nullable: true, description: 'The frozen model’s value; null when unmodelled.' })
  simulated!: number | null;

  @Field(() => Float, { nullable: true, description: '(simulated − published) / published.' })
  relativeError!: number | null;

  @Field(() => Float, {
    description: 'The |relativeError| an eq target may have: 5% for cpu, 15% otherwise.',
  })
  tolerance!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'eq: |relativeError| ≤ tolerance; le / ge: on the stated side; null when unmodelled.',
  })
  withinTolerance!: boolean | null;
}

@ObjectType('CrossValidationResult', {
  description:
    'Leave-one-source-out cross-validation: the model refitted without one source predicts that source’s targets.',
})
export class CrossValidationResult {
  sourceId!: number;

  @Field(() => String, { description: 'Slug of the source held out.' })
  source!: string;

  @Field(() => String, { description: 'Area of the source’s targets (cpu, disk, network, …).' })
  area!: string;

  @Field(() => Int, { description: 'Targets of the source the model expresses.' })
  targets!: number;

  @Field(() => Float, { description: 'Mean |predicted / published − 1| over them (0 for a bound kept).' })
  meanAbsoluteError!: number;

  @Field(() => Float, { description: 'Largest |predicted / published − 1| over them.' })
  maxAbsoluteError!: number;
}

@ObjectType('SimulatorModel', {
  description: 'The benchmark simulator’s performance model and how well it fits the published figures.',
})
export class SimulatorModel {
  @Field(() => String, { description: 'Model version recorded with every simulated run.' })
  version!: string;

  @Field(() => [ModelParameter], { description: 'Every parameter, in a stable order.' })
  parameters!: ModelParameter[];

  @Field(() => [CalibrationResult], { description: 'Every calibration target, in slug order.' })
  calibration!: CalibrationResult[];

  @Field(() => Int, { description: 'Number of calibration targets.' })
  targets!: number;

  @Field(() => Int, { description: 'Targets the model expresses (all but the unmodelled ones).' })
  targetsModelled!: number;

  @Field(() => Int, { description: 'Targets within their tolerance or on the stated side of their bound.' })
  targetsWithinTolerance!: number;

  @Field(() => Float, { description: 'The largest |relativeError| over eq targets.' })
  maxAbsoluteError!: number;

  @Field(() => [CrossValidationResult], {
    description: 'Leave-one-source-out cross-validation error per source, computed offline with the fit.',
  })
  crossValidation!: CrossValidationResult[];
}
