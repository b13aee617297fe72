/**
 * Pure statistics for benchmark performance queries: a log-bucket quantile sketch that matches the SQL rollups,
 * Welch and Poisson-bootstrap confidence intervals for the ratio of two means, and exact reference figures
 * (summary, `percentile_cont`) that tests compute from raw rows. No I/O; randomness only through a seeded
 * {@link Prng}, so every result is a function of its arguments.
 */
import studentTQuantile from '@stdlib/stats-base-dists-t-quantile';

import { Prng } from '../simulator/model/prng';

// ---------------------------------------------------------------------------------------------------------------
// Log-bucket quantile sketch (DDSketch-style)
// ---------------------------------------------------------------------------------------------------------------

/** Ratio between consecutive bin bounds. Shared with the SQL rollups: change both or neither. */
export const SKETCH_GAMMA = 1.01;

/**
 * Worst-case relative error of {@link sketchBinValue} against any value of its bin: (γ − 1)/(γ + 1) ≈ 0.4975 %.
 * Holds for every quantile that {@link sketchQuantile} returns, relative to the order statistic it estimates.
 */
export const SKETCH_RELATIVE_ERROR = (SKETCH_GAMMA - 1) / (SKETCH_GAMMA + 1);

const LN_GAMMA = Math.log(SKETCH_GAMMA);

/** One sketch bin: values in (γ^(bin−1), γ^bin], and how many samples fell there. */
export interface SketchBin {
  readonly bin: number;
  readonly count: number;
}

/**
 * The bin of a positive value: `k = ceil(ln(x) / ln(γ))`, so that γ^(k−1) < x ≤ γ^k.
 *
 * Bit-for-bit the same as PostgreSQL's `ceil(ln(x::float8) / ln(1.01::float8))::int` (both are IEEE doubles
 * through the C library's `log`). Computing it in `numeric` instead would move values that sit exactly on a
 * bound into the neighbouring bin, so the SQL must stay in float8.
 *
 * @param x - a measurement in any unit, finite and > 0.
 * @throws RangeError when `x` is not finite or ≤ 0 (a log scale has no bin for it).
 */
export function sketchBin(x: number): number {
  if (!Number.isFinite(x) || x <= 0) {
    throw new RangeError(`sketchBin: value must be finite and > 0, got ${x}`);
  }
  // `+ 0` turns Math.ceil's −0 (for 1/γ < x < 1) into the 0 that SQL returns.
  return Math.ceil(Math.log(x) / LN_GAMMA) + 0;
}

/**
 * The representative value of bin `k`: `2·γ^k / (γ + 1)`, the point whose relative distance to both bounds is
 * {@link SKETCH_RELATIVE_ERROR}. Same unit as the values that were binned.
 *
 * @throws RangeError when `k` is not an integer.
 */
export function sketchBinValue(k: number): number {
  if (!Number.isInteger(k)) throw new RangeError(`sketchBinValue: bin must be an integer, got ${k}`);
  return (2 * Math.pow(SKETCH_GAMMA, k)) / (SKETCH_GAMMA + 1);
}

/**
 * Bins a list of values the way the SQL rollup does (`GROUP BY bin`), sorted by ascending bin. For tests and for
 * in-memory data; every value must be accepted by {@link sketchBin}.
 */
export function sketchBins(values: readonly number[]): SketchBin[] {
  const counts = new Map<number, number>();
  for (const x of values) {
    const k = sketchBin(x);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([bin, count]) => ({ bin, count })).sort((a, b) => a.bin - b.bin);
}

/**
 * The q-quantile of a sketch: with bins sorted by ascending bin, the representative value of the first bin whose
 * cumulative count satisfies `cum >= q * total` — the same rule, in the same float8 arithmetic, as the SQL
 * (`sum(count) OVER (ORDER BY bin)`). Because counts are integers this is the bin that holds the order
 * statistic of rank ⌈q·n⌉ (1-based), i.e. PostgreSQL's `percentile_disc(q)` of the raw values, and the result is
 * within {@link SKETCH_RELATIVE_ERROR} of it. (It is not `percentile_cont`: on sparse data adjacent order
 * statistics can be further apart than the sketch's error.)
 *
 * Bins may come in any order and may repeat (repeats add up). Zero counts are allowed.
 *
 * @param q - the quantile, strictly between 0 and 1.
 * @throws RangeError for q outside (0, 1), a non-integer bin, a negative or non-finite count, or no samples.
 */
