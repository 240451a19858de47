// Rewrites a Boolean graph before its BDD is built (engine stage): the Shannon decomposition of the
// arguments of and/or nodes over the nodes they dominate, x ∨ f(x) = x ∨ f(0) and
// x ∧ f(x) = x ∧ f(1), then constant propagation and structural hashing (Niemelä 1994; Rauzy 2003;
// the "Boolean optimization" of SCRAM's preprocessor). Dominators by Cooper, Harvey & Kennedy 2001,
// "A simple, fast dominance algorithm".

import { GraphBuilder, TRUE_LITERAL, FALSE_LITERAL, type BooleanGraph, type Literal } from './boolean-graph.js';

/** Rounds at most: each round can expose dominators that the previous one hid behind sharing. */
const MAX_ROUNDS = 4;

/**
 * An equivalent graph for the top event: the top's function is kept, the functions of inner nodes
 * may change (so the result's node ids mean nothing for the tree's gates; its variables are the
 * same). If D is an or node with argument x, every occurrence of x below D in nodes that only D
 * reaches is false (true for an and node); the constants then propagate.
 */
export function preprocessGraph(graph: BooleanGraph): BooleanGraph {
  let current = graph;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = absorbDominatedArguments(current);
    if (next === undefined) break;
    current = next;
  }
  return current;
}

/** One round of the rewriting; undefined when nothing changes. */
function absorbDominatedArguments(graph: BooleanGraph): BooleanGraph | undefined {
  const top = graph.root < 0 ? -graph.root : graph.root;
  const { args, operators } = graph;
  if (args[top] === undefined) return undefined;
  const size = graph.nodeCount + 1;
  const order = reversePostOrder(graph, top);
  const rpo = new Int32Array(size).fill(-1);
  order.forEach((n, i) => (rpo[n] = i));

  // Immediate dominators among the operator nodes: parents come first in reverse post-order.
  const idom = new Int32Array(size).fill(-1);
  idom[top] = top;
  for (const n of order) {
    for (const a of args[n]!) {
      const c = a < 0 ? -a : a;
      if (args[c] === undefined) continue;
      if (idom[c] === -1) idom[c] = n;
      else idom[c] = intersect(idom, rpo, n, idom[c]!);
    }
  }

  // Dominator tree: pre-order numbers, last number in each subtree, depth.
  const children = new Map<number, number[]>();
  for (const n of order) {
    if (n === top) continue;
    const d = idom[n]!;
    const list = children.get(d);
    if (list === undefined) children.set(d, [n]);
    else list.push(n);
  }
  const pre = new Int32Array(size);
  const last = new Int32Array(size);
  const depth = new Int32Array(size);
  let clock = 0;
  const stack: number[] = [top];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n < 0) {
      last[-n] = clock - 1;
      continue;
    }
    pre[n] = clock++;
    stack.push(-n);
    for (const c of children.get(n) ?? []) {
      depth[c] = depth[n]! + 1;
      stack.push(c);
    }
  }
  const strictlyDominates = (d: number, n: number): boolean => d !== n && pre[d]! < pre[n]! && pre[n]! <= last[d]!;

  // The values forced on each node by the and/or nodes that have it as an argument.
  const forcedBy = new Map<number, { by: number; value: boolean }[]>();
  for (const d of order) {
    const op = operators[d];
    if (op !== 'and' && op !== 'or') continue;
    for (const a of args[d]!) {
      const c = a < 0 ? -a : a;
      // An or argument is false below it, an and argument true; a complement flips the value.
      const value = (op === 'and') === a > 0;
      const list = forcedBy.get(c);
      if (list === undefined) forcedBy.set(c, [{ by: d, value }]);
      else list.push({ by: d, value });
    }
  }

  const builder = new GraphBuilder(graph.variables.length);
  const literal = new Int32Array(size);
  let changed = false;
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    const next: Literal[] = [];
    for (const a of args[n]!) {
      const c = a < 0 ? -a : a;
      // The outermost dominator that forces c decides (the inner ones no longer have c).
      let forced: boolean | undefined;
      let outermost = Number.MAX_SAFE_INTEGER;
      for (const { by, value } of forcedBy.get(c) ?? []) {
        if (depth[by]! < outermost && strictlyDominates(by, n)) {
          forced = value;
          outermost = depth[by]!;
        }
      }
      let x: Literal;
      if (forced !== undefined) {
        x = forced ? TRUE_LITERAL : FALSE_LITERAL;
        changed = true;
      } else x = args[c] === undefined ? c : literal[c]!;
      next.push(a < 0 ? -x : x);
    }
    literal[n] = build(builder, operators[n]!, graph.thresholds[n]!, next);
  }
  if (!changed) return undefined;
  const root = graph.root < 0 ? -literal[top]! : literal[top]!;
  return {
    ...graph,
    nodeCount: builder.nodeCount,
    operators: builder.operators,
    thresholds: Int32Array.from(builder.thresholds),
    args: builder.args,
    root,
    gateLiterals: new Map(),
  };
}

function build(builder: GraphBuilder, operator: 'and' | 'or' | 'xor' | 'atleast', k: number, args: Literal[]): Literal {
  switch (operator) {
    case 'and':
      return builder.and(args);
    case 'or':
      return builder.or(args);
    case 'xor':
      return builder.xor(args);
    case 'atleast':
      return builder.atleast(k, args);
  }
}

/** Nearest common dominator of a and b (Cooper, Harvey & Kennedy). */
function intersect(idom: Int32Array, rpo: Int32Array, a: number, b: number): number {
  while (a !== b) {
    while (rpo[a]! > rpo[b]!) a = idom[a]!;
    while (rpo[b]! > rpo[a]!) b = idom[b]!;
  }
  return a;
}

/** Operator nodes reachable from `top`, parents before children. */
function reversePostOrder(graph: BooleanGraph, top: number): number[] {
  const post: number[] = [];
  const state = new Uint8Array(graph.nodeCount + 1);
  const stack = [top];
  while (stack.length > 0) {
    const n = stack[stack.length - 1]!;
    if (state[n] === 0) {
      state[n] = 1;
      for (const a of graph.args[n]!) {
        const c = a < 0 ? -a : a;
        if (state[c] === 0 && graph.args[c] !== undefined) stack.push(c);
      }
    } else {
      stack.pop();
      if (state[n] === 1) {
        state[n] = 2;
        post.push(n);
      }
    }
  }
  return post.reverse();
}
