import type { DataSource } from 'typeorm';
import { BadUserInputError, NotFoundError } from '../errors';
import { toStatement } from './support-statement.service';
import { attachRelated } from '../lookahead/compile';
import {
  CELL_RELATED,
  PATH_RELATED,
  compatibility,
  interopMatrix,
  paravirtPaths,
  undatedStatements,
  unknownSlugs,
  type SlugCheck,
  type CompatibilityFilter,
  type MatrixCellRow,
  type ParavirtPathRow,
} from './interop.queries';
import type { CompatibilityEntry, InteropCell, InteropMatrix, Match, ParavirtPath } from './interop.type';
import type { SupportStatement } from './support-statement.type';

export const MAX_MATRIX_SIDE = 50;

const MODE_WORDS: Record<string, string> = {
  paravirtualized: 'fully paravirtualized',
  hardware_assisted_pv_drivers: 'hardware-assisted with paravirtualized drivers',
  hardware_assisted_emulated: 'hardware-assisted with emulated devices',
  binary_translation: 'binary translation',
  emulated: 'emulated',
  os_level: 'OS-level (container)',
};

/** Compatibility, interoperability matrix and paravirtual paths: each one SQL statement after slug checks. */
export class InteropService {
  constructor(private readonly db: DataSource) {}

  async compatibility(filter: CompatibilityFilter): Promise<CompatibilityEntry[]> {
    await this.requireKnown([
      { table: 'operating_system', slugs: filter.guest ? [filter.guest] : [], argument: 'guest' },
      { table: 'operating_system', slugs: filter.host ? [filter.host] : [], argument: 'host' },
      { table: 'hypervisor', slugs: filter.hypervisor ? [filter.hypervisor] : [], argument: 'hypervisor' },
    ]);
    const rows = await compatibility(this.db, filter);
    return rows.map((r) => ({
      guestMatch: match(filter.guest ? r.guestDepth : 0),
      hostMatch: filter.host ? match(r.hostDepth) : null,
      mode: r.mode,
      status: r.status,
      statement: toStatement(r),
      validFrom: r.effectiveFrom,
      validFromPrecision: r.effectiveFromPrecision,
      validTo: r.effectiveTo,
      validToPrecision: r.effectiveTo === null ? null : r.effectiveToPrecision,
    }));
  }

  /** `relatedColumns`: compiled cell objects (look-ahead), answered by the matrix statement itself. */
  async matrix(
    guests: string[],
    hypervisors: string[],
    asOf: string,
    relatedColumns = '',
  ): Promise<InteropMatrix> {
    for (const [list, name] of [
      [guests, 'guests'],
      [hypervisors, 'hypervisors'],
    ] as const) {
      if (list.length === 0 || list.length > MAX_MATRIX_SIDE) {
        throw new BadUserInputError(
          `${name} must name 1 to ${MAX_MATRIX_SIDE} slugs; got ${list.length}.`,
          name,
        );
      }
      if (new Set(list).size !== list.length)
        throw new BadUserInputError(`${name} names a slug twice.`, name);
    }
    await this.requireKnown([
      { table: 'operating_system', slugs: guests, argument: 'guests' },
      { table: 'hypervisor', slugs: hypervisors, argument: 'hypervisors' },
    ]);
    const rows = await interopMatrix(this.db, guests, hypervisors, asOf, relatedColumns);
    const cells = guests.map((_, i) =>
      rows
        .slice(i * hypervisors.length, (i + 1) * hypervisors.length)
        .map((r) => attachRelated(toCell(r), r, CELL_RELATED)),
    );
    const total = (slug: string, list: InteropCell[]) => ({
      slug,
      available: list.filter((c) => c.state === 'available').length,
      cells: list.length,
    });
    return {
      asOf,
      guests,
      hypervisors,
      cells,
      rowTotals: guests.map((g, i) => total(g, cells[i])),
      columnTotals: hypervisors.map((h, j) =>
        total(
          h,
          cells.map((row) => row[j]),
        ),
      ),
    };
  }

  /** Undated statements for a matrix's (already checked) guests and hypervisors. */
  async undatedFor(guests: string[], hypervisors: string[]): Promise<SupportStatement[]> {
    return (await undatedStatements(this.db, guests, hypervisors)).map(toStatement);
  }

  /** Statements no source dates, for a guest (with its families) and a hypervisor, each optional. */
  async undatedStatements(guest: string | null, hypervisor: string | null): Promise<SupportStatement[]> {
    await this.requireKnown([
      { table: 'operating_system', slugs: guest ? [guest] : [], argument: 'guest' },
      { table: 'hypervisor', slugs: hypervisor ? [hypervisor] : [], argument: 'hypervisor' },
    ]);
    const rows = await undatedStatements(this.db, guest ? [guest] : null, hypervisor ? [hypervisor] : null);
    return rows.map(toStatement);
  }

