import type { ReportDefinition } from '../report.types';

interface Answer {
  interopMatrix: {
    asOf: string;
    guests: string[];
    hypervisors: string[];
    cells: Record<string, unknown>[][];
  };
}

/** Guests × hypervisors on a date: one row per cell, charted as a grid coloured by the best mode. */
export const interopMatrixReport: ReportDefinition = {
  name: 'interop-matrix',
  title: 'Interoperability matrix: guests × hypervisors',
  description:
    'For each guest operating system and hypervisor, the best mode available on the date, its support status, and the driver package and hardware it needed.',
  source:
    'virtlens knowledge base (curated support statements, each citing its sources) via GraphQL interopMatrix',
  variables: [
    {
      name: 'guests',
      kind: 'string',
      list: true,
      default: ['windows-server-2003', 'windows-xp', 'rhel-5', 'sles-10-sp1'],
      description: 'Guest OS slugs (rows), 1 to 50.',
    },
    {
      name: 'hypervisors',
      kind: 'string',
      list: true,
      default: ['xen', 'kvm', 'microsoft-hyper-v', 'vmware-esx-3-0', 'xensource-xenenterprise', 'virtualbox'],
      description: 'Hypervisor slugs (columns), 1 to 50.',
    },
    { name: 'asOf', kind: 'date', default: '2007-08-07', description: 'The date the question is about.' },
  ],
  document: /* GraphQL */ `
    query InteropMatrixReport($guests: [String!]!, $hypervisors: [String!]!, $asOf: LocalDate) {
      interopMatrix(guests: $guests, hypervisors: $hypervisors, asOf: $asOf) {
        asOf
        guests
        hypervisors
        cells {
          state
          bestMode
          status
          guestMatch
          driverPackage {
            name
          }
          driverObtainability
          requiredFeatures {
            name
          }
          summary
        }
      }
    }
  `,
  rows(data) {
    const { interopMatrix: m } = data as Answer;
    return m.guests.flatMap((guest, r) =>
      m.hypervisors.map((hypervisor, c) => ({ asOf: m.asOf, guest, hypervisor, ...m.cells[r]?.[c] })),
    );
  },
  chart: () => ({
    data: { name: 'table' },
    width: { step: 110 },
    // A cell without a mode (not released, nothing stated) is coloured by its state instead.
    transform: [{ calculate: 'datum.bestMode || datum.state', as: 'modeOrState' }],
    height: { step: 36 },
    encoding: {
      x: {
        field: 'hypervisor',
        type: 'nominal',
        title: 'Hypervisor (slug)',
        axis: { labelAngle: -30 },
        sort: null,
      },
      y: { field: 'guest', type: 'nominal', title: 'Guest operating system (slug)', sort: null },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
        encoding: {
          color: {
            field: 'modeOrState',
            type: 'nominal',
            title: 'Best mode on the date (or state)',
            legend: { labelLimit: 320 },
            scale: { scheme: 'tableau10' },
          },
          tooltip: [{ field: 'summary', type: 'nominal' }],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: { text: { field: 'state', type: 'nominal' } },
      },
    ],
  }),
};