export function sketchQuantile(bins: readonly SketchBin[], q: number): number {
  if (!(q > 0 && q < 1)) throw new RangeError(`sketchQuantile: q must be in (0, 1), got ${q}`);
  const total = totalCount(bins, 'sketchQuantile');
  const sorted = [...bins].sort((a, b) => a.bin - b.bin);
  const rank = q * total;
  let cum = 0;
  for (const { bin, count } of sorted) {
    cum += count;
    if (cum >= rank) return sketchBinValue(bin);
  }
  // Unreachable: cum ends at total and q < 1. Kept so that a rounding surprise cannot return undefined.
  return sketchBinValue(sorted[sorted.length - 1].bin);
}

function totalCount(bins: readonly SketchBin[], caller: string): number {
  let total = 0;
  for (const { bin, count } of bins) {
    if (!Number.isInteger(bin)) throw new RangeError(`${caller}: bin must be an integer, got ${bin}`);
    if (!Number.isFinite(count) || count < 0) {
      throw new RangeError(`${caller}: count must be finite and ≥ 0, got ${count} (bin ${bin})`);
    }
    total += count;
  }
  if (total <= 0) throw new RangeError(`${caller}: the sketch has no samples`);
  return total;
}

// ---------------------------------------------------------------------------------------------------------------
// Student t
// ---------------------------------------------------------------------------------------------------------------

/**
 * Degrees of freedom above which the t quantile is evaluated at this value instead: the library's algorithm
 * loses all precision near 1e16, and at 1e10 the t and normal quantiles differ by < 1e-9 relative.
 */
const T_NORMAL_LIMIT_DF = 1e10;

/**
 * The p-quantile of Student's t distribution with `df` degrees of freedom (not necessarily an integer, as Welch
 * gives; `Infinity` gives the standard normal quantile). Lower-tail: `tQuantile(0.975, 10)` ≈ 2.228139.
 *
 * @throws RangeError for p outside (0, 1) or df ≤ 0 / NaN.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`tQuantile: degrees of freedom must be > 0, got ${df}`);
  return studentTQuantile(p, Math.min(df, T_NORMAL_LIMIT_DF));
}

// ---------------------------------------------------------------------------------------------------------------
// Ratio of means: Welch (delta method on the log scale)
// ---------------------------------------------------------------------------------------------------------------

/** A group's summary: sample size, mean and sample standard deviation (n − 1 denominator), in one unit. */
export interface Summary {
  readonly count: number;
  readonly mean: number;
  readonly stddev: number;
}

/** A confidence interval for candidate.mean / baseline.mean (dimensionless; > 1 means the candidate is larger). */
export interface RatioInterval {
  readonly ratio: number;
  readonly lower: number;
  readonly upper: number;
}

/** {@link welchRatioInterval}'s result; `standardError` is that of ln(ratio). */
export interface WelchRatioInterval extends RatioInterval {
  readonly standardError: number;
  readonly degreesOfFreedom: number;
  readonly method: 'WELCH';
}

/**
 * Two-sided confidence interval for r = candidate.mean / baseline.mean from two independent samples.
 *
 * On the log scale by the delta method: Var(ln m̄) ≈ s²/(n·m²), so se² = s_c²/(n_c·m_c²) + s_b²/(n_b·m_b²); the
 * degrees of freedom are Welch–Satterthwaite's on those two terms, df = se⁴ / Σ term²/(n − 1); the interval is
 * exp(ln r ± t·se) with t = {@link tQuantile}((1 + confidence)/2, df). Working on the log scale keeps the
 * interval positive and symmetric in the sense that swapping the groups inverts it.
 *
 * When both standard deviations are 0 the interval collapses to the ratio and df is taken as n_b + n_c − 2
 * (Welch's df is 0/0 there; that is its upper bound).
 *
 * @param confidence - e.g. 0.95, strictly between 0 and 1.
 * @throws RangeError for a count < 2 (or not an integer), a mean ≤ 0 or not finite, a negative or non-finite
 *   standard deviation, or a confidence outside (0, 1).
 */
