// Builds the BDD of a Boolean graph bottom-up by apply (Bryant 1986), one BDD per module with the
// module standing for one proxy variable in its parents (Dutuit & Rauzy 1996); garbage is compacted
// between operator nodes once it dominates; optionally the variables are reordered by sifting
// (Rudell 1993) when the diagram grows.

import { operatorPostOrder, type BooleanGraph, type Literal, type Operator } from './boolean-graph.js';
import { Bdd, ONE, ZERO, type BddRef } from './bdd.js';
import { findModules } from './find-modules.js';
import { orderVariables, type VariableOrder } from './order-variables.js';
import { applyOperator } from './apply-operator.js';
import { siftLevels, type SiftOptions } from './sift-levels.js';
import { preprocessGraph } from './preprocess-graph.js';

export interface BddOptions {
  /** Most nodes the manager may hold (default 30 million); beyond it `BDD_NODE_LIMIT` is thrown. */
  readonly maxNodes?: number;
  /** Build one BDD per module (default true). False gives one flat BDD over the variables. */
  readonly modularize?: boolean;
  /**
   * Rewrite the graph first (`preprocessGraph`); the top's function is kept. By default only
   * graphs of at least 50 operator nodes are rewritten: smaller ones gain nothing, and keep
   * their diagram and order.
   */
  readonly preprocess?: boolean;
  /**
   * Reorder the variables by sifting whenever the live nodes exceed `atNodes` (then twice the
   * size after the last reordering). Off by default: on the Aralia trees the diagrams shrink by
   * up to 9 times, but sifting costs more than it saves (docs/algorithms.md).
   */
  readonly reorder?: ReorderOptions;
  /**
   * Called after each operator node is built, for diagnosis (`bench/trace-build.mjs` shows where a
   * diagram grows); it must not change the manager.
   */
  readonly onStep?: (step: BuildStep) => void;
}

/** One operator node built by `buildBdd`, as `BddOptions.onStep` sees it. */
export interface BuildStep {
  /** The operator node, in `graph`. */
  readonly node: number;
  readonly operator: Operator;
  /** The graph the diagram is built from (the preprocessed one when the graph is rewritten). */
  readonly graph: BooleanGraph;
  readonly bdd: Bdd;
  readonly order: VariableOrder;
  /** The node's BDD, valid during the call only (the manager compacts later); for a module, its own diagram. */
  readonly result: BddRef;
  readonly isModule: boolean;
  /** Nodes the manager created for this node (absorbed arguments included). */
  readonly createdNodes: number;
}

export interface ReorderOptions extends SiftOptions {
  /** Live nodes that start the first reordering (default 2^18). */
  readonly atNodes?: number;
}

/** A module of the graph: its BDD, and the level of the proxy variable standing for it. */
export interface BddModule {
  /** The module's operator node in the preprocessed graph. */
  readonly node: number;
  readonly level: number;
  readonly root: BddRef;
}

/** The BDD of a fault tree's top event, with what it takes to evaluate and extend it. */
export interface BddModel {
  readonly bdd: Bdd;
  readonly graph: BooleanGraph;
  /** The top event's BDD (over variables and module proxies). */
  readonly root: BddRef;
  readonly order: VariableOrder;
  /** Level of each variable. */
  readonly variableLevels: Int32Array;
  /** Modules with a proxy level, children before parents. */
  readonly modules: readonly BddModule[];
  /** Module index of each level, −1 for a variable's level. */
  readonly levelModules: Int32Array;
}

const GC_MIN_NODES = 1 << 21;
const PREPROCESS_MIN_OPERATORS = 50;
const REORDER_MIN_NODES = 1 << 18;

/**
 * Builds the BDD of the graph's top event. The diagram is built from the preprocessed graph; the
 * model's `graph` is `input`, whose gates `buildGateBdd` can still build in the same manager.
 */
