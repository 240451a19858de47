// The most probable cut sets given the evidence (diagnose stage): for a cut set C, the posterior
// P(every event of C occurred | F) = ∏_{i∈C} q'_i · P(F | x_C = 1) / P(F), exact on the evidence
// model's BDD, F being the function conditioned on (the top event and the gates' evidence).
// Candidates are the minimal cut sets most probable at the adjusted probabilities q' (the engine's
// ZBDD, branch and bound), re-ranked by their posterior.

import { compileProbabilityModel, computeMinimalCutSets, computeNodeProbabilities, ONE, refProbability, selectTopCutSets, type BddModel } from '../engine/index.js';
import type { FaultTree } from '../model/fault-tree.js';
import { computeConditionProbability, type EvidenceModel } from './condition-on-evidence.js';

/** Minimal cut sets taken, by ∏ q', before ranking by posterior. */
export const CUT_SET_CANDIDATES = 100;
/** Largest cut set considered: larger ones are pruned while the ZBDD is built. */
export const CUT_SET_MAX_ORDER = 6;

/**
 * The `limit` most probable minimal cut sets of the top event at the probabilities `adjusted`
 * and of at most CUT_SET_MAX_ORDER events (event ids; negated literals of a non-coherent tree are
 * left out, as in the engine's cut sets).
 * Uses the evidence model's BDD when it is the tree's own.
 */
export function findCandidateCutSets(tree: FaultTree, em: EvidenceModel, adjusted: Float64Array, limit = CUT_SET_CANDIDATES, maxNodes?: number): string[][] {
  const model: BddModel = em.gates.length === 0 ? em.model : compileProbabilityModel(tree, maxNodes === undefined ? {} : { maxNodes });
  const family = computeMinimalCutSets(model, { probabilities: adjusted.subarray(0, em.eventCount), maxOrder: CUT_SET_MAX_ORDER });
  const variables = model.graph.variables;
  return selectTopCutSets(family, limit).map((c) => c.literals.filter((l) => l >= 0).map((l) => variables[l]!));
}

export interface CutSetPosterior {
  /** Event ids. */
  readonly events: readonly string[];
  /** P(all events of the cut set | F). */
  readonly posterior: number;
  /** ∏ q'_i: the cut set's probability with the events' own evidence folded in, before conditioning. */
  readonly adjusted: number;
}

export interface RankCutSetsOptions {
  /** At most this many (default 10). */
  readonly limit?: number;
}

/**
 * Ranks the given cut sets (ids of the tree's events) by their posterior, highest first, and keeps
 * `limit`. Since P(C | F) ≤ ∏ q'_C / P(F), the sets are visited by decreasing ∏ q'_C and the walk
 * stops once that bound falls below the limit-th posterior found: the result is exact.
 */
export function rankCutSets(em: EvidenceModel, variables: readonly string[], cutSets: readonly (readonly string[])[], options: RankCutSetsOptions = {}): CutSetPosterior[] {
  const limit = options.limit ?? 10;
  const index = new Map(variables.map((id, v) => [id, v]));
  const pF = computeConditionProbability(em);
  const candidates = cutSets.map((events) => {
    const vars = events.map((id) => index.get(id)).filter((v): v is number => v !== undefined);
    let adjusted = 1;
    for (const v of vars) adjusted *= em.q[v]!;
    return { events, vars, adjusted };
  });
  candidates.sort((a, b) => b.adjusted - a.adjusted);
  const ranked: CutSetPosterior[] = [];
  const q = Float64Array.from(em.q);
  const order = (a: CutSetPosterior, b: CutSetPosterior): number => b.posterior - a.posterior || b.adjusted - a.adjusted || a.events.join(' ').localeCompare(b.events.join(' '));
  for (const { events, vars, adjusted } of candidates) {
    if (ranked.length >= limit && pF > 0 && adjusted / pF < ranked[limit - 1]!.posterior) break;
    let posterior = 0;
    if (adjusted > 0 && pF > 0) {
      for (const v of vars) q[v] = 1;
      const given = em.root === ONE ? 1 : refProbability(computeNodeProbabilities(em.model, q), em.root);
      for (const v of vars) q[v] = em.q[v]!;
      posterior = Math.min(1, (adjusted * given) / pF);
    }
    ranked.push({ events: [...events], posterior, adjusted });
    ranked.sort(order);
    if (ranked.length > limit) ranked.length = limit;
  }
  return ranked;
}
