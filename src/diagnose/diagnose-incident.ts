// Incident diagnosis (diagnose stage, DESIGN §6): signal states → rates → likelihoods folded into
// the events → exact posteriors on the BDD conditioned on the top event and on the gates' evidence
// → suspects, cut sets, next checks, timeline and a verdict. Returns data and never prints.

import { computeEventImportance } from '../engine/index.js';
import type { EvidenceResult, SignalResult } from '../evidence/index.js';
import type { ChangeLog } from '../evidence/read-changes.js';
import { isFtreeError, type Diagnostic } from '../model/diagnostic.js';
import type { FaultTree } from '../model/fault-tree.js';
import { LIBRARY_OPTION_NAMES, type OptionNames } from '../model/option-names.js';
import { buildTimeline } from './build-timeline.js';
import { computePosteriors, computeTopGivenEvidence, conditionOnEvidence, type GateEvidenceInput } from './condition-on-evidence.js';
import type { Diagnosis, EventDiagnosis, GateDiagnosis, RatedSignal, Verdict } from './diagnosis.js';
import { estimateOnset } from './estimate-onset.js';
import { evaluateChangesAtOnset } from './evaluate-changes-at-onset.js';
import { findEventsBelow, findGatePath, findParents } from './find-gate-path.js';
import { combineLikelihoods, foldLikelihood, isImpossible, signalLikelihood, type SignalObservation } from './fold-likelihood.js';
import { DEFAULT_LAG_MS, strengthFactor, timingFactor, type TimingContext } from './evidence-likelihood.js';
import { findPropagationMagnitudes, findPropagationOrders } from './propagation-order.js';
import { suspectEntropy } from './information-gain.js';
import { CUT_SET_CANDIDATES, findCandidateCutSets, rankCutSets, type CutSetPosterior } from './rank-cut-sets.js';
import { rankNextChecks } from './rank-next-checks.js';
import { resolveSignalRates, type SignalRateDefaults } from './resolve-signal-rates.js';
import { nowMs } from '../model/clock.js';

/** An event stands out when supported by a fired signal and its odds moved by at least this factor. */
export const STAND_OUT_FACTOR = 3;

export interface DiagnoseOptions {
  /**
   * Condition on the top event having occurred (default true); false gives P(x | E) and P(T | E).
   * Left undefined, a window whose symptom signals all stayed silent gets the `symptom-not-seen`
   * verdict; an explicit true diagnoses whatever the symptom's signals say.
   */
  readonly topObserved?: boolean;
  /** Lag scale of a cause's signals after the onset, ms (evidence-likelihood.ts). */
  readonly lag?: number;
  /** The command line's sensitivity and false-alarm defaults (below the tree's `defaults:`). */
  readonly rates?: SignalRateDefaults;
  /** The changes file's content: change signals are judged against the onset. */
  readonly changes?: ChangeLog;
  /** The symptom's onset, epoch ms (estimated when absent). */
  readonly onset?: number;
  /** Cut sets to rank (event ids) instead of the tree's most probable minimal cut sets. */
  readonly cutSets?: readonly (readonly string[])[];
  /** How many next checks and cut sets to return (default 10 each). */
  readonly limit?: number;
  readonly maxNodes?: number;
  /** How notes name the evidence sources' options (default: the keys of EvidenceSources). */
  readonly optionNames?: OptionNames;
}

