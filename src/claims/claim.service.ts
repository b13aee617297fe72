import type { DataSource } from 'typeorm';
import { BadUserInputError } from '../errors';
import { scenarioStats } from '../performance/scenario-stats.queries';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { evidenceOf } from './claim-evidence';
import {
  claimBySlug,
  claimsBy,
  claimsByIds,
  claimsWhere,
  idsOfSlugs,
  licenseTerms,
  type ClaimOwner,
  type ClaimRow,
} from './claim.queries';
import type { Claim, ClaimEvidence, ClaimFilter } from './claim.type';

/** Claims and their computed evidence. Every method is a fixed number of SQL statements. */
export class ClaimService {
  constructor(private readonly db: DataSource) {}

  /**
   * Claims passing the filter, oldest first. A verdict filter computes the evidence of every other-wise matching
   * claim (two statements; claims are few) before paging.
   */
  async list(filter: ClaimFilter, page: PageRequest): Promise<Page<Claim>> {
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new BadUserInputError(
        `filter.from (${filter.from}) is after filter.to (${filter.to}).`,
        'filter.from',
      );
    }
    const vendorIds = await this.resolve('vendor', filter.vendors, 'filter.vendors');
    const topicIds = await this.resolve('topic', filter.topics, 'filter.topics');
    let rows = await claimsWhere(this.db, {
      kinds: filter.kinds ?? [],
      vendorIds,
      topicIds,
      from: filter.from ?? null,
      to: filter.to ?? null,
    });
    if (filter.verdicts?.length) {
      const evidence = await this.evidence(rows.map(toClaim), filter.verdictAsOf ?? null);
      rows = rows.filter((_, i) => filter.verdicts!.includes(evidence[i].verdict));
    }
    return {
      rows: rows.slice(page.offset, page.offset + page.limit).map(toClaim),
      totalCount: rows.length,
      offset: page.offset,
    };
  }

  async bySlug(slug: string): Promise<Claim | null> {
    const [row] = await claimBySlug(this.db, slug);
    return row ? toClaim(row) : null;
  }

  async byIds(ids: readonly number[]): Promise<Claim[]> {
    return (await claimsByIds(this.db, ids)).map(toClaim);
  }

  /** The claims made by each person, vendor or session, oldest first, in one statement. */
  async by(owner: ClaimOwner, ids: readonly number[]): Promise<Claim[]> {
    return (await claimsBy(this.db, owner, ids)).map(toClaim);
  }

  /**
   * The evidence of many claims on one date: one statement for the benchmark statistics of every workload the
   * measurable ones name, one for the licence terms of every driver package the others name.
   */
  async evidence(claims: readonly Claim[], asOf: string | null): Promise<ClaimEvidence[]> {
    const workloads = [...new Set(claims.flatMap((c) => c.measure?.workloadIds ?? []))];
    const packages = [
      ...new Set(claims.filter((c) => c.expectedLicenseOpen !== null).flatMap((c) => c.driverPackageIds)),
    ];
    const [stats, terms] = await Promise.all([
      workloads.length ? scenarioStats(this.db, workloads, asOf) : [],
      packages.length ? licenseTerms(this.db, packages) : [],
    ]);
    return claims.map((c) => evidenceOf(c, stats, terms, asOf));
  }

  private async resolve(
    table: 'vendor' | 'topic',
    slugs: readonly string[] | null | undefined,
    argument: string,
  ): Promise<number[]> {
    if (!slugs?.length) return [];
    const ids = await idsOfSlugs(this.db, table, slugs);
    const missing = slugs.filter((s) => !ids.has(s));
    if (missing.length) {
      throw new BadUserInputError(
        `Unknown ${table} ${missing.map((m) => `"${m}"`).join(', ')} in ${argument}.`,
        argument,
      );
    }
    return [...ids.values()];
  }
}

function toClaim(r: ClaimRow): Claim {
  return {
    rowId: r.id,
    id: toGlobalId('Claim', r.id),
    slug: r.slug,
    statement: r.statement,
    kind: r.kind,
    madeOn: r.madeOn,
    madeOnPrecision: r.madeOnPrecision,
    assertion: r.assertion,
    personId: r.personId,
    vendorId: r.vendorId,
    sessionId: r.sessionId,
    madeInSourceId: r.madeInSourceId,
    topicId: r.topicId,
    driverPackageIds: r.driverPackageIds,
    expectedLicenseOpen: r.expectedLicenseOpen,
    measure:
      r.metric && r.candidate
        ? {
            metric: r.metric,
            comparison: r.comparison!,
            threshold: r.threshold!,
            guestId: r.guestId,
            guestIds: r.guestIds,
            workloadIds: r.workloadIds,
            candidate: r.candidate,
            baseline: r.baseline,
          }
        : null,
  };
}
