// The tree as it stands at a time t (model stage): every time-dependent event's probability
// re-evaluated at t, everything else unchanged; `ftree analyze --at` analyses this tree.

import { FtreeError } from './diagnostic.js';
import type { BasicEvent, FaultTree, Parameter } from './fault-tree.js';
import { evaluateFormula } from './evaluate-formula.js';
import { eventProbabilityAt, followsTreeClock, isTimeDependent } from './event-probability-at.js';

/**
 * A copy of `tree` with mission time t (hours): events that depend on time get their probability at
 * t (and time models on the tree's clock get t as their mission time); parameters their value at t.
 * Throws `PROBABILITY_RANGE` when a formula leaves [0, 1] at t.
 */
export function treeAtTime(tree: FaultTree, t: number): FaultTree {
  const events = new Map<string, BasicEvent>();
  for (const [id, event] of tree.events) {
    if (!isTimeDependent(event, tree)) {
      events.set(id, event);
      continue;
    }
    const probability = checkedProbability(event, tree, t);
    const model = followsTreeClock(event, tree) && 'missionTime' in event.model ? { ...event.model, missionTime: t } : event.model;
    events.set(id, { ...event, probability, model });
  }
  const parameters = new Map<string, Parameter>();
  for (const [id, p] of tree.parameters) parameters.set(id, p.formula ? { ...p, value: evaluateFormula(p.formula, tree, t) } : p);
  return { ...tree, missionTime: t, events, parameters };
}

/** P(event) at t, or a `PROBABILITY_RANGE` error naming the event and the time. */
export function checkedProbability(event: BasicEvent, tree: Pick<FaultTree, 'parameters' | 'missionTime'>, t: number): number {
  const p = eventProbabilityAt(event, tree, t);
  if (p >= 0 && p <= 1) return p;
  throw new FtreeError(
    {
      code: 'PROBABILITY_RANGE',
      severity: 'error',
      message: `The probability of event "${event.id}" at t = ${t} h is ${p}, outside [0, 1]`,
      hint: 'its expression holds only over a shorter time: choose an earlier time',
    }
  );
}
