import { welchRatioInterval, type Summary } from './statistics';

/**
 * Comparisons between configurations from pooled rollup sums, with 95% intervals. Pure functions: the claims
 * evidence and the analytics fields on knowledge types share them.
 */

/** Count, sum and sum of squares of a group of measurements (groups pool by adding). */
export interface Pooled {
  count: number;
  sum: number;
  sumSq: number;
}

/** An estimate with its interval; a null bound is unbounded (e.g. a ratio over a denominator that may be 0). */
export interface Estimate {
  value: number;
  lower: number | null;
  upper: number | null;
}

export const CONFIDENCE = 0.95;

export function pool(groups: readonly Pooled[]): Pooled {
  return groups.reduce(
    (a, g) => ({ count: a.count + g.count, sum: a.sum + g.sum, sumSq: a.sumSq + g.sumSq }),
    {
      count: 0,
      sum: 0,
      sumSq: 0,
    },
  );
}

export function summaryOf(p: Pooled): Summary {
  const mean = p.sum / p.count;
  const variance = p.count > 1 ? Math.max(0, (p.sumSq - (p.sum * p.sum) / p.count) / (p.count - 1)) : 0;
  return { count: p.count, mean, stddev: Math.sqrt(variance) };
}

/**
 * How many times faster `candidate` is than `baseline` (> 1: faster): the ratio of means for throughputs, its
 * inverse for times; Welch interval on the log scale. Null with fewer than two measurements on a side.
 */
export function speedup(candidate: Pooled, baseline: Pooled, higherIsBetter: boolean): Estimate | null {
  if (candidate.count < 2 || baseline.count < 2) return null;
  const c = summaryOf(candidate);
  const b = summaryOf(baseline);
  const w = higherIsBetter ? welchRatioInterval(b, c, CONFIDENCE) : welchRatioInterval(c, b, CONFIDENCE);
  return { value: w.ratio, lower: w.lower, upper: w.upper };
}

/** Fraction of native speed (throughput ratio, or native time / time): the speedup over native. */
export function fractionOfNative(side: Pooled, native: Pooled, higherIsBetter: boolean): Estimate | null {
  return speedup(side, native, higherIsBetter);
}

/** Candidate overhead over native divided by the baseline's; bounds from both 95% intervals (conservative). */
export function overheadRatio(candidate: Estimate, baseline: Estimate): Estimate | null {
  const ob = 1 - baseline.value;
  if (!(ob > 0)) return null; // the baseline has no overhead: a ratio to it means nothing
  const oc = { value: 1 - candidate.value, lo: flip(candidate.upper), hi: flip(candidate.lower) };
  const obLo = flip(baseline.upper);
  const obHi = flip(baseline.lower);
  let lower: number | null = null;
  if (oc.lo !== null && obHi !== null)
    lower = oc.lo >= 0 ? oc.lo / obHi : obLo !== null && obLo > 0 ? oc.lo / obLo : null;
  let upper: number | null = null;
  if (oc.hi !== null && obLo !== null && obLo > 0)
    upper = oc.hi >= 0 ? oc.hi / obLo : obHi !== null ? oc.hi / obHi : null;
  return { value: oc.value / ob, lower, upper };
}

/** 1 − overhead ratio: the share of the baseline's overhead the candidate removes. */
export function overheadReduction(candidate: Estimate, baseline: Estimate): Estimate | null {
  const r = overheadRatio(candidate, baseline);
  if (!r) return null;
  return {
    value: 1 - r.value,
    lower: r.upper === null ? null : 1 - r.upper,
    upper: r.lower === null ? null : 1 - r.lower,
  };
}

/** Candidate fraction of native over the baseline's; bounds from both 95% intervals (conservative). */
export function fractionRatio(candidate: Estimate, baseline: Estimate): Estimate {
  return {
    value: candidate.value / baseline.value,
    lower: candidate.lower !== null && baseline.upper !== null ? candidate.lower / baseline.upper : null,
    upper:
      candidate.upper !== null && baseline.lower !== null && baseline.lower > 0
        ? candidate.upper / baseline.lower
        : null,
  };
}

function flip(bound: number | null): number | null {
  return bound === null ? null : 1 - bound;
}