export function diagnoseIncident(tree: FaultTree, evidence: EvidenceResult, options: DiagnoseOptions = {}): Diagnosis {
  const start = nowMs();
  const conditioning = options.topObserved === false ? 'evidence-only' : 'top';
  const defaults = tree.defaults ?? {};
  const notes: string[] = [];
  const warnings: Diagnostic[] = [];

  // Onset, then change signals judged against it, then the rates of every signal.
  const onset = estimateOnset(tree.top, evidence.signals, evidence.window, options.onset === undefined ? {} : { given: options.onset });
  const judged = options.changes ? evaluateChangesAtOnset(tree, evidence.signals, options.changes, onset.time, defaults.within === undefined ? {} : { within: defaults.within }) : evidence.signals;
  const timing: TimingContext = { onset: onset.time, window: evidence.window, ...(options.lag === undefined ? {} : { lag: options.lag }) };
  const signals = judged.map((s) => rateSignal(s, defaults, options.rates ?? {}, timing));
  const byOwner = new Map<string, RatedSignal[]>();
  for (const s of signals) byOwner.set(s.owner, [...(byOwner.get(s.owner) ?? []), s]);

  // Events' own evidence folds into their probabilities.
  const ids = [...tree.events.keys()];
  const priors = Float64Array.from(ids, (id) => tree.events.get(id)!.probability);
  const adjusted = Float64Array.from(ids, (id, v) => {
    const l = combineLikelihoods((byOwner.get(id) ?? []).map(observationOf));
    if (isImpossible(l)) notes.push(`The signals of event ${id} cannot all be in their states (likelihood 0 both ways): they are ignored`);
    return foldLikelihood(priors[v]!, l);
  });

  // Gates' evidence conditions the BDD. The top's own signals change nothing once T is observed,
  // but they weigh in P(T | E).
  const gates: GateDiagnosis[] = [];
  const gateInputs: GateEvidenceInput[] = [];
  for (const [id, gate] of tree.gates) {
    const own = byOwner.get(id);
    if (!own) continue;
    const likelihood = combineLikelihoods(own.map(observationOf));
    gates.push({ id, ...(gate.label !== undefined ? { label: gate.label } : {}), signals: own, likelihood });
    if (isImpossible(likelihood)) notes.push(`The signals of gate ${id} cannot all be in their states (likelihood 0 both ways): they are ignored`);
    else if (likelihood.ifTrue !== likelihood.ifFalse) gateInputs.push({ gate: id, likelihood });
  }
  // The order in which each propagation's ends fired: evidence on the expansion's gate.
  const orders = findPropagationOrders(tree, byOwner, timing.lag ?? DEFAULT_LAG_MS);
  for (const o of orders) gateInputs.push({ gate: o.gate, likelihood: o.likelihood });
  // And how their departures compare in an additive metric: a callee's small slowdown cannot make its caller's large one.
  const magnitudes = findPropagationMagnitudes(tree, byOwner);
  for (const m of magnitudes) gateInputs.push({ gate: m.gate, likelihood: m.likelihood });
  const em = conditionOnEvidence(tree, adjusted, gateInputs, { conditioning, ...(options.maxNodes === undefined ? {} : { maxNodes: options.maxNodes }) });
  const { posterior, pCondition } = computePosteriors(em);
  const contradiction = !(pCondition > 0);
  if (contradiction) notes.push('The evidence contradicts the top event under the tree\'s probabilities: every posterior is 0');

  // Without evidence: P(x | T) (or the prior), and the top's importance at the adjusted probabilities.
  const priorQ = Float64Array.from(em.q);
  priorQ.set(priors);
  const plain = computeEventImportance(em.model, priorQ, { root: em.top });
  const withoutEvidence = conditioning === 'top' ? plain.posterior : priorQ;
  const importance = computeEventImportance(em.model, em.q, { root: em.top });
  const pTopGivenEvidence = computeTopGivenEvidence(em);

  // Support: a fired, informative signal on the event or on a gate above it (not the top's own).
  const parents = findParents(tree);
  // Only events below the top can have caused it: evidence elsewhere in the tree still counts.
  const cone = findEventsBelow(tree, [tree.top]).get(tree.top)!;
  if (tree.events.has(tree.top)) cone.add(tree.top);
  const firedGates = gates.filter((g) => g.id !== tree.top && g.signals.some(isSupporting)).map((g) => g.id);
  const supportedByGate = new Set<string>();
  for (const below of findEventsBelow(tree, firedGates).values()) for (const e of below) supportedByGate.add(e);

  const events: EventDiagnosis[] = ids.map((id, v) => {
    const event = tree.events.get(id)!;
    const own = byOwner.get(id) ?? [];
    const p = contradiction ? 0 : posterior[v]!;
    const p0 = withoutEvidence[v]!;
    const bayesFactor = oddsRatio(p, p0);
    const isSuspect = event.suspect !== false && !event.propagation && cone.has(id);
    const isSupported = isSuspect && (own.some(isSupporting) || supportedByGate.has(id));
    return {
      id,
      isSuspect,
      ...(event.label !== undefined ? { label: event.label } : {}),
      prior: priors[v]!,
      adjusted: adjusted[v]!,
      posterior: p,
      posteriorWithoutEvidence: p0,
      birnbaum: importance.birnbaum[v]!,
      bayesFactor,
      excess: p - priors[v]!,
      isSupported,
      standsOut: isSupported && bayesFactor >= STAND_OUT_FACTOR,
      path: findGatePath(parents, id).filter((g) => !tree.gates.get(g)?.propagation),
      ...(event.check ? { check: event.check } : {}),
      signals: own,
    };
  });
  const byId = (a: EventDiagnosis, b: EventDiagnosis): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sortedEvents = [...events].sort((a, b) => b.posterior - a.posterior || byId(a, b));
  const symptomNotSeen = options.topObserved === undefined && conditioning === 'top' && isSymptomNotSeen(tree.top, signals);
  const verdict = decideVerdict(tree, signals, events, contradiction, symptomNotSeen);
  // Shown to the engineer: the events that stand out first, by how much the incident raised them
  // (posterior − prior, so that an event true on most days does not lead), then the others by
  // posterior. When nothing stands out, by P(x|T) − prior (the tree's own ranking without
  // evidence): the posteriors then mostly reflect elimination, not evidence.
  const candidates = events.filter((e) => e.isSuspect);
  const suspects =
    verdict.kind === 'suspects'
      ? [...candidates].sort((a, b) => Number(b.standsOut) - Number(a.standsOut) || (a.standsOut ? b.excess - a.excess : 0) || b.posterior - a.posterior || byId(a, b))
      : [...candidates].sort((a, b) => b.posteriorWithoutEvidence - b.prior - (a.posteriorWithoutEvidence - a.prior) || b.posterior - a.posterior || byId(a, b));

  const limit = options.limit ?? 10;
  let cutSets: CutSetPosterior[] = [];
  if (!contradiction) {
    try {
      cutSets = rankCutSets(em, ids, options.cutSets ?? findCandidateCutSets(tree, em, adjusted, CUT_SET_CANDIDATES, options.maxNodes), { limit });
    } catch (e) {
      // A tree too large for its cut sets still gets its posteriors.
      if (!isFtreeError(e)) throw e;
      notes.push(`The cut sets given the evidence were skipped: ${e.diagnostics[0]?.message ?? e.message}`);
    }
  }
  const nextChecks = contradiction ? [] : rankNextChecks(tree, em, posterior, { limit });
  const timeline = buildTimeline(signals, tree.top, onset);
  const unknown = signals.filter((s) => s.state === 'unknown').length;
  if (signals.length === 0) notes.push('The tree has no evidence signals: add `evidence:` to its events and gates (docs/format.md)');
  else if (unknown === signals.length) {
    const names = options.optionNames ?? LIBRARY_OPTION_NAMES;
    notes.push(`No signal has data: give ${names.logs}, ${names.metricFiles}, ${names.prometheus} or ${names.changesFile} covering the window`);
  }
  const top = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  return {
    tree,
    evidence,
    conditioning,
    top: { id: tree.top, ...(top?.label !== undefined ? { label: top.label } : {}), prior: plain.pTop, givenEvidence: pTopGivenEvidence },
    onset,
    verdict,
    events: sortedEvents,
    suspects,
    gates,
    orders,
    magnitudes,
    signals,
    cutSets,
    nextChecks,
    entropy: suspectEntropy(posterior),
    timeline,
    unexplained: evidence.unexplained,
    notes,
    warnings,
    bddNodes: em.model.bdd.nodeCount,
    seconds: (nowMs() - start) / 1000,
  };
}

