import { EVENT_KINDS, type EventCycles, type EventKind } from './events';
import { param, spec, type ModelParameters, type ParameterSpec } from './parameters';

/** The reason for a lower bound at the event's native cost. */
const NATIVE_FLOOR = 'no virtualized event costs less than on hardware: the lower bound is its native cost';

/**
 * Execution modes. `xen_pv`, `vmware_ws_bt` and `uml` are the systems of Barham et al. (SOSP 2003); `bt` and
 * `hvm` (on a Pentium 4 672 with shadow paging and emulated devices: the paper's "vtx") those of Adams &
 * Agesen (ASPLOS 2006). `container` is OS-level virtualization (one kernel, namespaces).
 */
export const SYSTEM_KINDS = [
  'native',
  'xen_pv',
  'vmware_ws_bt',
  'uml',
  'bt',
  'hvm',
  'container',
  'qemu',
  'kqemu',
  'lguest',
] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

/**
 * CPU generations with hardware virtualization. Exit/entry latencies of `p4_672` and `core2` are Adams &
 * Agesen's Table 1; `barcelona` (AMD-V with a tagged TLB) and `nehalem` (VT-x with VPID and EPT) have no
 * published latency in the sources, so their priors are Core 2's, unfitted, and their TLB tagging is a
 * generation parameter (`hw.<gen>.tlbTagged`, 0 or 1).
 */
export const CPU_GENERATIONS = ['p4_672', 'core2', 'barcelona', 'nehalem'] as const;
export type CpuGeneration = (typeof CPU_GENERATIONS)[number];
/** Emulated disk controllers: PIIX IDE with PIO transfers, PIIX IDE with (multi-word) DMA, an LSI Logic SCSI HBA. */
export type DiskController = 'ide-pio' | 'ide-dma' | 'scsi';
/** Emulated NICs: Realtek 8139, AMD PCnet, Intel e1000. */
export type EmulatedNic = 'rtl8139' | 'pcnet' | 'e1000';
/** Where I/O back ends (dom0, the host's device model, a driver domain) run: on the guest's core or their own. */
export type BackendPlacement = 'shared' | 'separate';
/** Guest page tables: shadowed by the VMM (every guest PTE write, fault and CR3 write traps) or nested (NPT/EPT). */
export type Paging = 'shadow' | 'nested';
/** Guest I/O path: emulated device (each register access is a round trip), PV drivers on a ring, or SR-IOV. */
export type DevicePath = 'emulated' | 'pv' | 'sriov';

/**
 * A system to simulate. Only `hvm` reads `cpu`, `paging` and `devices`; the other kinds have fixed paths
 * (Xen PV always uses its rings, BT and UML their own device emulation, containers the host drivers).
 */
export interface SystemConfig {
  readonly kind: SystemKind;
  readonly cpu?: CpuGeneration;
  readonly paging?: Paging;
  readonly devices?: DevicePath;
  /** Emulated disk controller (emulated device paths); default `ide-dma`. */
  readonly disk?: DiskController;
  /** Emulated NIC (emulated device paths); default `rtl8139`, the 2007 default of qemu-dm and KVM. */
  readonly nic?: EmulatedNic;
  /** Where back ends run; `effectiveConfig` defaults it from the testbed (one core: shared). */
  readonly backend?: BackendPlacement;
  /**
   * Where Xen's PV back ends live: in the hypervisor itself (Xen 1.x, SOSP 2003: no netback, no bridge) or in
   * dom0 / a driver domain (Xen 2.0 on); default `dom0`.
   */
  readonly driverModel?: 'in-hypervisor' | 'dom0';
  /** Xen netback receive: page flipping (Xen 1.x–3.0) or grant copy (Xen 3.1+); default `flip`. */
  readonly netRx?: 'flip' | 'copy';
  /** Guest disks are files in the host (dom0) page cache: reads hit it with `hostCacheHit`, data is copied. */
  readonly hostCache?: boolean;
  /** Guest disks are image files on a host file system (VMFS, VHD, loopback), cached or not. */
  readonly imageFile?: boolean;
  /** Share of disk reads the host page cache serves (0–1); only with `hostCache`. Default 0.9. */
  readonly hostCacheHit?: number;
  /**
   * Software maturity of the release: multiplies the VMM's own work per mechanism (shadow paging, device
   * emulation, PV back ends, translation), never the hardware's exit latencies or native costs. 1 = the
   * calibrated implementation.
   */
  readonly softwareScale?: number;
}

/**
 * What a system costs: absolute cycles per event (native costs included; the model uses the difference to
 * native), the part of each that a back end spends (dom0, a driver domain, a user-space device model), and
 * fractional slowdowns of user- and kernel-mode instruction streams.
 */
export interface SystemCosts {
  /** All CPU cycles per event, guest and back end together (what a synchronous request waits for). */
  readonly cycles: EventCycles;
  /** The back end's share of `cycles` (0 where the guest does all the work). */
  readonly backend: EventCycles;
  /** Extra user-mode time per second of native user time (TLB/cache pollution, timer handling), ≥ 0. */
  readonly userOverhead: number;
  /** Extra kernel-mode time per second of native kernel time (binary translation of kernel code), ≥ 0. */
  readonly kernelOverhead: number;
  /** Cycles per byte a disk transfer costs on top of `diskRequest`: in the guest and in the back end. */
  readonly diskByte: { readonly guest: number; readonly backend: number };
  /** Cycles per 512-byte sector of a PIO transfer (emulated IDE without DMA: one trapped string I/O each). */
  readonly pioSector: number;
  /**
   * Most disk requests the guest's controller keeps in flight: 1 for emulated IDE (the ATA task-file interface
   * takes one command at a time; qemu's PIIX emulation has no tagged queuing), unbounded (the workload's own
   * queue depth) for SCSI, PV rings and the host's own drivers.
   */
  readonly queueLimit: number;
}

