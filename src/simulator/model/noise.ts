import { Prng } from './prng';

/**
 * How much a workload's repeated runs scatter. Run-to-run noise is multiplicative and log-normal with mean 1
 * and coefficient of variation `cv`; with probability `outlierProbability` a run is additionally slowed by
 * `outlierSlowdown` (e.g. 0.3 = 30% slower: a cron job, a cache-cold start, a TCP stall), as real benchmark
 * series have.
 */
export interface NoiseProfile {
  /** Coefficient of variation of the ordinary runs (stddev / mean), ≥ 0, typically 0.002–0.05. */
  readonly cv: number;
  /** Probability in [0, 1) that a run is an outlier. */
  readonly outlierProbability: number;
  /** Fractional slowdown of an outlier run (> 0): its run time is multiplied by 1 + outlierSlowdown. */
  readonly outlierSlowdown: number;
}

/** One repetition's noise: the factor to multiply the run *time* by, and whether it is an outlier. */
export interface NoiseDraw {
  /** Run-time multiplier (> 0). Divide a throughput by it, multiply a time or latency by it. */
  readonly timeFactor: number;
  readonly outlier: boolean;
}

/** Draws noise from a generator (advances it by three 32-bit outputs). */
export function drawNoise(profile: NoiseProfile, rng: Prng): NoiseDraw {
  const shape = noiseShape(profile);
  const base = shape.baseFactor(rng);
  const outlier = rng.nextFloat() < profile.outlierProbability;
  return { timeFactor: outlier ? base * shape.outlierFactor : base, outlier };
}

/** A profile's constants, computed once: the log-normal draw with mean 1 and the outlier multiplier. */
function noiseShape(profile: NoiseProfile) {
  const sigma = Math.sqrt(Math.log(1 + profile.cv * profile.cv));
  const shift = (sigma * sigma) / 2;
  return {
    baseFactor: (rng: Prng) => Math.exp(sigma * rng.nextNormal() - shift),
    outlierFactor: 1 + profile.outlierSlowdown,
  };
}

/** The coordinates that make a repetition's noise reproducible. */
export interface RepetitionKey {
  readonly seed: number;
  readonly modelVersion: string;
  readonly scenario: string;
  readonly workload: string;
  readonly repetition: number;
}

/**
 * The noise of one repetition, a pure function of (seed, model version, scenario, workload, repetition):
 * rerunning any subset of a run gives the same values, in any order.
 */
export function repetitionNoise(profile: NoiseProfile, key: RepetitionKey): NoiseDraw {
  const rng = Prng.fromKey(key.seed, key.modelVersion, key.scenario, key.workload, key.repetition);
  return drawNoise(profile, rng);
}

/**
 * The time factors of {@link repetitionNoise} for every repetition of one (seed, model version, scenario,
 * workload): the same numbers, with the key's fixed part hashed once and no allocation but the generator (the
 * simulator's per-row path).
 */
export function repetitionTimeFactors(
  profile: NoiseProfile,
  key: Omit<RepetitionKey, 'repetition'>,
): (repetition: number) => number {
  const rngFor = Prng.keyedBy(key.seed, key.modelVersion, key.scenario, key.workload);
  const shape = noiseShape(profile);
  return (repetition) => {
    const rng = rngFor(repetition);
    const base = shape.baseFactor(rng);
    return rng.nextFloat() < profile.outlierProbability ? base * shape.outlierFactor : base;
  };
}

/**
 * Applies a time factor to a metric value: times and latencies grow with it, throughputs shrink.
 */
export function applyNoise(value: number, higherIsBetter: boolean, timeFactor: number): number {
  return higherIsBetter ? value / timeFactor : value * timeFactor;
}
