// Rewrites a Boolean graph by merging common arguments (engine stage): the arguments that several
// and (or several or) nodes share, always together, become one new node of the same operator
// (Niemelä 1994; Nusbaumer & Rauzy; the "merging common arguments" step of SCRAM's preprocessor).
// Every node keeps its function, so literals of the original graph stay valid.

import type { BooleanGraph, Literal, Operator } from './boolean-graph.js';

/** Passes over the graph at most; each pass merges what the previous one made common. */
const MAX_PASSES = 4;

/**
 * A copy of `graph` in which, for `and` and `or` in turn, the arguments with the same set of
 * parents of that operator (two parents at least) are replaced in those parents by one new node
 * over them. Nodes are only added: ids, `gateLiterals` and `root` are unchanged.
 */
export function mergeCommonArguments(graph: BooleanGraph): BooleanGraph {
  const operators: (Operator | undefined)[] = [...graph.operators];
  const thresholds = Array.from(graph.thresholds);
  const args: (Int32Array | undefined)[] = [...graph.args];
  const top = graph.root < 0 ? -graph.root : graph.root;
  if (args[top] === undefined) return graph;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const operator of ['and', 'or'] as const) {
      const parents = new Map<Literal, number[]>();
      for (const n of reachableOperators(args, top)) {
        if (operators[n] !== operator) continue;
        for (const a of args[n]!) {
          const list = parents.get(a);
          if (list === undefined) parents.set(a, [n]);
          else list.push(n);
        }
      }
      const groups = new Map<string, { parents: number[]; members: Literal[] }>();
      for (const [a, list] of parents) {
        if (list.length < 2) continue;
        const key = list.join(',');
        const group = groups.get(key);
        if (group === undefined) groups.set(key, { parents: list, members: [a] });
        else group.members.push(a);
      }
      for (const { parents: list, members } of groups.values()) {
        if (members.length < 2) continue;
        const id = operators.length;
        operators.push(operator);
        thresholds.push(0);
        args.push(Int32Array.from(members));
        const merged = new Set(members);
        for (const p of list) {
          // The new node takes the place of the first merged argument.
          const rest: Literal[] = [];
          let placed = false;
          for (const a of args[p]!) {
            if (!merged.has(a)) rest.push(a);
            else if (!placed) {
              rest.push(id);
              placed = true;
            }
          }
          args[p] = Int32Array.from(rest);
        }
        changed = true;
      }
    }
    if (!changed) break;
  }
  if (operators.length === graph.operators.length) return graph;
  return { ...graph, nodeCount: operators.length - 1, operators, thresholds: Int32Array.from(thresholds), args };
}

/** Operator nodes reachable from `top`, in increasing id order. */
function reachableOperators(args: readonly (Int32Array | undefined)[], top: number): number[] {
  const seen = new Uint8Array(args.length);
  const stack = [top];
  seen[top] = 1;
  const found: number[] = [];
  while (stack.length > 0) {
    const n = stack.pop()!;
    found.push(n);
    for (const a of args[n]!) {
      const c = a < 0 ? -a : a;
      if (seen[c] === 0 && args[c] !== undefined) {
        seen[c] = 1;
        stack.push(c);
      }
    }
  }
  return found.sort((a, b) => a - b);
}
