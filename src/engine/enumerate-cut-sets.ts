// Lazy enumeration of a cut-set family (engine stage): a depth-first walk of the ZBDD (Minato 1993)
// with an explicit stack, one set at a time, so that millions stream out in constant memory.

import type { CutSetFamily } from './minimal-cut-sets.js';
import { BASE, EMPTY, type ZbddRef } from './zbdd.js';

/** A literal of a cut set: the event's variable index v, or ~v (that is −v − 1) for its negation. */
export type CutSetLiteral = number;

export interface CutSet {
  /** Literals in the BDD's variable order. */
  readonly literals: readonly CutSetLiteral[];
  readonly probability: number;
}

/**
 * Calls `visit` with every set of the family: its literals in `buffer[0..length)` (valid during the
 * call only) and its probability. Sets come in a fixed depth-first order (then-branches first).
 */
export function forEachCutSet(
  family: CutSetFamily,
  visit: (buffer: Int32Array, length: number, probability: number) => void,
  root: ZbddRef = family.root,
): void {
  const { zbdd } = family;
  const literalOf = literalMap(family);
  const weightOf = literalWeights(family);
  // A pending else-branch per variable on the current path at most: stacks of fixed size.
  const size = literalOf.length + 2;
  const nodes = new Int32Array(size);
  const depths = new Int32Array(size);
  const weights = new Float64Array(size);
  const buffer = new Int32Array(size);
  let top = 0;
  if (root !== EMPTY) {
    nodes[0] = root;
    depths[0] = 0;
    weights[0] = 1;
    top = 1;
  }
  while (top > 0) {
    top--;
    let z = nodes[top]!;
    let d = depths[top]!;
    let p = weights[top]!;
    while (z > BASE) {
      const lo = zbdd.low(z);
      if (lo !== EMPTY) {
        nodes[top] = lo;
        depths[top] = d;
        weights[top] = p;
        top++;
      }
      const v = zbdd.variable(z);
      buffer[d++] = literalOf[v]!;
      p *= weightOf[v]!;
      z = zbdd.high(z);
    }
    visit(buffer, d, p);
  }
}

/** A view of the current set of `walkCutSets`: overwritten by the next step. */
export interface CutSetView {
  /** Literals in `buffer[0..length)`. */
  buffer: Int32Array;
  length: number;
  probability: number;
}

/**
 * The sets of the family as a generator of one reused view (no allocation per set), in the order
 * of `forEachCutSet`; copy what must outlive the step.
 */
export function* walkCutSets(family: CutSetFamily, root: ZbddRef = family.root): Generator<CutSetView> {
  const { zbdd } = family;
  const literalOf = literalMap(family);
  const weightOf = literalWeights(family);
  const nodes: number[] = [];
  const depths: number[] = [];
  const weights: number[] = [];
  const view: CutSetView = { buffer: new Int32Array(64), length: 0, probability: 1 };
  if (root !== EMPTY) {
    nodes.push(root);
    depths.push(0);
    weights.push(1);
  }
  while (nodes.length > 0) {
    let z = nodes.pop()!;
    let d = depths.pop()!;
    let p = weights.pop()!;
    while (z > BASE) {
      const lo = zbdd.low(z);
      if (lo !== EMPTY) {
        nodes.push(lo);
        depths.push(d);
        weights.push(p);
      }
      const v = zbdd.variable(z);
      if (d === view.buffer.length) {
        const bigger = new Int32Array(view.buffer.length * 2);
        bigger.set(view.buffer);
        view.buffer = bigger;
      }
      view.buffer[d++] = literalOf[v]!;
      p *= weightOf[v]!;
      z = zbdd.high(z);
    }
    view.length = d;
    view.probability = p;
    yield view;
  }
}

/** Every set of the family, lazily, in the order of `forEachCutSet`. */
export function* enumerateCutSets(family: CutSetFamily, root: ZbddRef = family.root): Generator<CutSet> {
  const { zbdd } = family;
  const literalOf = literalMap(family);
  const weightOf = literalWeights(family);
  const stack: { z: ZbddRef; prefix: number[]; p: number }[] = root === EMPTY ? [] : [{ z: root, prefix: [], p: 1 }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    let { z, p } = top;
    const literals = [...top.prefix];
    while (z > BASE) {
      const lo = zbdd.low(z);
      if (lo !== EMPTY) stack.push({ z: lo, prefix: [...literals], p });
      const v = zbdd.variable(z);
      literals.push(literalOf[v]!);
      p *= weightOf[v]!;
      z = zbdd.high(z);
    }
    yield { literals, probability: p };
  }
}

/** The literal of each ZBDD variable (2·level, 2·level + 1 for the negation). */
export function literalMap(family: CutSetFamily): Int32Array {
  const { levelVariables } = family;
  const map = new Int32Array(2 * levelVariables.length);
  levelVariables.forEach((v, level) => {
    map[2 * level] = v;
    map[2 * level + 1] = ~v;
  });
  return map;
}

/** The probability of each ZBDD variable's literal: q, or 1 − q for a negation. */
export function literalWeights(family: CutSetFamily): Float64Array {
  const { levelVariables, probabilities } = family;
  const weights = new Float64Array(2 * levelVariables.length);
  levelVariables.forEach((v, level) => {
    const p = v >= 0 ? probabilities[v]! : 0;
    weights[2 * level] = p;
    weights[2 * level + 1] = 1 - p;
  });
  return weights;
}
