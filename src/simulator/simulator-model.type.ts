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

  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;

  @Field(() => String)
  description!: string;
}

@ObjectType('CalibrationResult', { description: 'A published figure, and what the model simulates for it.' })
export class CalibrationResult {
  sourceId!: number;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  benchmark!: string;

  @Field(() => String, {
    description: 'The system as the paper names it (native, xen_pv, vmware_ws_bt, bt, vtx…).',
  })
  system!: string;

  @Field(() => String)
  unit!: string;

  @Field(() => Boolean)
  higherIsBetter!: boolean;

  @Field(() => Float)
  published!: number;

  @Field(() => Float)
  simulated!: number;

  @Field(() => Float, { description: '(simulated − published) / published.' })
  relativeError!: number;

  @Field(() => Boolean, { description: 'True when |relativeError| ≤ 5%.' })
  withinTolerance!: boolean;
}

@ObjectType('SimulatorModel', {
  description: 'The benchmark simulator’s performance model and how well it fits the papers.',
})
export class SimulatorModel {
  @Field(() => String, { description: 'Model version recorded with every simulated run.' })
  version!: string;

  @Field(() => [ModelParameter])
  parameters!: ModelParameter[];

  @Field(() => [CalibrationResult], { description: 'Every calibration target, in slug order.' })
  calibration!: CalibrationResult[];

  @Field(() => Int)
  targets!: number;

  @Field(() => Int, { description: 'Targets whose simulated value is within 5% of the published one.' })
  targetsWithinTolerance!: number;

  @Field(() => Float, { description: 'The largest |relativeError| over all targets.' })
  maxAbsoluteError!: number;
}
