import { effectiveConfig, simulate, type LimitingResource, type RunOptions, type Testbed } from './model';
import { param, spec, type ModelParameters, type ParameterSpec } from './parameters';
import { exitRoundTrip, type SystemConfig } from './systems';
import type { Workload } from './workloads';

/** Guest operating-system families, for their idle timer behaviour. */
export type GuestFamily = 'linux' | 'windows';

/** Parameters of several guests on one host and of idle guests. */
export const CONSOLIDATION_PARAMETER_SPECS: readonly ParameterSpec[] = [
  spec(
    'cons.cacheRefillCycles',
    'cycles',
    800_000,
    true,
    'refilling a last-level cache after another guest ran (512 KiB of lines at ~100 cycles each)',
  ),
  spec('cons.worldSwitchCycles', 'cycles', 20_000, false, 'switching the CPU from one guest to another'),
  spec(
    'cons.memoryBound',
    'fraction',
    0.2,
    true,
    'share of a CPU workload’s native time that streams from memory (and slows when bandwidth is shared)',
  ),
  spec(
    'cons.memoryDemand',
    'streams',
    0.3,
    true,
    'memory bandwidth one busy vCPU of a CPU workload demands, in single-core streams',
  ),
  spec(
    'cons.llcSensitivity',
    'fraction',
    0.03,
    true,
    'extra time when a last-level cache is shared by all its cores instead of used alone',
  ),
  spec(
    'cons.migrationsPerSecond',
    'migrations/s',
    10,
    true,
    'vCPU migrations between cores per second per over-committed vCPU (each refills a cache)',
  ),
  spec('idle.linux.tickHz', 'ticks/s', 1000, false, 'Linux 2.6 timer ticks per vCPU (HZ = 1000)'),
  spec(
    'idle.linux.pmReadsPerTick',
    'reads/tick',
    1,
    false,
    'ACPI PM-timer reads per tick (PIIX4 rev 3; earlier revisions need three)',
  ),
  spec('idle.windows.tickHz', 'ticks/s', 64, false, 'Windows clock interrupts per second (15.6 ms)'),
  spec(
    'idle.windows.pmReadsPerSecond',
    'reads/s',
    2000,
    true,
    'ACPI PM-timer reads per second of an idle Windows (Vista) guest',
  ),
];

/**
 * CPU an idle guest burns (fraction of one core): timer ticks, each an interrupt injected through an exit, and
 * ACPI PM-timer reads, each a trapped port access and, when the timer is emulated in the user-space device
 * model rather than the hypervisor, a round trip to it. PV guests and containers take ticks as event-channel
 * upcalls (Xen) or not at all.
 */
export function idleGuestCpu(
  config: SystemConfig,
  guest: GuestFamily,
  bed: Testbed,
  params: ModelParameters,
  options: { vcpus?: number; pmTimerInDeviceModel?: boolean; pmReadsPerTick?: number } = {},
): number {
  const p = (name: string): number => param(params, name);
  const eff = effectiveConfig(config, bed);
  const vcpus = options.vcpus ?? 1;
  const ticks = (guest === 'linux' ? p('idle.linux.tickHz') : p('idle.windows.tickHz')) * vcpus;
  const reads =
    guest === 'linux'
      ? ticks * (options.pmReadsPerTick ?? p('idle.linux.pmReadsPerTick'))
      : p('idle.windows.pmReadsPerSecond');
  let tick: number;
  let read: number;
  switch (eff.kind) {
    case 'native':
    case 'container':
      return 0;
    case 'hvm': {
      const rt = exitRoundTrip(params, eff.cpu ?? 'p4_672');
      tick = p('native.interrupt') + rt + p('hvm.interruptWork');
      read =
        rt + p('hvm.portIoWork') + (options.pmTimerInDeviceModel !== false ? p('hvm.deviceModelSwitch') : 0);
      break;
    }
    case 'xen_pv':
      tick = p('xen_pv.interrupt');
      read = 0;
      break;
    case 'lguest':
      tick = p('native.interrupt') + p('lguest.hypercall');
      read = 0;
      break;
    default:
      tick = p('native.interrupt') + p('qemu.interrupt');
      read = p('qemu.portIo');
  }
  return (ticks * tick + reads * read) / bed.clockHz;
}

/** Several guests on one host. */
export interface ConsolidationInput {
  /** Busy guests running the workload (≥ 1). */
  readonly vms: number;
  /** vCPUs per guest (≥ 1). */
  readonly vcpus: number;
  /** Idle guests beside them (≥ 0), each costing {@link idleGuestCpu}. */
  readonly idleVms?: number;
  readonly idleGuest?: GuestFamily;
  /** Scheduler time slice (s): Xen's credit scheduler uses 30 ms, the SOSP 2003 BVT runs 5 ms. */
  readonly sliceSeconds?: number;
  /** Offered load per guest as a fraction of one native vCPU's capacity (0–1); default 0.5. */
  readonly offeredLoad?: number;
  /** Scale of vCPU migrations (1 = the modelled scheduler; 0 = none). */
  readonly migrationScale?: number;
  readonly run?: RunOptions;
}

