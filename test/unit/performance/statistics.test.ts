import {
  drawPoisson,
  exactQuantile,
  poissonBootstrapRatioInterval,
  poissonSampler,
  POISSON_NORMAL_THRESHOLD,
  SKETCH_GAMMA,
  SKETCH_RELATIVE_ERROR,
  sketchBin,
  sketchBins,
  sketchBinValue,
  sketchQuantile,
  summarize,
  tQuantile,
  welchRatioInterval,
} from '../../../src/performance/statistics';
import { Prng } from '../../../src/simulator/model/prng';

/** n log-normal values exp(mu + sigma·Z), from a fixed stream. */
function logNormal(key: string, n: number, mu: number, sigma: number): number[] {
  const rng = Prng.fromKey(key);
  return Array.from({ length: n }, () => Math.exp(mu + sigma * rng.nextNormal()));
}

/** PostgreSQL's percentile_disc: the first value whose 1-based rank reaches q·n. */
function percentileDisc(sorted: readonly number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

describe('log-bucket sketch', () => {
  it('uses γ = 1.01 and a relative error of (γ − 1)/(γ + 1) ≈ 0.4975 %', () => {
    expect(SKETCH_GAMMA).toBe(1.01);
    expect(SKETCH_RELATIVE_ERROR).toBeCloseTo(0.004975124, 9);
  });

  it('maps values to ceil(ln x / ln γ), with the upper bound inside the bin', () => {
    expect([1, 1.005, 1.01, 1.0101, 0.999, 0.5, 100, 1e-6].map(sketchBin)).toEqual([
      0, 1, 1, 2, 0, -69, 463, -1388,
    ]);
    expect(Object.is(sketchBin(0.999), 0)).toBe(true); // not −0, as Math.ceil alone would give
  });

  it('puts every value between its bin bounds and within the relative error of the bin value', () => {
    const outside: number[] = [];
    let worst = 0;
    for (const x of logNormal('sketch-bounds', 2000, 0, 5)) {
      const k = sketchBin(x);
      const inside =
        x > Math.pow(SKETCH_GAMMA, k - 1) * (1 - 1e-12) && x <= Math.pow(SKETCH_GAMMA, k) * (1 + 1e-12);
      if (!inside) outside.push(x);
      worst = Math.max(worst, Math.abs(sketchBinValue(k) - x) / x);
    }
    expect(outside).toEqual([]);
    expect(worst).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR * (1 + 1e-9));
    expect(worst).toBeGreaterThan(SKETCH_RELATIVE_ERROR * 0.99); // the bound is tight
  });

  it('gives 2γ^k/(γ + 1) as the bin value', () => {
    expect(sketchBinValue(0)).toBeCloseTo(2 / 2.01, 15);
    expect(sketchBinValue(100)).toBeCloseTo((2 * Math.pow(1.01, 100)) / 2.01, 12);
    expect(sketchBinValue(-50)).toBeCloseTo((2 * Math.pow(1.01, -50)) / 2.01, 15);
  });

  it('counts values per bin in ascending order of bin', () => {
    expect(sketchBins([100, 1, 1.005, 1.01, 0.999, 100])).toEqual([
      { bin: 0, count: 2 },
      { bin: 1, count: 2 },
      { bin: 463, count: 2 },
    ]);
  });

  it('estimates quantiles of log-normal data within the relative error of percentile_disc', () => {
    const values = logNormal('sketch-quantiles', 20_000, Math.log(250), 0.4);
    const sorted = ascending(values);
    const bins = sketchBins(values);
    for (const q of [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999]) {
      const exact = percentileDisc(sorted, q);
      const estimate = sketchQuantile(bins, q);
      expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR * (1 + 1e-9));
    }
  });

  it('takes the first bin whose cumulative count reaches q·total, whatever the input order', () => {
    // cumulative counts 2, 5, 10 (sorted): q·total = 2 picks bin 0, 2.5 picks bin 3, 5.0 picks bin 3, 5.1 bin 7
    const bins = [
      { bin: 7, count: 5 },
      { bin: 0, count: 2 },
      { bin: 3, count: 3 },
    ];
    expect([0.2, 0.25, 0.5, 0.51, 0.99].map((q) => sketchQuantile(bins, q))).toEqual(
      [0, 3, 3, 7, 7].map(sketchBinValue),
    );
    // zero counts are skipped; repeated bins add up
    expect(
      sketchQuantile(
        [
          { bin: -1, count: 0 },
          { bin: 4, count: 1 },
          { bin: 4, count: 1 },
          { bin: 9, count: 2 },
        ],
        0.5,
      ),
    ).toBe(sketchBinValue(4));
  });

  it('rejects values without a bin, bad quantiles and empty or malformed sketches', () => {
    for (const x of [0, -1, NaN, Infinity]) expect(() => sketchBin(x)).toThrow(RangeError);
    expect(() => sketchBinValue(1.5)).toThrow(RangeError);
    const bins = [{ bin: 1, count: 3 }];
    for (const q of [0, 1, -0.1, NaN]) expect(() => sketchQuantile(bins, q)).toThrow(/q must be in \(0, 1\)/);
    expect(() => sketchQuantile([], 0.5)).toThrow(/no samples/);
    expect(() => sketchQuantile([{ bin: 1, count: 0 }], 0.5)).toThrow(/no samples/);
    expect(() => sketchQuantile([{ bin: 1, count: -1 }], 0.5)).toThrow(/count must be/);
    expect(() => sketchQuantile([{ bin: 0.5, count: 1 }], 0.5)).toThrow(/bin must be an integer/);
  });
});

