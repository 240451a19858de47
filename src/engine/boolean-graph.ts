// Compiles a FaultTree into a Boolean graph with integer ids (engine stage): constants propagated
// away, negations as signed literals, k-out-of-n kept as one threshold node. Follows the
// normalisation of SCRAM's preprocessor (Rakhimov) and Rauzy 1993, "New algorithms for fault trees analysis".

import type { FaultTree, Gate } from '../model/fault-tree.js';

/**
 * A literal is a signed node id; a negative literal is the complement. Node 1 is the constant
 * true (`TRUE_LITERAL`; `FALSE_LITERAL = -1`), nodes 2..variableCount+1 are the variables
 * (variable v is node v + 2), and the operator nodes follow.
 */
export type Literal = number;

export const TRUE_LITERAL: Literal = 1;
export const FALSE_LITERAL: Literal = -1;

/** Operator kinds of a graph node. `atleast` is true when at least `k` of its arguments are. */
export type Operator = 'and' | 'or' | 'xor' | 'atleast';

export interface BooleanGraph {
  /**
   * Basic-event ids, indexed by variable: every event of the tree, in the tree's definition order
   * (events unreachable from the top included, so reports can list all of them).
   */
  readonly variables: readonly string[];
  /** Prior probability of each variable (the events' point probabilities). */
  readonly probabilities: Float64Array;
  /** Number of nodes, constants and variables included (ids are 1..nodeCount). */
  readonly nodeCount: number;
  /** Operator of each operator node, indexed by node id (undefined for the constant and variables). */
  readonly operators: readonly (Operator | undefined)[];
  /** Threshold of each `atleast` node, indexed by node id. */
  readonly thresholds: Int32Array;
  /** Arguments of each operator node (literals), indexed by node id. */
  readonly args: readonly (Int32Array | undefined)[];
  /** The literal of the top event. */
  readonly root: Literal;
  /** The literal of every gate of the tree (reachable from the top or not). */
  readonly gateLiterals: ReadonlyMap<string, Literal>;
  /** The constant literal of every house event. */
  readonly houseLiterals: ReadonlyMap<string, Literal>;
}

export function variableNode(variable: number): number {
  return variable + 2;
}

export function isVariableNode(graph: BooleanGraph, node: number): boolean {
  return node >= 2 && node < graph.variables.length + 2;
}

/** Operator nodes below `top` (included), children first; empty when `top` is not an operator node. */
export function operatorPostOrder(graph: BooleanGraph, top: number): number[] {
  const order: number[] = [];
  if (graph.args[top] === undefined) return order;
  const state = new Uint8Array(graph.nodeCount + 1);
  const stack: number[] = [top];
  while (stack.length > 0) {
    const n = stack[stack.length - 1]!;
    if (state[n] === 2) {
      stack.pop();
      continue;
    }
    if (state[n] === 1) {
      state[n] = 2;
      order.push(n);
      stack.pop();
      continue;
    }
    state[n] = 1;
    const args = graph.args[n]!;
    for (let i = args.length - 1; i >= 0; i--) {
      const a = args[i]!;
      const c = a < 0 ? -a : a;
      if (state[c] === 0 && graph.args[c] !== undefined) stack.push(c);
    }
  }
  return order;
}

/** Compiles every gate of `tree`; shared gates are compiled once, identical operators merged. */
export function compileBooleanGraph(tree: FaultTree): BooleanGraph {
  const variables = [...tree.events.keys()];
  const probabilities = new Float64Array(variables.length);
  const eventLiteral = new Map<string, Literal>();
  variables.forEach((id, v) => {
    probabilities[v] = tree.events.get(id)!.probability;
    eventLiteral.set(id, variableNode(v));
  });
  const builder = new GraphBuilder(variables.length);
  const gateLiterals = new Map<string, Literal>();

  const literalOf = (id: string): Literal => {
    const event = eventLiteral.get(id);
    if (event !== undefined) return event;
    const house = tree.houses.get(id);
    if (house !== undefined) return house.state ? TRUE_LITERAL : FALSE_LITERAL;
    const gate = tree.gates.get(id);
    if (gate === undefined) throw new Error(`Internal error: unknown id "${id}" in a validated tree`);
    return compileGate(gate);
  };

  // Iterative post-order over gates, so deep trees do not exhaust the stack.
  const compileGate = (top: Gate): Literal => {
    const stack: Gate[] = [top];
    while (stack.length > 0) {
      const gate = stack[stack.length - 1]!;
      if (gateLiterals.has(gate.id)) {
        stack.pop();
        continue;
      }
      let ready = true;
      for (const input of gate.inputs) {
        const child = tree.gates.get(input);
        if (child !== undefined && !gateLiterals.has(input)) {
          stack.push(child);
          ready = false;
        }
      }
      if (!ready) continue;
      stack.pop();
      gateLiterals.set(gate.id, builder.gate(gate, gate.inputs.map(literalOf)));
    }
    return gateLiterals.get(top.id)!;
  };

  for (const gate of tree.gates.values()) compileGate(gate);
  return {
    variables,
    probabilities,
    nodeCount: builder.nodeCount,
    operators: builder.operators,
    thresholds: Int32Array.from(builder.thresholds),
    args: builder.args,
    root: literalOf(tree.top),
    gateLiterals,
    houseLiterals: new Map([...tree.houses.values()].map((h) => [h.id, h.state ? TRUE_LITERAL : FALSE_LITERAL])),
  };
}

