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

/** One ascending sweep per order over the family's nodes (children come first). */
export function summarizeCutSets(family: CutSetFamily): CutSetSummary {
  const { zbdd, root } = family;
  if (root === EMPTY) return { total: 0, perOrder: [], rareEventSum: 0, maxProbability: 0, minProbability: 0 };
  if (root === BASE) return { total: 1, perOrder: [1], rareEventSum: 1, maxProbability: 1, minProbability: 1 };
  const nodes = zbdd.nodesBelow(root);
  const size = zbdd.nodeCount;
  const weight = literalWeights(family);
  const sum = new Float64Array(size);
  const best = new Float64Array(size);
  const worst = new Float64Array(size);
  const height = new Int32Array(size);
  sum[BASE] = 1;
  best[BASE] = 1;
  worst[BASE] = 1;
  best[EMPTY] = -1;
  worst[EMPTY] = 2;
  height[EMPTY] = -1;
  for (const n of nodes) {
    const lo = zbdd.low(n);
    const hi = zbdd.high(n);
    const p = weight[zbdd.variable(n)]!;
    sum[n] = sum[lo]! + p * sum[hi]!;
    best[n] = Math.max(best[lo]!, p * best[hi]!);
    worst[n] = Math.min(worst[lo]!, p * worst[hi]!);
    height[n] = Math.max(height[lo]!, 1 + height[hi]!);
  }
  const maxOrder = height[root]!;
  // count_k(n) = count_k(low) + count_{k−1}(high): two layers of counts, one sweep per order.
  let previous = new Float64Array(size);
  let current = new Float64Array(size);
  const perOrder: number[] = [];
  let total = 0;
  for (let k = 0; k <= maxOrder; k++) {
    current[BASE] = k === 0 ? 1 : 0;
    for (const n of nodes) current[n] = current[zbdd.low(n)]! + (k === 0 ? 0 : previous[zbdd.high(n)]!);
    perOrder.push(current[root]!);
    total += current[root]!;
    const t = previous;
    previous = current;
    current = t;
  }
  return { total, perOrder, rareEventSum: sum[root]!, maxProbability: best[root]!, minProbability: worst[root]! };
}
