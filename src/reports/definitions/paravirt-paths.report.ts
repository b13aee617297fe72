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
  document: /* GraphQL */ `
    query ParavirtPathsReport(
      $guest: String! = "windows-server-2003"
      $host: String = "sles-10-sp1"
      $asOf: LocalDate = "2010-01-01"
    ) {
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
  variableDescriptions: {
    guest: 'Guest OS slug.',
    host: 'Host OS slug.',
    asOf: 'The date the question is about.',
  },
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