describe('Student t quantile', () => {
  it('matches table values, including fractional and very large degrees of freedom', () => {
    const cases: Array<[number, number, number]> = [
      [0.975, 10, 2.228138852],
      [0.95, 1, 6.313751515],
      [0.995, 30, 2.749995654],
      [0.9, 2.5, 1.730250929],
      [0.025, 10, -2.228138852],
      [0.975, 1e6, 1.959966357],
      [0.975, Infinity, 1.959963985], // the normal quantile
      [0.6, 1e16, 0.2533471031], // where the library alone returns 0
    ];
    for (const [p, df, expected] of cases) expect(tQuantile(p, df)).toBeCloseTo(expected, 8);
  });

  it('rejects p outside (0, 1) and non-positive degrees of freedom', () => {
    expect(() => tQuantile(0, 5)).toThrow(RangeError);
    expect(() => tQuantile(1, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.5, NaN)).toThrow(RangeError);
  });
});

describe('Welch ratio interval', () => {
  // Hand computation: a = 15²/(12·110²) = 0.0015495868, b = 10²/(10·100²) = 0.001, se = √(a + b) = 0.0504934;
  // df = (a + b)² / (a²/11 + b²/9) = 19.73381; t(0.975, 19.73381) = 2.0877687;
  // 1.1·exp(∓2.0877687·0.0504934) = [0.98994249, 1.22229323].
  const baseline = { count: 10, mean: 100, stddev: 10 };
  const candidate = { count: 12, mean: 110, stddev: 15 };

  it('gives the textbook interval on the log scale', () => {
    const result = welchRatioInterval(baseline, candidate, 0.95);
    expect(result).toEqual({
      ratio: expect.closeTo(1.1, 12),
      lower: expect.closeTo(0.9899424886, 8),
      upper: expect.closeTo(1.2222932281, 8),
      standardError: expect.closeTo(0.05049343301, 9),
      degreesOfFreedom: expect.closeTo(19.733814389, 7),
      method: 'WELCH',
    });
    expect(Math.log(result.upper) - Math.log(1.1)).toBeCloseTo(Math.log(1.1) - Math.log(result.lower), 12);
  });

  it('narrows with a lower confidence and inverts when the groups are swapped', () => {
    const at90 = welchRatioInterval(baseline, candidate, 0.9);
    expect(at90.lower).toBeCloseTo(1.0081996462, 8);
    expect(at90.upper).toBeCloseTo(1.2001591198, 8);
    const swapped = welchRatioInterval(candidate, baseline, 0.95);
    expect(swapped.ratio).toBeCloseTo(1 / 1.1, 12);
    expect(swapped.lower).toBeCloseTo(1 / 1.2222932281, 8);
    expect(swapped.upper).toBeCloseTo(1 / 0.9899424886, 8);
  });

  it('collapses to the ratio when neither group varies', () => {
    expect(
      welchRatioInterval({ count: 3, mean: 2, stddev: 0 }, { count: 4, mean: 3, stddev: 0 }, 0.95),
    ).toEqual({ ratio: 1.5, lower: 1.5, upper: 1.5, standardError: 0, degreesOfFreedom: 5, method: 'WELCH' });
  });

  it('rejects too few samples, non-positive means and a confidence outside (0, 1)', () => {
    expect(() => welchRatioInterval({ ...baseline, count: 1 }, candidate, 0.95)).toThrow(
      /baseline needs count ≥ 2/,
    );
    expect(() => welchRatioInterval(baseline, { ...candidate, mean: 0 }, 0.95)).toThrow(
      /candidate mean must be finite and > 0/,
    );
    expect(() => welchRatioInterval(baseline, { ...candidate, mean: -3 }, 0.95)).toThrow(RangeError);
    expect(() => welchRatioInterval(baseline, { ...candidate, stddev: -1 }, 0.95)).toThrow(RangeError);
    for (const c of [0, 1, 95, NaN]) {
      expect(() => welchRatioInterval(baseline, candidate, c)).toThrow(/confidence must be in \(0, 1\)/);
    }
  });
});

