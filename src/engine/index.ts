// Public API of the engine stage: Boolean graph, BDD, exact probability and importance.

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
export { buildBdd, type BddModel, type BddModule, type BddOptions } from './build-bdd.js';
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
