// The order in which a propagation's two ends first fired (diagnose stage): a probabilistic input
// `from → to` (docs/format.md) that passed makes `to` fail after `from`, so `to`'s signals rarely
// start before `from`'s. A likelihood on the expansion's gate `from→to`, exact on the BDD like any
// gate evidence (docs/diagnosis.md, "Propagation order").

import type { FaultTree } from '../model/fault-tree.js';
import type { Likelihood } from './fold-likelihood.js';
import type { RatedSignal } from './diagnosis.js';

/** P(`to` first fired before `from` | the failure passed from → to): measurement noise only. */
export const PASSED_BEFORE = 0.02;
/** P(`to` first fired before `from` | it did not pass): a quarter, ties (same sample) taking half. */
export const UNRELATED_BEFORE = 0.25;

export interface PropagationOrder {
  /** The expansion's gate `from→to`. */
  readonly gate: string;
  readonly from: string;
  readonly to: string;
  /** Epoch ms of the earliest fired log or metric signal of each end. */
  readonly fromTime: number;
  readonly toTime: number;
  /** `to` fired more than `slack` before `from`: the order a propagation would not give. */
  readonly reversed: boolean;
  /** P(order | passed) / P(order | not passed) as the gate's likelihoods. */
  readonly likelihood: Likelihood;
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
  const orders: PropagationOrder[] = [];
  for (const gate of tree.gates.values()) {
    const p = gate.propagation;
    if (!p) continue;
    const fromTime = firstFired(byOwner.get(p.from));
    const toTime = firstFired(byOwner.get(p.to));
    if (fromTime === undefined || toTime === undefined) continue;
    const reversed = toTime < fromTime - slack;
    const likelihood = reversed ? { ifTrue: PASSED_BEFORE, ifFalse: UNRELATED_BEFORE } : { ifTrue: 1 - PASSED_BEFORE, ifFalse: 1 - UNRELATED_BEFORE };
    orders.push({ gate: gate.id, from: p.from, to: p.to, fromTime, toTime, reversed, likelihood });
  }
  return orders;
}
