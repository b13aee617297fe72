import { consolidate, idleGuestCpu } from './consolidation';
import { simulate, testbed, type RunOptions } from './model';
import { param, type ModelParameters } from './parameters';
import { exitRoundTrip, systemCosts, type SystemConfig } from './systems';
import { workload } from './workloads';

/**
 * How each I/O, emulation, consolidation and hardware-assist target of `seeds/data/io_calibration_targets.json`
 * is simulated: a function of the parameters giving the published quantity (a ratio, a rate, a share of a CPU).
 * Setups follow each source's text (`setup` in shared/sources/io-calibration-targets.json); where a source does
 * not name its machine, the testbed of its year stands in (said in the target's note).
 */
export type TargetFunction = (params: ModelParameters) => number;

const P4 = testbed('pentium4-672');
const CORE2 = testbed('core2-duo-2660');
const DELL = testbed('dell-2650-xeon-2400');
const X5400 = testbed('xeon-5400-10gbe');
const NEHALEM = testbed('xeon-5500-nehalem-2930');
const BARCELONA = testbed('opteron-barcelona-2000');
const NUMA32 = testbed('opteron-32core-numa');

const run = (
  slug: string,
  config: SystemConfig,
  bed = CORE2,
  params: ModelParameters,
  options: RunOptions = {},
): ReturnType<typeof simulate> => simulate(workload(slug), config, bed, params, options);

/** Gb/s → Mb/s, the unit of packet workloads. */
const gbps = (mbps: number): number => mbps / 1000;

const with_ = (params: ModelParameters, changes: Record<string, number>): ModelParameters => ({
  ...params,
  ...changes,
});

const kvmEmulated = (nic: SystemConfig['nic'] = 'rtl8139'): SystemConfig => ({
  kind: 'hvm',
  devices: 'emulated',
  nic,
  backend: 'shared',
});
const kvmVirtio: SystemConfig = { kind: 'hvm', devices: 'pv', backend: 'shared' };
const GIB_BITS = 2 ** 30 * 8;
const JUMBO: RunOptions = { mtu: 9000 };

/** Time factor of N guests relative to one (per-guest throughput of one over that of N). */
function guestsTimeFactor(params: ModelParameters, vms: number, vcpus: number): number {
  const w = workload('kernel-build');
  const cfg: SystemConfig = { kind: 'xen_pv' };
  const one = consolidate(w, cfg, NUMA32, params, { vms: 1, vcpus });
  const n = consolidate(w, cfg, NUMA32, params, { vms, vcpus });
  return one.perGuestRelativeThroughput / n.perGuestRelativeThroughput;
}

/** Memory bandwidth one guest streams when N run a streaming benchmark (1 = alone). */
function streamShare(vms: number): number {
  return Math.min(1, NUMA32.memoryStreams / Math.min(vms, NUMA32.cores));
}

function netCpuRatio(params: ModelParameters, config: SystemConfig, slug: string, bed = CORE2): number {
  const v = run(slug, config, bed, params);
  const n = run(slug, { kind: 'native' }, bed, params);
  return v.cpuSecondsPerUnit / n.cpuSecondsPerUnit;
}

