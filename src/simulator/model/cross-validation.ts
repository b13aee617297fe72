/**
 * Leave-one-source-out cross-validation of the frozen model, computed offline by `src/simulator/fit-cli.ts`
 * (see docs/simulator-model.md): for each source, the model is refitted without that source's targets (every
 * parameter those targets move restarts from its prior) and then predicts them. Regenerate with the fit.
 */
export interface CrossValidationEntry {
  /** The area of the source's targets (cpu, disk, network, emulation, consolidation, hwassist, windows-pv). */
  readonly area: string;
  /** Targets of the source that the model expresses (unmodelled ones are not predicted). */
  readonly targets: number;
  /** Mean and largest |predicted / published − 1| over them (bounds count 0 on their stated side). */
  readonly meanAbsoluteError: number;
  readonly maxAbsoluteError: number;
}

export const CROSS_VALIDATION: Readonly<Record<string, CrossValidationEntry>> = {
  'adams-agesen-2006': { area: 'cpu', targets: 36, meanAbsoluteError: 0.708335, maxAbsoluteError: 4 },
  'io-cons-idle-vm-cpu': {
    area: 'consolidation',
    targets: 2,
    meanAbsoluteError: 0.269213,
    maxAbsoluteError: 0.495301,
  },
  'io-cons-vmware-10gbe-multivm': {
    area: 'consolidation',
    targets: 1,
    meanAbsoluteError: 0.0331328,
    maxAbsoluteError: 0.0331328,
  },
  'io-cons-xen-24vm-migration-delay': {
    area: 'consolidation',
    targets: 1,
    meanAbsoluteError: 0.0192483,
    maxAbsoluteError: 0.0192483,
  },
  'io-cons-xen-numa-multiguest': {
    area: 'consolidation',
    targets: 6,
    meanAbsoluteError: 0.0488149,
    maxAbsoluteError: 0.114976,
  },
  'io-disk-hyperv-qlogic-iops': {
    area: 'consolidation',
    targets: 2,
    meanAbsoluteError: 0.204029,
    maxAbsoluteError: 0.259478,
  },
  'io-disk-hyperv-root-vhd-loopback': {
    area: 'disk',
    targets: 1,
    meanAbsoluteError: 0.00081819,
    maxAbsoluteError: 0.00081819,
  },
  'io-disk-kvm-virtioblk-fc': {
    area: 'disk',
    targets: 1,
    meanAbsoluteError: 0.125413,
    maxAbsoluteError: 0.125413,
  },
  'io-disk-vmware-pvscsi-cpio': {
    area: 'disk',
    targets: 1,
    meanAbsoluteError: 0.585404,
    maxAbsoluteError: 0.585404,
  },
  'io-disk-vmware-vmfs-rdm-cpu': {
    area: 'disk',
    targets: 2,
    meanAbsoluteError: 0.0543562,
    maxAbsoluteError: 0.0666305,
  },
  'io-disk-xen-hvm-ide-dma': {
    area: 'disk',
    targets: 1,
    meanAbsoluteError: 0.00876488,
    maxAbsoluteError: 0.00876488,
  },
  'io-disk-xen-hvm-ide-exit-cost': {
    area: 'disk',
    targets: 1,
    meanAbsoluteError: 0.00760676,
    maxAbsoluteError: 0.00760676,
  },
  'io-disk-xen-loop-vs-blktap-pagecache': {
    area: 'disk',
    targets: 1,
    meanAbsoluteError: 0.258909,
    maxAbsoluteError: 0.258909,
  },
  'io-disk-xen-stubdom-migration': {
    area: 'disk',
    targets: 1,
    meanAbsoluteError: 0.0141844,
    maxAbsoluteError: 0.0141844,
  },
  'io-disk-xen2-image-vs-partition': {
    area: 'disk',
    targets: 2,
    meanAbsoluteError: 0.921256,
    maxAbsoluteError: 1,
  },
  'io-emu-dbt-vs-native-vs-interp': {
    area: 'emulation',
    targets: 2,
    meanAbsoluteError: 0,
    maxAbsoluteError: 0,
  },
  'io-emu-qemu-softmmu-2x': {
    area: 'emulation',
    targets: 1,
    meanAbsoluteError: 0.197034,
    maxAbsoluteError: 0.197034,
  },
  'io-emu-qemu-tcg-vs-kvm-boot': {
    area: 'emulation',
    targets: 1,
    meanAbsoluteError: 0.173744,
    maxAbsoluteError: 0.173744,
  },
  'io-hw-sriov-dong-2010': {
    area: 'hwassist',
    targets: 2,
    meanAbsoluteError: 0.0672014,
    maxAbsoluteError: 0.0897053,
  },
  'io-hw-vmware-ept': {
    area: 'hwassist',
    targets: 1,
    meanAbsoluteError: 0.0115424,
    maxAbsoluteError: 0.0115424,
  },
  'io-hw-vmware-rvi': {
    area: 'hwassist',
    targets: 1,
    meanAbsoluteError: 0.0493927,
    maxAbsoluteError: 0.0493927,
  },
  'io-hw-xen-shadow-kbuild': {
    area: 'hwassist',
    targets: 1,
    meanAbsoluteError: 0.0535727,
    maxAbsoluteError: 0.0535727,
  },
  'io-hw-xen-solaris-shadow': {
    area: 'hwassist',
    targets: 1,
    meanAbsoluteError: 0.511104,
    maxAbsoluteError: 0.511104,
  },
  'io-hw-xen-vlapic-eoi': {
    area: 'hwassist',
    targets: 2,
    meanAbsoluteError: 0.15659,
    maxAbsoluteError: 0.207667,
  },
  'io-hw-xen-vtd-msi-cpu': {
    area: 'hwassist',
    targets: 1,
    meanAbsoluteError: 0.0102957,
    maxAbsoluteError: 0.0102957,
  },
  'io-net-kvm-e1000-coalesced-mmio': {
    area: 'network',
    targets: 1,
    meanAbsoluteError: 0.0385723,
    maxAbsoluteError: 0.0385723,
  },
  'io-net-kvm-virtio-mrg-rxbuf': {
    area: 'network',
    targets: 2,
    meanAbsoluteError: 0.301475,
    maxAbsoluteError: 0.358112,
  },
  'io-net-kvm-virtio-rx-800': {
    area: 'network',
    targets: 1,
    meanAbsoluteError: 0.781144,
    maxAbsoluteError: 0.781144,
  },
  'io-net-kvm-virtio-vs-rtl8139': {
    area: 'network',
    targets: 2,
    meanAbsoluteError: 0.145969,
    maxAbsoluteError: 0.165725,
  },
  'io-net-lguest-virtio-1gb': {
    area: 'network',
    targets: 2,
    meanAbsoluteError: 1.48143,
    maxAbsoluteError: 2.6999,
  },
  'io-net-openvz-10g-2011': {
    area: 'network',
    targets: 4,
    meanAbsoluteError: 0.836597,
    maxAbsoluteError: 2.72805,
  },
  'io-net-vmware-esx35-10gbe': {
    area: 'network',
    targets: 4,
    meanAbsoluteError: 0.173668,
    maxAbsoluteError: 0.495619,
  },
  'io-net-xen-apparao-rx-tx': {
    area: 'network',
    targets: 3,
    meanAbsoluteError: 0.674049,
    maxAbsoluteError: 1,
  },
  'io-net-xen-hvm-pcnet': {
    area: 'network',
    targets: 1,
    meanAbsoluteError: 4.8243,
    maxAbsoluteError: 4.8243,
  },
  'io-net-xen-lazy-copy-netback': {
    area: 'network',
    targets: 1,
    meanAbsoluteError: 0.110243,
    maxAbsoluteError: 0.110243,
  },
  'io-net-xen-santos-rx-cost': {
    area: 'network',
    targets: 1,
    meanAbsoluteError: 0.121767,
    maxAbsoluteError: 0.121767,
  },
  'io-net-xen-summit07-cpu-3x': {
    area: 'network',
    targets: 1,
    meanAbsoluteError: 0.251331,
    maxAbsoluteError: 0.251331,
  },
  'io-win-kvm-idle-windows': {
    area: 'windows-pv',
    targets: 1,
    meanAbsoluteError: 1.71734,
    maxAbsoluteError: 1.71734,
  },
  'io-win-xen-vista-acpi-timer': {
    area: 'windows-pv',
    targets: 2,
    meanAbsoluteError: 0.523472,
    maxAbsoluteError: 0.749999,
  },
  'xen-sosp-2003': { area: 'cpu', targets: 27, meanAbsoluteError: 0.150265, maxAbsoluteError: 0.876802 },
};
