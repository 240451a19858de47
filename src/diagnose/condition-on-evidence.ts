// Exact conditioning on the top event and on evidence about gates (diagnose stage, DESIGN §6).
// Evidence on a gate G with likelihoods (L1, L0) weighs every state x of the events by L1 when
// G(x) holds and by L0 otherwise: the posterior mixes T∧G and T∧¬G with those weights. The
// mixture is built as one BDD: an auxiliary variable y with P(y) = L1/(L1 + L0) and the function
// T ∧ (y ↔ G), since P(T ∧ (y ↔ G) ∧ x) = [L1·P(T∧G∧x) + L0·P(T∧¬G∧x)] / (L1 + L0). Several
// gates give T ∧ ⋀_k (y_k ↔ G_k): their signals are independent given the gates' states.

import { buildGateBdd, compileProbabilityModel, computeEventImportance, computeNodeProbabilities, ONE, refProbability, type BddModel, type BddRef } from '../engine/index.js';
import type { BasicEvent, FaultTree, Gate } from '../model/fault-tree.js';
import type { Likelihood } from './fold-likelihood.js';

/** `top`: P(· | T, E), the incident view; `evidence-only`: P(· | E), the "risk now" view. */
export type Conditioning = 'top' | 'evidence-only';

export interface GateEvidenceInput {
  readonly gate: string;
  readonly likelihood: Likelihood;
}

export interface ConditionOnEvidenceOptions {
  readonly conditioning?: Conditioning;
  readonly maxNodes?: number;
}

/** The tree's BDD extended with the gates' evidence, ready to evaluate with any probabilities. */
export interface EvidenceModel {
  readonly model: BddModel;
  /** The function conditioned on: T ∧ ⋀(y_k ↔ G_k), or ⋀(y_k ↔ G_k) alone (ONE without gate evidence). */
  readonly root: BddRef;
  /** The top event T in the same manager. */
  readonly top: BddRef;
  /** ⋀(y_k ↔ G_k) in the same manager; ONE without gate evidence. */
  readonly evidence: BddRef;
  /** T ∧ ⋀(y_k ↔ G_k) in the same manager (the root when conditioning on the top). */
  readonly joint: BddRef;
  /** The tree's events are the variables 0 … eventCount − 1, in the tree's order. */
  readonly eventCount: number;
  /** Probabilities of every variable: the events' (adjusted) probabilities, then each auxiliary y_k. */
  readonly q: Float64Array;
  readonly conditioning: Conditioning;
  /** Gates whose evidence is in the model, in the order given. */
  readonly gates: readonly string[];
}

/**
 * Builds the evidence model. `adjusted` holds the events' probabilities with their own evidence
 * folded in, indexed like the tree's events. Gates whose likelihoods are both 0 must be left out
 * by the caller (that evidence is impossible).
 */
export function conditionOnEvidence(tree: FaultTree, adjusted: Float64Array, gates: readonly GateEvidenceInput[], options: ConditionOnEvidenceOptions = {}): EvidenceModel {
  const conditioning = options.conditioning ?? 'top';
  const bddOptions = options.maxNodes === undefined ? {} : { maxNodes: options.maxNodes };
  const eventCount = tree.events.size;
  if (gates.length === 0) {
    const model = compileProbabilityModel(tree, bddOptions);
    const root = conditioning === 'top' ? model.root : ONE;
    return { model, root, top: model.root, evidence: ONE, joint: model.root, eventCount, q: Float64Array.from(adjusted), conditioning, gates: [] };
  }
  const used = new Set<string>([...tree.gates.keys(), ...tree.events.keys(), ...tree.houses.keys()]);
  const fresh = (base: string): string => {
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}~${i}`;
    used.add(id);
    return id;
  };
  const auxEvents: BasicEvent[] = [];
  const auxGates: Gate[] = [];
  for (const g of gates) {
    const { ifTrue, ifFalse } = g.likelihood;
    const p = ifTrue / (ifTrue + ifFalse);
    const y = fresh(`evidence of ${g.gate}`);
    auxEvents.push({ id: y, probability: p, model: { kind: 'constant', value: p } });
    auxGates.push({ id: fresh(`agrees with ${g.gate}`), type: 'iff', inputs: [y, g.gate] });
  }
  const evidenceGate: Gate = { id: fresh('gate evidence'), type: 'and', inputs: auxGates.map((a) => a.id) };
  const conditionGate: Gate = { id: fresh('top and gate evidence'), type: 'and', inputs: [tree.top, evidenceGate.id] };
  const extended: FaultTree = {
    ...tree,
    top: conditioning === 'top' ? conditionGate.id : evidenceGate.id,
    gates: new Map<string, Gate>([...tree.gates, ...[...auxGates, evidenceGate, conditionGate].map((g) => [g.id, g] as const)]),
    events: new Map<string, BasicEvent>([...tree.events, ...auxEvents.map((e) => [e.id, e] as const)]),
  };
  const model = compileProbabilityModel(extended, bddOptions);
  const q = new Float64Array(eventCount + auxEvents.length);
  q.set(adjusted.subarray(0, eventCount));
  auxEvents.forEach((e, k) => (q[eventCount + k] = e.probability));
  // Flat BDDs of T and of the evidence share the manager's variables (a modular root may not be
  // combined with them, but its probability may be compared with theirs).
  const top = buildGateBdd(model, tree.top);
  const evidence = conditioning === 'top' ? buildGateBdd(model, evidenceGate.id) : model.root;
  const joint = conditioning === 'top' ? model.root : model.bdd.and(top, buildGateBdd(model, evidenceGate.id));
  return { model, root: model.root, top, evidence, joint, eventCount, q, conditioning, gates: gates.map((g) => g.gate) };
}

export interface PosteriorResult {
  /** P(F) of the conditioning function at these probabilities (up to the constant of the gates' likelihoods). */
  readonly pCondition: number;
  /** P(x_i | F) for every event, indexed like the tree's events. */
  readonly posterior: Float64Array;
}

/** Posterior of every event given the conditioning function, in one backward pass over the BDD. */
export function computePosteriors(em: EvidenceModel, q: Float64Array = em.q): PosteriorResult {
  const importance = computeEventImportance(em.model, q, { root: em.root });
  return { pCondition: importance.pTop, posterior: importance.posterior.slice(0, em.eventCount) };
}

/** P(F) alone (one upward pass). */
export function computeConditionProbability(em: EvidenceModel, q: Float64Array = em.q): number {
  if (em.root === ONE) return 1;
  return refProbability(computeNodeProbabilities(em.model, q), em.root);
}

/**
 * P(T | gate evidence) at the probabilities `q` (the events' own evidence already folded in):
 * P(T ∧ E_G) / P(E_G).
 */
export function computeTopGivenEvidence(em: EvidenceModel, q: Float64Array = em.q): number {
  const nodes = computeNodeProbabilities(em.model, q);
  const pEvidence = refProbability(nodes, em.evidence);
  const joint = refProbability(nodes, em.joint);
  return pEvidence > 0 ? Math.min(1, joint / pEvidence) : 0;
}
