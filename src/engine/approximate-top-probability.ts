// Approximations of P(top) from the minimal cut sets, beside the exact BDD value (engine stage):
// the rare-event sum Σ P(C) and the min-cut upper bound 1 − Π (1 − P(C)) (Esary & Proschan 1963),
// each with its relative error (approximation − exact) / exact.

import type { CutSetFamily } from './minimal-cut-sets.js';
import { forEachCutSet } from './enumerate-cut-sets.js';
import { summarizeCutSets, type CutSetSummary } from './summarize-cut-sets.js';

export interface Approximation {
  /** The approximation, clipped to [0, 1]. */
  readonly probability: number;
  /** (probability − exact) / exact; undefined when the exact P(top) is 0. */
  readonly relativeError: number | undefined;
}

export interface RareEventApproximation extends Approximation {
  /** Σ P(C) before clipping. */
  readonly sum: number;
  readonly clipped: boolean;
}

export interface TopProbabilityApproximations {
  readonly summary: CutSetSummary;
  readonly rareEvent: RareEventApproximation;
  /** Undefined when the family has more than `maxSetsForMcub` sets (MCUB lists every set). */
  readonly mcub: Approximation | undefined;
}

export interface ApproximationOptions {
  /** Most sets for which the MCUB is computed (default 10 million). */
  readonly maxSetsForMcub?: number;
  /** The family's summary, if already computed. */
  readonly summary?: CutSetSummary;
  /** The probability of every set, if already listed (the MCUB then lists nothing)… */
  readonly probabilities?: Float64Array;
  /** …or of each group of sets, with the number of sets in each group. */
  readonly counts?: Float64Array;
}

export const DEFAULT_MAX_SETS_FOR_MCUB = 10_000_000;

export function approximateTopProbability(family: CutSetFamily, pTop: number, options: ApproximationOptions = {}): TopProbabilityApproximations {
  const summary = options.summary ?? summarizeCutSets(family);
  const error = (p: number): number | undefined => (pTop > 0 ? (p - pTop) / pTop : p === 0 ? 0 : undefined);
  const sum = summary.rareEventSum;
  const rare = Math.min(1, sum);
  const rareEvent = { probability: rare, sum, clipped: sum > 1, relativeError: error(rare) };
  let mcub: Approximation | undefined;
  if (summary.total <= (options.maxSetsForMcub ?? DEFAULT_MAX_SETS_FOR_MCUB)) {
    // Π (1 − P(C)) as exp(Σ log1p(−P(C))), so that many small terms keep their digits.
    let logSurvival = 0;
    const { probabilities, counts } = options;
    if (probabilities !== undefined) {
      for (let i = 0; i < probabilities.length; i++) logSurvival += (counts === undefined ? 1 : counts[i]!) * Math.log1p(-probabilities[i]!);
    } else {
      forEachCutSet(family, (_buffer, _length, p) => {
        logSurvival += Math.log1p(-p);
      });
    }
    const p = -Math.expm1(logSurvival);
    mcub = { probability: p, relativeError: error(p) };
  }
  return { summary, rareEvent, mcub };
}
