import type { DataSource } from 'typeorm';
import { LICENSE_KINDS, type LicenseKind } from './license.entity';
import {
  LICENSED_COMPONENT_KINDS,
  licensingReport,
  UNRECORDED_KEY,
  type LicensedComponentKind,
  type LicensedComponentRow,
  type LicensingGroupBy,
} from './licensing-report.queries';
import type { LicensedComponent, LicensingReport } from './licensing-report.type';

const LICENSE_KIND_LABELS: Record<LicenseKind, string> = {
  strong_copyleft: 'Strong copyleft',
  weak_copyleft: 'Weak copyleft',
  permissive: 'Permissive',
  proprietary: 'Proprietary',
  freeware: 'Freeware (closed, free of charge)',
};

const COMPONENT_KIND_LABELS: Record<LicensedComponentKind, string> = {
  hypervisor: 'Hypervisors',
  driver_package: 'Driver packages',
  host_os: 'Host operating systems',
};

/** Labels of the fixed keys: license and component kinds under their GraphQL enum names. */
const FIXED_LABELS: ReadonlyMap<string, string> = new Map([
  ...LICENSE_KINDS.map((k) => [k.toUpperCase(), LICENSE_KIND_LABELS[k]] as const),
  ...LICENSED_COMPONENT_KINDS.map((k) => [k.toUpperCase(), COMPONENT_KIND_LABELS[k]] as const),
  [UNRECORDED_KEY, 'License not recorded'],
]);

/** Licensing analytics: one SQL statement per report, whatever the number of groups and components. */
export class LicensingReportService {
  constructor(private readonly db: DataSource) {}

  /** Components that existed on `asOf`, grouped by `groupBy`; see `licensingReport` for the rules. */
  async report(asOf: string, groupBy: LicensingGroupBy): Promise<LicensingReport> {
    const row = await licensingReport(this.db, { asOf, groupBy });
    return {
      asOf,
      groupBy,
      totals: row.totals,
      groups: row.groups.map((g) => ({
        ...g,
        label: labelOf(groupBy, g.key, g.label),
        items: g.items.map(toComponent),
      })),
      undated: row.undated.map(toComponent),
    };
  }
}

/** Vendor groups carry the vendor's name from SQL; the other keys come from fixed lists. */
function labelOf(groupBy: LicensingGroupBy, key: string, vendorName: string | null): string {
  if (groupBy === 'vendor') return vendorName ?? 'Vendor not recorded';
  return FIXED_LABELS.get(key) ?? key;
}

function toComponent(r: LicensedComponentRow): LicensedComponent {
  return {
    rowId: r.id,
    vendorId: r.vendorId,
    licenseId: r.licenseId,
    kind: r.kind,
    slug: r.slug,
    name: r.name,
    obtainability: r.obtainability,
    priceUsd: r.priceUsd,
    since: r.since,
    sincePrecision: r.sincePrecision,
    licenseHistory: r.history,
    validFrom: r.validFrom,
    validFromPrecision: r.validFromPrecision,
    validTo: r.validTo,
    validToPrecision: r.validToPrecision,
  };
}
