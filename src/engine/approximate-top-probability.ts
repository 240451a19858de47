// Approximations of P(top) from the minimal cut sets, beside the exact BDD value (engine stage):
// the rare-event sum Σ P(C) and the min-cut upper bound 1 − Π (1 − P(C)) (Esary & Proschan 1963),
// each with its relative error (approximation − exact) / exact; both by sweeps over the ZBDD.

import type { CutSetFamily } from './minimal-cut-sets.js';
import { forEachCutSet, literalWeights } from './enumerate-cut-sets.js';
import { EMPTY } from './zbdd.js';
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
  /** Undefined when the sets must be listed (a set of probability > 0.5) and there are more than `maxSetsForMcub`. */
  readonly mcub: Approximation | undefined;
}

export interface ApproximationOptions {
  /** Most sets for which the MCUB is computed by listing them (default 10 million); the series needs no listing. */
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
  const { probabilities, counts } = options;
  // Π (1 − P(C)) as exp(Σ log1p(−P(C))), so that many small terms keep their digits.
  const maxSets = options.maxSetsForMcub ?? DEFAULT_MAX_SETS_FOR_MCUB;
  const listable = probabilities !== undefined || (summary.total <= maxSets && listingIsCheaper(family, summary));
  let logSurvival = listable ? undefined : logSurvivalBySeries(family, summary.maxProbability);
  if (logSurvival === undefined && summary.total <= maxSets) {
    let sum = 0;
    if (probabilities !== undefined) {
      for (let i = 0; i < probabilities.length; i++) sum += (counts === undefined ? 1 : counts[i]!) * Math.log1p(-probabilities[i]!);
    } else {
      forEachCutSet(family, (_buffer, _length, p) => {
        sum += Math.log1p(-p);
      });
    }
    logSurvival = sum;
  }
  if (logSurvival !== undefined) {
    const p = -Math.expm1(logSurvival);
    mcub = { probability: p, relativeError: error(p) };
  }
  return { summary, rareEvent, mcub };
}

/** Largest P(C) for which the series is used, and most terms. */
const SERIES_MAX_PROBABILITY = 0.5;
const SERIES_MAX_TERMS = 64;

/**
 * Whether listing the sets (one step per literal) costs less than the series (one sweep over the
 * ZBDD's nodes per term, about log(2⁻⁵⁴)/log(max P(C)) terms): a few sets in a large diagram.
 */
function listingIsCheaper(family: CutSetFamily, summary: CutSetSummary): boolean {
  const p = summary.maxProbability;
  if (!(p > 0 && p <= SERIES_MAX_PROBABILITY)) return true;
  let literals = 0;
  summary.perOrder.forEach((count, order) => (literals += count * (order + 1)));
  const terms = Math.ceil(Math.log(2 ** -54) / Math.log(p));
  return literals < (terms + 3) * family.zbdd.nodeCount;
}

/**
 * Σ_C log1p(−P(C)) without listing the sets: log1p(−p) = −Σ_k p^k / k, and S_k = Σ_C P(C)^k is one
 * sweep over the ZBDD (the weight of a literal raised to the k-th power). Stops once the tail,
 * at most S_k·p/((k + 1)(1 − p)) with p the largest P(C), is below the double's precision of the
 * sum; undefined when a set is too probable for the series to converge quickly (then the sets are
 * listed).
 */
export function logSurvivalBySeries(family: CutSetFamily, maxProbability: number): number | undefined {
  const { zbdd, root } = family;
  if (root === EMPTY) return 0;
  if (!(maxProbability <= SERIES_MAX_PROBABILITY) || zbdd.containsEmpty(root)) return undefined;
  const { variables, lows, highs } = zbdd.flatten(root);
  const count = variables.length;
  const base = literalWeights(family);
  const weight = Float64Array.from(base);
  const sums = new Float64Array(count);
  let total = 0;
  for (let k = 1; k <= SERIES_MAX_TERMS; k++) {
    if (k > 1) for (let v = 0; v < weight.length; v++) weight[v]! *= base[v]!;
    for (let i = 0; i < count; i++) {
      const lo = lows[i]!;
      const hi = highs[i]!;
      sums[i] = (lo === -1 ? 0 : lo === -2 ? 1 : sums[lo]!) + weight[variables[i]!]! * (hi === -2 ? 1 : sums[hi]!);
    }
    const term = sums[count - 1]! / k;
    total -= term;
    const tail = (term * k * maxProbability) / ((k + 1) * (1 - maxProbability));
    if (tail <= Number.EPSILON * 0.25 * -total) return total;
  }
  return undefined;
}
