import type { ReportDefinition } from '../report.types';

interface Answer {
  benchmarkTimeSeries: {
    metric: string;
    bucket: string;
    series: { key: Record<string, { slug: string } | string | null>; points: Record<string, unknown>[] }[];
  };
}

const DIMENSIONS = ['TESTBED', 'HYPERVISOR', 'MODE', 'WORKLOAD', 'GUEST'];

const METRIC_TITLES: Readonly<Record<string, string>> = {
  FRACTION_OF_NATIVE: 'Fraction of native throughput (1 = native)',
  COUNT: 'Measurements (count)',
  MEAN: 'Mean (workload unit)',
  MIN: 'Minimum (workload unit)',
  MAX: 'Maximum (workload unit)',
  STDDEV: 'Standard deviation (workload unit)',
};

/** A statistic per time bucket: one row per series × period, charted as lines. */
export const benchmarkTimeSeriesReport: ReportDefinition = {
  name: 'benchmark-time-series',
  title: 'Benchmark time series',
  description:
    'A statistic of the measurements (default: the fraction of native throughput) per month, quarter or year of simulated time, one line per group (default: per testbed), for the chosen hypervisors and workloads.',
  source:
    'simulated benchmarks (virtlens performance model, calibrated to published 2003–2006 results) via GraphQL benchmarkTimeSeries',
  variables: [
    {
      name: 'metric',
      kind: 'enum',
      choices: Object.keys(METRIC_TITLES),
      default: 'FRACTION_OF_NATIVE',
      description: 'The statistic per bucket.',
    },
    {
      name: 'bucket',
      kind: 'enum',
      choices: ['MONTH', 'QUARTER', 'YEAR'],
      default: 'QUARTER',
      description: 'Time bucket.',
    },
    { name: 'hypervisors', kind: 'string', list: true, default: ['kvm'], description: 'Hypervisor slugs.' },
    {
      name: 'workloads',
      kind: 'string',
      list: true,
      default: ['kernel-build'],
      description: 'Workload slugs (one, unless grouping by WORKLOAD: units differ).',
    },
    {
      name: 'groupBy',
      kind: 'enum',
      list: true,
      choices: DIMENSIONS,
      default: ['TESTBED'],
      description: 'One line per group of these dimensions.',
    },
  ],
  document: /* GraphQL */ `
    query BenchmarkTimeSeriesReport(
      $metric: SeriesMetric!
      $bucket: TimeBucket!
      $hypervisors: [String!]
      $workloads: [String!]
      $groupBy: [PerformanceDimension!]!
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
      color: { field: 'series', type: 'nominal', title: 'Series' },
    },
  }),
};
