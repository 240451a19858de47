// Latin hypercube sampling without storing permutations (engine stage): for each uncertain input, a
// keyed pseudo-random permutation of the trial indices (a four-round balanced Feistel network with
// cycle walking: Luby & Rackoff 1988; Black & Rogaway 2002, "Ciphers with arbitrary finite domains")
// assigns each trial its own stratum, so any block of trials is computed alone, in any worker.

import { RandomStream } from './random-stream.js';

// Math's functions at module scope: property lookups on Math are slow in Jest's VM contexts.
const { imul, floor, ceil, max } = Math;

/** Streams from here on key the permutations (input j uses stream LHS_STREAM_BASE + j); blocks use those below. */
export const LHS_STREAM_BASE = 0x80000000;
const ROUNDS = 4;

/** A permutation of 0..n−1, stratum(i) for trial i, keyed by (seed, input). */
export class StratumPermutation {
  private readonly halfBits: number;
  private readonly mask: number;
  private readonly keys: Uint32Array;

  constructor(
    readonly n: number,
    seed: number,
    input: number,
  ) {
    let bits = 1;
    while (2 ** bits < n) bits++;
    this.halfBits = max(1, ceil(bits / 2));
    this.mask = 2 ** this.halfBits - 1;
    const stream = new RandomStream(seed, LHS_STREAM_BASE + input);
    this.keys = Uint32Array.from({ length: ROUNDS }, () => stream.nextUint32());
  }

  /** The stratum of trial i (0 ≤ i < n); distinct trials get distinct strata. */
  stratum(i: number): number {
    let x = i;
    do x = this.encrypt(x);
    while (x >= this.n);
    return x;
  }

  private encrypt(x: number): number {
    const k = this.halfBits;
    let left = floor(x / 2 ** k);
    let right = x & this.mask;
    for (let r = 0; r < ROUNDS; r++) {
      const next = (left ^ (mix(right ^ this.keys[r]!) & this.mask)) >>> 0;
      left = right;
      right = next;
    }
    return left * 2 ** k + right;
  }
}

/** A uniform draw inside stratum `stratum` of n: (stratum + v)/n, kept strictly inside the stratum. */
export function drawInStratum(stratum: number, n: number, v: number): number {
  const u = (stratum + v) / n;
  return floor(u * n) === stratum && u > 0 && u < 1 ? u : (stratum + 0.5) / n;
}

/** Wellons's lowbias32 integer hash (a bijection of 32-bit words). */
function mix(x: number): number {
  x ^= x >>> 16;
  x = imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}
