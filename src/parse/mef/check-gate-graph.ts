// The structural checks every fault tree gets, whatever its source (parse → model stage): gate arity
// and cycles in the gate graph. Cycles are found by one iterative depth-first search, linear in the
// size of the graph, and printed as the path that closes them.

import type { Diagnostic } from '../../model/diagnostic.js';
import type { Gate, GateType } from '../../model/fault-tree.js';
import { mefError } from './mef-diagnostic.js';

const EXACT_ARITY: Partial<Record<GateType, number>> = { not: 1, iff: 2, imply: 2 };
const MIN_ARITY: Partial<Record<GateType, number>> = { and: 1, or: 1, nand: 1, nor: 1, atleast: 1, cardinality: 1, xor: 2, inhibit: 2 };

/** Checks arity (except for `skipArity`: gates with inputs already reported missing) and cycles. */
export function checkGateGraph(gates: ReadonlyMap<string, Gate>, diagnostics: Diagnostic[], skipArity: ReadonlySet<string> = new Set()): void {
  for (const gate of gates.values()) if (!skipArity.has(gate.id)) checkArity(gate, diagnostics);
  findCycles(gates, diagnostics);
}

function checkArity(gate: Gate, diagnostics: Diagnostic[]): void {
  const n = gate.inputs.length;
  const exact = EXACT_ARITY[gate.type];
  const min = MIN_ARITY[gate.type];
  let need: string | undefined;
  if (exact !== undefined && n !== exact) need = String(exact);
  else if (min !== undefined && n < min) need = `at least ${min}`;
  if (need !== undefined) {
    const plural = need.endsWith(' 1') || need === '1' ? '' : 's';
    diagnostics.push(mefError('ARITY', `Gate "${gate.id}" of type ${gate.type} takes ${need} input${plural}, not ${n}`, gate.span));
  } else if (gate.type === 'atleast' && !(gate.k !== undefined && gate.k >= 1 && gate.k <= n)) {
    diagnostics.push(mefError('INVALID_K', `Gate "${gate.id}" needs 1 ≤ k ≤ ${n}, not k = ${gate.k}`, gate.span, 'k (the atleast min) counts how many of the inputs must be true'));
  } else if (gate.type === 'cardinality' && !(gate.k !== undefined && gate.max !== undefined && gate.k <= gate.max && gate.max <= n)) {
    diagnostics.push(mefError('INVALID_K', `Gate "${gate.id}" needs 0 ≤ min ≤ max ≤ ${n}, not min = ${gate.k}, max = ${gate.max}`, gate.span));
  }
}

const ON_PATH = 1;
const DONE = 2;

function findCycles(gates: ReadonlyMap<string, Gate>, diagnostics: Diagnostic[]): void {
  const state = new Map<string, number>();
  const path: Gate[] = [];
  const next: number[] = [];
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
      if (!input) continue;
      const seen = state.get(input.id);
      if (seen === undefined) {
        state.set(input.id, ON_PATH);
        path.push(input);
        next.push(0);
      } else if (seen === ON_PATH) {
        const cycle = path.slice(path.indexOf(input)).map((g) => g.id);
        cycle.push(input.id);
        diagnostics.push(mefError('CYCLE', `The gates form a cycle: ${cycle.join(' → ')}`, gate.inputSpans?.[i] ?? gate.span, 'a fault tree is acyclic: remove one of these inputs'));
      }
    }
  }
}
