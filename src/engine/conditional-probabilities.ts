// P(T|x=1) and P(T|x=0) of every basic event, exactly and without subtraction, in two sweeps over
// the BDD (engine stage): path probabilities from the root (Rauzy 2001; Dutuit & Rauzy 2001, RESS 72)
// summed per level, with a segment tree for the edges that skip levels.

import type { BddModel } from './build-bdd.js';
import { ONE, ZERO, TERMINAL_LEVEL, type BddRef } from './bdd.js';
import { computeNodeProbabilities, refProbability } from './top-probability.js';

export interface ConditionalProbabilities {
  readonly pTop: number;
  /** P(T | x_v = 1), indexed by variable. */
  readonly pGivenTrue: Float64Array;
  /** P(T | x_v = 0), indexed by variable; exactly 0 when no path to the top avoids x_v. */
  readonly pGivenFalse: Float64Array;
}

/**
 * For a function F and a level ℓ of its BDD, P(F|x_ℓ=b) is the sum, over the nodes n at ℓ, of the
 * probability of reaching n times P(branch b of n), plus the probability of the paths that skip ℓ
 * (an edge from above ℓ to below it). All terms are non-negative, so a zero stays an exact zero
 * (RRW = ∞) and small values keep their digits. Modules compose by the law of total probability:
 * P(T|x) = (1 − P(M|x))·P(T|M=0) + P(M|x)·P(T|M=1), up the chain of modules that contain x.
 */
export function computeConditionalProbabilities(model: BddModel, q: Float64Array = model.graph.probabilities): ConditionalProbabilities {
  const { bdd } = model;
  const nodeProbabilities = computeNodeProbabilities(model, q);
  const { pTrue, pFalse, levelProbabilities } = nodeProbabilities;
  const pTop = refProbability(nodeProbabilities, model.root);
  const count = model.graph.variables.length;
  const pGivenTrue = new Float64Array(count).fill(pTop);
  const pGivenFalse = new Float64Array(count).fill(pTop);
  const end = pTrue.length;
  const levels = levelProbabilities.length;
  const P = (r: BddRef): number => (r > 0 ? pTrue[r]! : pFalse[-r]!);

  // Functions: 0 is the top, m + 1 is module m. Pass 1, descending (parents before children):
  // the probability of reaching each node from its function's root, by parity of complements.
  const roots = [model.root, ...model.modules.map((m) => m.root)];
  const fnOf = new Int32Array(end).fill(-1);
  const even = new Float64Array(end);
  const odd = new Float64Array(end);
  roots.forEach((r, f) => {
    if (r === ONE || r === ZERO) return;
    const n = r < 0 ? -r : r;
    fnOf[n] = f;
    if (r > 0) even[n] = even[n]! + 1;
    else odd[n] = odd[n]! + 1;
  });
  const levelFn = new Int32Array(levels).fill(-1);
  for (let n = end - 1; n >= 2; n--) {
    const f = fnOf[n]!;
    if (f < 0) continue;
    const level = bdd.level(n);
    levelFn[level] = f;
    const p = levelProbabilities[level]!;
    const e = even[n]!;
    const o = odd[n]!;
    const hi = bdd.high(n);
    const lo = bdd.low(n);
    if (hi > 1) {
      fnOf[hi] = f;
      even[hi] = even[hi]! + p * e;
      odd[hi] = odd[hi]! + p * o;
    }
    const l = lo < 0 ? -lo : lo;
    if (l > 1) {
      fnOf[l] = f;
      even[l] = even[l]! + (1 - p) * (lo > 0 ? e : o);
      odd[l] = odd[l]! + (1 - p) * (lo > 0 ? o : e);
    }
  }

  // Each function's levels in order; a level belongs to one function only (modules share no variable).
  const position = new Int32Array(levels);
  const firstOf = new Int32Array(roots.length + 1);
  const sizes = new Int32Array(roots.length);
  for (let level = 0; level < levels; level++) {
    const f = levelFn[level]!;
    if (f >= 0) position[level] = sizes[f]!++;
  }
  for (let f = 0; f < roots.length; f++) firstOf[f + 1] = firstOf[f]! + sizes[f]!;

  // Pass 2: per-level sums at the nodes; the mass of an edge that skips levels goes to the range of
  // positions it skips, in a segment tree per function (Bentley 1977) so that nothing is subtracted.
  const given0 = new Float64Array(levels);
  const given1 = new Float64Array(levels);
  const tree = new Float64Array(2 * firstOf[roots.length]! + 1);
  const addSkip = (f: number, fromLevel: number, child: BddRef, mass: number): void => {
    const c = child < 0 ? -child : child;
    const size = sizes[f]!;
    let l = position[fromLevel]! + 1;
    let r = c === 1 || bdd.level(c) === TERMINAL_LEVEL ? size : position[bdd.level(c)]!;
    if (l >= r || mass === 0) return;
    const base = 2 * firstOf[f]!;
    for (l += size, r += size; l < r; l >>= 1, r >>= 1) {
      if (l & 1) {
        tree[base + l] = tree[base + l]! + mass;
        l++;
      }
      if (r & 1) {
        r--;
        tree[base + r] = tree[base + r]! + mass;
      }
    }
  };
  for (let n = 2; n < end; n++) {
    const f = fnOf[n]!;
    if (f < 0) continue;
    const level = bdd.level(n);
    const p = levelProbabilities[level]!;
    const e = even[n]!;
    const o = odd[n]!;
    const hi = bdd.high(n);
    const lo = bdd.low(n);
    const viaHigh = e * P(hi) + o * P(-hi);
    const viaLow = e * P(lo) + o * P(-lo);
    given1[level] = given1[level]! + viaHigh;
    given0[level] = given0[level]! + viaLow;
    addSkip(f, level, hi, p * viaHigh);
    addSkip(f, level, lo, (1 - p) * viaLow);
  }
  const local0 = new Float64Array(levels);
  const local1 = new Float64Array(levels);
  for (let level = 0; level < levels; level++) {
    const f = levelFn[level]!;
    if (f < 0) continue;
    const base = 2 * firstOf[f]!;
    let s = 0;
    for (let i = position[level]! + sizes[f]!; i >= 1; i >>= 1) s += tree[base + i]!;
    local0[level] = given0[level]! + s;
    local1[level] = given1[level]! + s;
  }

  // Up the chain of modules: P(parent | x) from P(module | x).
  const parentLevel = new Int32Array(roots.length).fill(-1);
  model.modules.forEach((m, i) => (parentLevel[i + 1] = m.level));
  model.variableLevels.forEach((level, v) => {
    let f = levelFn[level]!;
    if (f < 0) return;
    let c0 = local0[level]!;
    let c1 = local1[level]!;
    while (f > 0) {
      const up = parentLevel[f]!;
      if (levelFn[up]! < 0) return; // the module does not reach the top: x is irrelevant
      const a0 = local0[up]!;
      const a1 = local1[up]!;
      c0 = (1 - c0) * a0 + c0 * a1;
      c1 = (1 - c1) * a0 + c1 * a1;
      f = levelFn[up]!;
    }
    pGivenFalse[v] = clamp(c0);
    pGivenTrue[v] = clamp(c1);
  });
  return { pTop, pGivenTrue, pGivenFalse };
}

function clamp(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
