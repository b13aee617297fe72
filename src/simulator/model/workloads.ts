import type { EventKind } from './events';
import type { NoiseProfile } from './noise';
import { spec, type ParameterSpec } from './parameters';

/**
 * How a workload's work is counted:
 * - `cpu`: the unit of work is one second of native CPU time; `events` are rates per native CPU second, and
 *   `userShare` of that second runs in user mode (the rest in the kernel). Run time scales with the slowdown.
 * - `packet`: the unit is one TCP segment of `mtu − 40` payload bytes (bulk transfer, ttcp-like); the rate is
 *   limited by the CPU path or by the wire, whichever is slower (the physics of a 1 Gb/s link).
 * - `disk`: the unit is one disk request of `requestBytes`, `queueDepth` of them in flight; the CPU path lies in
 *   series with the device time (see `simulate`).
 */
export type WorkloadShape = 'cpu' | 'packet' | 'disk';

/** A workload the simulator can run. Event mixes are parameters (`wl.<slug>.<event>`) so the fit can use them. */
export interface Workload {
  readonly slug: string;
  readonly name: string;
  readonly shape: WorkloadShape;
  /** What a run reports, in `unit`; `higherIsBetter` orients it (throughput vs time). */
  readonly metric: string;
  readonly unit: string;
  readonly higherIsBetter: boolean;
  /** A typical native result on the 2003–2006 testbeds, the scale for simulated values. */
  readonly nativeValue: number;
  /** Direction of a packet workload. */
  readonly direction?: 'tx' | 'rx';
  /** A disk workload's operation and access pattern. */
  readonly operation?: 'read' | 'write';
  readonly access?: 'sequential' | 'random';
  /** Run-to-run scatter of this workload (I/O and network runs scatter more than CPU-bound ones). */
  readonly noise: NoiseProfile;
  /** Event kinds per unit of work with their priors and whether calibration may fit them. */
  readonly mix: ReadonlyArray<readonly [EventKind | WorkloadKnob, number, boolean]>;
  readonly description: string;
}

/** Non-event parameters of a workload: user share (cpu), request size and queue depth (disk). */
export type WorkloadKnob = 'userShare' | 'requestBytes' | 'queueDepth';

const quiet: NoiseProfile = { cv: 0.004, outlierProbability: 0.002, outlierSlowdown: 0.05 };

