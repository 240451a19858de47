// Uncertainty analysis of a fault tree (engine stage): Monte Carlo (or Latin hypercube) sampling of
// every uncertain input, P(top) on the compiled BDD in each trial, the statistics of the samples, and
// the sensitivity of P(top): Birnbaum importance ∂P/∂q at the means and a tornado of the inputs.
// Formulas and references: docs/algorithms.md, "Uncertainty and time".

import type { FaultTree } from '../model/fault-tree.js';
import { compileProbabilityModel } from './analyze-probability.js';
import type { BddModel, BddOptions } from './build-bdd.js';
import { computeEventImportance } from './event-importance.js';
import { runTrials, type RunTrialsOptions } from './run-trials.js';
import { summarizeSamples, type SampleSummary } from './summarize-samples.js';
import { computeTopProbability } from './top-probability.js';
import { TrialRunner } from './trial-runner.js';
import { buildUncertaintyPlan, type UncertainInput, type UncertaintyPlan } from './uncertainty-plan.js';
import { nowMs } from '../model/clock.js';
import { compareIds } from './event-id-order.js';

export interface UncertaintyOptions extends BddOptions, Pick<RunTrialsOptions, 'workers' | 'workerUrl' | 'onProgress'> {
  /** Number of trials (default 10,000). */
  readonly trials?: number;
  /** Seed of the random streams, 0 ≤ seed < 2^32 (default 1). */
  readonly seed?: number;
  /** Latin hypercube sampling instead of plain Monte Carlo. */
  readonly latinHypercube?: boolean;
  /** Histogram bins (default 20). */
  readonly bins?: number;
  /** Compute the tornado and Birnbaum importance at the means (default true). */
  readonly sensitivity?: boolean;
}

export interface InputSummary extends UncertainInput {
  readonly mean: number;
  readonly p5: number;
  readonly p95: number;
}

export interface TornadoBar {
  /** Index into `inputs`. */
  readonly input: number;
  /** P(top) with this input at its 5th and 95th percentile, the others at their means. */
  readonly pTopAtP5: number;
  readonly pTopAtP95: number;
  /** |P(top) at p95 − P(top) at p5|. */
  readonly swing: number;
}

export interface EventSensitivity {
  readonly id: string;
  /** The event's probability with every input at its mean. */
  readonly probability: number;
  /** ∂P(top)/∂q at the means. */
  readonly birnbaum: number;
}

export interface UncertaintyAnalysis {
  /** P(top) at the point values (as `analyze` gives it). */
  readonly pTop: number;
  /** P(top) with every input at its mean. */
  readonly pTopAtMeans: number;
  readonly trials: number;
  readonly seed: number;
  readonly sampling: 'monte-carlo' | 'latin-hypercube';
  /** Threads that ran the trials. */
  readonly workers: number;
  readonly summary: SampleSummary;
  readonly inputs: readonly InputSummary[];
  /** Ids of the events whose probability varies from trial to trial. */
  readonly uncertainEvents: readonly string[];
  /** Event draws outside [0, 1], clipped, over all trials. */
  readonly clipped: number;
  /** P(top) of each trial, by trial index. */
  readonly samples: Float64Array;
  /** Sorted by swing, widest first. */
  readonly tornado?: readonly TornadoBar[];
  /** Every event, by |∂P/∂q| (largest first). */
  readonly birnbaum?: readonly EventSensitivity[];
  readonly bddNodes: number;
  /** BDD nodes that depend on an input (evaluated in each trial). */
  readonly sweptNodes: number;
  readonly seconds: number;
}

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 1;

export async function analyzeUncertainty(tree: FaultTree, options: UncertaintyOptions = {}): Promise<UncertaintyAnalysis> {
  const start = nowMs();
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(trials) || trials < 1) throw new Error(`Internal error: trials must be a positive integer: ${trials}`);
  const model = compileProbabilityModel(tree, options);
  const plan = buildUncertaintyPlan(tree, model);
  const latinHypercube = options.latinHypercube === true;
  const results = await runTrials(plan, {
    trials,
    seed,
    latinHypercube,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.workerUrl !== undefined ? { workerUrl: options.workerUrl } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
  });
  const runner = new TrialRunner(plan, { seed, trials });
  const means = Float64Array.from(runner.samplers, (s) => s.mean);
  const inputs = plan.inputs.map((input, j) => ({ ...input, mean: means[j]!, p5: runner.samplers[j]!.quantile(0.05), p95: runner.samplers[j]!.quantile(0.95) }));
  const pTopAtMeans = runner.evaluate(means);
  const sensitivity = options.sensitivity === false ? {} : { tornado: tornadoOf(runner, inputs, means), birnbaum: birnbaumAtMeans(tree, model, plan, runner, means) };
  return {
    pTop: computeTopProbability(model),
    pTopAtMeans,
    trials,
    seed,
    sampling: latinHypercube ? 'latin-hypercube' : 'monte-carlo',
    workers: results.workers,
    summary: summarizeSamples(results.samples, options.bins === undefined ? {} : { bins: options.bins }),
    inputs,
    uncertainEvents: Array.from(plan.variables, (v) => model.graph.variables[v]!),
    clipped: results.clipped,
    samples: results.samples,
    ...sensitivity,
    bddNodes: model.bdd.nodeCount,
    sweptNodes: plan.sweep.length / 5,
    seconds: (nowMs() - start) / 1000,
  };
}

/** P(top) with each input at its 5th and 95th percentile, the others at their means. */
function tornadoOf(runner: TrialRunner, inputs: readonly InputSummary[], means: Float64Array): TornadoBar[] {
  const values = Float64Array.from(means);
  const bars = inputs.map((input, j) => {
    values[j] = input.p5;
    const pTopAtP5 = runner.evaluate(values);
    values[j] = input.p95;
    const pTopAtP95 = runner.evaluate(values);
    values[j] = means[j]!;
    return { input: j, pTopAtP5, pTopAtP95, swing: Math.abs(pTopAtP95 - pTopAtP5) };
  });
  return bars.sort((a, b) => b.swing - a.swing || a.input - b.input);
}

/** ∂P(top)/∂q of every event with the inputs at their means, by the engine's backward pass. */
function birnbaumAtMeans(tree: FaultTree, model: BddModel, plan: UncertaintyPlan, runner: TrialRunner, means: Float64Array): EventSensitivity[] {
  const q = Float64Array.from(model.graph.probabilities);
  const atMeans = runner.eventProbabilities(means);
  plan.variables.forEach((v, k) => (q[v] = atMeans[k]!));
  const importance = computeEventImportance(model, q);
  const ids = model.graph.variables;
  return ids
    .map((id, v) => ({ id, probability: q[v]!, birnbaum: importance.birnbaum[v]! }))
    .filter((e) => tree.events.has(e.id))
    .sort((a, b) => Math.abs(b.birnbaum) - Math.abs(a.birnbaum) || compareIds(a.id, b.id));
}
