import type { ReportDefinition } from '../report.types';

interface Answer {
  overheadVsNative: {
    scenario: { mode: string; release: { version: string; hypervisor: { name: string } } | null };
    [field: string]: unknown;
  }[];
}

/** Fraction of native throughput per scenario of one workload: one row per scenario, bars by hypervisor and mode. */
export const overheadVsNativeReport: ReportDefinition = {
  name: 'overhead-vs-native',
  title: 'Overhead against native, by hypervisor and mode',
  description:
    'For one workload on the chosen testbeds, each scenario’s throughput as a fraction of native on the same testbed and OS family (1 = native speed), with a 95% interval.',
  source:
    'simulated benchmarks (virtlens performance model, calibrated to published 2003–2006 results) via GraphQL overheadVsNative',
  document: /* GraphQL */ `
    query OverheadVsNativeReport(
      $workload: String! = "kernel-build"
      $testbeds: [String!] = ["opteron-barcelona-2000"]
    ) {
      overheadVsNative(filter: { workloads: [$workload], testbeds: $testbeds }) {
        scenario {
          slug
          name
          mode
          paging
          release {
            version
            hypervisor {
              name
            }
          }
          testbed {
            slug
          }
        }
        workload {
          slug
          unit
        }
        fractionOfNative
        fractionLower
        fractionUpper
        overhead
        count
        mean
        nativeMean
      }
    }
  `,
  variableDescriptions: {
    workload: 'Workload slug.',
    testbeds: 'Testbed slugs.',
  },
  rows(data) {
    return (data as Answer).overheadVsNative.map((row) => ({
      system:
        `${row.scenario.release?.hypervisor.name ?? 'native'} ${row.scenario.release?.version ?? ''}`.trim(),
      mode: row.scenario.mode,
      ...row,
    }));
  },
  chart: () => {
    const y = {
      field: 'scenario\\.name',
      type: 'nominal',
      title: 'Scenario (hypervisor, release, guest, testbed)',
      sort: { field: 'fractionOfNative', op: 'mean', order: 'descending' },
    } as const;
    return {
      data: { name: 'table' },
      width: 460,
      height: { step: 18 },
      layer: [
        {
          mark: 'bar',
          encoding: {
            y,
            x: {
              field: 'fractionOfNative',
              type: 'quantitative',
              title: 'Fraction of native throughput (1 = native)',
              scale: { domain: [0, 1] },
            },
            color: { field: 'mode', type: 'nominal', title: 'Mode' },
          },
        },
        {
          // The 95% interval of each fraction.
          mark: { type: 'rule', color: 'black' },
          encoding: {
            y,
            x: { field: 'fractionLower', type: 'quantitative' },
            x2: { field: 'fractionUpper' },
          },
        },
      ],
    };
  },
};
