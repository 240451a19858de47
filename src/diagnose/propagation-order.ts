// The order in which a propagation's two ends first fired (diagnose stage): a probabilistic input
// `from → to` (docs/format.md) that passed makes `to` fail after `from`, so `to`'s signals rarely
// start before `from`'s. A likelihood on the expansion's gate `from→to`, exact on the BDD like any
// gate evidence (docs/diagnosis.md, "Propagation order").

import type { FaultTree } from '../model/fault-tree.js';
import type { Likelihood } from './fold-likelihood.js';
import type { PropagationMagnitude, PropagationOrder, RatedSignal } from './diagnosis.js';

export type { PropagationMagnitude, PropagationOrder } from './diagnosis.js';

/** P(`to` first fired before `from` | the failure passed from → to): measurement noise only. */
export const PASSED_BEFORE = 0.02;
/** P(`to` first fired before `from` | it did not pass): a quarter, ties (same sample) taking half. */
export const UNRELATED_BEFORE = 0.25;
/**
 * When a failure passed `from → to` in an additive metric, `from`'s departure is at least about this
 * share of `to`'s; below it, the share s is s / FULL_SHARE times as likely (a callee's slowdown
 * passes on at most its own size: 2 ms cannot make 450 ms).
 */
export const FULL_SHARE = 0.5;
/** When it did not pass, the two departures are unrelated: log10 of the share is uniform over ± this many decades. */
export const SHARE_DECADES = 3;

/**
 * The likelihood of the share s = |from's departure| / |to's| (clamped to ± SHARE_DECADES decades)
 * on the propagation gate: the two densities of ln s, min(1, s / FULL_SHARE) / Z against 1, with Z
 * making the first integrate to 1 over the range (docs/diagnosis.md, "Propagation magnitude").
 */
export function magnitudeLikelihood(share: number): Likelihood {
  const a = SHARE_DECADES * Math.LN10;
  const s = Math.min(Math.exp(a), Math.max(Math.exp(-a), share));
  const z = (1 - Math.exp(-a) / FULL_SHARE + a - Math.log(FULL_SHARE)) / (2 * a);
  return { ifTrue: Math.min(1, s / FULL_SHARE) / z, ifFalse: 1 };
}

/** The largest departure (by size) of a node's fired additive metric signals, or undefined. */
function largestDeparture(signals: readonly RatedSignal[] | undefined): number | undefined {
  return bestOfFired(signals, (s) => (s.additive ? s.departure : undefined), (a, b) => Math.abs(a) > Math.abs(b));
}

/** Of a node's fired signals that give a value, the value `better` than every other, or undefined. */
export function bestOfFired(
  signals: readonly RatedSignal[] | undefined,
  valueOf: (s: RatedSignal) => number | undefined,
  better: (a: number, b: number) => boolean,
): number | undefined {
  let best: number | undefined;
  for (const s of signals ?? []) {
    const value = s.state === 'fired' ? valueOf(s) : undefined;
    if (value !== undefined && (best === undefined || better(value, best))) best = value;
  }
  return best;
}

/**
 * For every propagation whose two ends both fired an additive metric signal departing the same
 * way: the share of `to`'s departure that `from`'s makes, and its likelihood.
 */
export function findPropagationMagnitudes(tree: FaultTree, byOwner: ReadonlyMap<string, readonly RatedSignal[]>): PropagationMagnitude[] {
  return compareEnds(tree, byOwner, largestDeparture, (gate, from, to, fromDeparture, toDeparture) => {
    if (Math.sign(fromDeparture) !== Math.sign(toDeparture) || toDeparture === 0) return undefined;
    const share = Math.abs(fromDeparture) / Math.abs(toDeparture);
    return { gate, from, to, fromDeparture, toDeparture, share, small: share < FULL_SHARE, likelihood: magnitudeLikelihood(share) };
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
  return bestOfFired(signals, (s) => (s.kind === 'change' ? undefined : s.firstSeen), (a, b) => a < b);
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
