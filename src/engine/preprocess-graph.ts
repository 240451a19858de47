// Rewrites a Boolean graph before its BDD is built (engine stage): the Shannon decomposition of the
// literals an and/or node implies over the nodes it dominates, x ∨ f(x) = x ∨ f(0) and
// x ∧ f(x) = x ∧ f(1), with constant propagation and structural hashing; then merging of common
// arguments and grouping of modular arguments into new modules (Niemelä 1994; Rauzy 2003; the
// preprocessor of SCRAM, Rakhimov). Dominators by Cooper, Harvey & Kennedy 2001, "A simple, fast
// dominance algorithm".

import { GraphBuilder, TRUE_LITERAL, FALSE_LITERAL, type BooleanGraph, type Literal } from './boolean-graph.js';
import { findModules } from './find-modules.js';
import { mergeCommonArguments } from './merge-common-arguments.js';

/** Rounds at most: each round can expose dominators that the previous one hid behind sharing. */
const MAX_ROUNDS = 4;

/**
 * An equivalent graph for the top event: the top's function is kept, the functions of inner nodes
 * may change (so the result's node ids mean nothing for the tree's gates; its variables are the
 * same). If D is an or node and x ≤ D through or arguments (x an argument of D, or of an or
 * argument of D, …), then D = x ∨ D|x=0: every occurrence of x in the nodes that only D reaches
 * becomes false and x a direct argument of D (dually true for an and node); the constants then
 * propagate. Measured on the Aralia trees in docs/algorithms.md.
 */
export function preprocessGraph(graph: BooleanGraph): BooleanGraph {
  let current = graph;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = absorbDominatedArguments(current);
    if (next === undefined) break;
    current = next;
  }
  return groupModularArguments(mergeCommonArguments(current));
}

/**
 * Gathers the modular arguments of each and/or node, those it alone uses (variables and modules
 * with one parent), into one new node: a module, standing for one variable in the node's BDD.
 */
function groupModularArguments(graph: BooleanGraph): BooleanGraph {
  const top = graph.root < 0 ? -graph.root : graph.root;
  const { args, operators } = graph;
  if (args[top] === undefined) return graph;
  const order = reversePostOrder(graph, top);
  const isModule = findModules(graph, graph.root);
  const parents = new Int32Array(graph.nodeCount + 1);
  for (const n of order) {
    for (const a of args[n]!) {
      const c = a < 0 ? -a : a;
      parents[c] = parents[c]! + 1;
    }
  }
  const builder = new GraphBuilder(graph.variables.length);
  const literal = new Int32Array(graph.nodeCount + 1);
  const mapped = (a: Literal): Literal => {
    const c = a < 0 ? -a : a;
    const x = c === 1 ? TRUE_LITERAL : args[c] === undefined ? c : literal[c]!;
    return a < 0 ? -x : x;
  };
  let grouped = false;
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    const op = operators[n]!;
    let next = Array.from(args[n]!, mapped);
    if (op === 'and' || op === 'or') {
      const modular: Literal[] = [];
      const rest: Literal[] = [];
      args[n]!.forEach((a, j) => {
        const c = a < 0 ? -a : a;
        if (parents[c] === 1 && (args[c] === undefined || isModule[c] === 1)) modular.push(next[j]!);
        else rest.push(next[j]!);
      });
      if (modular.length >= 2 && rest.length >= 1) {
        rest.push(build(builder, op, 0, modular));
        next = rest;
        grouped = true;
      }
    }
    literal[n] = build(builder, op, graph.thresholds[n]!, next);
  }
  if (!grouped) return graph;
  return rebuiltGraph(graph, builder, literal[top]!);
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

  // The values forced on each node by the and/or nodes it implies (or is implied by): for an or
  // node D, every literal m reached from D through or arguments (and complemented and arguments)
  // satisfies m ≤ D, so D = m ∨ D|m=0; dually for an and node. Direct arguments need no transfer.
  const forcedBy = new Map<number, Forcing[]>();
  for (const d of order) {
    const op = operators[d];
    if (op !== 'and' && op !== 'or') continue;
    for (const { literal: m, direct } of implied(graph, d, op)) {
      const c = m < 0 ? -m : m;
      // m is false below an or node, true below an and node.
      const forcing = { by: d, value: (op === 'and') === m > 0, literal: m, direct };
      const list = forcedBy.get(c);
      if (list === undefined) forcedBy.set(c, [forcing]);
      else list.push(forcing);
    }
  }

  const builder = new GraphBuilder(graph.variables.length);
  const literal = new Int32Array(size);
  const mapped = (a: Literal): Literal => {
    const c = a < 0 ? -a : a;
    const x = args[c] === undefined ? c : literal[c]!;
    return a < 0 ? -x : x;
  };
  // Literals that an or/and node takes over from the nodes it dominates (D = m ∨ D|m=0).
  const transfers = new Map<number, Set<Literal>>();
  let changed = false;
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    const next: Literal[] = [];
    for (const a of args[n]!) {
      const c = a < 0 ? -a : a;
      // The outermost dominator that forces c decides (the inner ones no longer have c).
      let chosen: Forcing | undefined;
      for (const forcing of forcedBy.get(c) ?? []) {
        if ((chosen === undefined || depth[forcing.by]! < depth[chosen.by]!) && strictlyDominates(forcing.by, n)) chosen = forcing;
      }
      if (chosen === undefined) {
        next.push(mapped(a));
        continue;
      }
      const x = chosen.value ? TRUE_LITERAL : FALSE_LITERAL;
      next.push(a < 0 ? -x : x);
      changed = true;
      if (!chosen.direct) {
        const set = transfers.get(chosen.by);
        if (set === undefined) transfers.set(chosen.by, new Set([chosen.literal]));
        else set.add(chosen.literal);
      }
    }
    for (const m of transfers.get(n) ?? []) next.push(mapped(m));
    literal[n] = build(builder, operators[n]!, graph.thresholds[n]!, next);
  }
  if (!changed) return undefined;
  return rebuiltGraph(graph, builder, literal[top]!);
}

