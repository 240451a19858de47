// Single points of failure: the basic events that are minimal cut sets on their own (engine stage),
// found by evaluating the BDD on each one-event failure, one path per module, without cut sets.

import type { BddModel } from './build-bdd.js';
import { HIGH, LEVEL, LOW, NODE_STRIDE, ONE, type BddRef } from './bdd.js';
import { compareIds } from './event-id-order.js';

/**
 * Ids of the events whose failure alone, every other event working, makes the top event occur:
 * the order-1 minimal cut sets, most probable first (then by id). A tree whose top occurs with no
 * failure at all (its only minimal cut set is empty) has none.
 *
 * The cut sets are those of the monotone hull f↑(x) = ∃ y ≤ x: f(y) (minimal-cut-sets.ts), so {x}
 * is one exactly when f(∅) = 0 and f({x}) = 1; both are a walk of one path through each module's
 * BDD met on the way.
 */
export function findSinglePointsOfFailure(model: BddModel): string[] {
  const { bdd, modules, levelModules, variableLevels, graph } = model;
  const nodes = bdd.nodes;
  // Per module, its value under the assignment being evaluated: 0 unknown, 1 false, 2 true.
  const moduleValues = new Uint8Array(modules.length);
  const holds = (f: BddRef, failed: number): boolean => {
    let r = f;
    while (r !== ONE && r !== -ONE) {
      const i = (r < 0 ? -r : r) * NODE_STRIDE;
      const level = nodes[i + LEVEL]!;
      let value = level === failed;
      const m = levelModules[level]!;
      if (m >= 0) {
        if (moduleValues[m] === 0) moduleValues[m] = holds(modules[m]!.root, failed) ? 2 : 1;
        value = moduleValues[m] === 2;
      }
      const next = value ? nodes[i + HIGH]! : nodes[i + LOW]!;
      r = r < 0 ? -next : next;
    }
    return r === ONE;
  };
  if (holds(model.root, -1)) return [];
  const found: { id: string; p: number }[] = [];
  for (let v = 0; v < variableLevels.length; v++) {
    const level = variableLevels[v]!;
    if (level < 0) continue;
    moduleValues.fill(0);
    if (holds(model.root, level)) found.push({ id: graph.variables[v]!, p: graph.probabilities[v]! });
  }
  return found.sort((a, b) => b.p - a.p || compareIds(a.id, b.id)).map((e) => e.id);
}