  /** `relatedColumns`: compiled path objects (look-ahead), answered by the paths statement itself. */
  async paravirtPaths(
    guest: string,
    host: string | null,
    asOf: string,
    relatedColumns = '',
  ): Promise<ParavirtPath[]> {
    await this.requireKnown([
      { table: 'operating_system', slugs: [guest], argument: 'guest' },
      { table: 'operating_system', slugs: host ? [host] : [], argument: 'host' },
    ]);
    const rows = await paravirtPaths(this.db, guest, host, asOf, relatedColumns);
    return rows.map((r) => {
      const path: ParavirtPath = {
        statementId: r.id,
        hypervisorReleaseId: r.hypervisorReleaseId,
        hypervisorId: r.hypervisorId,
        vendorId: r.vendorId,
        driverPackageId: r.driverPackageId,
        licenseId: r.licenseId,
        mode: r.mode,
        status: r.status,
        guestMatch: match(r.guestDepth),
        obtainability: r.obtainability,
        priceUsd: r.priceUsd,
        priceNote: r.priceNote,
        ...pathSince(r),
        ...pathUntil(r),
        obtainable: r.driverPackageId === null || r.termId !== null,
      };
      return attachRelated(path, r, PATH_RELATED);
    });
  }

  /** NOT_FOUND naming the first argument (in the order given) with an unknown slug; one statement for all. */
  private async requireKnown(checks: (SlugCheck & { argument: string })[]): Promise<void> {
    const asked = checks.filter((c) => c.slugs.length > 0);
    if (asked.length === 0) return;
    const unknown = await unknownSlugs(this.db, asked);
    const i = unknown.findIndex((slugs) => slugs.length > 0);
    if (i < 0) return;
    const what = asked[i].table === 'hypervisor' ? 'hypervisor' : 'operating system';
    throw new NotFoundError(
      `${asked[i].argument}: no ${what} with slug ${unknown[i].map((s) => `"${s}"`).join(', ')}.`,
      asked[i].argument,
    );
  }
}

/**
 * Since when a paravirtual path exists: the later of its statement's start and its driver terms' start (the
 * benchmark's raw path shapes `since` with it too).
 */
export function pathSince(
  r: Pick<
    ParavirtPathRow,
    'statementStart' | 'statementStartPrecision' | 'termValidFrom' | 'termValidFromPrecision'
  >,
): Pick<ParavirtPath, 'since' | 'sincePrecision'> {
  const useTerm =
    r.termValidFrom !== null && (r.statementStart === null || r.termValidFrom > r.statementStart);
  return useTerm
    ? { since: r.termValidFrom, sincePrecision: r.termValidFromPrecision }
    : { since: r.statementStart, sincePrecision: r.statementStartPrecision };
}

/** Until when a paravirtual path exists: the earlier of its statement's end and its driver terms' end. */
export function pathUntil(
  r: Pick<ParavirtPathRow, 'effectiveTo' | 'effectiveToPrecision' | 'termValidTo' | 'termValidToPrecision'>,
): Pick<ParavirtPath, 'until' | 'untilPrecision'> {
  const useTerm = r.termValidTo !== null && (r.effectiveTo === null || r.termValidTo < r.effectiveTo);
  if (useTerm) return { until: r.termValidTo, untilPrecision: r.termValidToPrecision };
  return r.effectiveTo === null
    ? { until: null, untilPrecision: null }
    : { until: r.effectiveTo, untilPrecision: r.effectiveToPrecision };
}

function match(depth: number | null): Match {
  return depth === null ? 'any' : depth === 0 ? 'exact' : 'family';
}

/** A matrix cell from its row: state and the one-line summary (the benchmark's raw path shapes cells with it too). */
export function toCell(r: MatrixCellRow): InteropCell {
  const state: InteropCell['state'] =
    r.hypervisorState === 'undated'
      ? 'undated'
      : r.hypervisorState === 'discontinued'
        ? 'discontinued'
        : !r.released
          ? 'not_released'
          : r.statementId === null
            ? 'no_statement'
            : 'available';
  const summary =
    state === 'undated'
      ? `No source dates a release of ${r.hypervisor}.`
      : state === 'discontinued'
        ? `${r.hypervisor} had been discontinued (${r.discontinuedOn}).`
        : state === 'not_released'
          ? `${r.hypervisor} had no release yet${r.firstReleasedOn ? ` (first: ${r.firstReleasedOn})` : ''}.`
          : state === 'no_statement'
            ? `The sources state nothing about ${r.guest} on ${r.hypervisor} on that date.`
            : `${r.guest} on ${r.hypervisor}: ${MODE_WORDS[r.mode!]}, ${r.status}` +
              (r.guestDepth ? ' (stated for its family)' : '') +
              (r.driverPackageId !== null
                ? `, drivers: ${r.driverObtainability ?? 'not obtainable then'}`
                : '') +
              '.';
  return {
    guestSlug: r.guest,
    hypervisorSlug: r.hypervisor,
    statementId: r.statementId,
    driverPackageId: r.driverPackageId,
    state,
    bestMode: r.mode,
    status: r.status,
    guestMatch: r.statementId === null ? null : match(r.guestDepth),
    driverObtainability: r.driverObtainability,
    statements: r.statements,
    summary,
    validFrom: r.validFrom,
    validFromPrecision: r.validFromPrecision,
    validTo: r.validTo,
    validToPrecision: r.validTo === null ? null : r.validToPrecision,
  };
}
