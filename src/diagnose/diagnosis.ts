// What a diagnosis returns (diagnose stage): plain data for the report stage. Probabilities are
// exact; "standing out" and the suspects' order are presentation choices (docs/diagnosis.md).

import type { EvidenceResult, SignalResult, UnexplainedTemplate } from '../evidence/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Check, FaultTree } from '../model/fault-tree.js';
import type { Conditioning } from './condition-on-evidence.js';
import type { Onset } from './estimate-onset.js';
import type { Likelihood } from './fold-likelihood.js';
import type { CutSetPosterior } from './rank-cut-sets.js';
import type { NextCheck } from './rank-next-checks.js';
import type { RateSource } from './resolve-signal-rates.js';
import type { TimelineEntry } from './build-timeline.js';

/** A signal's result with the rates used and what its state says. */
export interface RatedSignal extends SignalResult {
  readonly sensitivity: number;
  readonly falseAlarm: number;
  readonly sensitivitySource: RateSource;
  readonly falseAlarmSource: RateSource;
  /** P(state | node true) / P(state | node false): above 1 the state speaks for the node; 1 when unknown. */
  readonly likelihoodRatio: number;
  /** Fired signals: the strength's density ratio (1 when the signal has no strength). */
  readonly strengthFactor: number;
  /** Fired log and metric signals: the first-fired time's density ratio (1 for changes and other states). */
  readonly timingFactor: number;
}

export interface EventDiagnosis {
  readonly id: string;
  readonly label?: string;
  /** The event's probability in the tree. */
  readonly prior: number;
  /** The prior with the event's own signals folded in. */
  readonly adjusted: number;
  /** P(x | T, E), or P(x | E) when the top is not taken as observed. */
  readonly posterior: number;
  /** The same without any evidence: P(x | T), or the prior. */
  readonly posteriorWithoutEvidence: number;
  /** P(T | x) − P(T | ¬x) at the adjusted probabilities. */
  readonly birnbaum: number;
  /** Posterior odds over the odds without evidence: how far the evidence moved this event (1: not at all). */
  readonly bayesFactor: number;
  /** posterior − prior: how much more likely than on a normal day. */
  readonly excess: number;
  /** False for modelling events (`suspect: false`, propagation): never a suspect. */
  readonly isSuspect: boolean;
  /** A fired signal on the event or on a gate above it (other than the top) speaks for it. */
  readonly isSupported: boolean;
  /** Supported, and the evidence multiplied its odds by at least STAND_OUT_FACTOR. */
  readonly standsOut: boolean;
  /** [event, gate, …, top]. */
  readonly path: readonly string[];
  readonly check?: Check;
  readonly signals: readonly RatedSignal[];
}

export interface GateDiagnosis {
  readonly id: string;
  readonly label?: string;
  readonly signals: readonly RatedSignal[];
  /** The gate's signals together. */
  readonly likelihood: Likelihood;
}

export type VerdictReason =
  /** Some event stands out. */
  | 'stands-out'
  /** No signal has data. */
  | 'no-data'
  /** Signals have data, none fired (other than the symptom's own). */
  | 'nothing-fired'
  /** Signals fired, but none moved an event enough. */
  | 'weak-evidence'
  /** The evidence contradicts the top event under the tree's numbers. */
  | 'contradiction'
  /** The top event's own signals are silent and P(T | E) is far below P(T): no incident is seen. */
  | 'symptom-not-seen';

export interface Verdict {
  readonly kind: 'suspects' | 'nothing-stands-out';
  readonly reason: VerdictReason;
  /** Events that stand out, in the suspects' order. */
  readonly suspects: readonly string[];
}

export interface TopDiagnosis {
  readonly id: string;
  readonly label?: string;
  /** P(T) from the tree. */
  readonly prior: number;
  /** P(T | E): with every signal (events' and gates'). */
  readonly givenEvidence: number;
}

export interface Diagnosis {
  readonly tree: FaultTree;
  readonly evidence: EvidenceResult;
  readonly conditioning: Conditioning;
  readonly top: TopDiagnosis;
  readonly onset: Onset;
  readonly verdict: Verdict;
  /** Every basic event, highest posterior first (ties by id): the JSON contract's order. */
  readonly events: readonly EventDiagnosis[];
  /**
   * The same events in the order shown to the on-call engineer: those standing out first, by
   * posterior − prior, then the others by posterior; when nothing stands out, by P(x|T) − prior
   * (the tree's own ranking, without evidence).
   */
  readonly suspects: readonly EventDiagnosis[];
  /** Gates that carry signals. */
  readonly gates: readonly GateDiagnosis[];
  /** Propagations whose two ends both fired, with the order they fired in. */
  readonly orders: readonly PropagationOrder[];
  /** Propagations whose two ends both fired an additive metric signal, with how their departures compare. */
  readonly magnitudes: readonly PropagationMagnitude[];
  /** Every signal, change signals judged against the onset. */
  readonly signals: readonly RatedSignal[];
  /** The most probable minimal cut sets given the evidence, highest posterior first. */
  readonly cutSets: readonly CutSetPosterior[];
  readonly nextChecks: readonly NextCheck[];
  /** Σ h(posterior) over the events, in bits. */
  readonly entropy: number;
  readonly timeline: readonly TimelineEntry<RatedSignal>[];
  readonly unexplained: readonly UnexplainedTemplate[];
  /** Plain sentences the engineer should know. */
  readonly notes: readonly string[];
  readonly warnings: readonly Diagnostic[];
  readonly bddNodes: number;
  readonly seconds: number;
}

/** How a propagation's two ends compare in an additive metric (a latency), when both fired in one. */
export interface PropagationMagnitude {
  readonly gate: string;
  readonly from: string;
  readonly to: string;
  /** The largest departures of the two ends' fired additive signals, in the metric's unit. */
  readonly fromDeparture: number;
  readonly toDeparture: number;
  /** |fromDeparture| / |toDeparture|. */
  readonly share: number;
  /** The share is below FULL_SHARE: the smaller, the less likely it passed. */
  readonly small: boolean;
  readonly likelihood: Likelihood;
}

/** The order in which a propagation's two ends first fired. */
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
