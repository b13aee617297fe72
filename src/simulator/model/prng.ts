/**
 * Seeded pseudo-random numbers for the simulator: FNV-1a hashing of a key into a 128-bit state (expanded with
 * SplitMix32) and xoshiro128** as the generator. Both are tiny, well known and pure 32-bit integer maths, so
 * the same key gives the same sequence on every platform and Node.js version.
 */

/**
 * FNV-1a (32-bit) of a string's UTF-16 code units. Deterministic, not cryptographic. FNV is a streaming hash:
 * `fnv1a32(b, fnv1a32(a)) === fnv1a32(a + b)`, so a shared key prefix can be hashed once.
 */
export function fnv1a32(text: string, h: number = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const GOLDEN = 0x9e3779b9;

/** SplitMix32's output for the state `state` (taken mod 2^32): a well-mixed 32-bit number. */
function splitMix32(state: number): number {
  let z = state >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * xoshiro128** (Blackman & Vigna): period 2^128 − 1, 32-bit outputs. Construct it with {@link Prng.fromKey}
 * so that a run is reproducible from its seed and coordinates.
 */
export class Prng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  private constructor(seed: number) {
    this.reseed(seed);
  }

  private reseed(seed: number): void {
    // Four SplitMix32 steps from the seed (written out: this runs once per simulated measurement).
    const st = seed >>> 0;
    this.s0 = splitMix32(st + GOLDEN);
    this.s1 = splitMix32(st + 2 * GOLDEN);
    this.s2 = splitMix32(st + 3 * GOLDEN);
    this.s3 = splitMix32(st + 4 * GOLDEN);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /**
   * A generator for the given key parts (e.g. seed, model version, scenario, workload, repetition): the parts
   * are joined with an unambiguous separator and hashed, so any change to any part gives another stream.
   */
  static fromKey(...parts: ReadonlyArray<string | number>): Prng {
    return new Prng(fnv1a32(keyText(parts)));
  }

  /**
   * The generator of `fromKey(...prefix, n)` for many non-negative integers `n`, hashing the prefix once and
   * the digits of `n` without building strings (the simulator's per-row path): the returned function gives
   * exactly the generator `fromKey` would, as one object reseeded on every call (use it before the next call).
   */
  static keyedBy(...prefix: ReadonlyArray<string | number>): (n: number) => Prng {
    const h = fnv1a32(`${keyText(prefix)}${KEY_SEPARATOR}number:`);
    const digits: number[] = [];
    const rng = new Prng(0);
    return (n) => {
      if (!Number.isSafeInteger(n) || n < 0)
        throw new RangeError(`key index must be a non-negative integer: ${n}`);
      digits.length = 0;
      do {
        digits.push(48 + (n % 10));
        n = Math.floor(n / 10);
      } while (n > 0);
      let x = h;
      for (let i = digits.length - 1; i >= 0; i--) x = Math.imul(x ^ digits[i], 0x01000193);
      rng.reseed(x >>> 0);
      return rng;
    };
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

const KEY_SEPARATOR = '\u241f';

function keyText(parts: ReadonlyArray<string | number>): string {
  return parts.map((p) => `${typeof p}:${String(p)}`).join(KEY_SEPARATOR);
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
