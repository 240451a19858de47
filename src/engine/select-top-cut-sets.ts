// The most probable cut sets of a family (engine stage): a depth-first walk of the ZBDD that skips
// every branch whose best set cannot enter the current top n (branch and bound on max-probability
// bounds computed bottom-up), keeping the top n in a binary heap.

import type { CutSetFamily } from './minimal-cut-sets.js';
import { literalMap, literalWeights, type CutSet } from './enumerate-cut-sets.js';
import { BASE, EMPTY } from './zbdd.js';
import { idRanks, sortedLiteralKeys } from './event-id-order.js';

interface Entry {
  readonly literals: number[];
  readonly probability: number;
  /** The literals' keys by event id, increasing (see `literalKey`): the last tie-break. */
  readonly keys: Int32Array;
}

/** Higher probability first, then lower order, then the sets' event ids compared as sequences. */
export function compareCutSets(a: Entry, b: Entry): number {
  const d = b.probability - a.probability || a.literals.length - b.literals.length;
  if (d !== 0) return d;
  for (let i = 0; i < a.keys.length; i++) if (a.keys[i] !== b.keys[i]) return a.keys[i]! - b.keys[i]!;
  return 0;
}

/** The `limit` most probable sets, sorted (higher probability first, then lower order). */
export function selectTopCutSets(family: CutSetFamily, limit: number): CutSet[] {
  const { zbdd, root } = family;
  if (limit <= 0 || root === EMPTY) return [];
  const literalOf = literalMap(family);
  const weightOf = literalWeights(family);
  const ids = idRanks(family.variables);
  const best = new Float64Array(zbdd.nodeCount);
  best[BASE] = 1;
  best[EMPTY] = -1;
  for (const n of zbdd.nodesBelow(root)) best[n] = Math.max(best[zbdd.low(n)]!, weightOf[zbdd.variable(n)]! * best[zbdd.high(n)]!);

  // A heap of the kept sets with the worst at the root (worst = last in `compareCutSets` order).
  const heap: Entry[] = [];
  const worse = (a: Entry, b: Entry): boolean => compareCutSets(a, b) > 0;
  const push = (e: Entry): void => {
    heap.push(e);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const replaceRoot = (e: Entry): void => {
    heap[0] = e;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  // The bound is relaxed by a few ulps: the product along a path may round differently from `best`.
  const threshold = (): number => (heap.length < limit ? -1 : heap[0]!.probability * (1 - 1e-12));

  const nodes: number[] = [root];
  const prefixes: number[][] = [[]];
  const weights: number[] = [1];
  while (nodes.length > 0) {
    let z = nodes.pop()!;
    const literals = prefixes.pop()!;
    let p = weights.pop()!;
    if (p * best[z]! < threshold()) continue;
    while (z > BASE) {
      const lo = zbdd.low(z);
      if (lo !== EMPTY && p * best[lo]! >= threshold()) {
        nodes.push(lo);
        prefixes.push([...literals]);
        weights.push(p);
      }
      const v = zbdd.variable(z);
      literals.push(literalOf[v]!);
      p *= weightOf[v]!;
      z = zbdd.high(z);
    }
    const keys = new Int32Array(literals.length);
    sortedLiteralKeys(ids, literals, 0, literals.length, keys, 0);
    const entry = { literals, probability: p, keys };
    if (heap.length < limit) push(entry);
    else if (worse(heap[0]!, entry)) replaceRoot(entry);
  }
  return heap.sort(compareCutSets).map((e) => ({ literals: e.literals, probability: e.probability }));
}
