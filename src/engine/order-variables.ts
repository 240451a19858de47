// Static variable ordering for the BDD (engine stage): a topological (post-order) numbering from
// the top, most shared arguments first, as in SCRAM's preprocessor (Rakhimov); for the family of
// depth-first heuristics see Fujita, Fujisawa & Kawato 1988 and Bouissou et al. 1997.

import type { BooleanGraph, Literal } from './boolean-graph.js';
import { operatorPostOrder, variableNode } from './boolean-graph.js';

export interface VariableOrder {
  /** Graph node at each level: a variable node, or a module's operator node (its proxy). */
  readonly levelNodes: Int32Array;
  /** Level of each graph node, −1 when it has none. */
  readonly nodeLevels: Int32Array;
}

/**
 * Levels in post-order from `root`: for each operator node, first the operator arguments (in
 * turn), then its variable arguments not yet placed; a module (other than the root) places its
 * proxy after its own variables. Arguments are taken from the last to the first and then stably
 * sorted by their number of parents, most shared first. Variables not below `root` follow at the
 * end, in variable order, so that any gate of the tree can be built in the same manager. The
 * choice among the variants measured on the Aralia set is in docs/algorithms.md.
 */
export function orderVariables(graph: BooleanGraph, root: Literal, isModule: Uint8Array): VariableOrder {
  const size = graph.nodeCount + 1;
  const nodeLevels = new Int32Array(size).fill(-1);
  const levelNodes: number[] = [];
  const place = (n: number): void => {
    nodeLevels[n] = levelNodes.length;
    levelNodes.push(n);
  };
  const top = root < 0 ? -root : root;
  const parents = countParents(graph, top);
  const postOrder = operatorPostOrder(graph, top);
  const attaching = findAttachingNodes(graph, postOrder, parents);
  // Arguments are sorted by their parents other than attaching nodes, so that the order of the
  // rest of the graph does not change with them.
  const sharing = attaching === undefined ? parents : discountParents(graph, postOrder, parents, attaching.heights);
  // Iterative post-order: a frame is a node and its sorted operator arguments still to visit.
  const done = new Uint8Array(size);
  const frames: { node: number; gates: number[]; next: number }[] = [];
  const enter = (n: number): void => {
    done[n] = 1;
    const args = Array.from(graph.args[n]!, (a) => (a < 0 ? -a : a)).reverse();
    args.sort((a, b) => sharing[b]! - sharing[a]!);
    let gates = args.filter((c) => graph.args[c] !== undefined);
    if (attaching !== undefined && gates.some((c) => attaching.heights[c]! > 0)) {
      // Nodes that attach a variable go last, the highest first: their other arguments are then
      // met through the rest of the graph in its own order, and the variable moves after them.
      const rank = (c: number): number => attaching.heights[c]!;
      gates = [...gates.filter((c) => rank(c) === 0), ...gates.filter((c) => rank(c) > 0).sort((a, b) => rank(b) - rank(a))];
    }
    frames.push({ node: n, gates, next: 0 });
  };
  if (graph.args[top] !== undefined) enter(top);
  else if (top !== 1) place(top);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next < frame.gates.length) {
      const c = frame.gates[frame.next++]!;
      if (done[c] === 0) enter(c);
      continue;
    }
    frames.pop();
    const n = frame.node;
    const args = Array.from(graph.args[n]!, (a) => (a < 0 ? -a : a)).reverse();
    args.sort((a, b) => sharing[b]! - sharing[a]!);
    for (const c of args) if (graph.args[c] === undefined && c !== 1 && nodeLevels[c] === -1) place(c);
    if (isModule[n] === 1 && n !== top) place(n);
  }
  for (let v = 0; v < graph.variables.length; v++) {
    const n = variableNode(v);
    if (nodeLevels[n] === -1) place(n);
  }
  const order = { levelNodes: Int32Array.from(levelNodes), nodeLevels };
  return attaching === undefined ? order : attachVariables(graph, postOrder, isModule, parents, order);
}

/**
 * The `xor` nodes below the top that have an argument variable with no other parent (as y in
 * y ↔ G, the evidence on a gate): `heights[n]` is n's height (1 + its highest operator argument's)
 * for those nodes and 0 for the others; undefined when there is none.
 */