export function buildBdd(input: BooleanGraph, options: BddOptions = {}): BddModel {
  const operators = input.nodeCount - 1 - input.variables.length;
  const preprocess = options.preprocess ?? operators >= PREPROCESS_MIN_OPERATORS;
  const graph = preprocess ? preprocessGraph(input) : input;
  const root = graph.root;
  const isModule = options.modularize === false ? new Uint8Array(graph.nodeCount + 1) : findModules(graph, root);
  const initialOrder = orderVariables(graph, root, isModule);
  const order = { levelNodes: Int32Array.from(initialOrder.levelNodes), nodeLevels: Int32Array.from(initialOrder.nodeLevels) };
  const reorder = options.reorder;
  const reorderMin = reorder?.atNodes ?? REORDER_MIN_NODES;
  let reorderAt = reorderMin;
  const bdd = new Bdd(options.maxNodes === undefined ? {} : { maxNodes: options.maxNodes });
  const top = root < 0 ? -root : root;
  const modules: BddModule[] = [];
  const levelModules = new Int32Array(order.levelNodes.length).fill(-1);

  // Parents left to build, per node: a node's BDD is dropped once all its parents have it.
  const pending = new Int32Array(graph.nodeCount + 1);
  const postOrder = operatorPostOrder(graph, top);
  for (const n of postOrder) {
    for (const a of graph.args[n]!) {
      const c = a < 0 ? -a : a;
      pending[c] = pending[c]! + 1;
    }
  }

  const result = new Int32Array(graph.nodeCount + 1);
  result[1] = ONE;
  let gcAt = GC_MIN_NODES;
  const refOf = (a: Literal): BddRef => {
    const c = a < 0 ? -a : a;
    let r = result[c]!;
    if (r === 0) r = result[c] = bdd.variable(order.nodeLevels[c]!);
    return a < 0 ? -r : r;
  };

  const absorbed = absorbedArguments(graph, postOrder, pending, isModule, top);
  const release = (args: Int32Array): void => {
    for (const a of args) {
      const c = a < 0 ? -a : a;
      pending[c] = pending[c]! - 1;
      if (pending[c] === 0 && c !== 1) result[c] = 0;
    }
  };

  const onStep = options.onStep;
  for (const n of postOrder) {
    if (absorbed[n] === 1) continue;
    const before = bdd.nodeCount;
    const args = graph.args[n]!;
    const operator = graph.operators[n]!;
    let r: BddRef;
    if ((operator === 'and' || operator === 'or') && args.some((a) => absorbed[a < 0 ? -a : a] === 1)) {
      // and: a conjunction of clauses; or = ¬(conjunction of the complemented arguments).
      const sign = operator === 'and' ? 1 : -1;
      const clauses: BddRef[][] = [];
      for (const a of args) {
        const c = a < 0 ? -a : a;
        const literal = sign * a;
        if (absorbed[c] !== 1) {
          clauses.push([refOf(literal)]);
          continue;
        }
        // ¬and(x…) = or(¬x…) and ¬or(x…) = and(¬x…): the sign goes to the arguments.
        const inner = Array.from(graph.args[c]!, (b) => refOf(literal < 0 ? -b : b));
        const isClause = (graph.operators[c] === 'or') === literal > 0;
        if (isClause) clauses.push(inner);
        else for (const x of inner) clauses.push([x]);
        release(graph.args[c]!);
      }
      r = sign * bdd.andOfOrs(clauses);
    } else {
      r = applyOperator(bdd, operator, graph.thresholds[n]!, Array.from(args, refOf));
    }
    release(args);
    const isModuleNode = isModule[n] === 1 && n !== top;
    onStep?.({ node: n, operator, graph, bdd, order, result: r, isModule: isModuleNode, createdNodes: bdd.nodeCount - before });
    if (isModuleNode && r !== ONE && r !== ZERO) {
      const level = order.nodeLevels[n]!;
      levelModules[level] = modules.length;
      modules.push({ node: n, level, root: r });
      r = bdd.variable(level);
    }
    result[n] = r;
    if (bdd.nodeCount > gcAt || (reorder !== undefined && bdd.nodeCount > reorderAt)) {
      compactLive(bdd, result, modules);
      if (reorder !== undefined && bdd.nodeCount > reorderAt) {
        reorderLive(bdd, result, modules, order, levelModules, reorder);
        reorderAt = Math.max(reorderMin, 2 * bdd.nodeCount);
      }
      gcAt = Math.max(GC_MIN_NODES, 4 * bdd.nodeCount);
    }
  }

  result[0] = refOf(top);
  compactLive(bdd, result.subarray(0, 1), modules);
  const rootRef = root < 0 ? -result[0]! : result[0]!;
  const variableLevels = new Int32Array(graph.variables.length);
  for (let v = 0; v < variableLevels.length; v++) variableLevels[v] = order.nodeLevels[v + 2]!;
  return { bdd, graph: input, root: rootRef, order, variableLevels, modules, levelModules };
}

