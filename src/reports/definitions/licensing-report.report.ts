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
  document: /* GraphQL */ `
    query LicensingReportReport($asOf: LocalDate = "2007-08-07", $groupBy: LicensingGroupBy! = LICENSE_KIND) {
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
  variableDescriptions: {
    asOf: 'The date to report on.',
    groupBy: 'How to group the components.',
  },
  rows(data) {
    const { licensingReport: report } = data as Answer;
    return report.groups.flatMap((group) => group.items.map((item) => ({ group: group.label, ...item })));
  },
  chart: () => ({
    data: { name: 'table' },
    width: 520,
    height: { step: 28 },
    mark: 'bar',
    transform: [
      {
        calculate:
          "datum['license.isOpenSource'] === true ? 'open source' : datum['license.isOpenSource'] === false ? 'closed (proprietary)' : 'license not known'",
        as: 'openness',
      },
    ],
    encoding: {
      y: { field: 'group', type: 'nominal', title: 'Group', sort: '-x' },
      x: { aggregate: 'count', type: 'quantitative', title: 'Components (count)' },
      color: {
        field: 'openness',
        type: 'nominal',
        title: 'License',
        scale: {
          domain: ['open source', 'closed (proprietary)', 'license not known'],
          range: ['#54a24b', '#e45756', '#bdbdbd'],
        },
      },
      tooltip: [
        { field: 'group', type: 'nominal', title: 'Group' },
        { field: 'openness', type: 'nominal', title: 'License' },
        { aggregate: 'count', type: 'quantitative', title: 'Components' },
      ],
    },
  }),
};