/**
 * Builds normalised operator nodes with structural hashing: constants propagated, duplicates and
 * complementary pairs resolved, single arguments passed through. Also used to rewrite a graph
 * (preprocess-graph.ts).
 */
export class GraphBuilder {
  readonly operators: (Operator | undefined)[] = [];
  readonly thresholds: number[] = [];
  readonly args: (Int32Array | undefined)[] = [];
  private readonly hashed = new Map<string, number>();

  constructor(variableCount: number) {
    for (let n = 0; n < variableCount + 2; n++) {
      this.operators.push(undefined);
      this.thresholds.push(0);
      this.args.push(undefined);
    }
  }

  get nodeCount(): number {
    return this.operators.length - 1;
  }

  gate(gate: Gate, inputs: Literal[]): Literal {
    switch (gate.type) {
      case 'and':
      case 'inhibit':
        return this.and(inputs);
      case 'or':
        return this.or(inputs);
      case 'nand':
        return -this.and(inputs);
      case 'nor':
        return -this.or(inputs);
      case 'not':
        return -inputs[0]!;
      case 'xor':
        return this.xor(inputs);
      case 'iff':
        return -this.xor(inputs);
      case 'imply':
        return this.or([-inputs[0]!, inputs[1]!]);
      case 'atleast':
        return this.atleast(gate.k ?? 1, inputs);
      case 'cardinality': {
        const min = gate.k ?? 0;
        const max = gate.max ?? inputs.length;
        return this.and([this.atleast(min, inputs), -this.atleast(max + 1, inputs)]);
      }
    }
  }

  and(inputs: readonly Literal[]): Literal {
    return this.junction('and', inputs);
  }

  or(inputs: readonly Literal[]): Literal {
    return this.junction('or', inputs);
  }

  /** and/or: the neutral constant drops out, the absorbing one (or x with ¬x) decides. */
  private junction(operator: 'and' | 'or', inputs: readonly Literal[]): Literal {
    const neutral = operator === 'and' ? TRUE_LITERAL : FALSE_LITERAL;
    const set = new Set<Literal>();
    for (const x of inputs) {
      if (x === neutral) continue;
      if (x === -neutral || set.has(-x)) return -neutral;
      set.add(x);
    }
    if (set.size === 0) return neutral;
    if (set.size === 1) return set.values().next().value!;
    return this.node(operator, 0, [...set]);
  }

  xor(inputs: readonly Literal[]): Literal {
    // Parity: complements and constants true flip the result; pairs cancel.
    let negate = false;
    const odd = new Set<number>();
    for (const x of inputs) {
      if (x === TRUE_LITERAL || x === FALSE_LITERAL) {
        if (x === TRUE_LITERAL) negate = !negate;
        continue;
      }
      if (x < 0) negate = !negate;
      const n = x < 0 ? -x : x;
      if (odd.has(n)) odd.delete(n);
      else odd.add(n);
    }
    let result: Literal;
    if (odd.size === 0) result = FALSE_LITERAL;
    else if (odd.size === 1) result = odd.values().next().value!;
    else result = this.node('xor', 0, [...odd]);
    return negate ? -result : result;
  }

  atleast(k: number, inputs: readonly Literal[]): Literal {
    const rest: Literal[] = [];
    for (const x of inputs) {
      if (x === TRUE_LITERAL) k--;
      else if (x !== FALSE_LITERAL) rest.push(x);
    }
    if (k <= 0) return TRUE_LITERAL;
    if (k > rest.length) return FALSE_LITERAL;
    if (k === 1) return this.or(rest);
    if (k === rest.length) return this.and(rest);
    return this.node('atleast', k, rest);
  }

  private node(operator: Operator, k: number, args: Literal[]): Literal {
    // Structural hashing: the same operator over the same arguments is one node. Order matters
    // only for readability; `atleast` keeps repeated arguments, so they are sorted, not deduplicated.
    const sorted = [...args].sort((a, b) => a - b);
    const key = `${operator}${k}:${sorted.join(',')}`;
    const existing = this.hashed.get(key);
    if (existing !== undefined) return existing;
    const id = this.operators.length;
    this.operators.push(operator);
    this.thresholds.push(k);
    this.args.push(Int32Array.from(args));
    this.hashed.set(key, id);
    return id;
  }
}
