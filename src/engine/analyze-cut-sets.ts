// The cut-set part of an analysis (engine stage): single points of failure, and the rare-event and
// MCUB approximations over the minimal cut sets up to an order limit, within a size budget so that
// large trees stay fast (Rauzy 1993 minimal solutions; Esary & Proschan 1963 bound).

import type { BddModel } from './build-bdd.js';
import { approximateTopProbability, type Approximation, type RareEventApproximation } from './approximate-top-probability.js';
import { findSinglePointsOfFailure } from './find-single-points-of-failure.js';
import { computeMinimalCutSets } from './minimal-cut-sets.js';
import { isEngineLimit } from './engine-limit-error.js';

export interface CutSetAnalysisOptions {
  /** Order limit of the cut sets behind the approximations (default 20, as SCRAM). */
  readonly maxOrder?: number;
  /** Most ZBDD nodes and memo entries (default 250,000): beyond, the approximations are skipped. */
  readonly maxNodes?: number;
  /** Most recursive steps of the costly ZBDD operations (default 2 million, a few tenths of a second). */
  readonly maxSteps?: number;
  /**
   * Most cut sets for the MCUB when it lists them (default 2 million): only when a set is too probable
   * for the series over the ZBDD (approximate-top-probability.ts).
   */
  readonly maxSetsForMcub?: number;
}

export interface CutSetAnalysis {
  readonly maxOrder: number;
  /** Events that are minimal cut sets on their own, most probable first. */
  readonly singlePointsOfFailure: readonly string[];
  /** Number of minimal cut sets of order ≤ maxOrder; undefined when skipped. */
  readonly count?: number;
  /** True when the order limit cut branches: larger minimal cut sets may exist. */
  readonly orderLimited?: boolean;
  readonly coherent?: boolean;
  readonly rareEvent?: RareEventApproximation;
  readonly mcub?: Approximation;
  /** Why the approximations (or the MCUB alone) were not computed. */
  readonly skipped?: string;
}

export const DEFAULT_ANALYSIS_MAX_ORDER = 20;
export const DEFAULT_ANALYSIS_MAX_NODES = 250_000;
export const DEFAULT_ANALYSIS_MAX_STEPS = 2_000_000;
export const DEFAULT_ANALYSIS_MAX_SETS_FOR_MCUB = 2_000_000;

export function analyzeCutSets(model: BddModel, pTop: number, options: CutSetAnalysisOptions = {}): CutSetAnalysis {
  const maxOrder = options.maxOrder ?? DEFAULT_ANALYSIS_MAX_ORDER;
  const singlePointsOfFailure = findSinglePointsOfFailure(model);
  const maxNodes = options.maxNodes ?? DEFAULT_ANALYSIS_MAX_NODES;
  const maxSteps = options.maxSteps ?? DEFAULT_ANALYSIS_MAX_STEPS;
  let family;
  try {
    family = computeMinimalCutSets(model, { maxOrder, maxNodes, maxSteps });
  } catch (e) {
    if (!isEngineLimit(e, 'zbdd')) throw e;
    return { maxOrder, singlePointsOfFailure, skipped: `the cut sets of order ≤ ${maxOrder} are too large for a quick analysis` };
  }
  const maxSets = options.maxSetsForMcub ?? DEFAULT_ANALYSIS_MAX_SETS_FOR_MCUB;
  const { summary, rareEvent, mcub } = approximateTopProbability(family, pTop, { maxSetsForMcub: maxSets });
  return {
    maxOrder,
    singlePointsOfFailure,
    count: summary.total,
    orderLimited: family.orderLimited,
    coherent: family.coherent,
    rareEvent,
    ...(mcub !== undefined ? { mcub } : { skipped: `MCUB not computed: more than ${maxSets.toLocaleString('en-US')} cut sets to list` }),
  };
}
