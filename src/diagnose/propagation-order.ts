// The order in which a propagation's two ends first fired (diagnose stage): a probabilistic input
// `from → to` (docs/format.md) that passed makes `to` fail after `from`, so `to`'s signals rarely
// start before `from`'s. A likelihood on the expansion's gate `from→to`, exact on the BDD like any
// gate evidence (docs/diagnosis.md, "Propagation order").

import type { FaultTree } from '../model/fault-tree.js';
import type { PropagationMagnitude, PropagationOrder, RatedSignal } from './diagnosis.js';

export type { PropagationMagnitude, PropagationOrder } from './diagnosis.js';

/** P(`to` first fired before `from` | the failure passed from → to): measurement noise only. */
export const PASSED_BEFORE = 0.02;
/** P(`to` first fired before `from` | it did not pass): a quarter, ties (same sample) taking half. */
export const UNRELATED_BEFORE = 0.25;
/** An additive metric's departure at `from` below this share of the one at `to` is "too small to explain it". */
export const SMALL_SHARE = 0.1;
/** P(too small | the failure passed): a callee whose slowdown is a tenth of its caller's rarely made it. */
export const PASSED_SMALL = 0.05;
/** P(too small | it did not pass): the two departures are unrelated, either may be the larger. */
export const UNRELATED_SMALL = 0.5;


/** The largest departure (by size) of a node's fired additive metric signals, or undefined. */
function largestDeparture(signals: readonly RatedSignal[] | undefined): number | undefined {
  let best: number | undefined;
  for (const s of signals ?? []) {
    if (s.state !== 'fired' || !s.additive || s.departure === undefined) continue;
    if (best === undefined || Math.abs(s.departure) > Math.abs(best)) best = s.departure;
  }
  return best;
}

/**
 * For every propagation whose two ends both fired an additive metric signal departing the same
 * way: whether `from`'s departure is too small to explain `to`'s, and its likelihood.
 */
export function findPropagationMagnitudes(tree: FaultTree, byOwner: ReadonlyMap<string, readonly RatedSignal[]>): PropagationMagnitude[] {
  return compareEnds(tree, byOwner, largestDeparture, (gate, from, to, fromDeparture, toDeparture) => {
    if (Math.sign(fromDeparture) !== Math.sign(toDeparture) || toDeparture === 0) return undefined;
    const small = Math.abs(fromDeparture) < SMALL_SHARE * Math.abs(toDeparture);
    const likelihood = small ? { ifTrue: PASSED_SMALL, ifFalse: UNRELATED_SMALL } : { ifTrue: 1 - PASSED_SMALL, ifFalse: 1 - UNRELATED_SMALL };
    return { gate, from, to, fromDeparture, toDeparture, small, likelihood };
  });
}

/** For each propagation gate whose two ends both give a value: what `judge` makes of them. */
function compareEnds<T>(
  tree: FaultTree,
  byOwner: ReadonlyMap<string, readonly RatedSignal[]>,
  valueOf: (signals: readonly RatedSignal[] | undefined) => number | undefined,
  judge: (gate: string, from: string, to: string, fromValue: number, toValue: number) => T | undefined,
): T[] {
  const out: T[] = [];
  for (const gate of tree.gates.values()) {
    const p = gate.propagation;
    if (!p) continue;
    const fromValue = valueOf(byOwner.get(p.from));
    const toValue = valueOf(byOwner.get(p.to));
    if (fromValue === undefined || toValue === undefined) continue;
    const judged = judge(gate.id, p.from, p.to, fromValue, toValue);
    if (judged !== undefined) out.push(judged);
  }
  return out;
}


/** The earliest first time of a node's fired log and metric signals. */
function firstFired(signals: readonly RatedSignal[] | undefined): number | undefined {
  let first: number | undefined;
  for (const s of signals ?? []) {
    if (s.state !== 'fired' || s.kind === 'change' || s.firstSeen === undefined) continue;
    if (first === undefined || s.firstSeen < first) first = s.firstSeen;
  }
  return first;
}

/**
 * For every propagation of the tree whose two ends both have a fired signal with a time: the
 * order they fired in and its likelihood. `slack` (ms) absorbs sampling: a lead of at most that
 * much counts as simultaneous.
 */
export function findPropagationOrders(tree: FaultTree, byOwner: ReadonlyMap<string, readonly RatedSignal[]>, slack: number): PropagationOrder[] {
  return compareEnds(tree, byOwner, firstFired, (gate, from, to, fromTime, toTime) => {
    const reversed = toTime < fromTime - slack;
    const likelihood = reversed ? { ifTrue: PASSED_BEFORE, ifFalse: UNRELATED_BEFORE } : { ifTrue: 1 - PASSED_BEFORE, ifFalse: 1 - UNRELATED_BEFORE };
    return { gate, from, to, fromTime, toTime, reversed, likelihood };
  });
}
