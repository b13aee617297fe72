import type { ReportDefinition } from '../report.types';

/** The workloads compared, one aliased paravirtSpeedup each (GraphQL has no loop; 9 of the 15 aliases allowed). */
const WORKLOADS = [
  'cpu-bound',
  'java-server',
  'kernel-build',
  'forkwait',
  'web-serving',
  'oltp',
  'net-tx',
  'net-rx',
  'disk-io',
] as const;

const alias = (workload: string): string => workload.replace(/-/g, '_');

/** Candidate over baseline mode per workload, with the interval: one row per workload, charted as a dot plot. */
export const pvSpeedupReport: ReportDefinition = {
  name: 'pv-speedup',
  title: 'Paravirtual drivers versus emulated devices: speedup by workload',
  description:
    'How many times faster the candidate mode (default: PV drivers on hardware assist) is than the baseline (default: emulated devices on hardware assist) for each workload, with a confidence interval and sample sizes.',
  source:
    'simulated benchmarks (virtlens performance model, calibrated to published 2003–2006 results) via GraphQL paravirtSpeedup',
  document: /* GraphQL */ `
    query PvSpeedupReport(
      $hypervisors: [String!] = ["kvm"]
      $guests: [String!]
      $baseline: ExecutionMode! = HARDWARE_ASSISTED_EMULATED
      $candidate: ExecutionMode! = HARDWARE_ASSISTED_PV_DRIVERS
      $confidence: Float! = 0.95
      $method: IntervalMethod! = WELCH
    ) {
${WORKLOADS.map(
  (w) => `      ${alias(w)}: paravirtSpeedup(
        workload: "${w}"
        baseline: $baseline
        candidate: $candidate
        confidence: $confidence
        method: $method
        filter: { hypervisors: $hypervisors, guests: $guests }
      ) {
        ...SpeedupRow
      }`,
).join('\n')}
    }

    fragment SpeedupRow on ParavirtSpeedup {
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
  `,
  variableDescriptions: {
    hypervisors: 'Hypervisor slugs whose scenarios are compared.',
    guests:
      'Guest OS slugs whose scenarios are compared (a family covers its members); default: every guest.',
    baseline: 'Baseline mode.',
    candidate: 'Candidate mode.',
    confidence: 'Confidence level of the interval, in (0, 1).',
    method: 'Interval method.',
  },
  rows(data) {
    const answer = data as Record<string, Record<string, unknown>>;
    return WORKLOADS.map((w) => answer[alias(w)]).filter((row): row is Record<string, unknown> => !!row);
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