/** The workloads: generic ones for the simulator, and the calibration benchmarks' own mixes. */
export const WORKLOADS: readonly Workload[] = [
  {
    slug: 'cpu-bound',
    name: 'CPU-bound (SPEC CPU INT-like)',
    shape: 'cpu',
    metric: 'score',
    unit: 'score',
    higherIsBetter: true,
    nativeValue: 567,
    noise: quiet,
    mix: [
      ['userShare', 0.99, false],
      ['interrupt', 100, false],
      ['contextSwitch', 20, false],
      ['pageFault', 300, false],
      ['pteUpdate', 300, false],
      ['syscall', 50, false],
    ],
    description: 'Compute in user mode; only the timer tick and rare faults reach the kernel.',
  },
  {
    slug: 'java-server',
    name: 'Java server (SPECjbb-like)',
    shape: 'cpu',
    metric: 'throughput',
    unit: 'bops',
    higherIsBetter: true,
    nativeValue: 30000,
    noise: { cv: 0.01, outlierProbability: 0.005, outlierSlowdown: 0.1 },
    mix: [
      ['userShare', 0.97, false],
      ['interrupt', 1000, false],
      ['contextSwitch', 500, false],
      ['pageFault', 500, true],
      ['pteUpdate', 500, false],
      ['syscall', 2000, true],
    ],
    description: 'In-memory transactions; garbage collection adds faults and a few syscalls.',
  },
  {
    slug: 'kernel-build',
    name: 'Linux kernel build',
    shape: 'cpu',
    metric: 'build time',
    unit: 'seconds',
    higherIsBetter: false,
    nativeValue: 263,
    noise: { cv: 0.008, outlierProbability: 0.01, outlierSlowdown: 0.08 },
    mix: [
      ['userShare', 0.9, false],
      ['syscall', 40000, true],
      ['pageFault', 40000, true],
      ['pteUpdate', 80000, true],
      ['contextSwitch', 1000, true],
      ['interrupt', 300, false],
      ['diskRequest', 50, false],
    ],
    description: 'Thousands of short gcc processes: fork/exec, page faults and page-table churn.',
  },
  {
    slug: 'forkwait',
    name: 'fork/wait loop (syscall- and fork-heavy)',
    shape: 'cpu',
    metric: 'run time',
    unit: 'seconds',
    higherIsBetter: false,
    nativeValue: 6,
    noise: { cv: 0.01, outlierProbability: 0.01, outlierSlowdown: 0.1 },
    mix: [
      ['userShare', 0.05, false],
      ['syscall', 20000, false],
      ['pageFault', 300000, true],
      ['pteUpdate', 4000000, true],
      ['contextSwitch', 13000, false],
      ['interrupt', 250, false],
    ],
    description: '~6,700 fork + exit + waitpid per native second: page-table copies and teardowns dominate.',
  },
  {
    slug: 'web-serving',
    name: 'Web serving (SPECweb99 / Apache ab on Linux)',
    shape: 'cpu',
    metric: 'throughput',
    unit: 'requests/s',
    higherIsBetter: true,
    nativeValue: 518,
    noise: { cv: 0.02, outlierProbability: 0.01, outlierSlowdown: 0.15 },
    mix: [
      ['userShare', 0.3, false],
      ['syscall', 60000, true],
      ['pageFault', 20000, true],
      ['pteUpdate', 40000, true],
      ['contextSwitch', 8000, true],
      ['interrupt', 10000, false],
      ['netTxPacket', 20000, true],
      ['netRxPacket', 12000, false],
      ['netTxByte', 24000000, false],
      ['netRxByte', 2400000, false],
      ['diskRequest', 50, false],
    ],
    description: 'Process-per-connection HTTP: syscalls, packets, interrupts and forked workers.',
  },
  {
    slug: 'web-serving-windows',
    name: 'Web serving on a Windows guest (Apache ab)',
    shape: 'cpu',
    metric: 'throughput',
    unit: 'requests/s',
    higherIsBetter: true,
    nativeValue: 1000,
    noise: { cv: 0.02, outlierProbability: 0.01, outlierSlowdown: 0.15 },
    mix: [
      ['userShare', 0.3, false],
      ['syscall', 30000, true],
      ['pageFault', 3000, false],
      ['pteUpdate', 3000, true],
      ['contextSwitch', 4000, false],
      ['interrupt', 12000, true],
      ['netTxPacket', 20000, true],
      ['netRxPacket', 12000, false],
      ['netTxByte', 24000000, false],
      ['netRxByte', 2400000, false],
    ],
    description: 'Thread-per-connection HTTP: little page-table churn, many interrupts and packets.',
  },
  {
    slug: 'graphics-2d',
    name: '2D graphics (PassMark 2D-like)',
    shape: 'cpu',
    metric: 'score',
    unit: 'score',
    higherIsBetter: true,
    nativeValue: 400,
    noise: { cv: 0.015, outlierProbability: 0.005, outlierSlowdown: 0.1 },
    mix: [
      ['userShare', 0.5, false],
      ['portIo', 20000, true],
      ['syscall', 20000, true],
      ['interrupt', 2000, false],
      ['pageFault', 2000, false],
      ['pteUpdate', 2000, false],
      ['contextSwitch', 2000, false],
    ],
    description: 'Drawing through an emulated SVGA device: register accesses dominate.',
  },
  {
    slug: 'oltp',
    name: 'OLTP database',
    shape: 'cpu',
    metric: 'throughput',
    unit: 'transactions/s',
    higherIsBetter: true,
    nativeValue: 1500,
    noise: { cv: 0.025, outlierProbability: 0.02, outlierSlowdown: 0.25 },
    mix: [
      ['userShare', 0.6, false],
      ['syscall', 50000, false],
      ['diskRequest', 2000, false],
      ['interrupt', 4000, false],
      ['contextSwitch', 10000, false],
      ['pageFault', 5000, false],
      ['pteUpdate', 5000, false],
      ['netTxPacket', 3000, false],
      ['netRxPacket', 3000, false],
    ],
    description: 'Synchronous log writes and many small transactions: many protection-domain crossings.',
  },
  {
    slug: 'net-tx',
    name: 'Network transmit (ttcp-like bulk TCP send)',
    shape: 'packet',
    direction: 'tx',
    metric: 'bandwidth',
    unit: 'Mb/s',
    higherIsBetter: true,
    nativeValue: 897,
    noise: { cv: 0.01, outlierProbability: 0.01, outlierSlowdown: 0.2 },
    mix: [
      ['netRxPacket', 0.5, false],
      ['interrupt', 0.5, true],
      ['syscall', 0.18, false],
    ],
    description:
      'Per data segment: one packet sent, half an ACK received, completion interrupts, 8 KiB writes.',
  },
  {
    slug: 'net-rx',
    name: 'Network receive (ttcp-like bulk TCP receive)',
    shape: 'packet',
    direction: 'rx',
    metric: 'bandwidth',
    unit: 'Mb/s',
    higherIsBetter: true,
    nativeValue: 897,
    noise: { cv: 0.01, outlierProbability: 0.01, outlierSlowdown: 0.2 },
    mix: [
      ['netTxPacket', 0.5, false],
      ['interrupt', 0.5, true],
      ['syscall', 0.18, false],
    ],
    description: 'Per data segment: one packet received, half an ACK sent, receive interrupts, 8 KiB reads.',
  },
  {
    slug: 'disk-io',
    name: 'Disk I/O (sequential 64 KiB reads)',
    shape: 'disk',
    operation: 'read',
    access: 'sequential',
    metric: 'bandwidth',
    unit: 'MB/s',
    higherIsBetter: true,
    nativeValue: 60,
    noise: { cv: 0.02, outlierProbability: 0.01, outlierSlowdown: 0.3 },
    mix: [
      ['requestBytes', 65536, false],
      ['queueDepth', 2, true],
      ['diskRequest', 1, false],
      ['interrupt', 1, false],
      ['syscall', 1, false],
      ['contextSwitch', 1, false],
    ],
    description:
      'dd-like streaming reads: read-ahead keeps about two 64 KiB requests in flight, each waiting for the device and the CPU path in turn.',
  },
  {
    slug: 'disk-seq-write',
    name: 'Disk I/O (sequential 64 KiB writes)',
    shape: 'disk',
    operation: 'write',
    access: 'sequential',
    metric: 'bandwidth',
    unit: 'MB/s',
    higherIsBetter: true,
    nativeValue: 55,
    noise: { cv: 0.025, outlierProbability: 0.01, outlierSlowdown: 0.3 },
    mix: [
      ['requestBytes', 65536, false],
      ['queueDepth', 4, false],
      ['diskRequest', 1, false],
      ['interrupt', 1, false],
      ['syscall', 1, false],
      ['contextSwitch', 1, false],
    ],
    description:
      'Streaming writes from write-back: more requests in flight than reads; host caches do not help.',
  },
  {
    slug: 'disk-rand-read',
    name: 'Disk I/O (random 4 KiB reads, Iometer-like)',
    shape: 'disk',
    operation: 'read',
    access: 'random',
    metric: 'throughput',
    unit: 'IOPS',
    higherIsBetter: true,
    nativeValue: 150,
    noise: { cv: 0.03, outlierProbability: 0.01, outlierSlowdown: 0.3 },
    mix: [
      ['requestBytes', 4096, false],
      ['queueDepth', 16, false],
      ['diskRequest', 1, false],
      ['interrupt', 1, false],
      ['syscall', 1, false],
      ['contextSwitch', 1, false],
    ],
    description:
      '16 outstanding 4 KiB reads at random offsets: seek-bound on a disk, CPU-bound on a fast array.',
  },
  {
    slug: 'disk-rand-write',
    name: 'Disk I/O (random 4 KiB writes)',
    shape: 'disk',
    operation: 'write',
    access: 'random',
    metric: 'throughput',
    unit: 'IOPS',
    higherIsBetter: true,
    nativeValue: 150,
    noise: { cv: 0.03, outlierProbability: 0.01, outlierSlowdown: 0.3 },
    mix: [
      ['requestBytes', 4096, false],
      ['queueDepth', 16, false],
      ['diskRequest', 1, false],
      ['interrupt', 1, false],
      ['syscall', 1, false],
      ['contextSwitch', 1, false],
    ],
    description: '16 outstanding 4 KiB writes at random offsets (database-like).',
  },
  {
    slug: 'linux-boot',
    name: 'Linux boot and shutdown',
    shape: 'cpu',
    metric: 'elapsed time',
    unit: 'seconds',
    higherIsBetter: false,
    nativeValue: 25,
    noise: { cv: 0.02, outlierProbability: 0.01, outlierSlowdown: 0.1 },
    mix: [
      ['userShare', 0.3, false],
      ['syscall', 30000, false],
      ['pageFault', 40000, false],
      ['pteUpdate', 80000, false],
      ['contextSwitch', 3000, false],
      ['interrupt', 2000, false],
      ['portIo', 5000, true],
      ['exception', 100, false],
    ],
    description: 'Kernel initialisation, device probing and init scripts: kernel-heavy, with port I/O.',
  },
];

