/**
 * Seeded pseudo-random numbers for the simulator: FNV-1a hashing of a key into a 128-bit state (expanded with
 * SplitMix32) and xoshiro128** as the generator. Both are tiny, well known and pure 32-bit integer maths, so
 * the same key gives the same sequence on every platform and Node.js version.
 */

/** FNV-1a (32-bit) of a string's UTF-16 code units. Deterministic, not cryptographic. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One SplitMix32 step: returns the next state and a well-mixed 32-bit output. */
function splitMix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/**
 * xoshiro128** (Blackman & Vigna): period 2^128 − 1, 32-bit outputs. Construct it with {@link Prng.fromKey}
 * so that a run is reproducible from its seed and coordinates.
 */
export class Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  private constructor(seed: number) {
    let st = seed >>> 0;
    const out: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [n, v] = splitMix32(st);
      st = n;
      out.push(v);
    }
    [this.s0, this.s1, this.s2, this.s3] = out as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /**
   * A generator for the given key parts (e.g. seed, model version, scenario, workload, repetition): the parts
   * are joined with an unambiguous separator and hashed, so any change to any part gives another stream.
   */
  static fromKey(...parts: ReadonlyArray<string | number>): Prng {
    return new Prng(fnv1a32(parts.map((p) => `${typeof p}:${String(p)}`).join('\u241f')));
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform number in the open interval (0, 1) (never exactly 0, so `Math.log` is safe). */
  nextFloat(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }

  /** A standard normal deviate (Box–Muller; one of the pair is used, for simplicity and reproducibility). */
  nextNormal(): number {
    const u1 = this.nextFloat();
    const u2 = this.nextFloat();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
