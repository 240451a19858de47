// Birnbaum importance, P(T|x=1), P(T|x=0) and the posterior P(x|T) of every variable in one
// backward pass over the BDD (engine stage): partial derivatives by path probabilities, as in
// Rauzy 2001, "Mathematical foundations of minimal cutsets" and Dutuit & Rauzy 2001 (RESS 72).

import type { BddModel } from './build-bdd.js';
import { NODE_STRIDE, type BddRef } from './bdd.js';
import { computeNodeProbabilities, refProbability } from './top-probability.js';

export interface EventImportanceOptions {
  /** The function to analyse (default: the model's top). Any reference into the model's manager. */
  readonly root?: BddRef;
}

/** Per-variable results, indexed like `graph.variables`. */
export interface EventImportance {
  readonly pTop: number;
  /** B_i = ∂P(T)/∂q_i = P(T|x_i=1) − P(T|x_i=0). */
  readonly birnbaum: Float64Array;
  readonly pGivenTrue: Float64Array;
  readonly pGivenFalse: Float64Array;
  /** P(x_i|T) = q_i·P(T|x_i=1)/P(T); 0 when P(T) = 0 (undefined: the caller flags it). */
  readonly posterior: Float64Array;
}

/**
 * One descending sweep carries the probability mass of the paths from the root to each node,
 * split by the parity of complemented edges on the way (so no mass cancels); the derivative for a
 * level is the sum over its nodes of mass × (P(then) − P(else)). A module's root receives the
 * derivative of its proxy as mass (chain rule), which is complete when the root is reached since
 * every node using the proxy is numbered after it.
 */
export function computeEventImportance(
  model: BddModel,
  q: Float64Array = model.graph.probabilities,
  options: EventImportanceOptions = {},
): EventImportance {
  const { bdd } = model;
  const root = options.root ?? model.root;
  const nodes = computeNodeProbabilities(model, q);
  const { pTrue, pFalse, levelProbabilities: pLevel } = nodes;
  const end = pTrue.length;
  const even = new Float64Array(end);
  const odd = new Float64Array(end);
  const derivative = new Float64Array(pLevel.length);
  if (root > 1) even[root] = 1;
  else if (root < -1) odd[-root] = 1;
  const modules = [...model.modules].sort((a, b) => Math.abs(b.root) - Math.abs(a.root));
  let next = 0;
  let nextRoot = modules.length > 0 ? Math.abs(modules[0]!.root) : 0;
  const records = bdd.nodes;
  for (let n = end - 1; n >= 2; n--) {
    while (n === nextRoot) {
      const m = modules[next++]!;
      const mass = derivative[m.level]!;
      if (m.root > 0) even[n] = even[n]! + mass;
      else odd[n] = odd[n]! + mass;
      nextRoot = next < modules.length ? Math.abs(modules[next]!.root) : 0;
    }
    const re = even[n]!;
    const ro = odd[n]!;
    if (re === 0 && ro === 0) continue;
    const i = n * NODE_STRIDE;
    const lv = records[i]!;
    const p = pLevel[lv]!;
    const l = records[i + 1]!;
    const h = records[i + 2]!;
    const lt = l > 0 ? pTrue[l]! : pFalse[-l]!;
    const lf = l > 0 ? pFalse[l]! : pTrue[-l]!;
    derivative[lv] = derivative[lv]! + re * (pTrue[h]! - lt) + ro * (pFalse[h]! - lf);
    if (h > 1) {
      even[h] = even[h]! + p * re;
      odd[h] = odd[h]! + p * ro;
    }
    if (l > 1) {
      even[l] = even[l]! + (1 - p) * re;
      odd[l] = odd[l]! + (1 - p) * ro;
    } else if (l < -1) {
      even[-l] = even[-l]! + (1 - p) * ro;
      odd[-l] = odd[-l]! + (1 - p) * re;
    }
  }

  const pTop = refProbability(nodes, root);
  const count = model.graph.variables.length;
  const birnbaum = new Float64Array(count);
  const pGivenTrue = new Float64Array(count);
  const pGivenFalse = new Float64Array(count);
  const posterior = new Float64Array(count);
  for (let v = 0; v < count; v++) {
    const b = derivative[model.variableLevels[v]!]!;
    const qv = q[v]!;
    // P(T) is linear in q_v: P(T) = P(T|x=0) + q_v·B.
    const p1 = clamp(pTop + (1 - qv) * b);
    const p0 = clamp(pTop - qv * b);
    birnbaum[v] = b;
    pGivenTrue[v] = p1;
    pGivenFalse[v] = p0;
    posterior[v] = pTop > 0 ? Math.min(1, (qv * p1) / pTop) : 0;
  }
  return { pTop, birnbaum, pGivenTrue, pGivenFalse, posterior };
}

function clamp(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
