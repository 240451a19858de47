// Exact probability of BDD nodes by Shannon decomposition, one memoised bottom-up pass (engine
// stage): Bryant 1986; Rauzy 1993, "New algorithms for fault trees analysis" (RESS 40).

import type { BddModel } from './build-bdd.js';
import { NODE_STRIDE, type BddRef } from './bdd.js';

/**
 * P(f) and P(¬f) of every node of the manager, and the probability of every level. Both are kept
 * so that a complemented edge never costs a subtraction (1 − P would lose rare-event digits).
 */
export interface NodeProbabilities {
  /** P(node = 1), indexed by node. */
  readonly pTrue: Float64Array;
  /** P(node = 0), indexed by node. */
  readonly pFalse: Float64Array;
  /** Probability of each level's variable; a module proxy's is its module's probability. */
  readonly levelProbabilities: Float64Array;
}

/**
 * Probabilities of every node, given the variables' probabilities `q` (indexed by variable; the
 * graph's priors by default). Nodes are numbered children first, so one ascending sweep suffices;
 * a module's probability becomes its proxy's as soon as the module's root is passed.
 */
export function computeNodeProbabilities(model: BddModel, q: Float64Array = model.graph.probabilities): NodeProbabilities {
  const { bdd } = model;
  const levels = model.order.levelNodes.length;
  const pLevel = new Float64Array(levels);
  model.variableLevels.forEach((level, v) => (pLevel[level] = q[v]!));
  const end = bdd.nodeCount + 1;
  const pTrue = new Float64Array(end);
  const pFalse = new Float64Array(end);
  pTrue[1] = 1;
  const modules = [...model.modules].sort((a, b) => Math.abs(a.root) - Math.abs(b.root));
  let next = 0;
  let nextRoot = modules.length > 0 ? Math.abs(modules[0]!.root) : end;
  const records = bdd.nodes;
  for (let n = 2; n < end; n++) {
    const i = n * NODE_STRIDE;
    const p = pLevel[records[i]!]!;
    const l = records[i + 1]!;
    const h = records[i + 2]!;
    const lt = l > 0 ? pTrue[l]! : pFalse[-l]!;
    const lf = l > 0 ? pFalse[l]! : pTrue[-l]!;
    pTrue[n] = p * pTrue[h]! + (1 - p) * lt;
    pFalse[n] = p * pFalse[h]! + (1 - p) * lf;
    while (n === nextRoot) {
      const m = modules[next++]!;
      pLevel[m.level] = m.root > 0 ? pTrue[n]! : pFalse[n]!;
      nextRoot = next < modules.length ? Math.abs(modules[next]!.root) : end;
    }
  }
  return { pTrue, pFalse, levelProbabilities: pLevel };
}

/** P(f) from node probabilities. */
export function refProbability(nodes: NodeProbabilities, f: BddRef): number {
  return f > 0 ? nodes.pTrue[f]! : nodes.pFalse[-f]!;
}

/** Exact P(top) for the variables' probabilities `q` (the priors by default). */
export function computeTopProbability(model: BddModel, q?: Float64Array): number {
  return refProbability(computeNodeProbabilities(model, q), model.root);
}
