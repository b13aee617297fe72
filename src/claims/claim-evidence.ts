import {
  fractionRatio,
  overheadRatio,
  overheadReduction,
  pool,
  speedup,
  type Estimate,
  type Pooled,
} from '../performance/comparison';
import { dataNoteOf, measuredSide } from '../performance/knowledge-performance';
import type { ScenarioStatsRow } from '../performance/scenario-stats.queries';
import type { ClaimSideRow, LicenseTermRow } from './claim.queries';
import type {
  Bearing,
  Claim,
  ClaimMeasure,
  ClaimComparison,
  ClaimEvidence,
  EvidenceComparison,
  EvidenceFact,
  Verdict,
} from './claim.type';

/**
 * A claim's evidence, computed (never stored):
 * - measurable claims: per workload and testbed (and OS family), the scenarios matching each side pooled, native on
 *   the same testbed, family and workload, the claim's metric with a 95% interval, and whether that interval lies
 *   on the claim's side of the threshold (supports), on the other side (contradicts) or across it (inconclusive);
 *   the verdict is supported or contradicted when every comparison agrees, mixed otherwise, unverifiable without
 *   any;
 * - licensing and interoperability claims that expect open-source drivers: the dated licence terms of the driver
 *   packages they name; supported once every package has been open source and available to everyone by `asOf`,
 *   mixed when some have, unverifiable before (such claims set no deadline, so they are never contradicted);
 * - anything else: unverifiable, saying that nothing in the knowledge base bears on it.
 */
export function evidenceOf(
  claim: Claim,
  stats: readonly ScenarioStatsRow[],
  terms: readonly LicenseTermRow[],
  asOf: string | null,
): ClaimEvidence {
  if (claim.measure) return performanceEvidence(claim.measure, stats, asOf);
  if (claim.driverPackageIds.length && claim.expectedLicenseOpen !== null) {
    return licenceEvidence(claim, terms, asOf);
  }
  return {
    ...empty(asOf),
    reason: `Nothing in the knowledge base (benchmark data or dated facts) bears on this ${claim.kind} claim.`,
  };
}

const OPEN_KINDS = new Set(['strong_copyleft', 'weak_copyleft', 'permissive']);

function empty(asOf: string | null): ClaimEvidence {
  return {
    asOf,
    verdict: 'unverifiable',
    reason: '',
    comparisons: [],
    facts: [],
    simulated: false,
    modelVersions: [],
    dataNote: null,
  };
}

function matches(side: ClaimSideRow, row: ScenarioStatsRow): boolean {
  return (
    (side.mode === null || side.mode === row.mode) &&
    (side.hypervisorId === null || side.hypervisorId === row.hypervisorId) &&
    (side.releaseId === null || side.releaseId === row.releaseId) &&
    (side.driverPackageId === null || side.driverPackageId === row.driverPackageId) &&
    (side.paging === null || side.paging === row.paging)
  );
}

const pooled = (rows: readonly ScenarioStatsRow[]): Pooled =>
  pool(rows.map((r) => ({ count: r.n, sum: r.sum, sumSq: r.sumSq })));

/** Where an interval lies against the threshold. */
export function bearingOf(e: Estimate, comparison: ClaimComparison, threshold: number): Bearing {
  const { lower, upper } = e;
  switch (comparison) {
    case 'at_least':
      if (lower !== null && lower >= threshold) return 'supports';
      return upper !== null && upper < threshold ? 'contradicts' : 'inconclusive';
    case 'at_most':
      if (upper !== null && upper <= threshold) return 'supports';
      return lower !== null && lower > threshold ? 'contradicts' : 'inconclusive';
    case 'within':
      if (lower !== null && upper !== null && lower >= 1 - threshold && upper <= 1 + threshold)
        return 'supports';
      return (upper !== null && upper < 1 - threshold) || (lower !== null && lower > 1 + threshold)
        ? 'contradicts'
        : 'inconclusive';
  }
}

/** The verdict of a set of bearings (see {@link evidenceOf}). */
export function verdictOf(bearings: readonly Bearing[]): Verdict {
  if (!bearings.length) return 'unverifiable';
  if (bearings.every((b) => b === 'supports')) return 'supported';
  if (bearings.every((b) => b === 'contradicts')) return 'contradicted';
  return 'mixed';
}