/** Systems whose every event cost is a parameter of its own (fitted where a published number constrains it). */
const TABULATED = ['vmware_ws_bt', 'uml', 'bt'] as const;

const NATIVE_PRIORS: Record<EventKind, [number, boolean, string]> = {
  syscall: [1100, false, 'int 0x80 round trip on a Pentium 4'],
  pageFault: [1093, true, 'Adams & Agesen pgfault nanobenchmark'],
  pteUpdate: [1, false, 'a single store (Adams & Agesen)'],
  contextSwitch: [4000, false, 'CR3 write, TLB refill, scheduler'],
  interrupt: [2500, false, 'device interrupt entry/exit and handler'],
  exception: [889, true, 'Adams & Agesen divzero nanobenchmark'],
  callRet: [11, true, 'Adams & Agesen call/ret nanobenchmark'],
  portIo: [3209, true, 'in from port 0x80 on the ISA bus (Adams & Agesen)'],
  diskRequest: [30000, false, 'block layer and SCSI driver per request'],
  netTxPacket: [9000, true, 'TCP/IP + driver per transmitted segment (from ttcp MTU 500)'],
  netRxPacket: [10000, true, 'driver + TCP/IP per received segment (from ttcp MTU 500)'],
  netTxByte: [1, false, 'checksum and copy per byte sent'],
  netRxByte: [1.5, false, 'copy to user per byte received'],
};

/** Priors for the tabulated systems, in absolute cycles per event. */
const TABLE_PRIORS: Record<(typeof TABULATED)[number], Record<EventKind, number>> = {
  vmware_ws_bt: {
    syscall: 3000,
    pageFault: 6000,
    pteUpdate: 800,
    contextSwitch: 15000,
    interrupt: 30000,
    exception: 4000,
    callRet: 51,
    portIo: 20000,
    diskRequest: 150000,
    netTxPacket: 70000,
    netRxPacket: 50000,
    netTxByte: 3,
    netRxByte: 3,
  },
  uml: {
    syscall: 20000,
    pageFault: 30000,
    pteUpdate: 3000,
    contextSwitch: 40000,
    interrupt: 20000,
    exception: 20000,
    callRet: 11,
    portIo: 3209,
    diskRequest: 100000,
    netTxPacket: 120000,
    netRxPacket: 80000,
    netTxByte: 10,
    netRxByte: 15,
  },
  bt: {
    // syscall: ≈ native + 2,000 cycles (Adams & Agesen's nanobenchmark text); held, not fitted.
    syscall: 3100,
    pageFault: 3927,
    pteUpdate: 391,
    contextSwitch: 8000,
    interrupt: 8000,
    exception: 3223,
    callRet: 51,
    portIo: 214,
    diskRequest: 60000,
    netTxPacket: 30000,
    netRxPacket: 30000,
    netTxByte: 2,
    netRxByte: 2,
  },
};

/** VM exit and entry latencies per CPU generation (cycles) and whether the TLB is tagged (VPID/ASID). */
const HW_PRIORS: Record<CpuGeneration, { entry: number; exit: number; fitted: boolean; tagged: number }> = {
  p4_672: { entry: 2409, exit: 1931, fitted: true, tagged: 0 },
  core2: { entry: 937, exit: 1186, fitted: true, tagged: 0 },
  // Not in the sources: Core 2's latencies stand in, held at the prior.
  barcelona: { entry: 937, exit: 1186, fitted: false, tagged: 1 },
  nehalem: { entry: 937, exit: 1186, fitted: false, tagged: 1 },
};