export function welchRatioInterval(
  baseline: Summary,
  candidate: Summary,
  confidence: number,
): WelchRatioInterval {
  checkSummary(baseline, 'baseline');
  checkSummary(candidate, 'candidate');
  checkConfidence(confidence, 'welchRatioInterval');

  const termB = baseline.stddev ** 2 / (baseline.count * baseline.mean ** 2);
  const termC = candidate.stddev ** 2 / (candidate.count * candidate.mean ** 2);
  const variance = termB + termC;
  const ratio = candidate.mean / baseline.mean;
  if (variance === 0) {
    const degreesOfFreedom = baseline.count + candidate.count - 2;
    return { ratio, lower: ratio, upper: ratio, standardError: 0, degreesOfFreedom, method: 'WELCH' };
  }
  const degreesOfFreedom =
    variance ** 2 / (termB ** 2 / (baseline.count - 1) + termC ** 2 / (candidate.count - 1));
  const standardError = Math.sqrt(variance);
  const half = tQuantile((1 + confidence) / 2, degreesOfFreedom) * standardError;
  const logRatio = Math.log(ratio);
  return {
    ratio,
    lower: Math.exp(logRatio - half),
    upper: Math.exp(logRatio + half),
    standardError,
    degreesOfFreedom,
    method: 'WELCH',
  };
}

function checkSummary(s: Summary, role: string): void {
  if (!Number.isInteger(s.count) || s.count < 2) {
    throw new RangeError(`welchRatioInterval: ${role} needs count ≥ 2 (an integer), got ${s.count}`);
  }
  if (!Number.isFinite(s.mean) || s.mean <= 0) {
    throw new RangeError(`welchRatioInterval: ${role} mean must be finite and > 0, got ${s.mean}`);
  }
  if (!Number.isFinite(s.stddev) || s.stddev < 0) {
    throw new RangeError(`welchRatioInterval: ${role} stddev must be finite and ≥ 0, got ${s.stddev}`);
  }
}

function checkConfidence(confidence: number, caller: string): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${caller}: confidence must be in (0, 1), got ${confidence}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ratio of means: Poisson bootstrap over sketch bins
// ---------------------------------------------------------------------------------------------------------------

/**
 * Means above which {@link poissonSampler} uses the normal approximation. Its error there: the CDF of
 * round(λ + √λ·Z) is within 0.30 % of the Poisson CDF at λ = 500 (0.15 % at 2000; it falls as 1/√λ, the
 * neglected skewness), and rounding adds 1/12 to the variance (< 0.02 % relative). A replicate mean sums many
 * such draws, which shrinks both further.
 */
export const POISSON_NORMAL_THRESHOLD = 500;

/**
 * One Poisson(mean) draw from `rng`: `poissonSampler(mean)(rng)`. Use {@link poissonSampler} to draw many times
 * with the same mean.
 *
 * @throws RangeError for a negative or non-finite mean.
 */
export function drawPoisson(rng: Prng, mean: number): number {
  return poissonSampler(mean)(rng);
}

/**
 * A sampler of Poisson(mean) draws, with the per-mean work (e^-mean, bounds) done once. Exact inversion
 * (sequential search of the CDF with one uniform; O(mean) additions, no further random numbers, unlike Knuth's
 * product of uniforms) up to {@link POISSON_NORMAL_THRESHOLD}; above it `max(0, round(mean + √mean·Z))`, a
 * normal approximation with continuity correction. One uniform (exact) or two (normal) per draw, so a stream
 * stays reproducible.
 *
 * @throws RangeError for a negative or non-finite mean.
 */
