// The flat BDD of any gate or basic event of the tree in a model's manager (engine stage), for
// conditioning (T ∧ G) and other analyses that combine functions: apply, Bryant 1986.

import type { Literal } from './boolean-graph.js';
import type { BddModel } from './build-bdd.js';
import { ONE, type BddRef } from './bdd.js';
import { applyOperator } from './apply-operator.js';

/**
 * The BDD of the gate, basic event or house event `id` over the model's variables only (no module
 * proxies), built in the model's manager and order, so it combines with other flat BDDs of the
 * same model (`bdd.and(buildGateBdd(m, top), buildGateBdd(m, g))`). Throws on an unknown id.
 */
export function buildGateBdd(model: BddModel, id: string): BddRef {
  return buildLiteralBdd(model, literalOf(model, id));
}

/** The flat BDD of a graph literal (see `buildGateBdd`). */
export function buildLiteralBdd(model: BddModel, literal: Literal): BddRef {
  const { bdd, graph } = model;
  const { nodeLevels } = model.order;
  const result = new Map<number, BddRef>([[1, ONE]]);
  const refOf = (a: Literal): BddRef => {
    const c = a < 0 ? -a : a;
    let r = result.get(c);
    if (r === undefined) {
      r = bdd.variable(nodeLevels[c]!);
      result.set(c, r);
    }
    return a < 0 ? -r : r;
  };
  // Iterative post-order over the operator nodes of the cone.
  const top = literal < 0 ? -literal : literal;
  const stack: number[] = graph.args[top] === undefined ? [] : [top];
  while (stack.length > 0) {
    const n = stack[stack.length - 1]!;
    if (result.has(n)) {
      stack.pop();
      continue;
    }
    const args = graph.args[n]!;
    let ready = true;
    for (const a of args) {
      const c = a < 0 ? -a : a;
      if (graph.args[c] !== undefined && !result.has(c)) {
        stack.push(c);
        ready = false;
      }
    }
    if (!ready) continue;
    stack.pop();
    result.set(n, applyOperator(bdd, graph.operators[n]!, graph.thresholds[n]!, Array.from(args, refOf)));
  }
  return refOf(literal);
}

function literalOf(model: BddModel, id: string): Literal {
  const { graph } = model;
  const gate = graph.gateLiterals.get(id);
  if (gate !== undefined) return gate;
  const v = graph.variables.indexOf(id);
  if (v >= 0) return v + 2;
  const house = graph.houseLiterals.get(id);
  if (house !== undefined) return house;
  throw new Error(`Internal error: "${id}" is not a gate, basic event or house event of the tree`);
}