/** Every parameter the systems read, with priors and whether calibration fits it. */
export const SYSTEM_PARAMETER_SPECS: readonly ParameterSpec[] = [
  // A native cost is bounded below by nothing physical but by its own nanobenchmark: ±5× of the prior.
  ...EVENT_KINDS.map((e) =>
    spec(`native.${e}`, 'cycles', NATIVE_PRIORS[e][0], NATIVE_PRIORS[e][1], NATIVE_PRIORS[e][2]),
  ),
  spec('native.diskByte', 'cycles/byte', 0.02, false, 'block layer per byte of a DMA transfer (page walk)'),
  spec(
    'host.copyByte',
    'cycles/byte',
    0.6,
    true,
    'memcpy per byte in a host or dom0 (page cache to guest memory, netback copy)',
  ),
  spec(
    'host.fileRequest',
    'cycles',
    3000,
    true,
    'host file-system mapping per request of an image-backed disk',
  ),
  spec('host.fileByte', 'cycles/byte', 0.02, true, 'host file-system work per byte of an image-backed disk'),
  spec(
    'host.tapPacket',
    'cycles',
    6000,
    true,
    'host tap/bridge work per packet for a user-space NIC back end (read/write on the tap fd)',
  ),
  spec(
    'net.linkEfficiency',
    'fraction',
    0.95,
    true,
    'TCP goodput of a link relative to its frame-rate maximum',
    {
      min: 0.8,
      max: 0.99,
      why: 'headers and ACKs keep goodput below 99% of the frame rate; under 80% a link would be misconfigured',
    },
  ),
  spec('net.tsoBytes', 'bytes', 65536, false, 'bytes per TSO/GSO send on NICs with segmentation offload'),
  spec('net.lroBytes', 'bytes', 16384, true, 'bytes per aggregated receive with LRO/GRO', {
    min: 1500,
    max: 65536,
    why: 'at least one MTU-sized segment; LRO/GRO aggregate at most 64 KiB (one IP datagram)',
  }),
  spec(
    'hw.coreStackScale',
    'factor',
    0.6,
    true,
    'cycles of native network and block stacks on Core-generation CPUs relative to the Netburst Xeon of 2003',
    {
      min: 0.2,
      max: 1,
      why: 'a Core-generation CPU takes no more cycles than the Netburst Xeon for the same stack (≤ 1); ≥ prior ÷ 3',
    },
  ),
  ...CPU_GENERATIONS.flatMap((g) => [
    spec(`hw.${g}.vmEntry`, 'cycles', HW_PRIORS[g].entry, HW_PRIORS[g].fitted, `VM entry latency, ${g}`),
    spec(`hw.${g}.vmExit`, 'cycles', HW_PRIORS[g].exit, HW_PRIORS[g].fitted, `VM exit latency, ${g}`),
    spec(
      `hw.${g}.tlbTagged`,
      '0/1',
      HW_PRIORS[g].tagged,
      false,
      `1 when ${g} tags TLB entries by address space (ASID/VPID), so exits keep the TLB`,
      { min: HW_PRIORS[g].tagged, max: HW_PRIORS[g].tagged, why: 'a fact of the CPU generation, not fitted' },
    ),
  ]),
  // Xen PV (2003): direct syscalls, PV page tables via batched mmu_update, PV rings with batched notifications.
  spec(
    'xen_pv.userOverhead',
    'fraction',
    0.002,
    true,
    'user-mode slowdown under Xen (TLB flushes on hypercalls)',
  ),
  spec('xen_pv.kernelOverhead', 'fraction', 0.02, true, 'guest kernel slowdown (ring 1, segment reloads)'),
  spec('xen_pv.hypercall', 'cycles', 1500, true, 'hypercall or event-channel notification round trip'),
  spec(
    'xen_pv.syscall',
    'cycles',
    1150,
    false,
    'syscalls trap directly into the guest kernel (fast trap gate)',
  ),
  spec(
    'xen_pv.pageFault',
    'cycles',
    2500,
    true,
    'fault bounced through Xen to the guest (CR2 read via Xen)',
    { min: 1093, why: NATIVE_FLOOR },
  ),
  spec('xen_pv.pteUpdate', 'cycles', 300, true, 'validated PTE write, amortized over a batched mmu_update'),
  spec('xen_pv.contextSwitch', 'cycles', 8000, true, 'stack switch + new page-table base via hypercall', {
    min: 4000,
    why: NATIVE_FLOOR,
  }),
  spec('xen_pv.interrupt', 'cycles', 4000, true, 'physical interrupt → event channel → guest upcall', {
    min: 2500,
    why: NATIVE_FLOOR,
  }),
  spec('xen_pv.exception', 'cycles', 1800, false, 'exception bounced through Xen'),
  spec('xen_pv.portIo', 'cycles', 6000, false, 'I/O privilege emulated by Xen (rare for PV guests)'),
  spec('pv.batch', 'requests/notification', 8, false, 'requests per notification on a busy PV ring'),
  spec('pv.ringTx', 'cycles', 2000, true, 'front end (netfront, virtio-net, vmxnet) per transmitted packet'),
  spec(
    'pv.ringRx',
    'cycles',
    2500,
    true,
    'front end per received packet (ring slot, grant or buffer refill)',
  ),
  spec(
    'pv.ringDisk',
    'cycles',
    8000,
    true,
    'front end (blkfront, virtio-blk, PVSCSI, storage VSC) per request',
  ),
  spec(
    'pv.netBackTx',
    'cycles',
    6000,
    true,
    'back end per transmitted packet: netback maps the grant, bridges and queues it on the real NIC',
  ),
  spec(
    'pv.netBackRx',
    'cycles',
    12000,
    true,
    'back end per received packet: real driver, bridge, netback; Apparao 2006 put Xen at 3–4× native pathlength',
  ),
  spec(
    'xen1.vifPacket',
    'cycles',
    2000,
    true,
    'Xen 1.x in-hypervisor virtual interface work per packet (filtering, demultiplexing; no dom0)',
  ),
  spec('pv.pageFlip', 'cycles', 6000, true, 'receive page flip (page-table and grant updates, TLB flush)'),
  spec('pv.blkBack', 'cycles', 10000, true, 'back end per disk request (blkback, qemu virtio-blk, VSP)'),
  spec(
    'pv.crossCoreNotify',
    'cycles',
    3000,
    true,
    'extra per notification when the back end runs on another core (IPI, cache-line transfers; Apparao 2006)',
  ),
  // Tabulated systems: every event cost is a parameter.
  // A virtualized event never costs less than on hardware, except port I/O, which BT emulates without the bus.
  ...TABULATED.flatMap((s) =>
    EVENT_KINDS.map((e) =>
      spec(
        `${s}.${e}`,
        'cycles',
        TABLE_PRIORS[s][e],
        !(s === 'bt' && e === 'syscall'),
        `${s}: cycles per ${e}`,
        // Port I/O may undercut native (BT emulates the device without the ISA bus): prior ÷/× 5 only.
        e !== 'portIo' && NATIVE_PRIORS[e][0] >= TABLE_PRIORS[s][e] / 5
          ? { min: NATIVE_PRIORS[e][0], why: `${NATIVE_FLOOR}; the upper one is five times the prior` }
          : {},
      ),
    ),
  ),
  spec('vmware_ws_bt.userOverhead', 'fraction', 0.02, true, 'user-mode slowdown under hosted BT (2003)'),
  spec('vmware_ws_bt.kernelOverhead', 'fraction', 0.5, true, 'translated kernel code slowdown (2003)'),
  spec('uml.userOverhead', 'fraction', 0.03, true, 'user-mode slowdown under UML (signals, host timers)'),
  spec('uml.kernelOverhead', 'fraction', 0.3, true, 'UML kernel runs as a host process'),
  spec('bt.userOverhead', 'fraction', 0.02, true, 'user-mode slowdown under BT (2006)'),
  spec('bt.kernelOverhead', 'fraction', 0.5, true, 'translated kernel code slowdown (2006)'),
  spec('bt.pvNotify', 'cycles', 3000, false, 'a PV device (vmxnet, PVSCSI) notification under BT'),
  // Hardware-assisted (VT-x/AMD-V): costs built from exits; work in cycles independent of CPU generation.
  spec(
    'hvm.userOverhead',
    'fraction',
    0.01,
    true,
    'user-mode slowdown from TLB flushes on exits without a tagged TLB',
  ),
  spec(
    'hvm.taggedTlbFactor',
    'fraction',
    0.3,
    false,
    'share of that slowdown left with a tagged TLB (ASID/VPID keep entries across exits)',
  ),
  spec('hvm.shadowFaultWork', 'cycles', 5800, true, 'VMM work per guest page fault under shadow paging'),
  spec('hvm.shadowPteWork', 'cycles', 8000, true, 'VMM work per trapped guest PTE write (shadow paging)'),
  spec('hvm.shadowCr3Work', 'cycles', 10000, false, 'VMM work per guest CR3 write (shadow switch)'),
  spec(
    'hvm.exceptionExtra',
    'cycles',
    125,
    true,
    'extra per guest exception (no exit; event injection checks)',
  ),
  spec('hvm.portIoWork', 'cycles', 8300, true, 'hypervisor work per trapped port access (decode, dispatch)'),
  spec(
    'hvm.deviceModelSwitch',
    'cycles',
    15000,
    true,
    'round trip from the hypervisor to a user-space device model (qemu-dm in dom0, qemu in KVM, vmwp) and back',
  ),
  spec('hvm.interruptWork', 'cycles', 3000, false, 'VMM work per external interrupt (exit + injection)'),
  spec('hvm.nicExits.rtl8139', 'exits/packet', 10, false, 'rtl8139 register accesses per packet (no SG)'),
  spec('hvm.nicExits.pcnet', 'exits/packet', 8, false, 'PCnet register accesses per packet'),
  spec('hvm.nicExits.e1000', 'exits/packet', 4, false, 'e1000 register accesses per packet'),
  spec(
    'hvm.nicCoalescable.e1000',
    'exits/packet',
    1,
    false,
    'e1000 MMIO writes without side effects that coalesced MMIO batches (KVM, Dec 2008)',
  ),
  spec('hvm.nicPacketWork', 'cycles', 20000, true, 'device-model work per packet on an emulated NIC'),
  spec('hvm.diskExitsPerRequest', 'exits/request', 6, false, 'emulated IDE register accesses per request'),
  spec('hvm.scsiExitsPerRequest', 'exits/request', 3, false, 'emulated LSI Logic SCSI accesses per request'),
  spec('hvm.diskRequestWork', 'cycles', 40000, true, 'device-model work per emulated disk request'),
  spec(
    'hvm.pioSectorWork',
    'cycles',
    20000,
    true,
    'device-model work per 512-byte PIO sector (emulated IDE without DMA; Xen 2005: DMA was 3× faster); how many exits a rep insw takes is not in the sources, hence the wide bounds',
    {
      min: 2000,
      max: 200000,
      why: 'how many exits a rep insw takes is not in the sources: ten times either way',
    },
  ),
  spec('hvm.nestedUserOverhead', 'fraction', 0.02, true, 'extra time from 2-D page walks (NPT/EPT)'),
  spec('hvm.nestedFaultExtra', 'cycles', 200, false, 'extra per guest page fault from nested walks'),
  spec('hvm.sriovPacketExtra', 'cycles', 300, true, 'IOMMU translation and interrupt remapping per packet'),
  spec('hvm.apicAccessWork', 'cycles', 1500, true, 'hypervisor work per emulated local-APIC access'),
  spec(
    'hvm.apicDecodeWork',
    'cycles',
    5000,
    true,
    'instruction fetch and decode of an APIC access without exit qualification (Xen before Aug 2009)',
  ),
  spec(
    'release.shadow1Scale',
    'factor',
    1.5,
    true,
    'shadow-paging work of Xen’s first HVM shadow code relative to shadow2 (Oct 2005: kernel build +20%)',
    { min: 1, max: 5, why: 'the older shadow code is never faster (≥ 1); ≤ 5 against the published +20%' },
  ),
  spec(
    'release.writeAccessScale',
    'factor',
    3,
    true,
    'shadow PTE-write work before Xen’s fast-path write-access removal (Jun 2008: fork/exit 3–5× faster)',
    { min: 1, max: 20, why: 'the slow path is never faster (≥ 1); ≤ 20 against the published 3–5×' },
  ),
  spec('hvm.interruptIpi', 'cycles', 2000, true, 'IPI to the vCPU’s core when an interrupt lands elsewhere'),
  spec('container.syscallExtra', 'cycles', 50, false, 'namespace and cgroup checks per syscall'),
  spec('container.netPacketExtra', 'cycles', 500, true, 'virtual interface (venet/veth) routing per packet'),
  // Pure emulation (QEMU dynamic translation with a software MMU) and QEMU + kqemu.
  spec(
    'qemu.dbtOverhead',
    'fraction',
    1.6,
    true,
    'extra time of dynamically translated code (Shaffer 2004: 1.6–4.1× native for a recompiler)',
  ),
  spec(
    'qemu.softmmuOverhead',
    'fraction',
    1,
    true,
    'extra time of the software MMU on memory accesses (QEMU docs 2003: ~2× slower than the host MMU)',
  ),
  spec('qemu.trapExtra', 'cycles', 2000, true, 'leaving the translated block for a trap or syscall'),
  spec('qemu.tlbFill', 'cycles', 3000, true, 'software TLB refill and guest page walk per fault'),
  spec('qemu.tlbFlush', 'cycles', 20000, true, 'software TLB and jump-cache flush per address-space switch'),
  spec('qemu.portIo', 'cycles', 500, false, 'in-process device register access (no bus, no exit)'),
  spec('qemu.interrupt', 'cycles', 2000, false, 'delivering an interrupt between translated blocks'),
  spec('kqemu.userOverhead', 'fraction', 0.05, true, 'user code runs natively under kqemu (page-table sync)'),
  spec(
    'kqemu.switch',
    'cycles',
    8000,
    true,
    'switch between kqemu (native user code) and QEMU (kernel code)',
  ),
  // lguest (Linux 2.6.23): PV guest with a host-kernel Switcher and shadow page tables; devices in the Launcher.
  spec('lguest.hypercall', 'cycles', 6000, true, 'Switcher round trip (CR3, segments, IDT) per hypercall'),
  spec('lguest.shadowFaultWork', 'cycles', 4000, true, 'host work per guest fault (shadow page tables)'),
  spec('lguest.pteWork', 'cycles', 1500, true, 'set_pte hypercall, amortized over lazy batches'),
  spec('lguest.cr3Work', 'cycles', 8000, true, 'shadow page-table switch per guest context switch'),
  spec('lguest.launcherSwitch', 'cycles', 20000, true, 'round trip to the user-space Launcher per I/O kick'),
  spec('lguest.overhead', 'fraction', 0.02, true, 'user- and kernel-mode slowdown under lguest'),
];

