// Seeded pseudo-random numbers for Monte Carlo (engine stage): xoshiro128** (Blackman & Vigna 2018,
// "Scrambled linear pseudorandom number generators"), its state seeded by SplitMix64 (Steele, Lea &
// Flood 2014) from (seed, stream), so that each block of trials has its own reproducible stream.

// Math's functions at module scope: property lookups on Math are slow in Jest's VM contexts.
const { imul, sqrt, log, sin, cos } = Math;

const TWO_POW_26 = 67108864;
const TWO_PI = 2 * Math.PI;
const TWO_POW_53 = 9007199254740992;
const MASK64 = (1n << 64n) - 1n;

/**
 * One stream of xoshiro128** (period 2^128 − 1). Integer steps use only 32-bit operations and
 * doubles are built from them exactly, so a (seed, stream) pair gives the same numbers on any
 * machine; the transforms to other distributions use Math.log/exp/cos, which V8 computes in
 * software (the same results wherever the same Node version runs).
 */
export class RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** The second normal of the last Box–Muller pair, or NaN. */
  private spareNormal = Number.NaN;

  /**
   * The stream `stream` (0 ≤ stream < 2^32) of `seed` (0 ≤ seed < 2^32): the state words are the
   * high and low halves of the first two outputs of SplitMix64 started at seed·2^32 + stream, so
   * distinct pairs start from distinct states.
   */
  constructor(seed: number, stream = 0) {
    if (!isUint32(seed) || !isUint32(stream)) throw new Error(`Internal error: seed and stream must be 32-bit unsigned integers: ${seed}, ${stream}`);
    let x = (BigInt(seed) << 32n) | BigInt(stream);
    const next = (): bigint => {
      x = (x + 0x9e3779b97f4a7c15n) & MASK64;
      let z = x;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
      return z ^ (z >> 31n);
    };
    const a = next();
    const b = next();
    this.s0 = Number(a >> 32n) | 0;
    this.s1 = Number(a & 0xffffffffn) | 0;
    this.s2 = Number(b >> 32n) | 0;
    this.s3 = Number(b & 0xffffffffn) | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the one forbidden state
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const result = imul(rotl(imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A double uniform on the open interval (0, 1): 53 random bits from two steps, offset by half a step. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * TWO_POW_26 + b + 0.5) / TWO_POW_53;
  }

  /** A standard normal by the Box–Muller transform; the pair's second value serves the next call. */
  nextNormal(): number {
    const spare = this.spareNormal;
    if (spare === spare) {
      this.spareNormal = Number.NaN;
      return spare;
    }
    const r = sqrt(-2 * log(this.nextDouble()));
    const theta = TWO_PI * this.nextDouble();
    this.spareNormal = r * sin(theta);
    return r * cos(theta);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function isUint32(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
}
