import type { ReportDefinition } from '../report.types';

interface Answer {
  benchmarkTimeSeries: {
    metric: string;
    bucket: string;
    series: { key: Record<string, { slug: string } | string | null>; points: Record<string, unknown>[] }[];
  };
}

const METRIC_TITLES: Readonly<Record<string, string>> = {
  FRACTION_OF_NATIVE: 'Fraction of native throughput (1 = native)',
  COUNT: 'Measurements (count)',
  MEAN: 'Mean (workload unit)',
  MIN: 'Minimum (workload unit)',
  MAX: 'Maximum (workload unit)',
  STDDEV: 'Standard deviation (workload unit)',
};

/** The legend's title: what a line is, e.g. "Testbed" or "Hypervisor / mode". */
function groupTitle(groupBy: unknown): string {
  const names = (Array.isArray(groupBy) ? groupBy : [groupBy]).map((d) => String(d).toLowerCase());
  const text = names.length && names[0] !== 'null' ? names.join(' / ') : 'all measurements';
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} (one line each)`;
}

/** A statistic per time bucket: one row per series × period, charted as lines. */
export const benchmarkTimeSeriesReport: ReportDefinition = {
  name: 'benchmark-time-series',
  title: 'Benchmark time series',
  description:
    'A statistic of the measurements (default: the fraction of native throughput) per month, quarter or year of simulated time, one line per group (default: per testbed), for the chosen hypervisors and workloads.',
  source:
    'simulated benchmarks (virtlens performance model, calibrated to published 2003–2006 results) via GraphQL benchmarkTimeSeries',
  document: /* GraphQL */ `
    query BenchmarkTimeSeriesReport(
      $metric: SeriesMetric! = FRACTION_OF_NATIVE
      $bucket: TimeBucket! = QUARTER
      $hypervisors: [String!] = ["kvm"]
      $workloads: [String!] = ["kernel-build"]
      $groupBy: [PerformanceDimension!]! = [TESTBED]
    ) {
      benchmarkTimeSeries(
        metric: $metric
        bucket: $bucket
        filter: { hypervisors: $hypervisors, workloads: $workloads }
        groupBy: $groupBy
      ) {
        metric
        bucket
        series {
          key {
            testbed {
              slug
            }
            hypervisor {
              slug
            }
            mode
            workload {
              slug
            }
            guest {
              slug
            }
          }
          points {
            period
            value
            count
          }
        }
      }
    }
  `,
  variableDescriptions: {
    metric: 'The statistic per bucket.',
    bucket: 'Time bucket.',
    hypervisors: 'Hypervisor slugs.',
    workloads: 'Workload slugs (one, unless grouping by WORKLOAD: units differ).',
    groupBy: 'One line per group of these dimensions.',
  },
  rows(data) {
    const { benchmarkTimeSeries: answer } = data as Answer;
    return answer.series.flatMap((series) => {
      const label =
        Object.values(series.key)
          .map((v) => (v === null ? null : typeof v === 'string' ? v : v.slug))
          .filter((v) => v !== null)
          .join(' / ') || 'all';
      return series.points.map((point) => ({ series: label, metric: answer.metric, ...point }));
    });
  },
  chart: (variables) => ({
    data: { name: 'table' },
    width: 560,
    height: 300,
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'period',
        type: 'ordinal',
        title: `Simulated ${String(variables['bucket']).toLowerCase()}`,
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: METRIC_TITLES[String(variables['metric'])] ?? 'Value',
      },
      color: { field: 'series', type: 'nominal', title: groupTitle(variables['groupBy']) },
    },
  }),
};