function performanceEvidence(
  claim: ClaimMeasure,
  stats: readonly ScenarioStatsRow[],
  asOf: string | null,
): ClaimEvidence {
  const metric = claim.metric;
  const candidate = claim.candidate;
  const baseline = claim.baseline;
  const groups = new Map<string, { candidate: ScenarioStatsRow[]; baseline: ScenarioStatsRow[] }>();
  for (const row of stats) {
    if (!claim.workloadIds.includes(row.workloadId)) continue;
    if (claim.guestIds.length && !claim.guestIds.includes(row.guestId)) continue;
    const key = `${row.workloadId}|${row.testbedId}|${row.family}`;
    const inCandidate = matches(candidate, row);
    const inBaseline = baseline !== null && matches(baseline, row);
    if (!inCandidate && !inBaseline) continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { candidate: [], baseline: [] }));
    if (inCandidate) group.candidate.push(row);
    else group.baseline.push(row);
  }
  const comparisons: EvidenceComparison[] = [];
  const used: ScenarioStatsRow[] = [];
  for (const group of groups.values()) {
    const first = group.candidate[0] ?? group.baseline[0];
    if (!group.candidate.length || (baseline && !group.baseline.length)) continue;
    const c = measuredSide(group.candidate);
    const b = baseline ? measuredSide(group.baseline) : null;
    let estimate: Estimate | null = null;
    if (metric === 'fraction_of_native') estimate = c.fractionOfNative;
    else if (metric === 'speedup') {
      estimate = speedup(pooled(group.candidate), pooled(group.baseline), first.higherIsBetter);
    } else if (c.fractionOfNative && b?.fractionOfNative) {
      if (metric === 'overhead_ratio') estimate = overheadRatio(c.fractionOfNative, b.fractionOfNative);
      if (metric === 'fraction_ratio') estimate = fractionRatio(c.fractionOfNative, b.fractionOfNative);
      if (metric === 'overhead_reduction')
        estimate = overheadReduction(c.fractionOfNative, b.fractionOfNative);
    }
    if (!estimate) continue;
    used.push(...group.candidate, ...group.baseline);
    comparisons.push({
      workloadId: first.workloadId,
      testbedId: first.testbedId,
      candidate: c,
      baseline: b,
      nativeCount: first.nativeN ?? 0,
      metric: estimate,
      bearing: bearingOf(estimate, claim.comparison, claim.threshold),
    });
  }
  comparisons.sort((x, y) => x.workloadId - y.workloadId || x.testbedId - y.testbedId);
  const verdict = verdictOf(comparisons.map((c) => c.bearing));
  const modelVersions = [...new Set(used.flatMap((r) => r.modelVersions))].sort();
  const simulated = used.some((r) => r.simulated);
  const when = asOf ? ` as of ${asOf}` : '';
  if (!comparisons.length) {
    return {
      ...empty(asOf),
      reason: `No benchmark data${when} has scenarios matching ${baseline ? 'both sides' : 'the claim'} on the same testbed (with native data where the metric needs it).`,
    };
  }
  const count = (b: Bearing) => comparisons.filter((c) => c.bearing === b).length;
  const values = comparisons.map((c) => c.metric.value);
  const range = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3));
  const simulatedNote = simulated
    ? ` Simulated data (virtlens performance model ${modelVersions.join(', ')}), not the claimant's own measurements.`
    : '';
  const reason =
    `${comparisons.length} comparison${comparisons.length === 1 ? '' : 's'} (workload × testbed)${when}: ` +
    `${count('supports')} support${count('supports') === 1 ? 's' : ''}, ${count('contradicts')} contradict` +
    `${count('contradicts') === 1 ? 's' : ''}, ${count('inconclusive')} inconclusive at 95%; ` +
    `${metric.replace(/_/g, ' ')} ${range(Math.min(...values))}` +
    `${values.length > 1 ? `–${range(Math.max(...values))}` : ''} against ${claim.comparison.replace('_', ' ')} ` +
    `${claim.threshold}.${simulatedNote}`;
  return {
    asOf,
    verdict,
    reason,
    comparisons,
    facts: [],
    simulated,
    modelVersions,
    dataNote: dataNoteOf(used),
  };
}

function licenceEvidence(claim: Claim, terms: readonly LicenseTermRow[], asOf: string | null): ClaimEvidence {
  const relevant = terms.filter(
    (t) =>
      claim.driverPackageIds.includes(t.driverPackageId) &&
      (asOf === null || t.validFrom === null || t.validFrom <= asOf),
  );
  const isOpen = (t: LicenseTermRow) => OPEN_KINDS.has(t.licenseKind) && t.obtainability === 'everyone';
  const facts: EvidenceFact[] = relevant.map((t) => ({
    driverPackageId: t.driverPackageId,
    date: t.validFrom,
    datePrecision: t.validFromPrecision,
    fact:
      `${t.packageName}: ${t.licenseName}, obtainability ${t.obtainability.replace(/_/g, ' ')}` +
      `${t.validFrom ? ` from ${t.validFrom}` : ' (start not known)'}${t.validTo ? ` to ${t.validTo}` : ''}.`,
    bearing: isOpen(t) === claim.expectedLicenseOpen ? 'supports' : 'inconclusive',
  }));
  const borneOut = claim.driverPackageIds.filter((id) =>
    relevant.some((t) => t.driverPackageId === id && isOpen(t) === claim.expectedLicenseOpen),
  );
  const firstDate = facts
    .filter((f) => f.bearing === 'supports' && f.date)
    .map((f) => f.date!)
    .sort()[0];
  const when = asOf ? `as of ${asOf}` : 'in the knowledge base';
  let verdict: Verdict;
  let reason: string;
  if (borneOut.length === claim.driverPackageIds.length) {
    verdict = 'supported';
    reason = `Borne out ${when}: open-source terms available to everyone${firstDate ? ` from ${firstDate}` : ''}.`;
  } else if (borneOut.length) {
    verdict = 'mixed';
    reason = `Borne out for ${borneOut.length} of ${claim.driverPackageIds.length} driver packages ${when}.`;
  } else {
    verdict = 'unverifiable';
    reason =
      `Not borne out ${when}: ${facts.length ? 'every known term is closed or restricted' : 'no dated term is known yet'}; ` +
      'the claim sets no deadline, so it is not contradicted.';
  }
  return { ...empty(asOf), verdict, reason, facts };
}
