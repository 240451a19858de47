// Exact probability analysis of a fault tree on its BDD (engine stage): P(top), and per basic event
// P(T|x=1), P(T|x=0), Birnbaum importance and the posterior P(x|T) (docs/algorithms.md, "BDD engine").

import type { FaultTree } from '../model/fault-tree.js';
import { compileBooleanGraph } from './boolean-graph.js';
import { buildBdd, type BddModel, type BddOptions } from './build-bdd.js';
import { computeEventImportance } from './event-importance.js';
import { nowMs } from '../model/clock.js';

export type ProbabilityAnalysisOptions = BddOptions;

export interface EventProbability {
  readonly id: string;
  readonly prior: number;
  readonly pGivenTrue: number;
  readonly pGivenFalse: number;
  readonly birnbaum: number;
  /** P(x|T); 0 when P(top) = 0, where it is undefined. */
  readonly posterior: number;
}

export interface ProbabilityAnalysis {
  readonly pTop: number;
  readonly method: 'bdd';
  /** Nodes of the top event's BDD and its modules' BDDs, the terminal included. */
  readonly bddNodes: number;
  /** Event ids by variable index (the tree's basic events in definition order). */
  readonly variables: readonly string[];
  /** Every basic event of the tree, in variable order. */
  readonly events: readonly EventProbability[];
  /** Wall time of compilation, BDD construction and evaluation. */
  readonly seconds: number;
  /** The compiled BDD, for re-evaluation with other probabilities and further analyses. */
  readonly model: BddModel;
}

/** Compiles the tree and builds its BDD (see `buildBdd` for the options). */
export function compileProbabilityModel(tree: FaultTree, options: ProbabilityAnalysisOptions = {}): BddModel {
  return buildBdd(compileBooleanGraph(tree), options);
}

export function analyzeProbability(tree: FaultTree, options: ProbabilityAnalysisOptions = {}): ProbabilityAnalysis {
  const start = nowMs();
  const model = compileProbabilityModel(tree, options);
  const bddNodes = model.bdd.nodeCount;
  const importance = computeEventImportance(model);
  const { variables, probabilities } = model.graph;
  const events = variables.map((id, v) => ({
    id,
    prior: probabilities[v]!,
    pGivenTrue: importance.pGivenTrue[v]!,
    pGivenFalse: importance.pGivenFalse[v]!,
    birnbaum: importance.birnbaum[v]!,
    posterior: importance.posterior[v]!,
  }));
  return {
    pTop: importance.pTop,
    method: 'bdd',
    bddNodes,
    variables,
    events,
    seconds: (nowMs() - start) / 1000,
    model,
  };
}
