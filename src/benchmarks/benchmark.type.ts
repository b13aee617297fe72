import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { VIRTUALIZATION_MODES } from '../interop/support-statement.entity';
import { Node } from '../node/node.type';
import { registerValuesEnum } from '../shared/enums';
import { LocalDate } from '../shared/scalars';

/** How a scenario runs its guest: native, or one of the virtualization modes of the support statements. */
export const EXECUTION_MODES = ['native', ...VIRTUALIZATION_MODES] as const;
export type ExecutionMode = (typeof EXECUTION_MODES)[number];
export const ExecutionModeEnum = registerValuesEnum(
  EXECUTION_MODES,
  'ExecutionMode',
  'How a benchmark scenario runs: on bare metal (native) or in one of the virtualization modes.',
);

export const WORKLOAD_SHAPES = ['cpu', 'packet', 'disk'] as const;
export type WorkloadShape = (typeof WORKLOAD_SHAPES)[number];
export const WorkloadShapeEnum = registerValuesEnum(
  WORKLOAD_SHAPES,
  'WorkloadShape',
  'What bounds a workload: CPU time, the network path (per TCP segment) or the disk path (per request).',
);

export const RUN_KINDS = ['simulated', 'ingested'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
export const RunKindEnum = registerValuesEnum(
  RUN_KINDS,
  'BenchmarkRunKind',
  'Where a run’s measurements come from.',
);

@ObjectType('Workload', { implements: Node, description: 'A benchmark: what one measurement of it reports.' })
export class Workload {
  rowId!: number;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => WorkloadShapeEnum)
  shape!: WorkloadShape;

  @Field(() => String, { description: 'What a measurement reports, e.g. "throughput" or "elapsed".' })
  metric!: string;

  @Field(() => String, { description: 'The unit of every measurement of this workload, e.g. "Mb/s".' })
  unit!: string;

  @Field(() => Boolean, { description: 'True for throughputs and scores; false for times.' })
  higherIsBetter!: boolean;

  @Field(() => String)
  description!: string;
}

@ObjectType('Testbed', { implements: Node, description: 'A machine the benchmark scenarios run on.' })
export class Testbed {
  rowId!: number;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Float, { description: 'Core clock in Hz.' })
  clockHz!: number;

  @Field(() => Float, { description: 'Network link rate in bits per second.' })
  linkBitsPerSecond!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'VT-x/AMD-V generation whose exit costs the model uses; null without hardware virtualization.',
  })
  cpuGeneration!: string | null;

  @Field(() => Boolean)
  nestedPaging!: boolean;

  @Field(() => Boolean)
  sriov!: boolean;

  @Field(() => LocalDate, {
    description: 'First date such a machine was available (simulated dates start here).',
  })
  availableFrom!: string;
}

@ObjectType('Scenario', {
  implements: Node,
  description:
    'A configuration the simulator measures: hypervisor release, mode, guest, driver package and testbed, over a ' +
    'window of simulated dates. Scenarios are simulation inputs, not facts; their descriptions say what is assumed.',
})
export class Scenario {
  rowId!: number;
  releaseId!: number | null;
  guestId!: number;
  driverPackageId!: number | null;
  testbedId!: number;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ExecutionModeEnum)
  mode!: ExecutionMode;

  @Field(() => String, {
    description: 'The performance model’s system: native, xen_pv, bt, hvm, container, …',
  })
  systemKind!: string;

  @Field(() => String, { nullable: true, description: 'Guest page tables for hardware-assisted systems.' })
  paging!: string | null;

  @Field(() => String, { nullable: true, description: 'Guest I/O path for hardware-assisted systems.' })
  devices!: string | null;

  @Field(() => Float, {
    description: 'Factor on the modelled overhead over native (1 = the calibrated model).',
  })
  overheadScale!: number;

  @Field(() => LocalDate)
  simulatedFrom!: string;

  @Field(() => LocalDate)
  simulatedTo!: string;

  @Field(() => String)
  description!: string;
}

@ObjectType('BenchmarkRun', { description: 'One load of measurements: a simulation or an ingested batch.' })
export class BenchmarkRun {
  @Field(() => Int)
  id!: number;

  @Field(() => RunKindEnum)
  kind!: RunKind;

  @Field(() => String)
  label!: string;

  @Field(() => Float, { nullable: true, description: 'The simulation’s seed.' })
  seed!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The performance model version that produced the rows.',
  })
  modelVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'The ingested batch’s id.' })
  batchId!: string | null;

  @Field(() => Int, { description: 'Measurements stored.' })
  rowCount!: number;

  @Field(() => Date)
  loadedAt!: Date;
}
