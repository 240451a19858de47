// What a Monte Carlo trial computes, as plain data a worker thread can receive (engine stage): the
// uncertain inputs (random parameters, deviates, event distributions), each uncertain event's
// probability as a formula over them, and the part of the compiled BDD that depends on them — the
// rest is evaluated once. Bryant 1986 (one bottom-up pass per evaluation); Rauzy 1993.

import type { Distribution, FaultTree, Formula, FormulaFunction } from '../model/fault-tree.js';
import { formulaDependence, type FormulaDependence } from '../model/formula-dependence.js';
import type { BddModel } from './build-bdd.js';
import { NODE_STRIDE } from './bdd.js';

/** A formula over the inputs: a number, input i, or a call. */
export type PlanFormula =
  | { readonly k: 'n'; readonly v: number }
  | { readonly k: 'i'; readonly i: number }
  | { readonly k: 'c'; readonly fn: FormulaFunction; readonly a: readonly PlanFormula[] };

export type UncertainInputKind = 'parameter' | 'event' | 'deviate';

/** A random variable drawn once per trial. */
export interface UncertainInput {
  /** A parameter id, an event id (its own distribution), or `owner#n` for the n-th deviate in owner's formula. */
  readonly id: string;
  readonly kind: UncertainInputKind;
  readonly distribution: Distribution;
  /** The draw is an event's probability (a normal is truncated to [0, 1]); else a parameter or deviate, drawn as is. */
  readonly probability: boolean;
}

export interface UncertaintyPlan {
  readonly inputs: readonly UncertainInput[];
  /** Variable index, BDD level and formula of each uncertain variable. */
  readonly variables: Int32Array;
  readonly levels: Int32Array;
  readonly formulas: readonly PlanFormula[];
  /** Probability of every level at the point values. */
  readonly baseLevels: Float64Array;
  /** P(node) and P(¬node) of every node at the point values, interleaved (node n at 2n, 2n + 1). */
  readonly baseNodes: Float64Array;
  /**
   * The nodes that depend on an input, children first, five Int32 each: the index of P(node) in
   * `baseNodes`, the level, the indices of P(low) and P(¬low) (complement edges swap them), and P(high).
   */
  readonly sweep: Int32Array;
  /** After sweep step s, the proxy level of a module gets P(root): triples (s, level, index of P(root)). */
  readonly moduleSteps: Int32Array;
  /** Index of P(top) in `baseNodes`. */
  readonly rootIndex: number;
}

export const SWEEP_STRIDE = 5;

/** The plan of `tree`'s uncertainty analysis on its compiled BDD, at the tree's mission time. */
export function buildUncertaintyPlan(tree: FaultTree, model: BddModel): UncertaintyPlan {
  const { inputs, variables, formulas } = collectInputs(tree, model.graph.variables);
  const levels = Int32Array.from(variables, (v) => model.variableLevels[v]!);
  return { inputs, variables: Int32Array.from(variables), levels, formulas, ...sweepOf(model, levels), rootIndex: probabilityIndex(model.root) };
}

/** Index of P(f) in the interleaved node probabilities. */
function probabilityIndex(ref: number): number {
  return ref > 0 ? 2 * ref : 2 * -ref + 1;
}

