// Probability of every gate and its posterior given the top event, P(G) and P(G|T) = P(G∧T)/P(T),
// on flat BDDs with a small node budget (engine stage), for drawings and reports of the whole tree.

import type { FaultTree } from '../model/fault-tree.js';
import { compileProbabilityModel } from './analyze-probability.js';
import { buildGateBdd } from './build-gate-bdd.js';
import { computeNodeProbabilities, refProbability } from './top-probability.js';

export interface GateProbability {
  readonly probability: number;
  /** P(G|T); 0 when P(T) = 0. */
  readonly posterior: number;
}

export interface GateProbabilityOptions {
  /** The variables' probabilities (the priors by default; evidence-adjusted ones give P(G|T,E) without gate evidence). */
  readonly q?: Float64Array;
  /** Most BDD nodes for the flat BDDs (default 2 million): beyond, `BDD_NODE_LIMIT` is thrown early. */
  readonly maxNodes?: number;
}

/** Node budget of the flat BDDs: small, so that a tree too large for them fails in a second or two. */
export const DEFAULT_GATE_BDD_NODES = 2_000_000;

/**
 * P(G) and P(G|T) of each gate in `gates`. The gates' BDDs are built flat (no modules) in a manager
 * of their own, with a small node budget: a tree whose flat BDDs do not fit throws `BDD_NODE_LIMIT`
 * quickly, and callers draw it without gate probabilities.
 */
export function computeGateProbabilities(tree: FaultTree, gates: Iterable<string>, options: GateProbabilityOptions = {}): Map<string, GateProbability> {
  const model = compileProbabilityModel(tree, { modularize: false, maxNodes: options.maxNodes ?? DEFAULT_GATE_BDD_NODES });
  const { bdd } = model;
  const topRef = buildGateBdd(model, tree.top);
  const refs = new Map<string, { g: number; gt: number }>();
  for (const id of gates) {
    const g = buildGateBdd(model, id);
    refs.set(id, { g, gt: bdd.and(g, topRef) });
  }
  const nodes = computeNodeProbabilities(model, options.q);
  const pTop = refProbability(nodes, topRef);
  const out = new Map<string, GateProbability>();
  for (const [id, { g, gt }] of refs) {
    out.set(id, { probability: refProbability(nodes, g), posterior: pTop > 0 ? Math.min(1, refProbability(nodes, gt) / pTop) : 0 });
  }
  return out;
}
