import type { ReportDefinition } from '../report.types';

interface Answer {
  licensingReport: {
    asOf: string;
    groups: { label: string; items: Record<string, unknown>[] }[];
  };
}

/** Components by license on a date: one row per component in its group, charted as counts per group and kind. */
export const licensingReportReport: ReportDefinition = {
  name: 'licensing-report',
  title: 'Licensing: components by license, open versus closed',
  description:
    'Hypervisors, driver packages and host operating systems that existed on the date, grouped by license kind, component kind or vendor, with each component’s license, who could obtain it and its price.',
  source:
    'virtlens knowledge base (curated licenses and driver terms with sources) via GraphQL licensingReport',
  variables: [
    { name: 'asOf', kind: 'date', default: '2007-08-07', description: 'The date to report on.' },
    {
      name: 'groupBy',
      kind: 'enum',
      choices: ['LICENSE_KIND', 'COMPONENT_KIND', 'VENDOR'],
      default: 'LICENSE_KIND',
      description: 'How to group the components.',
    },
  ],
  document: /* GraphQL */ `
    query LicensingReportReport($asOf: LocalDate, $groupBy: LicensingGroupBy!) {
      licensingReport(asOf: $asOf, groupBy: $groupBy) {
        asOf
        groups {
          label
          items {
            kind
            name
            vendor {
              name
            }
            license {
              name
              spdxId
              isOpenSource
            }
            obtainability
            priceUsd
            since
          }
        }
      }
    }
  `,
  rows(data) {
    const { licensingReport: report } = data as Answer;
    return report.groups.flatMap((group) => group.items.map((item) => ({ group: group.label, ...item })));
  },
  chart: () => ({
    data: { name: 'table' },
    width: 520,
    height: { step: 28 },
    mark: 'bar',
    encoding: {
      y: { field: 'group', type: 'nominal', title: 'Group', sort: '-x' },
      x: { aggregate: 'count', type: 'quantitative', title: 'Components (count)' },
      color: { field: 'kind', type: 'nominal', title: 'Component kind' },
      tooltip: [
        { field: 'group', type: 'nominal' },
        { field: 'kind', type: 'nominal' },
        { aggregate: 'count', type: 'quantitative', title: 'components' },
      ],
    },
  }),
};