/** `graph` with the gates `builder` holds, its root the literal its top gate became (the root's sign kept). */
function rebuiltGraph(graph: BooleanGraph, builder: GraphBuilder, top: Literal): BooleanGraph {
  return {
    ...graph,
    nodeCount: builder.nodeCount,
    operators: builder.operators,
    thresholds: Int32Array.from(builder.thresholds),
    args: builder.args,
    root: graph.root < 0 ? -top : top,
    gateLiterals: new Map(),
  };
}

interface Forcing {
  /** The and/or node that forces the value below it. */
  readonly by: number;
  /** Value of the node (its positive literal). */
  readonly value: boolean;
  /** The literal implied: an argument of `by` (direct), or reached through its arguments. */
  readonly literal: Literal;
  readonly direct: boolean;
}

/** Most literals followed from one node through or (and) arguments. */
const MAX_IMPLIED = 256;

/**
 * Literals m with m ≤ d (d an or node) or d ≤ m (d an and node), found through arguments of the
 * same operator: an or argument of an or node, or a complemented and argument (¬(a ∧ b) = ¬a ∨ ¬b).
 */
function implied(graph: BooleanGraph, d: number, op: 'and' | 'or'): { literal: Literal; direct: boolean }[] {
  const found: { literal: Literal; direct: boolean }[] = [];
  const seen = new Set<Literal>();
  const stack: Literal[] = [];
  for (const a of graph.args[d]!) {
    seen.add(a);
    found.push({ literal: a, direct: true });
    stack.push(a);
  }
  while (stack.length > 0 && found.length < MAX_IMPLIED) {
    const m = stack.pop()!;
    const c = m < 0 ? -m : m;
    const cop = graph.operators[c];
    // m = +c with c of the same operator, or m = −c with c of the dual one, expands.
    if (cop === undefined || (m > 0 ? cop !== op : cop !== (op === 'or' ? 'and' : 'or'))) continue;
    for (const a of graph.args[c]!) {
      const l = m > 0 ? a : -a;
      if (seen.has(l)) continue;
      seen.add(l);
      found.push({ literal: l, direct: false });
      stack.push(l);
    }
  }
  return found;
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
