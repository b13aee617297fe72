import type { ReportDefinition } from '../report.types';

interface Answer {
  paravirtPaths: {
    hypervisor: { name: string };
    driverPackage: { name: string } | null;
    mode: string;
    [field: string]: unknown;
  }[];
}

/** Every way to give a guest paravirtualized I/O on a host: one row per path, charted on a "since" timeline. */
export const paravirtPathsReport: ReportDefinition = {
  name: 'paravirt-paths',
  title: 'Paravirtualized I/O paths for a guest on a host',
  description:
    'Every way to give the guest paravirtualized I/O on the host on the date — a PV kernel or PV drivers on hardware assist — with the driver package, its license, who could obtain it, the price and since when.',
  source:
    'virtlens knowledge base (curated driver terms and support statements with sources) via GraphQL paravirtPaths',
  variables: [
    { name: 'guest', kind: 'string', default: 'windows-server-2003', description: 'Guest OS slug.' },
    { name: 'host', kind: 'string', default: 'sles-10-sp1', description: 'Host OS slug.' },
    { name: 'asOf', kind: 'date', default: '2010-01-01', description: 'The date the question is about.' },
  ],
  document: /* GraphQL */ `
    query ParavirtPathsReport($guest: String!, $host: String, $asOf: LocalDate) {
      paravirtPaths(guest: $guest, host: $host, asOf: $asOf) {
        hypervisor {
          name
        }
        hypervisorRelease {
          version
        }
        mode
        status
        driverPackage {
          name
        }
        vendor {
          name
        }
        license {
          name
          spdxId
          isOpenSource
        }
        obtainability
        obtainable
        priceUsd
        since
        sincePrecision
        devices
      }
    }
  `,
  rows(data) {
    return (data as Answer).paravirtPaths.map((path) => ({
      path: `${path.hypervisor.name} — ${path.driverPackage?.name ?? 'PV kernel'}`,
      ...path,
    }));
  },
  chart: () => {
    const y = {
      field: 'path',
      type: 'nominal',
      title: 'Path (hypervisor — driver package)',
      sort: { field: 'since', order: 'ascending' },
      axis: { labelLimit: 360 },
    } as const;
    return {
      data: { name: 'table' },
      width: 520,
      height: { step: 34 },
      layer: [
        {
          // A guide from the axis to the date the path became available.
          mark: { type: 'rule', strokeDash: [4, 3], color: '#999' },
          encoding: { y, x: { field: 'since', type: 'temporal' } },
        },
        {
          mark: { type: 'point', filled: true, size: 160 },
          encoding: {
            y,
            x: {
              field: 'since',
              type: 'temporal',
              title: 'Available since (date)',
              axis: { format: '%Y-%m' },
            },
            color: { field: 'obtainability', type: 'nominal', title: 'Who could obtain it' },
            shape: { field: 'mode', type: 'nominal', title: 'Mode' },
          },
        },
      ],
    };
  },
};