/** Round-trip cost of one VM exit + entry on a CPU generation (cycles). */
export function exitRoundTrip(params: ModelParameters, cpu: CpuGeneration): number {
  return param(params, `hw.${cpu}.vmExit`) + param(params, `hw.${cpu}.vmEntry`);
}

/** Events whose native cost is I/O-stack software, cheaper in cycles on newer cores (`hw.coreStackScale`). */
const STACK_EVENTS: ReadonlySet<EventKind> = new Set([
  'netTxPacket',
  'netRxPacket',
  'netTxByte',
  'netRxByte',
  'diskRequest',
]);

function nativeCycles(params: ModelParameters, stackScale = 1): Record<EventKind, number> {
  const out = {} as Record<EventKind, number>;
  for (const e of EVENT_KINDS) out[e] = param(params, `native.${e}`) * (STACK_EVENTS.has(e) ? stackScale : 1);
  return out;
}

function zeros(): Record<EventKind, number> {
  const out = {} as Record<EventKind, number>;
  for (const e of EVENT_KINDS) out[e] = 0;
  return out;
}

/** Per-packet and per-request I/O costs, split between the guest and its back end. */
interface IoPath {
  txPacket: [guest: number, backend: number];
  rxPacket: [guest: number, backend: number];
  txByte: [guest: number, backend: number];
  rxByte: [guest: number, backend: number];
  diskRequest: [guest: number, backend: number];
}

