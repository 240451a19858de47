// Likelihood folding (diagnose stage, DESIGN §6): each observed signal j of a node contributes
// s_j (fired) or 1 − s_j (silent) if the node is true, f_j or 1 − f_j if it is false; unknown
// signals (and chronic ones) contribute nothing. Signals are independent given their node's state.
// A fired signal's strength and timing multiply s_j by their density ratio (evidence-likelihood.ts).

import type { SignalState } from '../evidence/index.js';

/** P(evidence | node true) and P(evidence | node false) of one signal or of several together. */
export interface Likelihood {
  readonly ifTrue: number;
  readonly ifFalse: number;
}

export interface SignalObservation {
  readonly state: SignalState;
  /** P(fired | node true). */
  readonly sensitivity: number;
  /** P(fired | node false). */
  readonly falseAlarm: number;
  /** Fired signals: the strength and timing factors of their likelihood ratio (evidence-likelihood.ts); 1 when absent. */
  readonly factor?: number;
}

export const NO_EVIDENCE: Likelihood = { ifTrue: 1, ifFalse: 1 };

/** The likelihood of one signal's state; an unknown state is no evidence. */
export function signalLikelihood(o: SignalObservation): Likelihood {
  if (o.state === 'fired') return { ifTrue: o.sensitivity * (o.factor ?? 1), ifFalse: o.falseAlarm };
  if (o.state === 'silent') return { ifTrue: 1 - o.sensitivity, ifFalse: 1 - o.falseAlarm };
  return NO_EVIDENCE;
}

/** L1 = ∏ P(state_j | true), L0 = ∏ P(state_j | false) over the observations. */
export function combineLikelihoods(observations: readonly SignalObservation[]): Likelihood {
  let ifTrue = 1;
  let ifFalse = 1;
  for (const o of observations) {
    const l = signalLikelihood(o);
    ifTrue *= l.ifTrue;
    ifFalse *= l.ifFalse;
  }
  return { ifTrue, ifFalse };
}

/** True when the evidence cannot happen whatever the node's state (both likelihoods are 0). */
export function isImpossible(l: Likelihood): boolean {
  return l.ifTrue === 0 && l.ifFalse === 0;
}

/**
 * q' = q·L1 / (q·L1 + (1 − q)·L0): the probability of the event given its own evidence. Evidence
 * that is impossible under both states leaves q unchanged (the caller reports it).
 */
export function foldLikelihood(q: number, l: Likelihood): number {
  const yes = q * l.ifTrue;
  const no = (1 - q) * l.ifFalse;
  const total = yes + no;
  if (total === 0) return q;
  return yes / total;
}
