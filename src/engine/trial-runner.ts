// Runs Monte Carlo trials of an uncertainty plan (engine stage), in the main thread or in a worker:
// each trial draws every input, evaluates the uncertain events' formulas, and sweeps only the BDD
// nodes that depend on them. Trial i belongs to block ⌊i / blockSize⌋, whose draws come from its own
// stream (seed, block): a block's results do not depend on which thread computes it, or when.

import { formulaFunction } from '../model/formula-function.js';
import { createDistributionSampler, type DistributionSampler } from './distribution-sampler.js';
import { drawInStratum, StratumPermutation } from './latin-hypercube.js';
import { RandomStream } from './random-stream.js';
import { SWEEP_STRIDE, type PlanFormula, type UncertaintyPlan } from './uncertainty-plan.js';

/** Trials per block: the unit of work of a thread and of a random stream. */
export const BLOCK_SIZE = 1000;

export interface TrialRunnerOptions {
  readonly seed: number;
  /** Total trials of the run (Latin hypercube strata depend on it). */
  readonly trials: number;
  readonly latinHypercube?: boolean;
}

type Compiled = (values: Float64Array) => number;

export class TrialRunner {
  readonly samplers: readonly DistributionSampler[];
  private readonly values: Float64Array;
  private readonly nodes: Float64Array;
  private readonly levelProbabilities: Float64Array;
  /** Per uncertain variable: the input it reads directly (its own distribution), or −1 for a formula. */
  private readonly direct: Int32Array;
  private readonly compiled: readonly Compiled[];
  private readonly permutations: readonly StratumPermutation[] | undefined;
  /** The plan's sweep, copied out of shared memory (reads of a SharedArrayBuffer are slower). */
  private readonly steps: Int32Array;

  constructor(
    private readonly plan: UncertaintyPlan,
    private readonly options: TrialRunnerOptions,
  ) {
    this.samplers = plan.inputs.map((input) => createDistributionSampler(input.distribution, { probability: input.probability }));
    this.values = new Float64Array(plan.inputs.length);
    this.nodes = Float64Array.from(plan.baseNodes);
    this.steps = Int32Array.from(plan.sweep);
    this.levelProbabilities = Float64Array.from(plan.baseLevels);
    this.direct = Int32Array.from(plan.formulas, (f) => (f.k === 'i' ? f.i : -1));
    this.compiled = plan.formulas.map(compileFormula);
    this.permutations = options.latinHypercube ? plan.inputs.map((_, j) => new StratumPermutation(options.trials, options.seed, j)) : undefined;
  }

  /** Runs the trials of block `block` into `out` (indexed by trial); returns how many event draws were clipped to [0, 1]. */
  runBlock(block: number, out: Float64Array): number {
    const start = block * BLOCK_SIZE;
    const end = Math.min(this.options.trials, start + BLOCK_SIZE);
    const stream = new RandomStream(this.options.seed, block);
    const { samplers, values, permutations } = this;
    const n = this.options.trials;
    let clipped = 0;
    for (let t = start; t < end; t++) {
      if (permutations) {
        for (let j = 0; j < samplers.length; j++) values[j] = samplers[j]!.quantile(drawInStratum(permutations[j]!.stratum(t), n, stream.nextDouble()));
      } else {
        for (let j = 0; j < samplers.length; j++) values[j] = samplers[j]!.sample(stream);
      }
      clipped += this.setLevels(values);
      out[t] = this.sweep();
    }
    return clipped;
  }

  /** P(top) with the inputs at the given values (means, percentiles). */
  evaluate(values: Float64Array): number {
    this.setLevels(values);
    return this.sweep();
  }

  /** The uncertain events' probabilities (clipped to [0, 1]) for the given input values, by uncertain variable. */
  eventProbabilities(values: Float64Array): Float64Array {
    this.setLevels(values);
    return Float64Array.from(this.plan.levels, (level) => this.levelProbabilities[level]!);
  }

  /** Each uncertain event's probability from the inputs, clipped to [0, 1] (NaN counts as 0). */
  private setLevels(values: Float64Array): number {
    const { direct, compiled, levelProbabilities } = this;
    const levels = this.plan.levels;
    let clipped = 0;
    for (let k = 0; k < levels.length; k++) {
      const i = direct[k]!;
      let q = i >= 0 ? values[i]! : compiled[k]!(values);
      if (!(q >= 0 && q <= 1)) {
        q = q > 1 ? 1 : 0;
        clipped++;
      }
      levelProbabilities[levels[k]!] = q;
    }
    return clipped;
  }

  /** One bottom-up pass over the nodes that depend on an input; returns P(top). */
  private sweep(): number {
    const { nodes, levelProbabilities, steps: sweep } = this;
    const { moduleSteps } = this.plan;
    let m = 0;
    let nextModule = moduleSteps.length > 0 ? moduleSteps[0]! : -1;
    for (let k = 0, step = 0; k < sweep.length; k += SWEEP_STRIDE, step++) {
      const p = levelProbabilities[sweep[k + 1]!]!;
      const out = sweep[k]!;
      const high = sweep[k + 4]!;
      const lowT = sweep[k + 2]!;
      const lowF = sweep[k + 3]!;
      nodes[out] = p * nodes[high]! + (1 - p) * nodes[lowT]!;
      nodes[out + 1] = p * nodes[high + 1]! + (1 - p) * nodes[lowF]!;
      while (step === nextModule) {
        levelProbabilities[moduleSteps[m + 1]!] = nodes[moduleSteps[m + 2]!]!;
        m += 3;
        nextModule = m < moduleSteps.length ? moduleSteps[m]! : -1;
      }
    }
    return nodes[this.plan.rootIndex]!;
  }
}

/** A closure computing the formula from the input values. */
function compileFormula(f: PlanFormula): Compiled {
  switch (f.k) {
    case 'n': {
      const v = f.v;
      return () => v;
    }
    case 'i': {
      const i = f.i;
      return (values) => values[i]!;
    }
    case 'c': {
      const impl = formulaFunction(f.fn);
      const args = f.a.map(compileFormula);
      const buffer = new Array<number>(args.length).fill(0);
      return (values) => {
        for (let j = 0; j < args.length; j++) buffer[j] = args[j]!(values);
        return impl(buffer);
      };
    }
  }
}