/**
 * The costs of a system under a parameter set. Derived costs follow the mechanisms: a PV ring costs its
 * front-end work plus one notification per `pv.batch` requests in the guest, and its back-end work (netback
 * per packet, a page flip or a copy per received byte, blkback per request) in dom0 or a driver domain; an
 * emulated device costs its register accesses as exits (exit + entry latency of the CPU generation + hypervisor
 * work), a round trip to the user-space device model and that model's work and copies; nested paging removes
 * the exits on page faults, PTE writes and CR3 writes at the price of longer page walks. `softwareScale`
 * multiplies the VMM's own work, never hardware latencies or native costs.
 */
export function systemCosts(config: SystemConfig, params: ModelParameters, stackScale = 1): SystemCosts {
  const costs = baseSystemCosts(config, params, stackScale);
  if (!(config.imageFile || config.hostCache)) return costs;
  const extra = param(params, 'host.fileRequest');
  return {
    ...costs,
    cycles: { ...costs.cycles, diskRequest: costs.cycles.diskRequest + extra },
    backend: { ...costs.backend, diskRequest: costs.backend.diskRequest + extra },
  };
}

function baseSystemCosts(config: SystemConfig, params: ModelParameters, stackScale: number): SystemCosts {
  const native = nativeCycles(params, stackScale);
  const p = (name: string): number => param(params, name);
  const s = config.softwareScale ?? 1;
  const w = (name: string): number => s * param(params, name);
  const nativeDiskByte = p('native.diskByte');
  const file = config.imageFile || config.hostCache;
  const cacheCopy = (config.hostCache ? p('host.copyByte') : 0) + (file ? p('host.fileByte') : 0);
  const base = (cycles: Record<EventKind, number>, user: number, kernel: number): SystemCosts => ({
    cycles,
    backend: zeros(),
    userOverhead: user,
    kernelOverhead: kernel,
    diskByte: { guest: nativeDiskByte, backend: cacheCopy },
    pioSector: 0,
    queueLimit: Infinity,
  });
  switch (config.kind) {
    case 'native':
      return base(native, 0, 0);
    case 'container':
      return base(
        {
          ...native,
          syscall: native.syscall + p('container.syscallExtra'),
          netTxPacket: native.netTxPacket + w('container.netPacketExtra'),
          netRxPacket: native.netRxPacket + w('container.netPacketExtra'),
        },
        0,
        0,
      );
    case 'vmware_ws_bt':
    case 'uml':
    case 'bt': {
      const cycles = {} as Record<EventKind, number>;
      for (const e of EVENT_KINDS) cycles[e] = native[e] + s * (p(`${config.kind}.${e}`) - native[e]);
      const costs = base(cycles, w(`${config.kind}.userOverhead`), w(`${config.kind}.kernelOverhead`));
      if (config.kind === 'bt' && config.devices === 'pv') {
        return withIo(costs, pvPath(params, s, p('bt.pvNotify'), config, native));
      }
      return costs;
    }
    case 'xen_pv': {
      const cycles = {
        ...native,
        syscall: p('xen_pv.syscall'),
        pageFault: native.pageFault + s * (p('xen_pv.pageFault') - native.pageFault),
        pteUpdate: w('xen_pv.pteUpdate'),
        contextSwitch: native.contextSwitch + s * (p('xen_pv.contextSwitch') - native.contextSwitch),
        interrupt: native.interrupt + s * (p('xen_pv.interrupt') - native.interrupt),
        exception: p('xen_pv.exception'),
        portIo: p('xen_pv.portIo'),
      };
      const costs = base(cycles, w('xen_pv.userOverhead'), w('xen_pv.kernelOverhead'));
      const io = pvPath(params, s, p('xen_pv.hypercall'), config, native);
      if (config.driverModel !== 'in-hypervisor') return withIo(costs, io);
      const vif = w('xen1.vifPacket');
      return withIo(costs, {
        ...io,
        txPacket: [io.txPacket[0], vif],
        rxPacket: [io.rxPacket[0], vif + w('pv.pageFlip')],
      });
    }
    case 'lguest': {
      const hc = w('lguest.hypercall');
      const cycles = {
        ...native,
        syscall: native.syscall + p('container.syscallExtra'),
        pageFault: native.pageFault + hc + w('lguest.shadowFaultWork'),
        pteUpdate: native.pteUpdate + w('lguest.pteWork'),
        contextSwitch: native.contextSwitch + hc + w('lguest.cr3Work'),
        interrupt: native.interrupt + hc,
        exception: native.exception + hc,
        portIo: native.portIo + hc,
      };
      const costs = base(cycles, w('lguest.overhead'), w('lguest.overhead'));
      const kick = (hc + w('lguest.launcherSwitch')) / p('pv.batch');
      const copy = p('host.copyByte');
      return withIo(costs, {
        txPacket: [native.netTxPacket + w('pv.ringTx') + kick, p('host.tapPacket')],
        rxPacket: [native.netRxPacket + w('pv.ringRx') + kick, p('host.tapPacket')],
        txByte: [native.netTxByte, copy],
        rxByte: [native.netRxByte, copy],
        diskRequest: [native.diskRequest + w('pv.ringDisk') + kick, w('pv.blkBack')],
      });
    }
    case 'qemu':
    case 'kqemu':
      return qemuCosts(config, params, native, s);
    case 'hvm':
      return hvmCosts(config, params, native, s);
  }
}

