import type { ReportDefinition } from '../report.types';

/**
 * The workloads compared by default: every workload of the model, CPU-bound first, then the network and disk ones
 * (a guest filter keeps those the guest runs: paravirtSpeedups leaves out a workload without measurements).
 */
const DEFAULT_WORKLOADS = [
  'cpu-bound',
  'java-server',
  'kernel-build',
  'forkwait',
  'web-serving',
  'web-serving-windows',
  'graphics-2d',
  'oltp',
  'net-tx',
  'net-rx',
  'disk-io',
  'disk-seq-write',
  'disk-rand-read',
  'disk-rand-write',
] as const;

/** Candidate over baseline mode per workload, with the interval: one row per workload, charted as a dot plot. */
export const pvSpeedupReport: ReportDefinition = {
  name: 'pv-speedup',
  title: 'Paravirtual drivers versus emulated devices: speedup by workload',
  description:
    'How many times faster the candidate mode (default: PV drivers on hardware assist) is than the baseline (default: emulated devices on hardware assist) for each workload — CPU, network and disk — with a confidence interval and sample sizes.',
  source:
    'simulated benchmarks (virtlens performance model, calibrated to published results) via GraphQL paravirtSpeedups',
  document: /* GraphQL */ `
    query PvSpeedupReport(
      $workloads: [String!]! = ${JSON.stringify(DEFAULT_WORKLOADS).replace(/,/g, ', ')}
      $hypervisors: [String!] = ["kvm"]
      $releases: [String!]
      $guests: [String!]
      $driverPackages: [String!]
      $baseline: ExecutionMode! = HARDWARE_ASSISTED_EMULATED
      $candidate: ExecutionMode! = HARDWARE_ASSISTED_PV_DRIVERS
      $confidence: Float! = 0.95
      $method: IntervalMethod! = WELCH
    ) {
      paravirtSpeedups(
        workloads: $workloads
        baseline: $baseline
        candidate: $candidate
        confidence: $confidence
        method: $method
        filter: { hypervisors: $hypervisors, releases: $releases, guests: $guests, driverPackages: $driverPackages }
      ) {
        workload {
          slug
          name
          unit
          higherIsBetter
        }
        speedup
        speedupLower
        speedupUpper
        confidence
        method
        baseline {
          mode
          count
          mean
        }
        candidate {
          mode
          count
          mean
        }
        dataNote
      }
    }
  `,
  variableDescriptions: {
    workloads:
      'Workload slugs to compare (CPU, network net-tx/net-rx, disk disk-io/disk-seq-write/disk-rand-read/disk-rand-write); those without measurements under the filter are left out.',
    hypervisors: 'Hypervisor slugs whose scenarios are compared.',
    releases:
      'Hypervisor release slugs whose scenarios are compared, e.g. xen-3-0-4 for a paravirtPaths path; default: every release.',
    guests:
      'Guest OS slugs whose scenarios are compared (a family covers its members); default: every guest.',
    driverPackages:
      'Driver package slugs of the candidate side, e.g. novell-vmdp (the emulated baseline has none); default: every package.',
    baseline: 'Baseline mode.',
    candidate: 'Candidate mode.',
    confidence: 'Confidence level of the interval, in (0, 1).',
    method: 'Interval method.',
  },
  rows(data) {
    return (data as { paravirtSpeedups: Record<string, unknown>[] }).paravirtSpeedups;
  },
  chart: () => {
    const y = {
      field: 'workload\\.name',
      type: 'nominal',
      title: 'Workload',
      sort: { field: 'speedup', order: 'descending' },
    } as const;
    return {
      data: { name: 'table' },
      width: 520,
      height: { step: 30 },
      layer: [
        {
          // The no-change line (speedup 1), across the whole plot.
          mark: { type: 'rule', color: '#999', strokeDash: [4, 3] },
          encoding: { x: { datum: 1, type: 'quantitative' } },
        },
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: { y, x: { field: 'speedupLower', type: 'quantitative' }, x2: { field: 'speedupUpper' } },
        },
        {
          mark: { type: 'point', filled: true, size: 90 },
          encoding: {
            y,
            x: {
              field: 'speedup',
              type: 'quantitative',
              title: 'Speedup of candidate over baseline (× faster, with interval)',
              scale: { zero: false },
            },
            color: { value: '#4c78a8' },
          },
        },
      ],
    };
  },
};