const KNOB_UNITS: Partial<Record<WorkloadKnob, string>> = {
  userShare: 'fraction',
  requestBytes: 'bytes',
  queueDepth: 'requests',
};
const KNOB_TEXT: Partial<Record<WorkloadKnob, string>> = {
  userShare: 'user-mode share of native CPU time',
  requestBytes: 'bytes per request',
  queueDepth: 'requests in flight',
};

/** Parameter specs of every workload mix. */
export const WORKLOAD_PARAMETER_SPECS: readonly ParameterSpec[] = WORKLOADS.flatMap((w) =>
  w.mix.map(([event, prior, fitted]) =>
    spec(
      `wl.${w.slug}.${event}`,
      KNOB_UNITS[event as WorkloadKnob] ?? (w.shape === 'cpu' ? 'events/unit' : 'events/request'),
      prior,
      fitted,
      `${w.name}: ${KNOB_TEXT[event as WorkloadKnob] ?? `${event} per unit of work`}`,
      event === 'queueDepth'
        ? {
            min: 1,
            max: 64,
            why: 'at least one request in flight; 64 is beyond the period’s HBA and ring queues',
          }
        : {},
    ),
  ),
);

/** Looks a workload up; throws on an unknown slug. */
export function workload(slug: string): Workload {
  const w = WORKLOADS.find((x) => x.slug === slug);
  if (!w) throw new Error(`Unknown simulator workload: ${slug}`);
  return w;
}