function cacheByte(config: SystemConfig, params: ModelParameters): number {
  return (
    (config.hostCache ? param(params, 'host.copyByte') : 0) +
    (config.imageFile || config.hostCache ? param(params, 'host.fileByte') : 0)
  );
}

function withIo(costs: SystemCosts, io: IoPath): SystemCosts {
  const cycles = { ...costs.cycles };
  const backend = { ...costs.backend };
  const set = (e: EventKind, [g, b]: [number, number]): void => {
    cycles[e] = g + b;
    backend[e] = b;
  };
  set('netTxPacket', io.txPacket);
  set('netRxPacket', io.rxPacket);
  set('netTxByte', io.txByte);
  set('netRxByte', io.rxByte);
  set('diskRequest', io.diskRequest);
  return { ...costs, cycles, backend };
}

/**
 * A PV split driver: front end in the guest with one notification (`notify` cycles, plus the cross-core cost
 * when the back end has its own core) per `pv.batch` requests; back end per packet and per request, with a
 * page flip or a copy per received packet byte.
 */
function pvPath(
  params: ModelParameters,
  s: number,
  notify: number,
  config: SystemConfig,
  native: Record<EventKind, number>,
): IoPath {
  const p = (name: string): number => param(params, name);
  const n = (notify + (config.backend === 'separate' ? p('pv.crossCoreNotify') : 0)) / p('pv.batch');
  // Xen flips pages until 3.0 and grant-copies from 3.1; other back ends (virtio, vmxnet, VSP) copy.
  const flip = config.kind === 'xen_pv' && (config.netRx ?? 'flip') === 'flip';
  return {
    txPacket: [native.netTxPacket + s * p('pv.ringTx') + n, s * p('pv.netBackTx') + n],
    rxPacket: [
      native.netRxPacket + s * p('pv.ringRx') + n,
      s * p('pv.netBackRx') + n + (flip ? s * p('pv.pageFlip') : 0),
    ],
    txByte: [native.netTxByte, 0],
    rxByte: [native.netRxByte, flip ? 0 : p('host.copyByte')],
    diskRequest: [native.diskRequest + s * p('pv.ringDisk') + n, s * p('pv.blkBack') + n],
  };
}