export const IO_TARGET_FUNCTIONS: Readonly<Record<string, TargetFunction>> = {
  // Disk
  'disk-kvm-virtioblk-fc--after': (p) =>
    run('disk-io', { kind: 'hvm', devices: 'pv', backend: 'shared' }, X5400, p).relativeThroughput,
  'disk-xen-hvm-ide-dma': (p) =>
    run('disk-io', { kind: 'hvm', devices: 'emulated', disk: 'ide-dma' }, P4, p).value /
    run('disk-io', { kind: 'hvm', devices: 'emulated', disk: 'ide-pio' }, P4, p).value,
  'disk-xen-hvm-ide-exit-cost': (p) => {
    const cfg: SystemConfig = { kind: 'hvm', devices: 'emulated', hostCache: true, hostCacheHit: 1 };
    const faster = with_(p, { 'hvm.portIoWork': param(p, 'hvm.portIoWork') * 0.66 });
    return run('disk-io', cfg, BARCELONA, faster).value / run('disk-io', cfg, BARCELONA, p).value;
  },
  'disk-xen2-image-vs-partition--file': (p) =>
    run('disk-io', { kind: 'xen_pv', hostCache: true, hostCacheHit: 0.5 }, DELL, p).relativeThroughput,
  'disk-xen2-image-vs-partition--partition': (p) =>
    run('disk-io', { kind: 'xen_pv' }, DELL, p).relativeThroughput,
  'disk-vmware-pvscsi-cpio': (p) =>
    run('disk-rand-read', { kind: 'hvm', devices: 'pv' }, NEHALEM, p).cpuSecondsPerUnit /
    run('disk-rand-read', { kind: 'hvm', devices: 'emulated', disk: 'scsi' }, NEHALEM, p).cpuSecondsPerUnit,
  'disk-vmware-vmfs-rdm-cpu--random': (p) =>
    run('disk-rand-read', { kind: 'hvm', devices: 'emulated', disk: 'scsi', imageFile: true }, X5400, p)
      .cpuSecondsPerUnit /
    run('disk-rand-read', { kind: 'hvm', devices: 'emulated', disk: 'scsi' }, X5400, p).cpuSecondsPerUnit,
  'disk-vmware-vmfs-rdm-cpu--sequential': (p) =>
    run('disk-io', { kind: 'hvm', devices: 'emulated', disk: 'scsi', imageFile: true }, X5400, p)
      .cpuSecondsPerUnit /
    run('disk-io', { kind: 'hvm', devices: 'emulated', disk: 'scsi' }, X5400, p).cpuSecondsPerUnit,
  'disk-hyperv-root-vhd-loopback': (p) =>
    run('disk-io', { kind: 'native', imageFile: true }, NEHALEM, p).relativeThroughput,
  'disk-hyperv-qlogic-iops--one-vm': (p) =>
    consolidate(workload('disk-rand-read'), { kind: 'hvm', devices: 'pv' }, NEHALEM, p, { vms: 1, vcpus: 4 })
      .aggregateRelativeThroughput,
  'disk-xen-stubdom-migration': (p) =>
    // The model has no live-migration cost: an emulated disk stays device-bound, so the ratio is the model's.
    run('disk-io', { kind: 'hvm', devices: 'emulated' }, CORE2, p).value /
    run('disk-io', { kind: 'hvm', devices: 'emulated' }, CORE2, p).value,
  'disk-xen-loop-vs-blktap-pagecache': (p) =>
    run('disk-io', { kind: 'xen_pv', hostCache: true, hostCacheHit: 1 }, NEHALEM, p).value /
    run('disk-io', { kind: 'xen_pv' }, NEHALEM, p).value,
  // Network
  'net-xen-apparao-rx-tx--rx': (p) =>
    run('net-rx', { kind: 'xen_pv', backend: 'shared' }, CORE2, p).relativeThroughput,
  'net-xen-apparao-rx-tx--tx': (p) =>
    run('net-tx', { kind: 'xen_pv', backend: 'shared' }, CORE2, p).relativeThroughput,
  'net-xen-apparao-rx-tx--pathlength': (p) => netCpuRatio(p, { kind: 'xen_pv', backend: 'shared' }, 'net-rx'),
  'net-xen-santos-rx-cost': (p) => {
    const c = systemCosts({ kind: 'xen_pv', backend: 'separate', netRx: 'copy' }, p);
    const payload = 1460;
    const total = c.cycles.netRxPacket + payload * c.cycles.netRxByte;
    const backend = c.backend.netRxPacket + payload * c.backend.netRxByte;
    return (total - backend) / total;
  },
  'net-xen-summit07-cpu-3x': (p) => netCpuRatio(p, { kind: 'xen_pv', backend: 'separate' }, 'net-rx'),
  'net-xen-lazy-copy-netback': (p) => {
    const c = systemCosts({ kind: 'xen_pv', backend: 'separate', netRx: 'copy' }, p);
    const payload = 1460;
    const guest = c.cycles.netTxPacket - c.backend.netTxPacket + payload * c.cycles.netTxByte;
    const dom0 =
      c.backend.netTxPacket + param(p, 'native.netRxPacket') + payload * param(p, 'native.netRxByte');
    const copy = payload * param(p, 'host.copyByte');
    return Math.max(guest, dom0 + copy) / Math.max(guest, dom0);
  },
  'net-kvm-virtio-vs-rtl8139--rtl8139': (p) => run('net-rx', kvmEmulated(), CORE2, p, { wire: false }).value,
  'net-kvm-virtio-vs-rtl8139--virtio': (p) => run('net-rx', kvmVirtio, CORE2, p, { wire: false }).value,
  'net-kvm-virtio-rx-800': (p) => run('net-rx', kvmVirtio, CORE2, p, { wire: false }).value,
  'net-kvm-virtio-mrg-rxbuf--external': (p) => gbps(run('net-rx', kvmVirtio, X5400, p).value),
  'net-kvm-virtio-mrg-rxbuf--host': (p) => gbps(run('net-rx', kvmVirtio, X5400, p, { wire: false }).value),
  'net-kvm-e1000-coalesced-mmio': (p) => {
    const fewer = with_(p, {
      'hvm.nicExits.e1000': param(p, 'hvm.nicExits.e1000') - param(p, 'hvm.nicCoalescable.e1000'),
    });
    return (
      run('net-tx', kvmEmulated('e1000'), CORE2, fewer).value /
      run('net-tx', kvmEmulated('e1000'), CORE2, p).value
    );
  },
  'net-vmware-esx35-10gbe--tx': (p) => gbps(run('net-tx', { kind: 'hvm', devices: 'pv' }, X5400, p).value),
  'net-vmware-esx35-10gbe--rx': (p) => gbps(run('net-rx', { kind: 'hvm', devices: 'pv' }, X5400, p).value),
  'net-vmware-esx35-10gbe--rx-jumbo': (p) =>
    gbps(run('net-rx', { kind: 'hvm', devices: 'pv' }, X5400, p, { mtu: 9000 }).value),
  'net-vmware-esx35-10gbe--tx-jumbo': (p) =>
    gbps(run('net-tx', { kind: 'hvm', devices: 'pv' }, X5400, p, { mtu: 9000 }).value),
  'net-xen-hvm-pcnet': (p) =>
    run('net-rx', { kind: 'hvm', devices: 'emulated', nic: 'pcnet' }, P4, p).value / 8,
  'net-lguest-virtio-1gb--rx': (p) =>
    GIB_BITS / 1e6 / run('net-rx', { kind: 'lguest' }, CORE2, p, { wire: false }).value,
  'net-lguest-virtio-1gb--tx': (p) =>
    GIB_BITS / 1e6 / run('net-tx', { kind: 'lguest' }, CORE2, p, { wire: false }).value,
  // 9.87 Gb/s is above TCP goodput at MTU 1500 (9.49 Gb/s on 10 GbE): the tests used jumbo frames.
  'net-openvz-10g-2011--openvz-rx': (p) =>
    gbps(run('net-rx', { kind: 'container' }, NEHALEM, p, JUMBO).value),
  'net-openvz-10g-2011--openvz-tx': (p) =>
    gbps(run('net-tx', { kind: 'container' }, NEHALEM, p, JUMBO).value),
  'net-openvz-10g-2011--esxi-rx': (p) =>
    gbps(run('net-rx', { kind: 'hvm', devices: 'pv' }, NEHALEM, p, JUMBO).value),
  'net-openvz-10g-2011--xenserver-rx': (p) =>
    gbps(run('net-rx', { kind: 'xen_pv', netRx: 'copy' }, NEHALEM, p, JUMBO).value),
  // Pure emulation
  'emu-qemu-tcg-vs-kvm-boot': (p) =>
    run('linux-boot', { kind: 'qemu' }, CORE2, p).slowdown /
    run('linux-boot', { kind: 'hvm', devices: 'emulated' }, CORE2, p).slowdown,
  'emu-qemu-softmmu-2x': (p) =>
    run('cpu-bound', { kind: 'qemu' }, P4, p).slowdown /
    run('cpu-bound', { kind: 'qemu' }, P4, with_(p, { 'qemu.softmmuOverhead': 1e-9 })).slowdown,
  'emu-dbt-vs-native-vs-interp--low': (p) => 1 + param(p, 'qemu.dbtOverhead'),
  'emu-dbt-vs-native-vs-interp--high': (p) => 1 + param(p, 'qemu.dbtOverhead'),
  // Consolidation
  'cons-xen-numa-multiguest--7': (p) => guestsTimeFactor(p, 7, 1),
  'cons-xen-numa-multiguest--15': (p) => guestsTimeFactor(p, 15, 1),
  'cons-xen-numa-multiguest--23': (p) => guestsTimeFactor(p, 23, 1),
  'cons-xen-numa-multiguest--23x2': (p) => guestsTimeFactor(p, 23, 2),
  'cons-xen-numa-multiguest--membw-15': () => streamShare(15),
  'cons-xen-numa-multiguest--membw-23': () => streamShare(23),
  'cons-vmware-10gbe-multivm': (p) =>
    gbps(run('net-tx', { kind: 'hvm', devices: 'pv' }, X5400, p, { vcpus: 2 }).value),
  'cons-hyperv-iops-1vs4': (p) =>
    consolidate(workload('disk-rand-read'), { kind: 'hvm', devices: 'pv' }, NEHALEM, p, { vms: 4, vcpus: 1 })
      .aggregateRelativeThroughput,
  'cons-idle-vm-cpu--rev3': (p) =>
    100 * idleGuestCpu({ kind: 'hvm' }, 'linux', X5400, p, { vcpus: 4, pmReadsPerTick: 1 }),
  'cons-idle-vm-cpu--rev2': (p) =>
    100 * idleGuestCpu({ kind: 'hvm' }, 'linux', X5400, p, { vcpus: 4, pmReadsPerTick: 3 }),
  'cons-xen-24vm-migration-delay': (p) => {
    const w = workload('kernel-build');
    const args = { vms: 24, vcpus: 2 };
    return (
      consolidate(w, { kind: 'xen_pv' }, NUMA32, p, { ...args, migrationScale: 0.5 })
        .aggregateRelativeThroughput /
      consolidate(w, { kind: 'xen_pv' }, NUMA32, p, args).aggregateRelativeThroughput
    );
  },
  'xen-sosp-2003-128-domains': (p) =>
    consolidate(workload('cpu-bound'), { kind: 'xen_pv' }, DELL, p, {
      vms: 128,
      vcpus: 1,
      sliceSeconds: 0.005,
    }).aggregateRelativeThroughput,
  // Hardware assist
  'hw-vmware-rvi': (p) =>
    run('kernel-build', { kind: 'hvm', paging: 'shadow', devices: 'pv' }, BARCELONA, p).slowdown /
    run('kernel-build', { kind: 'hvm', paging: 'nested', devices: 'pv' }, BARCELONA, p).slowdown,
  'hw-vmware-ept': (p) =>
    run('kernel-build', { kind: 'hvm', paging: 'shadow', devices: 'pv' }, NEHALEM, p).slowdown /
    run('kernel-build', { kind: 'hvm', paging: 'nested', devices: 'pv' }, NEHALEM, p).slowdown,
  'hw-sriov-dong-2010--line-rate': (p) =>
    gbps(run('net-rx', { kind: 'hvm', paging: 'nested', devices: 'sriov' }, NEHALEM, p, { vcpus: 8 }).value),
  'hw-sriov-dong-2010--cpu-per-vm': (p) => {
    const cfg: SystemConfig = { kind: 'hvm', paging: 'nested', devices: 'sriov' };
    const v = run('net-rx', cfg, NEHALEM, p);
    const n = run('net-rx', { kind: 'native' }, NEHALEM, p);
    const packetsPerSecond = 9.48e9 / 60 / (1460 * 8);
    const extra = (v.cpuSecondsPerUnit - n.cpuSecondsPerUnit) * packetsPerSecond;
    return 100 * (extra + idleGuestCpu(cfg, 'linux', NEHALEM, p));
  },
  'hw-xen-vtd-msi-cpu': (p) => {
    const cfg: SystemConfig = { kind: 'hvm', paging: 'nested', devices: 'sriov' };
    const ipi = param(p, 'hvm.interruptIpi');
    const withIpi = with_(p, { 'hvm.interruptWork': param(p, 'hvm.interruptWork') + ipi });
    return (
      run('net-rx', cfg, NEHALEM, p).cpuSecondsPerUnit /
      run('net-rx', cfg, NEHALEM, withIpi).cpuSecondsPerUnit
    );
  },
  'hw-xen-vlapic-eoi--before': (p) =>
    exitRoundTrip(p, 'nehalem') + param(p, 'hvm.apicAccessWork') + param(p, 'hvm.apicDecodeWork'),
  'hw-xen-vlapic-eoi--after': (p) => exitRoundTrip(p, 'nehalem') + param(p, 'hvm.apicAccessWork'),
  'hw-xen-shadow-kbuild': (p) =>
    run(
      'kernel-build',
      { kind: 'hvm', paging: 'shadow', devices: 'pv' },
      P4,
      with_(p, shadowScaled(p, 'release.shadow1Scale')),
    ).slowdown / run('kernel-build', { kind: 'hvm', paging: 'shadow', devices: 'pv' }, P4, p).slowdown,
  'hw-xen-solaris-shadow': (p) =>
    run(
      'forkwait',
      { kind: 'hvm', paging: 'shadow', devices: 'pv' },
      CORE2,
      with_(p, {
        'hvm.shadowPteWork': param(p, 'hvm.shadowPteWork') * param(p, 'release.writeAccessScale'),
      }),
    ).slowdown / run('forkwait', { kind: 'hvm', paging: 'shadow', devices: 'pv' }, CORE2, p).slowdown,
  // Windows guests
  'win-kvm-idle-windows': (p) => 100 * idleGuestCpu({ kind: 'hvm' }, 'windows', CORE2, p),
  'win-xen-vista-acpi-timer--qemu': (p) => 100 * idleGuestCpu({ kind: 'hvm' }, 'windows', CORE2, p),
  'win-xen-vista-acpi-timer--hypervisor': (p) =>
    100 * idleGuestCpu({ kind: 'hvm' }, 'windows', CORE2, p, { pmTimerInDeviceModel: false }),
};

function shadowScaled(p: ModelParameters, scale: string): Record<string, number> {
  const k = param(p, scale);
  return {
    'hvm.shadowFaultWork': param(p, 'hvm.shadowFaultWork') * k,
    'hvm.shadowPteWork': param(p, 'hvm.shadowPteWork') * k,
    'hvm.shadowCr3Work': param(p, 'hvm.shadowCr3Work') * k,
  };
}
