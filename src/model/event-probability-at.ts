// A basic event's probability at a time t other than the mission time (model stage), for time
// curves and `analyze --at`: the event's formula with the mission time set to t, or its time model
// at t when the model runs on the tree's clock; anything else keeps its probability.

import type { BasicEvent, FaultTree } from './fault-tree.js';
import { evaluateFormula } from './evaluate-formula.js';
import { probabilityAt } from './probability-at.js';

type TreeClock = Pick<FaultTree, 'parameters' | 'missionTime'>;

/**
 * True when the event's time model runs on the tree's clock: its mission time is the tree's (MEF:
 * `system-mission-time`; YAML: no `mission_time` of its own). A model with a time of its own keeps it
 * (the same convention as the MEF export, which writes `<system-mission-time/>` in exactly these cases).
 */
export function followsTreeClock(event: BasicEvent, tree: TreeClock): boolean {
  const m = event.model;
  return m.kind !== 'constant' && m.kind !== 'expression' && m.missionTime === tree.missionTime;
}

/** True when the event's probability changes with t. */
export function isTimeDependent(event: BasicEvent, tree: TreeClock): boolean {
  if (event.formula) return formulaReadsTime(event.formula, tree);
  return followsTreeClock(event, tree);
}

/** P(event) at time t, in hours (may leave [0, 1] when a formula does: the caller checks). */
export function eventProbabilityAt(event: BasicEvent, tree: TreeClock, t: number): number {
  if (event.formula) return evaluateFormula(event.formula, tree, t);
  if (followsTreeClock(event, tree)) return probabilityAt(event.model, t);
  return event.probability;
}

function formulaReadsTime(formula: NonNullable<BasicEvent['formula']>, tree: TreeClock): boolean {
  const seen = new Set<string>();
  const stack = [formula];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.kind === 'mission-time') return true;
    if (f.kind === 'call') stack.push(...f.args);
    if (f.kind === 'parameter' && !seen.has(f.id)) {
      seen.add(f.id);
      const p = tree.parameters.get(f.id);
      if (p?.formula) stack.push(p.formula);
    }
  }
  return false;
}