/** An emulated device path: exits for register accesses, a device-model round trip, its work and copies. */
function emulatedPath(
  params: ModelParameters,
  s: number,
  access: number,
  modelSwitch: number,
  config: SystemConfig,
  native: Record<EventKind, number>,
): IoPath & { pioSector: number; queueLimit: number } {
  const p = (name: string): number => param(params, name);
  const nic = config.nic ?? 'rtl8139';
  const exits = p(`hvm.nicExits.${nic}`);
  const nicGuest = exits * access;
  const nicModel = modelSwitch + s * p('hvm.nicPacketWork') + p('host.tapPacket');
  const controller = config.disk ?? 'ide-dma';
  const diskExits = controller === 'scsi' ? p('hvm.scsiExitsPerRequest') : p('hvm.diskExitsPerRequest');
  const copy = p('host.copyByte');
  return {
    txPacket: [native.netTxPacket + nicGuest, nicModel],
    rxPacket: [native.netRxPacket + nicGuest, nicModel],
    txByte: [native.netTxByte, copy],
    rxByte: [native.netRxByte, copy],
    diskRequest: [native.diskRequest + diskExits * access, modelSwitch + s * p('hvm.diskRequestWork')],
    pioSector: controller === 'ide-pio' ? access + modelSwitch + s * p('hvm.pioSectorWork') : 0,
    queueLimit: controller === 'scsi' ? Infinity : 1,
  };
}

function hvmCosts(
  config: SystemConfig,
  params: ModelParameters,
  native: Record<EventKind, number>,
  s: number,
): SystemCosts {
  const p = (name: string): number => param(params, name);
  const w = (name: string): number => s * param(params, name);
  const cpu = config.cpu ?? 'p4_672';
  const rt = exitRoundTrip(params, cpu);
  const nested = config.paging === 'nested';
  const devices = config.devices ?? 'emulated';
  const portIo = native.portIo + rt + w('hvm.portIoWork');
  const cycles: Record<EventKind, number> = {
    ...native,
    pageFault: native.pageFault + (nested ? p('hvm.nestedFaultExtra') : rt + w('hvm.shadowFaultWork')),
    pteUpdate: native.pteUpdate + (nested ? 0 : rt + w('hvm.shadowPteWork')),
    contextSwitch: native.contextSwitch + (nested ? 0 : rt + w('hvm.shadowCr3Work')),
    interrupt: native.interrupt + rt + w('hvm.interruptWork'),
    exception: native.exception + p('hvm.exceptionExtra'),
    portIo,
  };
  const tagged = p(`hw.${cpu}.tlbTagged`) >= 0.5;
  const user = p('hvm.userOverhead') * (tagged ? p('hvm.taggedTlbFactor') : 1);
  const walk = nested ? p('hvm.nestedUserOverhead') : 0;
  const costs: SystemCosts = {
    cycles,
    backend: zeros(),
    userOverhead: user + walk,
    kernelOverhead: walk,
    diskByte: { guest: p('native.diskByte'), backend: cacheByte(config, params) },
    pioSector: 0,
    queueLimit: Infinity,
  };
  if (devices === 'emulated') {
    const path = emulatedPath(
      params,
      s,
      rt + w('hvm.portIoWork'),
      w('hvm.deviceModelSwitch'),
      config,
      native,
    );
    return { ...withIo(costs, path), pioSector: path.pioSector, queueLimit: path.queueLimit };
  }
  const pv = pvPath(params, s, rt, config, native);
  if (devices === 'pv') return withIo(costs, pv);
  const sriov = p('hvm.sriovPacketExtra');
  return withIo(costs, {
    ...pv,
    txPacket: [native.netTxPacket + sriov, 0],
    rxPacket: [native.netRxPacket + sriov, 0],
    txByte: [native.netTxByte, 0],
    rxByte: [native.netRxByte, 0],
  });
}

/**
 * Pure emulation (`qemu`: every instruction dynamically translated, every memory access through the software
 * MMU) and QEMU with the kqemu accelerator (`kqemu`: user code runs natively, kernel code is translated, and
 * each user↔kernel transition switches between the two). Devices are emulated in the same process, on the same
 * core: no exits, no device-model switch.
 */