export function poissonSampler(mean: number): (rng: Prng) => number {
  if (!Number.isFinite(mean) || mean < 0) {
    throw new RangeError(`poissonSampler: mean must be finite and ≥ 0, got ${mean}`);
  }
  if (mean === 0) return () => 0;
  if (mean > POISSON_NORMAL_THRESHOLD) {
    const sd = Math.sqrt(mean);
    return (rng) => Math.max(0, Math.round(mean + sd * rng.nextNormal()));
  }
  const p0 = Math.exp(-mean); // ≥ e^-500 ≈ 7e-218: no underflow below the threshold
  // The cap only matters when rounding keeps the summed CDF just below a u close to 1.
  const cap = mean + 40 * Math.sqrt(mean) + 40;
  return (rng) => {
    const u = rng.nextFloat();
    let k = 0;
    let p = p0;
    let cdf = p0;
    while (cdf < u && k < cap) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  };
}

/** Options of {@link poissonBootstrapRatioInterval}. */
export interface BootstrapOptions {
  /** Number of bootstrap replicates; an integer ≥ 100. Default 2000. */
  readonly replicates?: number;
  /** Seed of the random stream: the same seed and inputs give the same interval. */
  readonly seed: number | string;
}

/** {@link poissonBootstrapRatioInterval}'s result. */
export interface BootstrapRatioInterval extends RatioInterval {
  readonly replicates: number;
  readonly method: 'BOOTSTRAP';
}

/**
 * Two-sided percentile-bootstrap confidence interval for candidateMean / baselineMean when only the sketch bins
 * of each group (and its exact mean, e.g. `avg(x)` from the rollup) are known.
 *
 * Each replicate resamples each group by a Poisson bootstrap: bin i of count cᵢ gets weight Wᵢ ~ Poisson(cᵢ)
 * (the sum of cᵢ Poisson(1) weights, one per sample), the group's replicate mean is Σ Wᵢ·vᵢ / Σ Wᵢ with vᵢ the
 * bin's {@link sketchBinValue}, and the replicate ratio is candidate* / baseline*. A group whose weights are all
 * 0 (probability e^-n) is drawn again. The interval is the percentile interval of the replicate ratios
 * ({@link exactQuantile} at (1 ∓ confidence)/2), shifted by exactRatio − binnedRatio, where binnedRatio uses the
 * bin values and exactRatio the exact means: binning moves each value by up to {@link SKETCH_RELATIVE_ERROR},
 * and the shift removes that bias from the centre while keeping the bootstrap's width. `ratio` is exactRatio.
 *
 * Cost: replicates × (number of bins) Poisson draws, each one or two random numbers and O(min(c, 500))
 * additions; 2000 replicates over 2 × 100 bins take a few tens of milliseconds.
 *
 * @throws RangeError for bins rejected by {@link sketchQuantile}, a group with fewer than 2 samples, a mean
 *   ≤ 0 or not finite, a confidence outside (0, 1), or replicates not an integer ≥ 100.
 */
export function poissonBootstrapRatioInterval(
  baselineBins: readonly SketchBin[],
  candidateBins: readonly SketchBin[],
  baselineExactMean: number,
  candidateExactMean: number,
  confidence: number,
  { replicates = 2000, seed }: BootstrapOptions,
): BootstrapRatioInterval {
  const caller = 'poissonBootstrapRatioInterval';
  for (const [role, bins] of [
    ['baseline', baselineBins],
    ['candidate', candidateBins],
  ] as const) {
    if (totalCount(bins, caller) < 2) throw new RangeError(`${caller}: ${role} needs at least 2 samples`);
  }
  for (const [role, mean] of [
    ['baseline', baselineExactMean],
    ['candidate', candidateExactMean],
  ] as const) {
    if (!Number.isFinite(mean) || mean <= 0) {
      throw new RangeError(`${caller}: ${role} exact mean must be finite and > 0, got ${mean}`);
    }
  }
  checkConfidence(confidence, caller);
  if (!Number.isInteger(replicates) || replicates < 100) {
    throw new RangeError(`${caller}: replicates must be an integer ≥ 100, got ${replicates}`);
  }

  const baseline = weighted(baselineBins);
  const candidate = weighted(candidateBins);
  const rng = Prng.fromKey('poisson-bootstrap', seed);
  const ratios = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) {
    ratios[r] = replicateMean(rng, candidate) / replicateMean(rng, baseline);
  }
  ratios.sort();

  const exactRatio = candidateExactMean / baselineExactMean;
  const shift = exactRatio - candidate.mean / baseline.mean;
  return {
    ratio: exactRatio,
    lower: exactQuantile(ratios, (1 - confidence) / 2) + shift,
    upper: exactQuantile(ratios, (1 + confidence) / 2) + shift,
    replicates,
    method: 'BOOTSTRAP',
  };
}