/** Compacts the manager, keeping the refs in `live` and the module roots, and updates them. */
function compactLive(bdd: Bdd, live: Int32Array, modules: BddModule[]): void {
  const roots = new Int32Array(live.length + modules.length);
  roots.set(live);
  modules.forEach((m, i) => (roots[live.length + i] = m.root));
  bdd.compact(roots);
  live.set(roots.subarray(0, live.length));
  modules.forEach((m, i) => (modules[i] = { ...m, root: roots[live.length + i]! }));
}

/** Sifts the levels, keeping the refs in `live` and the module roots, and renumbers the order. */
function reorderLive(
  bdd: Bdd,
  live: Int32Array,
  modules: BddModule[],
  order: { levelNodes: Int32Array; nodeLevels: Int32Array },
  levelModules: Int32Array,
  options: SiftOptions,
): void {
  // Module roots first: renumbering in post-order from them keeps each module's nodes before the
  // nodes that use its proxy.
  const roots = new Int32Array(modules.length + live.length);
  modules.forEach((m, i) => (roots[i] = m.root));
  roots.set(live, modules.length);
  const levelCount = order.levelNodes.length;
  const levelOf = siftLevels(bdd, roots, levelCount, options);
  live.set(roots.subarray(modules.length));
  modules.forEach((m, i) => (modules[i] = { ...m, root: roots[i]!, level: levelOf[m.level]! }));
  const oldModules = Int32Array.from(levelModules);
  const oldNodes = Int32Array.from(order.levelNodes);
  for (let l = 0; l < levelCount; l++) {
    const n = oldNodes[l]!;
    order.nodeLevels[n] = levelOf[l]!;
    order.levelNodes[levelOf[l]!] = n;
    levelModules[levelOf[l]!] = oldModules[l]!;
  }
}

/**
 * The `and`/`or` arguments whose BDD is never built: an operator node with one parent that is an
 * `and`/`or` node, not itself absorbed, and not a module. The parent is built as a conjunction of
 * clauses (`Bdd.andOfOrs`) over the absorbed node's arguments, so that the argument's diagram, often
 * as large as the parent's, is not created and then dropped.
 */
function absorbedArguments(graph: BooleanGraph, postOrder: readonly number[], parents: Int32Array, isModule: Uint8Array, top: number): Uint8Array {
  const absorbed = new Uint8Array(graph.nodeCount + 1);
  for (let i = postOrder.length - 1; i >= 0; i--) {
    const n = postOrder[i]!;
    const operator = graph.operators[n];
    if (absorbed[n] === 1 || (operator !== 'and' && operator !== 'or')) continue;
    for (const a of graph.args[n]!) {
      const c = a < 0 ? -a : a;
      const inner = graph.operators[c];
      if ((inner === 'and' || inner === 'or') && parents[c] === 1 && isModule[c] !== 1 && c !== top) absorbed[c] = 1;
    }
  }
  return absorbed;
}
