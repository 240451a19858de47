// Static variable ordering for the BDD (engine stage): a topological (post-order) numbering from
// the top, most shared arguments first, as in SCRAM's preprocessor (Rakhimov); for the family of
// depth-first heuristics see Fujita, Fujisawa & Kawato 1988 and Bouissou et al. 1997.

import type { BooleanGraph, Literal } from './boolean-graph.js';
import { variableNode } from './boolean-graph.js';

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
  // Iterative post-order: a frame is a node and its sorted operator arguments still to visit.
  const done = new Uint8Array(size);
  const frames: { node: number; gates: number[]; next: number }[] = [];
  const enter = (n: number): void => {
    done[n] = 1;
    const args = Array.from(graph.args[n]!, (a) => (a < 0 ? -a : a)).reverse();
    args.sort((a, b) => parents[b]! - parents[a]!);
    frames.push({ node: n, gates: args.filter((c) => graph.args[c] !== undefined), next: 0 });
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
    args.sort((a, b) => parents[b]! - parents[a]!);
    for (const c of args) if (graph.args[c] === undefined && c !== 1 && nodeLevels[c] === -1) place(c);
    if (isModule[n] === 1 && n !== top) place(n);
  }
  for (let v = 0; v < graph.variables.length; v++) {
    const n = variableNode(v);
    if (nodeLevels[n] === -1) place(n);
  }
  return { levelNodes: Int32Array.from(levelNodes), nodeLevels };
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
