import { bearingOf, verdictOf } from '../../../src/claims/claim-evidence';
import {
  fractionRatio,
  overheadRatio,
  overheadReduction,
  pool,
  summaryOf,
} from '../../../src/performance/comparison';

describe('bearing of an interval on a threshold', () => {
  it('at least: supports when the whole interval is at or above it, contradicts when wholly below', () => {
    expect(bearingOf({ value: 0.95, lower: 0.9, upper: 0.99 }, 'at_least', 0.9)).toBe('supports');
    expect(bearingOf({ value: 0.85, lower: 0.8, upper: 0.89 }, 'at_least', 0.9)).toBe('contradicts');
    expect(bearingOf({ value: 0.9, lower: 0.88, upper: 0.92 }, 'at_least', 0.9)).toBe('inconclusive');
  });

  it('at least: an unbounded upper end never contradicts, an unbounded lower end never supports', () => {
    expect(bearingOf({ value: 3, lower: 2.5, upper: null }, 'at_least', 2)).toBe('supports');
    expect(bearingOf({ value: 1, lower: null, upper: 1.5 }, 'at_least', 2)).toBe('contradicts');
    expect(bearingOf({ value: 2, lower: null, upper: null }, 'at_least', 2)).toBe('inconclusive');
  });

  it('at most mirrors at least', () => {
    expect(bearingOf({ value: 0.1, lower: 0.05, upper: 0.2 }, 'at_most', 0.2)).toBe('supports');
    expect(bearingOf({ value: 0.3, lower: 0.21, upper: 0.4 }, 'at_most', 0.2)).toBe('contradicts');
  });

  it('within: the interval must lie inside 1 ± threshold to support, wholly outside to contradict', () => {
    expect(bearingOf({ value: 1.01, lower: 0.97, upper: 1.04 }, 'within', 0.05)).toBe('supports');
    expect(bearingOf({ value: 1.22, lower: 1.2, upper: 1.24 }, 'within', 0.05)).toBe('contradicts');
    expect(bearingOf({ value: 0.9, lower: 0.85, upper: 0.94 }, 'within', 0.05)).toBe('contradicts');
    expect(bearingOf({ value: 1.05, lower: 1.01, upper: 1.09 }, 'within', 0.05)).toBe('inconclusive');
  });
});

describe('verdict of the bearings', () => {
  it('is unverifiable without evidence, supported or contradicted when all agree, mixed otherwise', () => {
    expect(verdictOf([])).toBe('unverifiable');
    expect(verdictOf(['supports', 'supports'])).toBe('supported');
    expect(verdictOf(['contradicts'])).toBe('contradicted');
    expect(verdictOf(['supports', 'contradicts'])).toBe('mixed');
    expect(verdictOf(['supports', 'inconclusive'])).toBe('mixed');
    expect(verdictOf(['inconclusive'])).toBe('mixed');
  });
});

describe('ratios of fractions of native', () => {
  const xen = { value: 0.94, lower: 0.92, upper: 0.96 };
  const esx = { value: 0.97, lower: 0.96, upper: 0.98 };

  it('overhead ratio: (1 − candidate) / (1 − baseline), bounds from both intervals', () => {
    const r = overheadRatio(xen, esx)!;
    expect(r.value).toBeCloseTo(0.06 / 0.03, 12);
    expect(r.lower).toBeCloseTo(0.04 / 0.04, 12);
    expect(r.upper).toBeCloseTo(0.08 / 0.02, 12);
  });

  it('overhead ratio is unbounded above when the baseline may have no overhead, and undefined when it has none', () => {
    expect(overheadRatio(xen, { value: 0.99, lower: 0.97, upper: 1.01 })).toMatchObject({ upper: null });
    expect(overheadRatio(xen, { value: 1.01, lower: 1, upper: 1.02 })).toBeNull();
  });

  it('overhead reduction is 1 − the overhead ratio, its bounds swapped', () => {
    const nested = { value: 0.9, lower: 0.89, upper: 0.91 };
    const shadow = { value: 0.3, lower: 0.29, upper: 0.31 };
    const r = overheadReduction(nested, shadow)!;
    expect(r.value).toBeCloseTo(1 - 0.1 / 0.7, 12);
    expect(r.lower).toBeCloseTo(1 - 0.11 / 0.69, 12);
    expect(r.upper).toBeCloseTo(1 - 0.09 / 0.71, 12);
  });

  it('fraction ratio divides the fractions, lower bound over upper bound and vice versa', () => {
    expect(fractionRatio(xen, esx)).toEqual({
      value: 0.94 / 0.97,
      lower: 0.92 / 0.98,
      upper: 0.96 / 0.96,
    });
  });
});

describe('pooling rollup sums', () => {
  it('adds counts, sums and sums of squares; the summary is the sample mean and standard deviation', () => {
    const values = [1, 2, 3, 4, 10];
    const part = (xs: number[]) => ({
      count: xs.length,
      sum: xs.reduce((a, x) => a + x, 0),
      sumSq: xs.reduce((a, x) => a + x * x, 0),
    });
    const s = summaryOf(pool([part(values.slice(0, 2)), part(values.slice(2))]));
    const mean = 4;
    const sd = Math.sqrt(values.reduce((a, x) => a + (x - mean) ** 2, 0) / 4);
    expect(s.count).toBe(5);
    expect(s.mean).toBeCloseTo(mean, 12);
    expect(s.stddev).toBeCloseTo(sd, 12);
  });
});