interface WeightedBins {
  readonly values: Float64Array;
  readonly samplers: ReadonlyArray<(rng: Prng) => number>;
  readonly mean: number;
}

function weighted(bins: readonly SketchBin[]): WeightedBins {
  const nonEmpty = bins.filter((b) => b.count > 0);
  const values = Float64Array.from(nonEmpty, (b) => sketchBinValue(b.bin));
  let sum = 0;
  let n = 0;
  nonEmpty.forEach((b, i) => {
    sum += b.count * values[i];
    n += b.count;
  });
  return { values, samplers: nonEmpty.map((b) => poissonSampler(b.count)), mean: sum / n };
}

function replicateMean(rng: Prng, group: WeightedBins): number {
  for (;;) {
    let sumW = 0;
    let sumWV = 0;
    for (let i = 0; i < group.values.length; i++) {
      const w = group.samplers[i](rng);
      sumW += w;
      sumWV += w * group.values[i];
    }
    if (sumW > 0) return sumWV / sumW;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Exact reference figures
// ---------------------------------------------------------------------------------------------------------------

/** {@link summarize}'s result: a {@link Summary} plus the extremes, in the values' unit. */
export interface SampleSummary extends Summary {
  readonly min: number;
  readonly max: number;
}

/**
 * Count, mean, sample standard deviation (n − 1), min and max in one pass (Welford's update, stable when the
 * spread is tiny next to the mean). Matches PostgreSQL's `count`, `avg`, `stddev_samp`, `min`, `max` on float8 to
 * rounding; for a single value stddev is NaN (SQL gives NULL).
 *
 * @throws RangeError for an empty list or a non-finite value.
 */
export function summarize(values: readonly number[]): SampleSummary {
  if (values.length === 0) throw new RangeError('summarize: no values');
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  values.forEach((x, i) => {
    if (!Number.isFinite(x)) throw new RangeError(`summarize: values must be finite, got ${x} at ${i}`);
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
  });
  const count = values.length;
  return { count, mean, stddev: count > 1 ? Math.sqrt(m2 / (count - 1)) : NaN, min, max };
}

/**
 * The q-quantile of ascending values as PostgreSQL's `percentile_cont(q) WITHIN GROUP (ORDER BY x)` computes
 * it: position q·(n − 1) (0-based), linear interpolation between the values on either side, in the same
 * arithmetic (`lo + (hi − lo)·fraction`).
 *
 * @param q - in [0, 1] (0 gives the min, 1 the max).
 * @throws RangeError for an empty list, values not in ascending order, or q outside [0, 1].
 */
export function exactQuantile(sortedValues: ArrayLike<number>, q: number): number {
  const n = sortedValues.length;
  if (n === 0) throw new RangeError('exactQuantile: no values');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`exactQuantile: q must be in [0, 1], got ${q}`);
  for (let i = 1; i < n; i++) {
    if (!(sortedValues[i - 1] <= sortedValues[i])) {
      throw new RangeError(`exactQuantile: values must be sorted ascending (index ${i})`);
    }
  }
  const position = q * (n - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  const low = sortedValues[lo];
  return low + (sortedValues[hi] - low) * (position - lo);
}
