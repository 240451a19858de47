// Counts per order, the rare-event sum and the probability range of a cut-set family, by dynamic
// programming over its ZBDD nodes without listing the sets (engine stage): Minato 1993; Rauzy 1993.

import type { CutSetFamily } from './minimal-cut-sets.js';
import { literalWeights } from './enumerate-cut-sets.js';
import { BASE, EMPTY } from './zbdd.js';

export interface CutSetSummary {
  /** Number of sets (a float: exact up to 2^53). */
  readonly total: number;
  /** Number of sets of each order, index = order (0 only for the empty set of a tree that always fails). */
  readonly perOrder: readonly number[];
  /** Σ P(C) over the sets (the rare-event approximation before clipping at 1). */
  readonly rareEventSum: number;
  /** The largest and smallest probability of a set (0 for an empty family). */
  readonly maxProbability: number;
  readonly minProbability: number;
}

/** One ascending sweep over the family's flattened nodes (children come first), then one per order. */
export function summarizeCutSets(family: CutSetFamily): CutSetSummary {
  const { zbdd, root } = family;
  if (root === EMPTY) return { total: 0, perOrder: [], rareEventSum: 0, maxProbability: 0, minProbability: 0 };
  if (root === BASE) return { total: 1, perOrder: [1], rareEventSum: 1, maxProbability: 1, minProbability: 1 };
  const { variables, lows, highs } = zbdd.flatten(root);
  const count = variables.length;
  const weight = literalWeights(family);
  const sum = new Float64Array(count);
  const best = new Float64Array(count);
  const worst = new Float64Array(count);
  const height = new Int32Array(count);
  // Children as positions: −1 is EMPTY (no set), −2 is BASE (the empty set).
  for (let i = 0; i < count; i++) {
    const lo = lows[i]!;
    const hi = highs[i]!;
    const p = weight[variables[i]!]!;
    const sumHi = hi === -2 ? 1 : sum[hi]!;
    const bestHi = p * (hi === -2 ? 1 : best[hi]!);
    const worstHi = p * (hi === -2 ? 1 : worst[hi]!);
    const heightHi = 1 + (hi === -2 ? 0 : height[hi]!);
    if (lo === -1) {
      sum[i] = p * sumHi;
      best[i] = bestHi;
      worst[i] = worstHi;
      height[i] = heightHi;
    } else {
      const bestLo = lo === -2 ? 1 : best[lo]!;
      const worstLo = lo === -2 ? 1 : worst[lo]!;
      const heightLo = lo === -2 ? 0 : height[lo]!;
      sum[i] = (lo === -2 ? 1 : sum[lo]!) + p * sumHi;
      best[i] = bestLo > bestHi ? bestLo : bestHi;
      worst[i] = worstLo < worstHi ? worstLo : worstHi;
      height[i] = heightLo > heightHi ? heightLo : heightHi;
    }
  }
  const top = count - 1;
  const maxOrder = height[top]!;
  // count_k(n) = count_k(low) + count_{k−1}(high): two layers of counts, one sweep per order.
  let previous = new Float64Array(count);
  let current = new Float64Array(count);
  const perOrder: number[] = [];
  let total = 0;
  for (let k = 0; k <= maxOrder; k++) {
    const baseLow = k === 0 ? 1 : 0;
    const baseHigh = k === 1 ? 1 : 0;
    for (let i = 0; i < count; i++) {
      const lo = lows[i]!;
      const hi = highs[i]!;
      const fromLow = lo === -1 ? 0 : lo === -2 ? baseLow : current[lo]!;
      current[i] = fromLow + (k === 0 ? 0 : hi === -2 ? baseHigh : previous[hi]!);
    }
    perOrder.push(current[top]!);
    total += current[top]!;
    const t = previous;
    previous = current;
    current = t;
  }
  return { total, perOrder, rareEventSum: sum[top]!, maxProbability: best[top]!, minProbability: worst[top]! };
}