describe('Poisson draws', () => {
  it.each([0.5, 3, 40, 450, 800, 50_000])('have mean and variance λ = %d', (lambda) => {
    const rng = Prng.fromKey('poisson', lambda);
    const n = 10_000;
    const draws = Array.from({ length: n }, () => drawPoisson(rng, lambda));
    const { mean, stddev, min } = summarize(draws);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(draws.every(Number.isInteger)).toBe(true);
    // 5 standard errors of the sample mean and of the sample variance (Var s² ≈ (λ + 2λ²)/n for a Poisson)
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
    expect(Math.abs(stddev ** 2 - lambda)).toBeLessThan(5 * Math.sqrt((lambda + 2 * lambda ** 2) / n));
  });

  it('are the same stream whether drawn one by one or from a sampler', () => {
    const one = Prng.fromKey('same');
    const many = Prng.fromKey('same');
    const sampler = poissonSampler(12);
    expect(Array.from({ length: 50 }, () => drawPoisson(one, 12))).toEqual(
      Array.from({ length: 50 }, () => sampler(many)),
    );
  });

  it('are 0 for a mean of 0 and refuse a negative mean', () => {
    expect(POISSON_NORMAL_THRESHOLD).toBe(500);
    expect(drawPoisson(Prng.fromKey('zero'), 0)).toBe(0);
    expect(() => drawPoisson(Prng.fromKey('bad'), -1)).toThrow(RangeError);
    expect(() => poissonSampler(NaN)).toThrow(RangeError);
  });
});

