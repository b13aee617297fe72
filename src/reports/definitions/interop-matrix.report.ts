import type { ReportDefinition } from '../report.types';

interface Answer {
  interopMatrix: {
    asOf: string;
    guests: string[];
    hypervisors: string[];
    cells: Record<string, unknown>[][];
  };
}

/** Short names of the modes and states, as drawn in the cells and the legend, with their colours. */
const CELLS: readonly (readonly [value: string, label: string, colour: string])[] = [
  ['PARAVIRTUALIZED', 'paravirtualized', '#4c78a8'],
  ['HARDWARE_ASSISTED_PV_DRIVERS', 'HVM + PV drivers', '#54a24b'],
  ['HARDWARE_ASSISTED_EMULATED', 'HVM, emulated I/O', '#eeca3b'],
  ['BINARY_TRANSLATION', 'binary translation', '#f58518'],
  ['EMULATED', 'emulated', '#b279a2'],
  ['OS_LEVEL', 'OS-level', '#72b7b2'],
  ['NATIVE', 'native', '#9d755d'],
  // Neutral greys: no mode to show.
  ['NOT_RELEASED', 'not released', '#e0e0e0'],
  ['NO_STATEMENT', 'nothing stated', '#bdbdbd'],
];

const CELL_COLOURS = CELLS.map(([, label, colour]) => [label, colour] as const);

/** A Vega expression: the cell's label from its best mode, else from its state. */
const CELL_LABEL = `{${CELLS.map(([value, label]) => `'${value}': '${label}'`).join(', ')}}[datum.bestMode || datum.state] || (datum.bestMode || datum.state)`;

/** Guests × hypervisors on a date: one row per cell, charted as a grid coloured by the best mode. */
export const interopMatrixReport: ReportDefinition = {
  name: 'interop-matrix',
  title: 'Interoperability matrix: guests × hypervisors',
  description:
    'For each guest operating system and hypervisor, the best mode available on the date, its support status, and the driver package and hardware it needed.',
  source:
    'virtlens knowledge base (curated support statements, each citing its sources) via GraphQL interopMatrix',
  document: /* GraphQL */ `
    query InteropMatrixReport(
      $guests: [String!]! = ["windows-server-2003", "windows-xp", "rhel-5", "sles-10-sp1"]
      $hypervisors: [String!]! = [
        "xen"
        "kvm"
        "microsoft-hyper-v"
        "vmware-esx-3-0"
        "xensource-xenenterprise"
        "virtualbox"
      ]
      $asOf: LocalDate = "2007-08-07"
    ) {
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
  variableDescriptions: {
    guests: 'Guest OS slugs (rows), 1 to 50.',
    hypervisors: 'Hypervisor slugs (columns), 1 to 50.',
    asOf: 'The date the question is about.',
  },
  rows(data) {
    const { interopMatrix: m } = data as Answer;
    return m.guests.flatMap((guest, r) =>
      m.hypervisors.map((hypervisor, c) => ({ asOf: m.asOf, guest, hypervisor, ...m.cells[r]?.[c] })),
    );
  },
  chart: () => ({
    data: { name: 'table' },
    width: { step: 130 },
    height: { step: 36 },
    // Each cell names its best mode (short), or its state when there is none; the tooltip has the full sentence.
    transform: [{ calculate: CELL_LABEL, as: 'cell' }],
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
            field: 'cell',
            type: 'nominal',
            title: 'Best mode on the date (grey: none)',
            scale: { domain: CELL_COLOURS.map(([label]) => label), range: CELL_COLOURS.map(([, c]) => c) },
          },
          tooltip: [
            { field: 'summary', type: 'nominal', title: 'Cell' },
            { field: 'bestMode', type: 'nominal', title: 'Best mode' },
            { field: 'status', type: 'nominal', title: 'Support status' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: { text: { field: 'cell', type: 'nominal' } },
      },
    ],
  }),
};