function collectInputs(tree: FaultTree, variableIds: readonly string[]): { inputs: UncertainInput[]; variables: number[]; formulas: PlanFormula[] } {
  const inputs: UncertainInput[] = [];
  const parameterInputs = new Map<string, PlanFormula>();
  const deviateInputs = new Map<Formula, number>();
  const deviateCount = new Map<string, number>();
  const dependence = new Map<string, FormulaDependence>();

  const add = (input: UncertainInput): PlanFormula => {
    inputs.push(input);
    return { k: 'i', i: inputs.length - 1 };
  };
  const resolve = (f: Formula, owner: string): PlanFormula => {
    switch (f.kind) {
      case 'number':
        return { k: 'n', v: f.value };
      case 'mission-time':
        return { k: 'n', v: tree.missionTime };
      case 'deviate': {
        // One input per deviate of the model: a parameter's deviate is shared by all who read it.
        let i = deviateInputs.get(f);
        if (i === undefined) {
          const n = (deviateCount.get(owner) ?? 0) + 1;
          deviateCount.set(owner, n);
          add({ id: `${owner}#${n}`, kind: 'deviate', distribution: f.distribution, probability: false });
          i = inputs.length - 1;
          deviateInputs.set(f, i);
        }
        return { k: 'i', i };
      }
      case 'parameter': {
        const known = parameterInputs.get(f.id);
        if (known) return known;
        const p = tree.parameters.get(f.id);
        let resolved: PlanFormula;
        if (p?.formula) resolved = resolve(p.formula, f.id);
        else if (p?.distribution) resolved = add({ id: f.id, kind: 'parameter', distribution: p.distribution, probability: false });
        else resolved = { k: 'n', v: p?.value ?? Number.NaN };
        parameterInputs.set(f.id, resolved);
        return resolved;
      }
      case 'call': {
        const a = f.args.map((x) => resolve(x, owner));
        return { k: 'c', fn: f.fn, a };
      }
    }
  };

  const variables: number[] = [];
  const formulas: PlanFormula[] = [];
  variableIds.forEach((id, v) => {
    const event = tree.events.get(id);
    if (!event) return;
    let formula: PlanFormula | undefined;
    if (event.formula && formulaDependence(event.formula, tree.parameters, dependence).random) formula = resolve(event.formula, id);
    else if (event.distribution) formula = add({ id, kind: 'event', distribution: event.distribution, probability: true });
    if (!formula || formula.k === 'n') return;
    variables.push(v);
    formulas.push(formula);
  });
  return { inputs, variables, formulas };
}

/**
 * P(node) at the point values for every node, as `computeNodeProbabilities` computes them (the same
 * operations in the same order, so a trial at the point values reproduces P(top) to the last bit),
 * and the steps of the nodes that depend on an uncertain level.
 */
function sweepOf(model: BddModel, uncertainLevels: Int32Array): Pick<UncertaintyPlan, 'baseLevels' | 'baseNodes' | 'sweep' | 'moduleSteps'> {
  const { bdd } = model;
  const levelCount = model.order.levelNodes.length;
  const baseLevels = new Float64Array(levelCount);
  const q = model.graph.probabilities;
  model.variableLevels.forEach((level, v) => (baseLevels[level] = q[v]!));
  const dirtyLevel = new Uint8Array(levelCount);
  for (const level of uncertainLevels) dirtyLevel[level] = 1;

  const end = bdd.nodeCount + 1;
  const baseNodes = new Float64Array(shared(2 * end * 8));
  baseNodes[2] = 1; // the terminal: P(1) = 1, P(¬1) = 0
  const dirty = new Uint8Array(end);
  const modules = [...model.modules].sort((a, b) => Math.abs(a.root) - Math.abs(b.root));
  let next = 0;
  let nextRoot = modules.length > 0 ? Math.abs(modules[0]!.root) : end;
  const steps: number[] = [];
  const moduleSteps: number[] = [];
  const records = bdd.nodes;
  for (let n = 2; n < end; n++) {
    const i = n * NODE_STRIDE;
    const level = records[i]!;
    const l = records[i + 1]!;
    const h = records[i + 2]!;
    const lowT = probabilityIndex(l);
    const lowF = lowT ^ 1;
    const p = baseLevels[level]!;
    baseNodes[2 * n] = p * baseNodes[2 * h]! + (1 - p) * baseNodes[lowT]!;
    baseNodes[2 * n + 1] = p * baseNodes[2 * h + 1]! + (1 - p) * baseNodes[lowF]!;
    const isDirty = dirtyLevel[level] === 1 || dirty[Math.abs(l)] === 1 || dirty[h] === 1;
    if (isDirty) {
      dirty[n] = 1;
      steps.push(2 * n, level, lowT, lowF, 2 * h);
    }
    while (n === nextRoot) {
      const m = modules[next++]!;
      const index = probabilityIndex(m.root);
      baseLevels[m.level] = baseNodes[index]!;
      if (isDirty) {
        dirtyLevel[m.level] = 1;
        moduleSteps.push(steps.length / SWEEP_STRIDE - 1, m.level, index);
      }
      nextRoot = next < modules.length ? Math.abs(modules[next]!.root) : end;
    }
  }
  const sweep = new Int32Array(shared(steps.length * 4));
  sweep.set(steps);
  return { baseLevels, baseNodes, sweep, moduleSteps: Int32Array.from(moduleSteps) };
}

/** Memory that worker threads can read without a copy. */
function shared(bytes: number): ArrayBufferLike {
  return typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}
