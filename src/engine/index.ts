// Public API of the engine stage: Boolean graph, BDD, exact probability and importance.

export { EngineLimitError, isEngineLimit, type EngineLimit } from './engine-limit-error.js';
export { Bdd, ONE, ZERO, TERMINAL_LEVEL, DEFAULT_MAX_NODES, NODE_STRIDE, type BddRef, type BddManagerOptions } from './bdd.js';
export {
  compileBooleanGraph,
  variableNode,
  TRUE_LITERAL,
  FALSE_LITERAL,
  type BooleanGraph,
  type Literal,
  type Operator,
} from './boolean-graph.js';
export { findModules } from './find-modules.js';
export { orderVariables, type VariableOrder } from './order-variables.js';
export { buildBdd, type BddModel, type BddModule, type BddOptions, type BuildStep } from './build-bdd.js';
export { buildGateBdd, buildLiteralBdd } from './build-gate-bdd.js';
export {
  computeNodeProbabilities,
  computeTopProbability,
  refProbability,
  type NodeProbabilities,
} from './top-probability.js';
export { computeEventImportance, type EventImportance, type EventImportanceOptions } from './event-importance.js';
export {
  analyzeProbability,
  compileProbabilityModel,
  type EventProbability,
  type ProbabilityAnalysis,
  type ProbabilityAnalysisOptions,
} from './analyze-probability.js';
export { Zbdd, EMPTY, BASE, UNLIMITED_ORDER, DEFAULT_MAX_ZBDD_NODES, type ZbddRef, type ZbddOptions } from './zbdd.js';
export { computeMinimalCutSets, isCoherent, countSets, type CutSetFamily, type MinimalCutSetsOptions } from './minimal-cut-sets.js';
export {
  enumerateCutSets,
  forEachCutSet,
  walkCutSets,
  literalMap,
  literalWeights,
  type CutSet,
  type CutSetLiteral,
  type CutSetView,
} from './enumerate-cut-sets.js';
export { summarizeCutSets, type CutSetSummary } from './summarize-cut-sets.js';
export {
  approximateTopProbability,
  DEFAULT_MAX_SETS_FOR_MCUB,
  type Approximation,
  type ApproximationOptions,
  type RareEventApproximation,
  type TopProbabilityApproximations,
} from './approximate-top-probability.js';
export { selectTopCutSets, compareCutSets } from './select-top-cut-sets.js';
export { sortCutSets, type CutSetList } from './sort-cut-sets.js';
export { compareIds, idRanks } from './event-id-order.js';
export { findSinglePointsOfFailure } from './find-single-points-of-failure.js';
export { computeConditionalProbabilities, type ConditionalProbabilities } from './conditional-probabilities.js';
export { computeModularCutSets, type ModularCutSets } from './minimal-cut-sets.js';
export {
  computeCutSetOccurrences,
  DEFAULT_MAX_UNION_NODES,
  DEFAULT_MAX_UNION_SECONDS,
  type CutSetOccurrences,
  type CutSetOccurrencesOptions,
} from './cut-set-occurrences.js';
export {
  computeImportanceMeasures,
  DEFAULT_IMPORTANCE_MAX_NODES,
  type ImportanceAnalysis,
  type ImportanceMeasures,
  type ImportanceOptions,
} from './compute-importance-measures.js';
export {
  analyzeUncertainty,
  DEFAULT_SEED,
  DEFAULT_TRIALS,
  type EventSensitivity,
  type InputSummary,
  type TornadoBar,
  type UncertaintyAnalysis,
  type UncertaintyOptions,
} from './analyze-uncertainty.js';
export { buildUncertaintyPlan, type UncertainInput, type UncertaintyPlan } from './uncertainty-plan.js';
export { runTrials, type RunTrialsOptions, type TrialResults } from './run-trials.js';
export { TrialRunner, BLOCK_SIZE } from './trial-runner.js';
export { summarizeSamples, percentile, type SampleSummary, type HistogramBin } from './summarize-samples.js';
export { RandomStream } from './random-stream.js';
export { createDistributionSampler, type DistributionSampler } from './distribution-sampler.js';
export { StratumPermutation } from './latin-hypercube.js';
export { computeProbabilityCurve, type ProbabilityCurve, type TimeDependentEvent } from './probability-curve.js';
export {
  analyzeCutSets,
  DEFAULT_ANALYSIS_MAX_ORDER,
  DEFAULT_ANALYSIS_MAX_NODES,
  DEFAULT_ANALYSIS_MAX_STEPS,
  DEFAULT_ANALYSIS_MAX_SETS_FOR_MCUB,
  type CutSetAnalysis,
  type CutSetAnalysisOptions,
} from './analyze-cut-sets.js';