function rateSignal(s: SignalResult, tree: SignalRateDefaults, option: SignalRateDefaults, timing: TimingContext): RatedSignal {
  const rates = resolveSignalRates(s, tree, option);
  const fired = s.state === 'fired';
  const strength = fired ? strengthFactor(s.strength) : 1;
  const time = fired && s.kind !== 'change' ? timingFactor(s.firstSeen, timing) : 1;
  const l = signalLikelihood({ state: s.state, ...rates, factor: strength * time });
  return { ...s, ...rates, strengthFactor: strength, timingFactor: time, likelihoodRatio: l.ifTrue === l.ifFalse ? 1 : l.ifFalse === 0 ? Infinity : l.ifTrue / l.ifFalse };
}

function observationOf(s: RatedSignal): SignalObservation {
  return { state: s.state, sensitivity: s.sensitivity, falseAlarm: s.falseAlarm, factor: s.strengthFactor * s.timingFactor };
}

/**
 * No incident is seen when the top event's own signals have data and none of them fired: the
 * symptom the tree is about did not show in the window, whatever else fired.
 */
function isSymptomNotSeen(top: string, signals: readonly RatedSignal[]): boolean {
  const own = signals.filter((s) => s.owner === top && (s.state === 'fired' || s.state === 'silent'));
  return own.length > 0 && own.every((s) => s.state === 'silent');
}

/** A fired signal that speaks for its node (sensitivity above the false-alarm rate). */
function isSupporting(s: RatedSignal): boolean {
  return s.state === 'fired' && s.sensitivity > s.falseAlarm;
}

/** odds(p) / odds(p0); 1 when either is certain either way (no odds to compare). */
function oddsRatio(p: number, p0: number): number {
  if (!(p0 > 0 && p0 < 1)) return 1;
  if (p >= 1) return Infinity;
  if (p <= 0) return 0;
  return (p / (1 - p)) * ((1 - p0) / p0);
}

function decideVerdict(tree: FaultTree, signals: readonly RatedSignal[], events: readonly EventDiagnosis[], contradiction: boolean, symptomNotSeen: boolean): Verdict {
  const standing = events
    .filter((e) => e.standsOut)
    .sort((a, b) => b.excess - a.excess || b.posterior - a.posterior || (a.id < b.id ? -1 : 1))
    .map((e) => e.id);
  if (contradiction) return { kind: 'nothing-stands-out', reason: 'contradiction', suspects: [] };
  if (symptomNotSeen) return { kind: 'nothing-stands-out', reason: 'symptom-not-seen', suspects: [] };
  if (standing.length > 0) return { kind: 'suspects', reason: 'stands-out', suspects: standing };
  const observed = signals.filter((s) => s.state === 'fired' || s.state === 'silent');
  if (observed.length === 0) return { kind: 'nothing-stands-out', reason: 'no-data', suspects: [] };
  const fired = observed.filter((s) => s.owner !== tree.top && isSupporting(s));
  return { kind: 'nothing-stands-out', reason: fired.length === 0 ? 'nothing-fired' : 'weak-evidence', suspects: [] };
}
