import { EVENT_KINDS, type EventKind } from './events';
import { param, type ModelParameters } from './parameters';
import { systemCosts, type CpuGeneration, type SystemConfig, type SystemCosts } from './systems';
import { DISK_REQUEST_BYTES, DISK_SERVICE_MICROS, type Workload } from './workloads';

/** A machine the scenarios run on: clock, link, and the hardware virtualization features it has. */
export interface Testbed {
  readonly slug: string;
  readonly description: string;
  /** Core clock (Hz); converts event cycles into time. */
  readonly clockHz: number;
  /** Raw network link rate (bits/s). */
  readonly linkBitsPerSecond: number;
  /** VT-x/AMD-V generation, or null when the CPU has none. */
  readonly vtx: CpuGeneration | null;
  readonly nestedPaging: boolean;
  readonly sriov: boolean;
  /** First date such a machine was available (ISO date), for time series over simulated dates. */
  readonly availableFrom: string;
}

/** The testbeds of the calibration papers and of the simulated period. */
export const TESTBEDS: readonly Testbed[] = [
  {
    slug: 'dell-2650-xeon-2400',
    description: 'Dell 2650, 2.4 GHz Xeon, Tigon 3 GbE (Xen SOSP 2003)',
    clockHz: 2.4e9,
    linkBitsPerSecond: 1e9,
    vtx: null,
    nestedPaging: false,
    sriov: false,
    availableFrom: '2002-06-01',
  },
  {
    slug: 'pentium4-672',
    description: 'Pentium 4 672, 3.8 GHz, first-generation VT-x (Adams & Agesen 2006)',
    clockHz: 3.8e9,
    linkBitsPerSecond: 1e9,
    vtx: 'p4_672',
    nestedPaging: false,
    sriov: false,
    availableFrom: '2005-11-14',
  },
  {
    slug: 'core2-duo-2660',
    description: 'Core 2 Duo 2.66 GHz, faster VT-x exits',
    clockHz: 2.66e9,
    linkBitsPerSecond: 1e9,
    vtx: 'core2',
    nestedPaging: false,
    sriov: false,
    availableFrom: '2006-07-27',
  },
  // AMD-V exit latencies are not in the sources; Core 2's figures stand in for Barcelona's.
  {
    slug: 'opteron-barcelona-2000',
    description: 'Quad-core Opteron (Barcelona) 2.0 GHz with nested paging',
    clockHz: 2.0e9,
    linkBitsPerSecond: 1e9,
    vtx: 'core2',
    nestedPaging: true,
    sriov: false,
    availableFrom: '2007-09-10',
  },
];

/** Looks a testbed up; throws on an unknown slug. */
export function testbed(slug: string): Testbed {
  const t = TESTBEDS.find((x) => x.slug === slug);
  if (!t) throw new Error(`Unknown simulator testbed: ${slug}`);
  return t;
}

/**
 * The configuration a testbed can actually run: hardware-assisted systems take the testbed's VT-x generation,
 * fall back to shadow paging without NPT/EPT and to emulated devices without SR-IOV.
 */
export function effectiveConfig(config: SystemConfig, bed: Testbed): SystemConfig {
  if (config.kind !== 'hvm') return config;
  return {
    kind: 'hvm',
    cpu: bed.vtx ?? config.cpu ?? 'p4_672',
    paging: config.paging === 'nested' && bed.nestedPaging ? 'nested' : 'shadow',
    devices: config.devices === 'sriov' && !bed.sriov ? 'emulated' : (config.devices ?? 'emulated'),
  };
}

/** Options of a run: the MTU of packet workloads (bytes, 576–9000; default 1500). */
export interface RunOptions {
  readonly mtu?: number;
}

/** The simulated steady state of one workload on one system and testbed. */
export interface Simulation {
  /** Time per unit of work on the system and natively (seconds), both > 0. */
  readonly secondsPerUnit: number;
  readonly nativeSecondsPerUnit: number;
  /** secondsPerUnit / nativeSecondsPerUnit (≥ ~1; < 1 only when an event is cheaper than on hardware). */
  readonly slowdown: number;
  /** nativeSecondsPerUnit / secondsPerUnit: the fraction of native throughput. */
  readonly relativeThroughput: number;
  /** The resource that bounds the rate. */
  readonly limitedBy: 'cpu' | 'wire' | 'disk';
  /** The workload's metric in its unit: absolute for packet/disk shapes, scaled from `nativeValue` otherwise. */
  readonly value: number;
}