describe('Poisson bootstrap ratio interval', () => {
  // Two log-normal populations whose means differ by exactly 8 %: E = exp(mu + sigma²/2).
  const sigma = 0.25;
  const trueRatio = 1.08;
  const baselineValues = logNormal('bootstrap-baseline', 400, Math.log(100), sigma);
  const candidateValues = logNormal('bootstrap-candidate', 300, Math.log(100 * trueRatio), sigma);
  const baselineMean = summarize(baselineValues).mean;
  const candidateMean = summarize(candidateValues).mean;
  const run = (seed: number | string, replicates?: number) =>
    poissonBootstrapRatioInterval(
      sketchBins(baselineValues),
      sketchBins(candidateValues),
      baselineMean,
      candidateMean,
      0.95,
      { seed, replicates },
    );

  it('is centred on the exact ratio, covers the true ratio and agrees with Welch on the width', () => {
    const result = run(1);
    const welch = welchRatioInterval(summarize(baselineValues), summarize(candidateValues), 0.95);
    expect(result).toEqual({
      ratio: candidateMean / baselineMean,
      lower: expect.any(Number),
      upper: expect.any(Number),
      replicates: 2000,
      method: 'BOOTSTRAP',
    });
    expect(result.lower).toBeLessThan(trueRatio);
    expect(result.upper).toBeGreaterThan(trueRatio);
    expect(result.lower).toBeLessThan(result.ratio);
    expect(result.upper).toBeGreaterThan(result.ratio);
    // Same data, two methods: bounds agree to a few tenths of a percent of the ratio.
    expect(Math.abs(result.lower - welch.lower) / welch.ratio).toBeLessThan(0.005);
    expect(Math.abs(result.upper - welch.upper) / welch.ratio).toBeLessThan(0.005);
  });

  it('is reproducible for a seed and differs for another seed', () => {
    expect(run(1, 300)).toEqual(run(1, 300));
    expect(run('nightly-2007-08-06', 300)).toEqual(run('nightly-2007-08-06', 300));
    expect(run(2, 300).lower).not.toBe(run(1, 300).lower);
    expect(run(2, 300).upper).not.toBe(run(1, 300).upper);
  });

  it('shifts the percentile interval by the binning bias (exact ratio − binned ratio)', () => {
    // Exact means 1 % apart from the binned ones move the whole interval by the same difference of ratios.
    const bins = sketchBins(baselineValues);
    const plain = poissonBootstrapRatioInterval(bins, bins, 1, 1, 0.9, { seed: 7, replicates: 300 });
    const shifted = poissonBootstrapRatioInterval(bins, bins, 1, 1.01, 0.9, { seed: 7, replicates: 300 });
    expect(shifted.ratio).toBeCloseTo(1.01, 12);
    expect(shifted.lower - plain.lower).toBeCloseTo(0.01, 12);
    expect(shifted.upper - plain.upper).toBeCloseTo(0.01, 12);
  });

  it('handles bins with counts beyond the normal-approximation threshold', () => {
    const big = [
      { bin: 0, count: 40_000 },
      { bin: 10, count: 20_000 },
    ];
    const result = poissonBootstrapRatioInterval(big, big, 1, 1, 0.95, { seed: 3, replicates: 200 });
    expect(result.lower).toBeLessThan(1);
    expect(result.upper).toBeGreaterThan(1);
    expect(result.upper - result.lower).toBeLessThan(0.005);
  });

  it('rejects too few samples, non-positive means, a bad confidence and too few replicates', () => {
    const bins = sketchBins(baselineValues);
    const one = [{ bin: 3, count: 1 }];
    expect(() => poissonBootstrapRatioInterval(one, bins, 1, 1, 0.95, { seed: 1 })).toThrow(
      /baseline needs at least 2 samples/,
    );
    expect(() => poissonBootstrapRatioInterval(bins, bins, 1, 0, 0.95, { seed: 1 })).toThrow(
      /candidate exact mean must be finite and > 0/,
    );
    expect(() => poissonBootstrapRatioInterval(bins, bins, 1, 1, 1, { seed: 1 })).toThrow(RangeError);
    expect(() => poissonBootstrapRatioInterval(bins, bins, 1, 1, 0.95, { seed: 1, replicates: 10 })).toThrow(
      /replicates/,
    );
  });
});

describe('exact reference figures', () => {
  it('summarizes with the sample standard deviation', () => {
    expect(summarize([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({
      count: 8,
      mean: 5,
      stddev: expect.closeTo(Math.sqrt(32 / 7), 14),
      min: 2,
      max: 9,
    });
    expect(summarize([3])).toEqual({ count: 1, mean: 3, stddev: NaN, min: 3, max: 3 });
  });

  it('stays accurate when the spread is tiny next to the mean', () => {
    const values = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    expect(summarize(values)).toEqual({
      count: 4,
      mean: 1e9 + 10,
      stddev: expect.closeTo(Math.sqrt(30), 9),
      min: 1e9 + 4,
      max: 1e9 + 16,
    });
  });

  it('interpolates quantiles like percentile_cont', () => {
    const sorted = [1, 2, 3, 4, 10];
    expect([0, 0.1, 0.25, 0.5, 0.9, 1].map((q) => exactQuantile(sorted, q))).toEqual([
      1, 1.4, 2, 3, 7.6000000000000005, 10,
    ]);
    expect(exactQuantile([42], 0.3)).toBe(42);
  });

  it('rejects empty or unsorted input and q outside [0, 1]', () => {
    expect(() => summarize([])).toThrow(RangeError);
    expect(() => summarize([1, NaN])).toThrow(RangeError);
    expect(() => exactQuantile([], 0.5)).toThrow(RangeError);
    expect(() => exactQuantile([2, 1], 0.5)).toThrow(/sorted ascending/);
    expect(() => exactQuantile([1, 2], 1.5)).toThrow(RangeError);
  });
});
