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
