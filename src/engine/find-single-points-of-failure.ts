// Single points of failure: the basic events that are minimal cut sets on their own (engine stage),
// from the minimal solutions of order 1 — a ZBDD pruned at order 1, cheap on any tree (Rauzy 1993).

import type { BddModel } from './build-bdd.js';
import { computeMinimalCutSets } from './minimal-cut-sets.js';
import { forEachCutSet } from './enumerate-cut-sets.js';

/**
 * Ids of the events whose failure alone, every other event working, makes the top event occur:
 * the order-1 minimal cut sets, most probable first (then by id). A tree whose top occurs with no
 * failure at all (its only minimal cut set is empty) has none.
 */
export function findSinglePointsOfFailure(model: BddModel): string[] {
  const family = computeMinimalCutSets(model, { maxOrder: 1 });
  const found: { id: string; p: number }[] = [];
  forEachCutSet(family, (buffer, length, p) => {
    if (length === 1) found.push({ id: model.graph.variables[buffer[0]!]!, p });
  });
  return found.sort((a, b) => b.p - a.p || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((e) => e.id);
}
