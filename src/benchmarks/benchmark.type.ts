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
  {
    native:
      'Bare metal: the operating system runs on the hardware with no hypervisor (the baseline for fractions of native).',
    paravirtualized:
      'A modified guest kernel that calls the hypervisor through hypercalls (e.g. Xen PV, lguest).',
    hardware_assisted_pv_drivers:
      'An unmodified guest kernel on Intel VT-x or AMD-V, with paravirtual disk and network drivers installed.',
    hardware_assisted_emulated:
      'An unmodified guest kernel on Intel VT-x or AMD-V, using emulated devices (IDE, rtl8139, e1000).',
    binary_translation:
      'Guest kernel code rewritten on the fly by the monitor, no hardware assist (VMware’s approach, kqemu).',
    emulated:
      'Pure software emulation of the CPU and devices (QEMU’s dynamic translation with a software MMU).',
    os_level: 'Containers sharing the host kernel (OpenVZ, Linux-VServer): no guest kernel at all.',
  },
);

export const WORKLOAD_SHAPES = ['cpu', 'packet', 'disk'] as const;
export type WorkloadShape = (typeof WORKLOAD_SHAPES)[number];
export const WorkloadShapeEnum = registerValuesEnum(
  WORKLOAD_SHAPES,
  'WorkloadShape',
  'What bounds a workload: CPU time, the network path (per TCP segment) or the disk path (per request).',
  {
    cpu: 'Bounded by CPU time: the virtualization cost is in traps, page-table updates and system calls.',
    packet: 'Bounded by the network path: costs are per TCP segment and per byte, on transmit or receive.',
    disk: 'Bounded by the disk path: costs are per request and per byte, with the device time in series.',
  },
);

export const RUN_KINDS = ['simulated', 'ingested'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
export const RunKindEnum = registerValuesEnum(
  RUN_KINDS,
  'BenchmarkRunKind',
  'Where a run’s measurements come from.',
  {
    simulated: 'Produced by the built-in performance model (simulateBenchmarks or the seed).',
    ingested: 'Loaded from an external harness with ingestMeasurements.',
  },
);

@ObjectType('Workload', { implements: Node, description: 'A benchmark: what one measurement of it reports.' })
export class Workload {
  rowId!: number;

  @Field(() => ID, { description: 'Global id (see `node`).' })
  id!: string;

  @Field(() => String, {
    description:
      'Stable identifier used in arguments, e.g. "kernel-build", "disk-io", "net-rx" (the `workloads` query lists them all).',
  })
  slug!: string;

  @Field(() => String, { description: 'Human-readable name, e.g. "Linux kernel build".' })
  name!: string;

  @Field(() => WorkloadShapeEnum, {
    description:
      'What bounds it (CPU, network path or disk path), which decides which costs the model charges.',
  })
  shape!: WorkloadShape;

  @Field(() => String, { description: 'What a measurement reports, e.g. "throughput" or "elapsed".' })
  metric!: string;

  @Field(() => String, { description: 'The unit of every measurement of this workload, e.g. "Mb/s".' })
  unit!: string;

  @Field(() => Boolean, { description: 'True for throughputs and scores; false for times.' })
  higherIsBetter!: boolean;

  @Field(() => String, { description: 'What the benchmark does and what its figure means.' })
  description!: string;
}

@ObjectType('Testbed', { implements: Node, description: 'A machine the benchmark scenarios run on.' })
export class Testbed {
  rowId!: number;

  @Field(() => ID, { description: 'Global id (see `node`).' })
  id!: string;

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, { description: 'The machine: processor, clock, memory, disk and network link.' })
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

  @Field(() => Boolean, {
    description:
      'Its processor has nested page tables (Intel EPT or AMD RVI), so hardware-assisted guests need no shadow page tables.',
  })
  nestedPaging!: boolean;

  @Field(() => Boolean, {
    description: 'Its network adapter offers SR-IOV virtual functions a guest can drive directly.',
  })
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

  @Field(() => ID, { description: 'Global id (see `node`).' })
  id!: string;

  @Field(() => String, { description: 'Stable identifier in URLs and arguments (lower-case, hyphenated).' })
  slug!: string;

  @Field(() => String, { description: 'Human-readable name, e.g. "Xen 3.0 paravirtualized Linux".' })
  name!: string;

  @Field(() => ExecutionModeEnum, {
    description:
      'How the guest runs: native, paravirtualized, hardware assist with or without PV drivers, and so on.',
  })
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

  @Field(() => LocalDate, {
    description: 'First simulated date of its measurements (inclusive): usually the release date.',
  })
  simulatedFrom!: string;

  @Field(() => LocalDate, { description: 'Last simulated date of its measurements (inclusive).' })
  simulatedTo!: string;

  @Field(() => String, { description: 'What the configuration is and why it is simulated, in prose.' })
  description!: string;
}

@ObjectType('BenchmarkRun', { description: 'One load of measurements: a simulation or an ingested batch.' })
export class BenchmarkRun {
  @Field(() => Int, {
    description: 'The run’s number, as used in PerformanceFilter.runs and deleteBenchmarkRun.',
  })
  id!: number;

  @Field(() => RunKindEnum, { description: 'Whether the model simulated it or a harness loaded it.' })
  kind!: RunKind;

  @Field(() => String, {
    description:
      'A human name for the run, e.g. the seed and size of a simulation or the ingested batch’s label.',
  })
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

  @Field(() => Date, { description: 'When its measurements were written (UTC).' })
  loadedAt!: Date;
}