function counts(w: Workload, params: ModelParameters, mtu: number): Map<EventKind, number> {
  const m = new Map<EventKind, number>();
  for (const [e] of w.mix) if (e !== 'userShare') m.set(e, param(params, `wl.${w.slug}.${e}`));
  if (w.shape === 'packet') {
    const payload = mtu - 40;
    if (w.direction === 'tx') {
      m.set('netTxPacket', 1);
      m.set('netTxByte', payload);
    } else {
      m.set('netRxPacket', 1);
      m.set('netRxByte', payload);
    }
    // ttcp moves 8 KiB per read/write call.
    m.set('syscall', payload / 8192);
  }
  return m;
}

function cycleSum(c: Map<EventKind, number>, costs: SystemCosts, native?: SystemCosts): number {
  let sum = 0;
  for (const [e, n] of c) sum += n * (costs.cycles[e] - (native ? native.cycles[e] : 0));
  return sum;
}

/**
 * Simulates a workload on a system. The formula, per unit of work:
 *
 * - `cpu` shape: T = 1 s + u·userOverhead + (1 − u)·kernelOverhead + Σₑ nₑ·(cₑ(system) − cₑ(native)) / clock,
 *   with nₑ events per native CPU second and u the user share; slowdown = T / 1 s.
 * - `packet` shape: T = max(Σₑ nₑ·cₑ(system) / clock, (mtu + 38)·8 / (link · linkEfficiency)), throughput =
 *   (mtu − 40)·8 / T: a fast path is wire-limited (ttcp at MTU 1500: ~897 Mb/s native and PV), a slow one
 *   CPU-limited.
 * - `disk` shape: T = max(Σₑ nₑ·cₑ(system) / clock, disk service time), throughput = 64 KiB / T.
 *
 * Pure and deterministic; throws when the parameters would make a time non-positive.
 */
export function simulate(
  w: Workload,
  config: SystemConfig,
  bed: Testbed,
  params: ModelParameters,
  options: RunOptions = {},
): Simulation {
  const mtu = options.mtu ?? 1500;
  const sys = systemCosts(effectiveConfig(config, bed), params);
  const native = systemCosts({ kind: 'native' }, params);
  const c = counts(w, params, mtu);
  let t: number;
  let t0: number;
  let limitedBy: Simulation['limitedBy'] = 'cpu';
  let value: number;
  if (w.shape === 'cpu') {
    const u = param(params, `wl.${w.slug}.userShare`);
    t0 = 1;
    t = 1 + u * sys.userOverhead + (1 - u) * sys.kernelOverhead + cycleSum(c, sys, native) / bed.clockHz;
    value = w.higherIsBetter ? (w.nativeValue * t0) / t : (w.nativeValue * t) / t0;
  } else {
    const floor =
      w.shape === 'packet'
        ? ((mtu + 38) * 8) / (bed.linkBitsPerSecond * param(params, 'net.linkEfficiency'))
        : DISK_SERVICE_MICROS / 1e6;
    const cpu = cycleSum(c, sys) / bed.clockHz;
    t = Math.max(cpu, floor);
    t0 = Math.max(cycleSum(c, native) / bed.clockHz, floor);
    if (t === floor && cpu < floor) limitedBy = w.shape === 'packet' ? 'wire' : 'disk';
    value = w.shape === 'packet' ? ((mtu - 40) * 8) / t / 1e6 : DISK_REQUEST_BYTES / t / 1e6;
  }
  if (!(t > 0) || !(t0 > 0)) throw new Error(`Non-positive simulated time for ${w.slug}`);
  return {
    secondsPerUnit: t,
    nativeSecondsPerUnit: t0,
    slowdown: t / t0,
    relativeThroughput: t0 / t,
    limitedBy,
    value,
  };
}

/** Cycles one event costs on a system (a nanobenchmark of that event). */
export function eventCycles(
  event: EventKind,
  config: SystemConfig,
  bed: Testbed,
  params: ModelParameters,
): number {
  return systemCosts(effectiveConfig(config, bed), params).cycles[event];
}

/** Every event kind's cycles on a system (for reports and the API). */
export function costTable(
  config: SystemConfig,
  bed: Testbed,
  params: ModelParameters,
): Record<EventKind, number> {
  const costs = systemCosts(effectiveConfig(config, bed), params);
  return Object.fromEntries(EVENT_KINDS.map((e) => [e, costs.cycles[e]])) as Record<EventKind, number>;
}
