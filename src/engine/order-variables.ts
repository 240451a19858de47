// Static variable ordering for the BDD (engine stage): depth-first order of first appearance from
// the top (Fujita, Fujisawa & Kawato 1988; Bouissou et al. 1997 for fault trees), with each module
// given one proxy level followed by its own variables (Dutuit & Rauzy 1996).

import type { BooleanGraph, Literal } from './boolean-graph.js';
import { variableNode } from './boolean-graph.js';

export interface VariableOrder {
  /** Graph node at each level: a variable node, or a module's operator node (its proxy). */
  readonly levelNodes: Int32Array;
  /** Level of each graph node, −1 when it has none. */
  readonly nodeLevels: Int32Array;
}

/**
 * Levels in depth-first order from `root`; module nodes (other than the root) get a level where
 * they first appear. A node's arguments are visited from the last to the first: on the Aralia set
 * this gives smaller BDDs than the first-to-last order overall (docs/algorithms.md). Variables not
 * below `root` follow at the end, in variable order, so that any gate of the tree can be built in
 * the same manager.
 */
export function orderVariables(graph: BooleanGraph, root: Literal, isModule: Uint8Array): VariableOrder {
  const nodeLevels = new Int32Array(graph.nodeCount + 1).fill(-1);
  const visited = new Uint8Array(graph.nodeCount + 1);
  const levelNodes: number[] = [];
  const place = (n: number): void => {
    nodeLevels[n] = levelNodes.length;
    levelNodes.push(n);
  };
  const top = root < 0 ? -root : root;
  const stack: number[] = [top];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (visited[n] === 1) continue;
    visited[n] = 1;
    const args = graph.args[n];
    if (args === undefined) {
      if (n !== 1) place(n);
      continue;
    }
    if (isModule[n] === 1 && n !== top) place(n);
    // Pushed first to last, so that the last argument is visited first.
    for (const a of args) {
      const c = a < 0 ? -a : a;
      if (visited[c] === 0) stack.push(c);
    }
  }
  for (let v = 0; v < graph.variables.length; v++) {
    const n = variableNode(v);
    if (nodeLevels[n] === -1) place(n);
  }
  return { levelNodes: Int32Array.from(levelNodes), nodeLevels };
}
