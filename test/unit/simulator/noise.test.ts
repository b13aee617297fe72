import {
  applyNoise,
  drawNoise,
  repetitionNoise,
  repetitionTimeFactors,
  type NoiseProfile,
} from '../../../src/simulator/model/noise';
import { Prng } from '../../../src/simulator/model/prng';

const key = {
  seed: 42,
  modelVersion: 'v',
  scenario: 'xen-3.0.4/core2',
  workload: 'kernel-build',
  repetition: 0,
};

describe('seeded PRNG', () => {
  it('gives the same sequence for the same key and another one for another seed', () => {
    const seq = (seed: number): number[] => {
      const rng = Prng.fromKey(seed, 'v', 's', 'w', 1);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    expect(seq(1)).toEqual(seq(1));
    expect(seq(1)).not.toEqual(seq(2));
  });

  it('is uniform on (0, 1) to within sampling error', () => {
    const rng = Prng.fromKey('uniform');
    let sum = 0;
    let min = 1;
    let max = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = rng.nextFloat();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
  });
});

describe('repetition noise', () => {
  it('is a pure function of (seed, model version, scenario, workload, repetition)', () => {
    const profile: NoiseProfile = { cv: 0.02, outlierProbability: 0.01, outlierSlowdown: 0.2 };
    expect(repetitionNoise(profile, key)).toEqual(repetitionNoise(profile, key));
    for (const change of [
      { seed: 43 },
      { modelVersion: 'w' },
      { scenario: 'x' },
      { workload: 'oltp' },
      { repetition: 1 },
    ]) {
      expect(repetitionNoise(profile, { ...key, ...change }).timeFactor).not.toBe(
        repetitionNoise(profile, key).timeFactor,
      );
    }
  });

  it.each([0.005, 0.02, 0.05])(
    'has a sample CV within 5%% of the configured CV %p over 20,000 draws',
    (cv) => {
      const rng = Prng.fromKey('cv', cv);
      const xs = Array.from(
        { length: 20_000 },
        () => drawNoise({ cv, outlierProbability: 0, outlierSlowdown: 0 }, rng).timeFactor,
      );
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
      expect(Math.abs(mean - 1)).toBeLessThan(0.002);
      expect(Math.abs(sd / mean / cv - 1)).toBeLessThan(0.05);
    },
  );

  it('makes outliers at the configured rate, each slower by the configured size', () => {
    const profile: NoiseProfile = { cv: 0.01, outlierProbability: 0.02, outlierSlowdown: 0.3 };
    const draws = Array.from({ length: 20_000 }, (_, repetition) =>
      repetitionNoise(profile, { ...key, repetition }),
    );
    const outliers = draws.filter((d) => d.outlier);
    // Binomial(20000, 0.02): sd ≈ 19.8 around 400; allow 4 sd.
    expect(Math.abs(outliers.length - 400)).toBeLessThan(80);
    const meanOutlier = outliers.reduce((a, d) => a + d.timeFactor, 0) / outliers.length;
    expect(meanOutlier).toBeCloseTo(1.3, 1);
  });

  it('slows times and lowers throughputs', () => {
    expect(applyNoise(100, true, 1.25)).toBe(80);
    expect(applyNoise(100, false, 1.25)).toBe(125);
  });
});

describe('repetitionTimeFactors', () => {
  it('gives exactly the time factors of repetitionNoise, repetition by repetition', () => {
    const profile = { cv: 0.03, outlierProbability: 0.05, outlierSlowdown: 0.3 };
    const key = { seed: 42, modelVersion: '2007.1.0', scenario: 'xen-3-1--core2', workload: 'net-rx' };
    const factors = repetitionTimeFactors(profile, key);
    for (const repetition of [0, 1, 9, 10, 99, 100, 12345, 9_999_999]) {
      expect(factors(repetition)).toBe(repetitionNoise(profile, { ...key, repetition }).timeFactor);
    }
  });
});
