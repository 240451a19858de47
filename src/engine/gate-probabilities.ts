// Probability of every gate and its posterior given the top event, P(G) and P(G|T) = P(G∧T)/P(T),
// on flat BDDs in the model's manager (engine stage), for drawings and reports of the whole tree.

import type { BddModel } from './build-bdd.js';
import { buildGateBdd } from './build-gate-bdd.js';
import { computeNodeProbabilities, refProbability } from './top-probability.js';

export interface GateProbability {
  readonly probability: number;
  /** P(G|T); 0 when P(T) = 0. */
  readonly posterior: number;
}

/**
 * P(G) and P(G|T) of each gate in `gates`, with the variables' probabilities `q` (the priors by
 * default; an evidence-adjusted vector gives P(G|T,E)). The gates' BDDs are built flat in the
 * model's manager, so a tree whose flat BDD is too large throws `BDD_NODE_LIMIT` like the analysis.
 */
export function computeGateProbabilities(model: BddModel, top: string, gates: Iterable<string>, q?: Float64Array): Map<string, GateProbability> {
  const { bdd } = model;
  const topRef = buildGateBdd(model, top);
  const refs = new Map<string, { g: number; gt: number }>();
  for (const id of gates) {
    const g = buildGateBdd(model, id);
    refs.set(id, { g, gt: bdd.and(g, topRef) });
  }
  const nodes = computeNodeProbabilities(model, q);
  const pTop = refProbability(nodes, topRef);
  const out = new Map<string, GateProbability>();
  for (const [id, { g, gt }] of refs) {
    out.set(id, { probability: refProbability(nodes, g), posterior: pTop > 0 ? Math.min(1, refProbability(nodes, gt) / pTop) : 0 });
  }
  return out;
}
