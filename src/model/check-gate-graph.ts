// The structural checks every fault tree gets, whatever its source (model stage): gate arity, the
// k of voting gates, and cycles in the gate graph. The YAML, Open-PSA MEF and Galileo readers all
// call it; cycles are found by one iterative depth-first search, linear in the size of the graph.

import type { Diagnostic } from './diagnostic.js';
import type { ErrorCode } from './error-codes.js';
import type { GateType } from './fault-tree.js';
import type { SourceSpan } from './source-span.js';

/** A gate as the check sees it (a model `Gate` is one); the optional spans say where to point. */
export interface GateGraphNode {
  readonly id: string;
  readonly type: GateType;
  readonly inputs: readonly string[];
  readonly k?: number;
  readonly max?: number;
  /** The gate's definition. */
  readonly span?: SourceSpan;
  readonly inputSpans?: readonly (SourceSpan | undefined)[];
  /** Where an arity problem is shown (the list of inputs); the gate's span when absent. */
  readonly inputsSpan?: SourceSpan;
  /** Where a k, min or max problem is shown; the gate's span when absent. */
  readonly kSpan?: SourceSpan;
  /** A k was written but its value was already reported as invalid: not "missing". */
  readonly hasK?: boolean;
}

export interface CheckGateGraphOptions {
  /** Gates whose arity is not checked (their inputs were reported broken, or they are transfers). */
  readonly skipArity?: ReadonlySet<string>;
  /**
   * `every`: each cycle, at the input that closes it (a generated model may hold many);
   * `first`: the first cycle only, at the gate it starts from (a hand-written tree, fixed one at a time).
   */
  readonly cycles: 'every' | 'first';
}

export interface GateGraphCheck {
  readonly diagnostics: Diagnostic[];
  /** Whether a cycle through two gates or more was found (a gate that is its own input aside). */
  readonly hasCycle: boolean;
}

const EXACT_ARITY: Partial<Record<GateType, number>> = { not: 1, iff: 2, imply: 2 };
const MIN_ARITY: Partial<Record<GateType, number>> = { xor: 2, inhibit: 2 };

/** Checks every gate's arity and k, then the graph for cycles; returns the problems found. */
export function checkGateGraph(gates: ReadonlyMap<string, GateGraphNode>, options: CheckGateGraphOptions): GateGraphCheck {
  const diagnostics: Diagnostic[] = [];
  for (const gate of gates.values()) {
    if (!options.skipArity?.has(gate.id)) checkArity(gate, diagnostics);
    gate.inputs.forEach((input, i) => {
      if (input === gate.id) diagnostics.push(error('CYCLE', `Gate "${gate.id}" is its own input`, gate.inputSpans?.[i] ?? gate.span, 'a fault tree has no cycles: remove the self-reference'));
    });
  }
  const hasCycle = findCycles(gates, options.cycles, diagnostics);
  return { diagnostics, hasCycle };
}

function checkArity(g: GateGraphNode, diagnostics: Diagnostic[]): void {
  const n = g.inputs.length;
  const exact = EXACT_ARITY[g.type];
  const min = MIN_ARITY[g.type] ?? 1;
  const need = exact !== undefined ? (n !== exact ? String(exact) : undefined) : n < min ? `at least ${min}` : undefined;
  if (need !== undefined) {
    const plural = need.endsWith(' 1') || need === '1' ? '' : 's';
    diagnostics.push(error('ARITY', `Gate "${g.id}" of type ${g.type} takes ${need} input${plural}, not ${n}`, g.inputsSpan ?? g.span, arityHint(g.type)));
  }
  const kSpan = g.kSpan ?? g.span;
  if (g.type === 'atleast') {
    if (g.k === undefined && !g.hasK) diagnostics.push(error('MISSING_KEY', `The atleast gate "${g.id}" has no k`, g.span, 'add `k:`, the number of inputs that must be true'));
    else if (g.k !== undefined && n >= 1 && (g.k < 1 || g.k > n)) diagnostics.push(error('INVALID_K', `Gate "${g.id}" needs 1 ≤ k ≤ ${n}, not k = ${g.k}`, kSpan, 'k counts how many of the inputs must be true'));
  } else if (g.type === 'cardinality') {
    if ((g.k === undefined && !g.hasK) || g.max === undefined) diagnostics.push(error('MISSING_KEY', `The cardinality gate "${g.id}" needs min and max`, g.span, 'add `min:` and `max:`'));
    else if (g.k !== undefined && (g.k < 0 || g.k > g.max || g.max > n)) diagnostics.push(error('INVALID_K', `Gate "${g.id}" needs 0 ≤ min ≤ max ≤ ${n}, not min = ${g.k}, max = ${g.max}`, kSpan));
  } else if (g.k !== undefined || g.max !== undefined) {
    diagnostics.push(error('INVALID_K', `Gate "${g.id}" of type ${g.type} takes no k, min or max`, kSpan, 'k is for atleast gates, min/max for cardinality gates'));
  }
}

function arityHint(type: GateType): string {
  switch (type) {
    case 'not':
      return 'a not gate negates exactly one input; use nor or nand for several';
    case 'iff':
    case 'imply':
      return `an ${type} gate relates exactly two inputs`;
    case 'xor':
      return 'xor is true when an odd number of its inputs is true: give it at least two';
    case 'inhibit':
      return 'inhibit is an AND whose last input is the conditioning event: give it at least two';
    default:
      return 'add inputs, or remove the gate';
  }
}

const ON_PATH = 1;
const DONE = 2;

/** Depth-first search in the gates' order; an input still on the path closes a cycle. */
function findCycles(gates: ReadonlyMap<string, GateGraphNode>, report: 'every' | 'first', diagnostics: Diagnostic[]): boolean {
  const state = new Map<string, number>();
  const path: GateGraphNode[] = [];
  const next: number[] = [];
  let found = false;
  for (const root of gates.values()) {
    if (state.has(root.id)) continue;
    state.set(root.id, ON_PATH);
    path.push(root);
    next.push(0);
    while (path.length > 0) {
      const top = path.length - 1;
      const gate = path[top]!;
      const i = next[top]!;
      if (i >= gate.inputs.length) {
        state.set(gate.id, DONE);
        path.pop();
        next.pop();
        continue;
      }
      next[top] = i + 1;
      const input = gates.get(gate.inputs[i]!);
      if (!input || input === gate) continue; // events, and self-inputs (reported on their own)
      const seen = state.get(input.id);
      if (seen === undefined) {
        state.set(input.id, ON_PATH);
        path.push(input);
        next.push(0);
      } else if (seen === ON_PATH) {
        const cycle = path.slice(path.indexOf(input));
        const names = [...cycle, input].map((g) => g.id).join(' → ');
        found = true;
        if (report === 'first') {
          diagnostics.push(error('CYCLE', `The gates form a cycle: ${names}`, input.span, 'a fault tree is acyclic: remove one of these inputs'));
          return true;
        }
        diagnostics.push(error('CYCLE', `The gates form a cycle: ${names}`, gate.inputSpans?.[i] ?? gate.span, 'a fault tree is acyclic: remove one of these inputs'));
      }
    }
  }
  return found;
}

function error(code: ErrorCode, message: string, span: SourceSpan | undefined, hint?: string): Diagnostic {
  return { code, severity: 'error', message, ...(span ? { span } : {}), ...(hint ? { hint } : {}) };
}
