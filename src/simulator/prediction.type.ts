import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { ExecutionModeEnum, type ExecutionMode } from '../benchmarks/benchmark.type';
import { LocalDate } from '../shared/scalars';

@InputType('PredictPerformanceInput', {
  description: 'A configuration for the performance model to predict.',
})
export class PredictPerformanceInput {
  @Field(() => String, { nullable: true, description: 'Hypervisor release slug; null for native.' })
  release?: string | null;

  @Field(() => ExecutionModeEnum, { description: 'How the guest runs.' })
  mode!: ExecutionMode;

  @Field(() => String, { description: 'Guest operating system slug.' })
  guest!: string;

  @Field(() => String, {
    nullable: true,
    description: 'PV driver package slug (hardware-assisted with PV drivers, or BT with VMware Tools).',
  })
  driverPackage?: string | null;

  @Field(() => String, { description: 'Testbed slug (see the testbeds of the benchmark catalogue).' })
  testbed!: string;

  @Field(() => String, { description: 'Workload slug (disk-io, disk-rand-read, net-rx, kernel-build, …).' })
  workload!: string;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'Busy guests on the host (1–256).' })
  vms?: number | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: 'vCPUs per guest (1 to the testbed’s cores).',
  })
  vcpus?: number | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The date the configuration is meant for: the release and driver package must exist by then.',
  })
  asOf?: string | null;

  @Field(() => Int, { nullable: true, description: 'MTU of network workloads (576–9000; default 1500).' })
  mtu?: number | null;
}

@ObjectType('CostShare', {
  description: 'Cycles per unit of work a configuration spends over native on one kind.',
})
export class CostShare {
  @Field(() => String, {
    description: 'Event kind (pageFault, netRxPacket, …), userTime / kernelTime, or dataPath (copies, PIO).',
  })
  event!: string;

  @Field(() => Float, { description: 'Cycles per unit of work over native.' })
  cycles!: number;
}

@ObjectType('PerformancePrediction', {
  description: 'The performance model’s prediction for one configuration, computed on request.',
})
export class PerformancePrediction {
  @Field(() => Float, { description: 'Predicted value of the workload’s metric, per guest.' })
  value!: number;

  @Field(() => String, { description: 'Unit of value.' })
  unit!: string;

  @Field(() => String, { description: 'The workload’s metric.' })
  metric!: string;

  @Field(() => Boolean, { description: 'True when a larger value is better.' })
  higherIsBetter!: boolean;

  @Field(() => Float, { description: 'The same workload on bare metal on the same testbed.' })
  nativeValue!: number;

  @Field(() => Float, { description: 'Throughput as a fraction of native (1 = native speed).' })
  fractionOfNative!: number;

  @Field(() => Float, {
    description:
      '95% prediction interval, low end: run-to-run scatter and the model’s cross-validation error.',
  })
  intervalLow!: number;

  @Field(() => Float, { description: '95% prediction interval, high end.' })
  intervalHigh!: number;

  @Field(() => String, {
    description:
      'The resource that bounds the rate: cpu, backend-cpu (dom0/device model), wire, device, memory.',
  })
  limitedBy!: string;

  @Field(() => Float, {
    description: 'CPU seconds (guest and back end) per unit of work: CPU per I/O or packet.',
  })
  cpuSecondsPerUnit!: number;

  @Field(() => Float, {
    description: 'The back end’s (dom0’s, the device model’s) part of cpuSecondsPerUnit.',
  })
  backendCpuSecondsPerUnit!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean response time (s) at half of a native vCPU’s capacity offered per guest; null when saturated.',
  })
  responseSeconds!: number | null;

  @Field(() => [CostShare], { description: 'Cycles over native by event kind, largest first.' })
  breakdown!: CostShare[];

  @Field(() => String, { description: 'The model system simulated, as JSON.' })
  system!: string;

  @Field(() => String, { description: 'Version of the model that computed the prediction.' })
  modelVersion!: string;
}