function qemuCosts(
  config: SystemConfig,
  params: ModelParameters,
  native: Record<EventKind, number>,
  s: number,
): SystemCosts {
  const p = (name: string): number => param(params, name);
  const w = (name: string): number => s * param(params, name);
  const translated = (1 + w('qemu.dbtOverhead')) * (1 + w('qemu.softmmuOverhead')) - 1;
  const k = config.kind === 'kqemu';
  const sw = k ? w('kqemu.switch') : 0;
  const cycles: Record<EventKind, number> = {
    ...native,
    syscall: native.syscall + w('qemu.trapExtra') + sw,
    pageFault: native.pageFault + w('qemu.tlbFill') + sw,
    pteUpdate: native.pteUpdate + (k ? w('qemu.tlbFill') / 10 : 0),
    contextSwitch: native.contextSwitch + w('qemu.tlbFlush') + sw,
    interrupt: native.interrupt + p('qemu.interrupt') + sw,
    exception: native.exception + w('qemu.trapExtra') + sw,
    callRet: native.callRet * (1 + translated),
    portIo: p('qemu.portIo'),
  };
  const costs: SystemCosts = {
    cycles,
    backend: zeros(),
    userOverhead: k ? w('kqemu.userOverhead') : translated,
    kernelOverhead: translated,
    diskByte: { guest: p('native.diskByte'), backend: cacheByte(config, params) },
    pioSector: 0,
    queueLimit: Infinity,
  };
  const path = emulatedPath(params, s, p('qemu.portIo'), 0, config, native);
  return { ...withIo(costs, path), pioSector: path.pioSector, queueLimit: path.queueLimit };
}

/** A named system as the papers and the simulator's scenarios use it. */
export interface NamedSystem {
  readonly slug: string;
  readonly description: string;
  readonly config: SystemConfig;
}

/** The systems the simulator knows by name; `vtx` is Adams & Agesen's hardware VMM. */
export const NAMED_SYSTEMS: readonly NamedSystem[] = [
  { slug: 'native', description: 'bare-metal Linux', config: { kind: 'native' } },
  {
    slug: 'xen_pv',
    description: 'Xen 1.0 paravirtualized guest (hypercalls, PV rings, drivers in the hypervisor)',
    config: { kind: 'xen_pv', driverModel: 'in-hypervisor' },
  },
  {
    slug: 'vmware_ws_bt',
    description: 'VMware Workstation 3.2, hosted binary translation',
    config: { kind: 'vmware_ws_bt' },
  },
  { slug: 'uml', description: 'User-Mode Linux (skas3)', config: { kind: 'uml' } },
  { slug: 'bt', description: 'VMware binary-translation VMM (Player 1.0.1)', config: { kind: 'bt' } },
  {
    slug: 'vtx',
    description: 'first-generation VT-x, shadow paging, emulated devices (P4 672)',
    config: { kind: 'hvm', cpu: 'p4_672', paging: 'shadow', devices: 'emulated' },
  },
  {
    slug: 'hvm_core2',
    description: 'VT-x on Core 2, shadow paging, emulated devices',
    config: { kind: 'hvm', cpu: 'core2', paging: 'shadow', devices: 'emulated' },
  },
  {
    slug: 'hvm_core2_pv',
    description: 'VT-x on Core 2, shadow paging, PV drivers',
    config: { kind: 'hvm', cpu: 'core2', paging: 'shadow', devices: 'pv' },
  },
  {
    slug: 'hvm_npt',
    description: 'hardware-assisted with nested paging (Barcelona/EPT), emulated devices',
    config: { kind: 'hvm', cpu: 'core2', paging: 'nested', devices: 'emulated' },
  },
  {
    slug: 'hvm_npt_pv',
    description: 'hardware-assisted with nested paging and PV drivers',
    config: { kind: 'hvm', cpu: 'core2', paging: 'nested', devices: 'pv' },
  },
  {
    slug: 'hvm_npt_sriov',
    description: 'nested paging with SR-IOV network functions',
    config: { kind: 'hvm', cpu: 'core2', paging: 'nested', devices: 'sriov' },
  },
  { slug: 'container', description: 'OS-level virtualization (one kernel)', config: { kind: 'container' } },
  { slug: 'openvz', description: 'OpenVZ container (shared kernel, venet)', config: { kind: 'container' } },
  {
    slug: 'vserver',
    description: 'Linux-VServer context (shared kernel, host network stack)',
    config: { kind: 'container' },
  },
  {
    slug: 'xen_pv_driver_domain',
    description: 'Xen PV guest with its NIC and disk back ends in a driver domain on another core',
    config: { kind: 'xen_pv', backend: 'separate' },
  },
  {
    slug: 'qemu',
    description: 'QEMU pure emulation: dynamic translation with a software MMU',
    config: { kind: 'qemu' },
  },
  { slug: 'kqemu', description: 'QEMU with the kqemu accelerator', config: { kind: 'kqemu' } },
  {
    slug: 'lguest',
    description: 'lguest PV guest (Linux 2.6.23 Switcher, virtio)',
    config: { kind: 'lguest' },
  },
];

/** Looks a named system up; throws on an unknown slug. */
export function namedSystem(slug: string): NamedSystem {
  const s = NAMED_SYSTEMS.find((x) => x.slug === slug);
  if (!s) throw new Error(`Unknown simulator system: ${slug}`);
  return s;
}
