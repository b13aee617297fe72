import { EVENT_KINDS, type EventKind } from './events';
import { param, type ModelParameters } from './parameters';
import { systemCosts, type CpuGeneration, type SystemConfig, type SystemCosts } from './systems';
import type { Workload } from './workloads';

/** A storage device: streaming rate, time per random access, and how many requests it serves at once. */
export interface DiskDevice {
  /** Sequential transfer rate (bytes/s). */
  readonly bytesPerSecond: number;
  /** Seek + rotation per random request (s). */
  readonly accessSeconds: number;
  /** Requests served in parallel (spindles of an array, a SAN's queues). */
  readonly parallel: number;
}

/** A machine the scenarios run on: clock, cores, link, disk, and its hardware virtualization features. */
export interface Testbed {
  readonly slug: string;
  readonly description: string;
  /** Core clock (Hz); converts event cycles into time. */
  readonly clockHz: number;
  /** Cores the host has for guests and back ends. */
  readonly cores: number;
  /** Cores sharing one last-level cache. */
  readonly coresPerLlc: number;
  /** Raw network link rate (bits/s). */
  readonly linkBitsPerSecond: number;
  /**
   * The NIC offloads segmentation (TSO) and the host aggregates receives (LRO/GRO): a path with offload pays
   * per-packet costs per 64 KiB sent or per aggregated receive, not per wire segment.
   */
  readonly tso: boolean;
  /** Core-microarchitecture CPU (Core 2, Nehalem, K10): its I/O stacks take `hw.coreStackScale` of the cycles. */
  readonly coreMicroarchitecture: boolean;
  readonly disk: DiskDevice;
  /** Memory bandwidth of the host, in single-core streams (how many cores can stream at full speed at once). */
  readonly memoryStreams: number;
  /** VT-x/AMD-V generation, or null when the CPU has none. */
  readonly vtx: CpuGeneration | null;
  readonly nestedPaging: boolean;
  readonly sriov: boolean;
  /** First date such a machine was available (ISO date), for time series over simulated dates. */
  readonly availableFrom: string;
}

const SCSI_10K: DiskDevice = { bytesPerSecond: 60e6, accessSeconds: 0.0055, parallel: 1 };