/** What N guests on one host achieve. */
export interface Consolidation {
  /** Each guest's throughput relative to one guest alone on a native host of the same machine. */
  readonly perGuestRelativeThroughput: number;
  /** All busy guests together, relative to one native run. */
  readonly aggregateRelativeThroughput: number;
  /** Share of a core each busy vCPU gets (1 without over-commit). */
  readonly cpuShare: number;
  /** Time factors of shared memory bandwidth and shared last-level caches (≥ 1). */
  readonly memoryFactor: number;
  readonly cacheFactor: number;
  /** Time factor of switching guests on over-committed cores (≥ 1). */
  readonly switchFactor: number;
  /**
   * Mean response time (s) of a request of 10 ms of native work at the offered load, M/M/1 per vCPU; null when
   * the load exceeds what the guest can serve.
   */
  readonly responseSeconds: number | null;
  readonly nativeResponseSeconds: number;
  readonly limitedBy: LimitingResource;
}

const REQUEST_SECONDS = 0.01;

/**
 * Simulates N busy guests (plus idle ones) on one host: vCPUs beyond the cores share them, each switch between
 * guests costs a world switch and a cache refill per time slice, busy vCPUs beyond the host's memory bandwidth
 * slow the memory-bound share of the work, cores sharing a last-level cache slow it a little more, and idle
 * guests take their timer CPU from the busy ones. I/O workloads are simulated as one guest with all the vCPUs
 * behind the same device, wire and back end. Response time is M/M/1 at the offered load.
 */
export function consolidate(
  w: Workload,
  config: SystemConfig,
  bed: Testbed,
  params: ModelParameters,
  input: ConsolidationInput,
): Consolidation {
  const p = (name: string): number => param(params, name);
  const { vms, vcpus } = input;
  const vcpuCount = vms * vcpus;
  const idle = (input.idleVms ?? 0) * idleGuestCpu(config, input.idleGuest ?? 'linux', bed, params);
  const cores = Math.max(bed.cores - idle, 1e-6);
  const over = Math.max(1, vcpuCount / cores);
  const share = 1 / over;
  const active = Math.min(vcpuCount, bed.cores);
  const slice = input.sliceSeconds ?? 0.03;
  const switchCycles = p('cons.worldSwitchCycles') + p('cons.cacheRefillCycles');
  const migrations = over > 1 ? p('cons.migrationsPerSecond') * (input.migrationScale ?? 1) : 0;
  const switchFactor =
    over > 1
      ? 1 + switchCycles / (slice * bed.clockHz) + (migrations * p('cons.cacheRefillCycles')) / bed.clockHz
      : 1;
  const m = w.shape === 'cpu' ? p('cons.memoryBound') : 0;
  const demand = active * p('cons.memoryDemand');
  const memoryFactor = 1 - m + m * Math.max(1, demand / bed.memoryStreams);
  const sharers = Math.min(bed.coresPerLlc, Math.ceil(active / Math.max(1, bed.cores / bed.coresPerLlc)));
  const cacheFactor =
    w.shape === 'cpu' && bed.coresPerLlc > 1
      ? 1 + (p('cons.llcSensitivity') * (sharers - 1)) / (bed.coresPerLlc - 1)
      : 1;
  const load = input.offeredLoad ?? 0.5;
  if (w.shape !== 'cpu') {
    const one = simulate(w, config, bed, params, { ...input.run, vcpus });
    const alone = simulate(w, { kind: 'native' }, bed, params, { ...input.run, vcpus });
    const all = simulate(w, config, bed, params, { ...input.run, vcpus: active });
    const aggregate = all.value / alone.value / (vcpuCount > bed.cores ? switchFactor : 1);
    const rho = Math.min(load * vms * (alone.value / all.value), 1);
    return {
      perGuestRelativeThroughput: aggregate / vms,
      aggregateRelativeThroughput: aggregate,
      cpuShare: share,
      memoryFactor: 1,
      cacheFactor: 1,
      switchFactor,
      responseSeconds: rho < 1 ? one.secondsPerUnit / (1 - rho) : null,
      nativeResponseSeconds: alone.secondsPerUnit / (1 - load),
      limitedBy: all.limitedBy,
    };
  }
  const single = simulate(w, config, bed, params, input.run);
  const time = single.slowdown * switchFactor * memoryFactor * cacheFactor;
  const perGuest = (share * vcpus) / time;
  // Per vCPU: service time S = time × request / share; utilisation ρ = load × S / request.
  const service = (time * REQUEST_SECONDS) / share;
  const rho = load * (service / REQUEST_SECONDS);
  const limitedBy: LimitingResource = memoryFactor > cacheFactor && memoryFactor > 1.01 ? 'memory' : 'cpu';
  return {
    perGuestRelativeThroughput: perGuest / vcpus,
    aggregateRelativeThroughput: perGuest * vms,
    cpuShare: share,
    memoryFactor,
    cacheFactor,
    switchFactor,
    responseSeconds: rho < 1 ? service / (1 - rho) : null,
    nativeResponseSeconds: REQUEST_SECONDS / (1 - load),
    limitedBy,
  };
}