function discountParents(graph: BooleanGraph, postOrder: readonly number[], parents: Int32Array, heights: Int32Array): Int32Array {
  const sharing = Int32Array.from(parents);
  for (const n of postOrder) {
    if (heights[n] === 0) continue;
    for (const a of graph.args[n]!) {
      const c = a < 0 ? -a : a;
      sharing[c] = sharing[c]! - 1;
    }
  }
  return sharing;
}

function findAttachingNodes(graph: BooleanGraph, postOrder: readonly number[], parents: Int32Array): { heights: Int32Array } | undefined {
  const { args, operators } = graph;
  const height = new Int32Array(graph.nodeCount + 1);
  const heights = new Int32Array(graph.nodeCount + 1);
  let any = false;
  for (const n of postOrder) {
    let h = 0;
    for (const a of args[n]!) h = Math.max(h, height[a < 0 ? -a : a]!);
    height[n] = h + 1;
    if (operators[n] === 'xor' && args[n]!.some((a) => isAttached(graph, parents, a))) {
      heights[n] = h + 1;
      any = true;
    }
  }
  return any ? { heights } : undefined;
}

/**
 * Moves each variable whose only parent is an `xor` node to right after the last level of that
 * node's other arguments (their cones, a module counting as its proxy), so that y ↔ G is settled
 * as soon as G is: with y placed where the depth-first order happens to meet the xor, the diagram
 * must remember G's value, for every such G at once, until y comes (2^m paths for m gates with
 * evidence, docs/diagnosis.md). Parents are taken children first, so that the variables attached
 * inside a cone have moved before the cone's last level is looked up.
 */
function attachVariables(graph: BooleanGraph, postOrder: readonly number[], isModule: Uint8Array, parents: Int32Array, order: VariableOrder): VariableOrder {
  const { args, operators } = graph;
  // Position keys compared lexicographically: [level] for a node that stays; for a moved variable,
  // its anchor's key and a counter (after the anchor and the variables moved there before it).
  const size = graph.nodeCount + 1;
  const keys: (number[] | undefined)[] = new Array(size);
  order.levelNodes.forEach((n, level) => (keys[n] = [level]));
  // The greatest key in each operator node's cone, children first; a module other than the top
  // counts as its proxy in its parents.
  const last: (number[] | undefined)[] = new Array(size);
  const lastOf = (c: number): number[] | undefined => (args[c] === undefined || isModule[c] === 1 ? keys[c] : last[c]);
  const greatest = (literals: Iterable<number>): number[] | undefined => {
    let best: number[] | undefined;
    for (const a of literals) {
      const k = lastOf(a < 0 ? -a : a);
      if (k !== undefined && (best === undefined || compareKeys(k, best) > 0)) best = k;
    }
    return best;
  };
  let counter = 0;
  for (const n of postOrder) {
    if (operators[n] === 'xor') {
      const nodeArgs = Array.from(args[n]!);
      const anchor = greatest(nodeArgs.filter((a) => !isAttached(graph, parents, a)));
      // An xor of attached variables only keeps their places.
      if (anchor !== undefined) for (const a of nodeArgs) if (isAttached(graph, parents, a)) keys[a < 0 ? -a : a] = [...anchor, ++counter];
    }
    last[n] = greatest(args[n]!);
  }
  const levelNodes = Int32Array.from(order.levelNodes).sort((a, b) => compareKeys(keys[a]!, keys[b]!));
  const nodeLevels = Int32Array.from(order.nodeLevels);
  levelNodes.forEach((n, level) => (nodeLevels[n] = level));
  return { levelNodes, nodeLevels };
}

function isAttached(graph: BooleanGraph, parents: Int32Array, a: Literal): boolean {
  const c = a < 0 ? -a : a;
  return c !== 1 && graph.args[c] === undefined && parents[c] === 1;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Number of parents of each node in the graph below `top`. */
function countParents(graph: BooleanGraph, top: number): Int32Array {
  const parents = new Int32Array(graph.nodeCount + 1);
  const seen = new Uint8Array(graph.nodeCount + 1);
  const stack = [top];
  seen[top] = 1;
  while (stack.length > 0) {
    const args = graph.args[stack.pop()!];
    if (args === undefined) continue;
    for (const a of args) {
      const c = a < 0 ? -a : a;
      parents[c] = parents[c]! + 1;
      if (seen[c] === 0) {
        seen[c] = 1;
        stack.push(c);
      }
    }
  }
  return parents;
}