/** The testbeds of the calibration papers and of the simulated period. */
export const TESTBEDS: readonly Testbed[] = [
  {
    slug: 'dell-2650-xeon-2400',
    description: 'Dell 2650, 2.4 GHz Xeon (one CPU used), Tigon 3 GbE, 10k rpm SCSI (Xen SOSP 2003)',
    clockHz: 2.4e9,
    cores: 1,
    coresPerLlc: 1,
    linkBitsPerSecond: 1e9,
    tso: false,
    coreMicroarchitecture: false,
    disk: SCSI_10K,
    memoryStreams: 1,
    vtx: null,
    nestedPaging: false,
    sriov: false,
    availableFrom: '2002-06-01',
  },
  {
    slug: 'hp-x4000-xeon-1700',
    description: 'HP x4000, 1.7 GHz Xeon, Intel e100 100 Mb/s, 7,200 rpm IDE (Cherkasova & Gardner 2005)',
    clockHz: 1.7e9,
    cores: 1,
    coresPerLlc: 1,
    linkBitsPerSecond: 1e8,
    tso: false,
    coreMicroarchitecture: false,
    disk: { bytesPerSecond: 40e6, accessSeconds: 0.0085, parallel: 1 },
    memoryStreams: 1,
    vtx: null,
    nestedPaging: false,
    sriov: false,
    availableFrom: '2002-01-01',
  },
  {
    slug: 'pentium4-672',
    description: 'Pentium 4 672, 3.8 GHz, first-generation VT-x (Adams & Agesen 2006)',
    clockHz: 3.8e9,
    cores: 1,
    coresPerLlc: 1,
    linkBitsPerSecond: 1e9,
    tso: false,
    coreMicroarchitecture: false,
    disk: SCSI_10K,
    memoryStreams: 1,
    vtx: 'p4_672',
    nestedPaging: false,
    sriov: false,
    availableFrom: '2005-11-14',
  },
  {
    slug: 'core2-duo-2660',
    description: 'Core 2 Duo 2.66 GHz, faster VT-x exits, GbE, 7,200 rpm SATA',
    clockHz: 2.66e9,
    cores: 2,
    coresPerLlc: 2,
    linkBitsPerSecond: 1e9,
    tso: false,
    coreMicroarchitecture: true,
    disk: { bytesPerSecond: 70e6, accessSeconds: 0.0085, parallel: 1 },
    memoryStreams: 1.5,
    vtx: 'core2',
    nestedPaging: false,
    sriov: false,
    availableFrom: '2006-07-27',
  },
  {
    slug: 'opteron-barcelona-2000',
    description: 'Quad-core Opteron (Barcelona) 2.0 GHz: AMD-V, nested paging, tagged TLB',
    clockHz: 2.0e9,
    cores: 4,
    coresPerLlc: 4,
    linkBitsPerSecond: 1e9,
    tso: false,
    coreMicroarchitecture: true,
    disk: { bytesPerSecond: 70e6, accessSeconds: 0.0085, parallel: 1 },
    memoryStreams: 2,
    vtx: 'barcelona',
    nestedPaging: true,
    sriov: false,
    availableFrom: '2007-09-10',
  },
  {
    slug: 'xeon-5400-10gbe',
    description: 'Dual quad-core Xeon 5400 (Core 2 generation) 3.0 GHz, 10 GbE with TSO, FC SAN (2008)',
    clockHz: 3.0e9,
    cores: 8,
    coresPerLlc: 2,
    linkBitsPerSecond: 1e10,
    tso: true,
    coreMicroarchitecture: true,
    disk: { bytesPerSecond: 185e6, accessSeconds: 0.0002, parallel: 64 },
    memoryStreams: 3,
    vtx: 'core2',
    nestedPaging: false,
    sriov: false,
    availableFrom: '2007-11-12',
  },
  {
    slug: 'xeon-5500-nehalem-2930',
    description: 'Dual quad-core Xeon 5500 (Nehalem) 2.93 GHz: EPT, VPID, 10 GbE with TSO, SR-IOV, FC SAN',
    clockHz: 2.93e9,
    cores: 8,
    coresPerLlc: 4,
    linkBitsPerSecond: 1e10,
    tso: true,
    coreMicroarchitecture: true,
    disk: { bytesPerSecond: 185e6, accessSeconds: 0.0002, parallel: 64 },
    memoryStreams: 6,
    vtx: 'nehalem',
    nestedPaging: true,
    sriov: true,
    availableFrom: '2009-03-30',
  },
  {
    slug: 'opteron-32core-numa',
    description: 'Eight quad-core Opterons, 32 cores, NUMA (Xen multi-guest scaling, AMD 2009)',
    clockHz: 2.5e9,
    cores: 32,
    coresPerLlc: 4,
    linkBitsPerSecond: 1e9,
    tso: false,
    coreMicroarchitecture: true,
    disk: { bytesPerSecond: 70e6, accessSeconds: 0.0085, parallel: 1 },
    memoryStreams: 6.5,
    vtx: 'barcelona',
    nestedPaging: true,
    sriov: false,
    availableFrom: '2008-06-01',
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
 * fall back to shadow paging without NPT/EPT and to emulated devices without SR-IOV; back ends share the
 * guest's core on a one-core testbed and have their own otherwise, unless the configuration says.
 * Throws on a hardware-assisted system on a testbed without VT-x/AMD-V (it cannot run there).
 */
export function effectiveConfig(config: SystemConfig, bed: Testbed): SystemConfig {
  const backend = config.backend ?? (bed.cores > 1 ? 'separate' : 'shared');
  if (config.kind !== 'hvm') return { ...config, backend };
  if (!bed.vtx) throw new RangeError(`${bed.slug} has no VT-x/AMD-V: a hardware-assisted guest cannot run`);
  return {
    ...config,
    cpu: bed.vtx,
    paging: config.paging === 'nested' && bed.nestedPaging ? 'nested' : 'shadow',
    devices: config.devices === 'sriov' && !bed.sriov ? 'emulated' : (config.devices ?? 'emulated'),
    backend,
  };
}

/** Options of a run. */
export interface RunOptions {
  /** MTU of packet workloads (bytes, 576–9000; default 1500). */
  readonly mtu?: number;
  /** False: the transfer does not cross a wire (host ↔ guest, guest → dom0); default true. */
  readonly wire?: boolean;
  /** The guest's vCPUs (default 1): a disk or packet path can use that many cores. */
  readonly vcpus?: number;
}

/** Cycles of native work in one unit of a `cpu` workload: event rates are per this much work, on any clock. */
export const WORK_UNIT_CYCLES = 2.4e9;

/** The resource that bounds a rate. */
export type LimitingResource = 'cpu' | 'backend-cpu' | 'wire' | 'device' | 'memory';

/** The simulated steady state of one workload on one system and testbed. */
export interface Simulation {
  /** Time per unit of work on the system and natively (seconds), both > 0. */
  readonly secondsPerUnit: number;
  readonly nativeSecondsPerUnit: number;
  /** secondsPerUnit / nativeSecondsPerUnit (≥ 1 up to rounding: no virtual path is cheaper than native). */
  readonly slowdown: number;
  /** nativeSecondsPerUnit / secondsPerUnit: the fraction of native throughput. */
  readonly relativeThroughput: number;
  /** The resource that bounds the rate. */
  readonly limitedBy: LimitingResource;
  /** The workload's metric in its unit: absolute for packet/disk shapes, scaled from `nativeValue` otherwise. */
  readonly value: number;
  /** CPU time per unit of work, guest and back end (seconds of one core): CPU per I/O, per packet. */
  readonly cpuSecondsPerUnit: number;
  /** The back end's (dom0's, the device model's, the driver domain's) part of `cpuSecondsPerUnit`. */
  readonly backendCpuSecondsPerUnit: number;
  /** Cycles per unit of work over native, by event kind (plus `userTime`/`kernelTime` for cpu shapes). */
  readonly breakdown: Readonly<Record<string, number>>;
}

function counts(w: Workload, params: ModelParameters, mtu: number, offload = false): Map<EventKind, number> {
  const m = new Map<EventKind, number>();
  for (const [e] of w.mix) {
    if (e === 'userShare' || e === 'queueDepth' || e === 'requestBytes') continue;
    m.set(e, param(params, `wl.${w.slug}.${e}`));
  }
  if (w.shape === 'packet') {
    const payload = mtu - 40;
    // With offloads the stack, driver and interrupts handle one large send (TSO) or one aggregated receive
    // (LRO/GRO) per that many bytes, not one per wire segment; ACKs are coalesced alike.
    const per = offload ? payload / param(params, w.direction === 'tx' ? 'net.tsoBytes' : 'net.lroBytes') : 1;
    for (const [e, n] of m) m.set(e, n * per);
    if (w.direction === 'tx') {
      m.set('netTxPacket', per);
      m.set('netTxByte', payload);
    } else {
      m.set('netRxPacket', per);
      m.set('netRxByte', payload);
    }
    // ttcp and iperf move 8 KiB per read/write call.
    m.set('syscall', payload / 8192);
  }
  return m;
}

/** The testbed's I/O-stack scale: `hw.coreStackScale` on Core-microarchitecture CPUs, else 1. */
function stackScale(bed: Testbed, params: ModelParameters): number {
  return bed.coreMicroarchitecture ? param(params, 'hw.coreStackScale') : 1;
}

/** Whether a path gets the testbed's offloads: native stacks, containers, SR-IOV; PV NICs for sends (GSO). */
function offloads(w: Workload, config: SystemConfig, bed: Testbed): boolean {
  if (!bed.tso) return false;
  if (config.kind === 'native' || config.kind === 'container' || config.devices === 'sriov') return true;
  const pvNic = config.kind === 'xen_pv' || config.kind === 'lguest' || config.devices === 'pv';
  return pvNic && w.direction === 'tx';
}

function cycleSum(c: Map<EventKind, number>, cycles: Readonly<Record<EventKind, number>>): number {
  let sum = 0;
  for (const [e, n] of c) sum += n * cycles[e];
  return sum;
}

interface PathTimes {
  guest: number;
  backend: number;
}

/** Guest and back-end cycles of one unit of an I/O workload. */
function pathCycles(
  c: Map<EventKind, number>,
  costs: SystemCosts,
  extraGuest: number,
  extraBackend: number,
): PathTimes {
  const backend = cycleSum(c, costs.backend) + extraBackend;
  return { guest: cycleSum(c, costs.cycles) - cycleSum(c, costs.backend) + extraGuest, backend };
}

/**
 * Simulates a workload on a system. Per unit of work:
 *
 * - `cpu` shape (one unit = {@link WORK_UNIT_CYCLES} of native work, on any clock): slowdown = 1 +
 *   u·userOverhead + (1 − u)·kernelOverhead + Σₑ nₑ·(cₑ(system) − cₑ(native)) / WORK_UNIT_CYCLES. Costs are
 *   cycles, so a faster clock of the same generation leaves the overhead unchanged; fewer exit cycles (Core 2
 *   against the Pentium 4) lower it.
 * - `packet` shape (one TCP segment of `mtu − 40` payload bytes): guest cycles g and back-end cycles b; the
 *   CPU time is (g + b)/clock when the back end shares the guest's core and max(g, b)/clock when it has its own
 *   (a pipeline); the rate is the slower of that and the wire ((mtu + 38)·8 / (link · linkEfficiency)).
 * - `disk` shape (one request of `requestBytes`): the CPU path (guest + back end) lies in series with the device
 *   time, so with Q = min(`queueDepth`, the controller's limit) requests in flight the rate is min(Q / (device + cpu), device capacity,
 *   guest CPU, back-end CPU); the host page cache serves a share of reads from memory (one more copy per byte).
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
  const eff = effectiveConfig(config, bed);
  const k = stackScale(bed, params);
  const sys = systemCosts(eff, params, k);
  const nativeConfig = effectiveConfig({ kind: 'native' }, bed);
  const native = systemCosts(nativeConfig, params, k);
  if (w.shape === 'cpu') return simulateCpu(w, sys, native, params);
  const vcpus = options.vcpus ?? 1;
  const shared = eff.backend === 'shared';
  if (w.shape === 'packet') {
    const c = counts(w, params, mtu, offloads(w, eff, bed));
    const c0 = counts(w, params, mtu, offloads(w, nativeConfig, bed));
    const wireSeconds =
      options.wire === false
        ? 0
        : ((mtu + 38) * 8) / (bed.linkBitsPerSecond * param(params, 'net.linkEfficiency'));
    const run = (
      costs: SystemCosts,
      cc: Map<EventKind, number>,
      share: boolean,
    ): [number, PathTimes, LimitingResource] => {
      const t = pathCycles(cc, costs, 0, 0);
      const guest = t.guest / bed.clockHz / vcpus;
      const backend = t.backend / bed.clockHz;
      const cpu = share ? guest + backend : Math.max(guest, backend);
      const limited: LimitingResource =
        cpu <= wireSeconds ? 'wire' : !share && backend > guest ? 'backend-cpu' : 'cpu';
      return [Math.max(cpu, wireSeconds), t, limited];
    };
    const [t, times, limitedBy] = run(sys, c, shared);
    const [t0, times0] = run(native, c0, true);
    return finish(w, t, t0, limitedBy, ((mtu - 40) * 8) / t / 1e6, times, times0, bed, c, sys, native);
  }
  // disk
  const bytes = param(params, `wl.${w.slug}.requestBytes`);
  const queue = param(params, `wl.${w.slug}.queueDepth`);
  const random = w.access === 'random';
  const device = (random ? bed.disk.accessSeconds : 0) + bytes / bed.disk.bytesPerSecond;
  const run = (costs: SystemCosts, cfg: SystemConfig): [number, PathTimes, LimitingResource] => {
    const c = counts(w, params, mtu, false);
    const hit = cfg.hostCache && w.operation !== 'write' ? (cfg.hostCacheHit ?? 0.9) : 0;
    const pio = costs.pioSector * Math.ceil(bytes / 512);
    const t = pathCycles(c, costs, bytes * costs.diskByte.guest + pio, bytes * costs.diskByte.backend);
    const guest = t.guest / bed.clockHz;
    const backend = t.backend / bed.clockHz;
    const dev = device * (1 - hit);
    const latency = dev + guest + backend;
    const candidates: [number, LimitingResource][] = [
      [latency / Math.min(queue, costs.queueLimit), dev > guest + backend ? 'device' : 'cpu'],
      [dev / bed.disk.parallel, 'device'],
      [guest / vcpus + (cfg.backend === 'shared' ? backend : 0), 'cpu'],
      [cfg.backend === 'shared' ? 0 : backend, 'backend-cpu'],
    ];
    let best = candidates[0];
    for (const x of candidates) if (x[0] > best[0]) best = x;
    return [best[0], t, best[1]];
  };
  const [t, times, limitedBy] = run(sys, eff);
  const [t0, times0] = run(native, nativeConfig);
  return finish(
    w,
    t,
    t0,
    limitedBy,
    w.unit === 'IOPS' ? 1 / t : bytes / t / 1e6,
    times,
    times0,
    bed,
    counts(w, params, mtu, false),
    sys,
    native,
  );
}

function breakdownOf(
  c: Map<EventKind, number>,
  sys: SystemCosts,
  native: SystemCosts,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [e, n] of c) {
    const d = n * (sys.cycles[e] - native.cycles[e]);
    if (d !== 0) out[e] = d;
  }
  return out;
}

function finish(
  w: Workload,
  t: number,
  t0: number,
  limitedBy: LimitingResource,
  value: number,
  times: PathTimes,
  times0: PathTimes,
  bed: Testbed,
  c: Map<EventKind, number>,
  sys: SystemCosts,
  native: SystemCosts,
): Simulation {
  if (!(t > 0) || !(t0 > 0)) throw new Error(`Non-positive simulated time for ${w.slug}`);
  const breakdown = breakdownOf(c, sys, native);
  const extra =
    times.guest +
    times.backend -
    (times0.guest + times0.backend) -
    Object.values(breakdown).reduce((a, b) => a + b, 0);
  if (Math.abs(extra) > 1e-9) breakdown.dataPath = extra;
  return {
    secondsPerUnit: t,
    nativeSecondsPerUnit: t0,
    slowdown: t / t0,
    relativeThroughput: t0 / t,
    limitedBy,
    value,
    cpuSecondsPerUnit: (times.guest + times.backend) / bed.clockHz,
    backendCpuSecondsPerUnit: times.backend / bed.clockHz,
    breakdown,
  };
}

function simulateCpu(
  w: Workload,
  sys: SystemCosts,
  native: SystemCosts,
  params: ModelParameters,
): Simulation {
  const c = counts(w, params, 1500, false);
  const u = param(params, `wl.${w.slug}.userShare`);
  const breakdown = breakdownOf(c, sys, native);
  let events = 0;
  for (const v of Object.values(breakdown)) events += v;
  const userTime = u * sys.userOverhead * WORK_UNIT_CYCLES;
  const kernelTime = (1 - u) * sys.kernelOverhead * WORK_UNIT_CYCLES;
  if (userTime) breakdown.userTime = userTime;
  if (kernelTime) breakdown.kernelTime = kernelTime;
  const t = 1 + (userTime + kernelTime + events) / WORK_UNIT_CYCLES;
  if (!(t > 0)) throw new Error(`Non-positive simulated time for ${w.slug}`);
  const value = w.higherIsBetter ? w.nativeValue / t : w.nativeValue * t;
  const backend = cycleSum(c, sys.backend);
  return {
    secondsPerUnit: t,
    nativeSecondsPerUnit: 1,
    slowdown: t,
    relativeThroughput: 1 / t,
    limitedBy: 'cpu',
    value,
    cpuSecondsPerUnit: t,
    backendCpuSecondsPerUnit: backend / WORK_UNIT_CYCLES,
    breakdown,
  };
}

/** Cycles one event costs on a system (a nanobenchmark of that event). */
export function eventCycles(
  event: EventKind,
  config: SystemConfig,
  bed: Testbed,
  params: ModelParameters,
): number {
  return systemCosts(effectiveConfig(config, bed), params, stackScale(bed, params)).cycles[event];
}

/** Every event kind's cycles on a system (for reports and the API). */
export function costTable(
  config: SystemConfig,
  bed: Testbed,
  params: ModelParameters,
): Record<EventKind, number> {
  const costs = systemCosts(effectiveConfig(config, bed), params, stackScale(bed, params));
  return Object.fromEntries(EVENT_KINDS.map((e) => [e, costs.cycles[e]])) as Record<EventKind, number>;
}
