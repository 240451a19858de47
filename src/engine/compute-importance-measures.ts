// Importance measures of every basic event from passes over the BDD and the ZBDD of minimal cut
// sets, never one analysis per event (engine stage): Birnbaum 1969; criticality; Fussell–Vesely
// (cut-set form, Vesely et al. 1983); RAW and RRW; as computed on BDDs by Dutuit & Rauzy 2001 (RESS 72).

import type { BddModel } from './build-bdd.js';
import { computeConditionalProbabilities } from './conditional-probabilities.js';
import { computeCutSetOccurrences } from './cut-set-occurrences.js';
import { computeModularCutSets, isCoherent } from './minimal-cut-sets.js';
import { isEngineLimit } from './engine-limit-error.js';

export interface ImportanceMeasures {
  readonly id: string;
  /** q, the event's probability. */
  readonly prior: number;
  readonly pGivenTrue: number;
  readonly pGivenFalse: number;
  /** B = P(T|x=1) − P(T|x=0). */
  readonly birnbaum: number;
  /** B·q/P(T); undefined when P(T) = 0. */
  readonly criticality: number | undefined;
  /** P(⋃ minimal cut sets containing x)/P(T); undefined when P(T) = 0 or the cut sets were not computed. */
  readonly fussellVesely: number | undefined;
  /** Risk achievement worth P(T|x=1)/P(T); undefined when P(T) = 0. */
  readonly raw: number | undefined;
  /** Risk reduction worth P(T)/P(T|x=0): Infinity when P(T|x=0) = 0; undefined when P(T) = 0. */
  readonly rrw: number | undefined;
  /** P(x|T) = q·P(T|x=1)/P(T); undefined when P(T) = 0. */
  readonly posterior: number | undefined;
  /** Number of minimal cut sets containing x; undefined when the cut sets were not computed. */
  readonly occurrences: number | undefined;
}

export interface ImportanceAnalysis {
  readonly pTop: number;
  /** Every basic event of the tree, in variable order. */
  readonly events: readonly ImportanceMeasures[];
  /** Number of minimal cut sets (all orders); undefined when they exceeded `maxNodes`. */
  readonly cutSets: number | undefined;
  /** Why the cut-set measures (Fussell–Vesely, occurrences) are missing, if they are. */
  readonly cutSetsSkipped?: string;
  /** Why Fussell–Vesely is missing, if it is (the cut sets, or the BDDs of their unions, too large). */
  readonly fussellVeselySkipped?: string;
}

export interface ImportanceOptions {
  /** Event probabilities (default: the graph's). */
  readonly probabilities?: Float64Array;
  /** Most ZBDD nodes for the cut sets behind Fussell–Vesely and occurrences (default 4 million). */
  readonly maxNodes?: number;
}

export const DEFAULT_IMPORTANCE_MAX_NODES = 4_000_000;

export function computeImportanceMeasures(model: BddModel, options: ImportanceOptions = {}): ImportanceAnalysis {
  const q = options.probabilities ?? model.graph.probabilities;
  const { pTop, pGivenTrue, pGivenFalse } = computeConditionalProbabilities(model, q);
  let occurrences: Float64Array | undefined;
  let unions: Float64Array | undefined;
  let cutSets: number | undefined;
  let cutSetsSkipped: string | undefined;
  let fussellVeselySkipped: string | undefined;
  try {
    const modular = computeModularCutSets(model, { maxNodes: options.maxNodes ?? DEFAULT_IMPORTANCE_MAX_NODES });
    const result = computeCutSetOccurrences(model, modular, q, { coherent: isCoherent(model) });
    occurrences = result.occurrences;
    unions = result.unionProbability;
    cutSets = result.total;
    if (unions === undefined) fussellVeselySkipped = 'the unions of cut sets containing each event are too large for their BDDs';
  } catch (e) {
    if (!isEngineLimit(e, 'zbdd')) throw e;
    cutSetsSkipped = e.diagnostics[0]?.message ?? 'the cut sets are too large';
    fussellVeselySkipped = cutSetsSkipped;
  }
  const defined = pTop > 0;
  const events = model.graph.variables.map((id, v): ImportanceMeasures => {
    const qv = q[v]!;
    const p1 = pGivenTrue[v]!;
    const p0 = pGivenFalse[v]!;
    const b = p1 - p0;
    return {
      id,
      prior: qv,
      pGivenTrue: p1,
      pGivenFalse: p0,
      birnbaum: b,
      criticality: defined ? (b * qv) / pTop : undefined,
      fussellVesely: defined && unions !== undefined ? unions[v]! / pTop : undefined,
      raw: defined ? p1 / pTop : undefined,
      rrw: defined ? (p0 === 0 ? Infinity : pTop / p0) : undefined,
      posterior: defined ? Math.min(1, (qv * p1) / pTop) : undefined,
      occurrences: occurrences?.[v],
    };
  });
  return {
    pTop,
    events,
    cutSets,
    ...(cutSetsSkipped !== undefined ? { cutSetsSkipped } : {}),
    ...(fussellVeselySkipped !== undefined ? { fussellVeselySkipped } : {}),
  };
}
