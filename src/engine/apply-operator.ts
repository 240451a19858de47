// The BDD of one Boolean-graph operator from the BDDs of its arguments (engine stage): and/or/xor
// by repeated apply (Bryant 1986); k-out-of-n by the threshold recurrence, O(n·k) applies.

import type { Operator } from './boolean-graph.js';
import { ONE, ZERO, type Bdd, type BddRef } from './bdd.js';

export function applyOperator(bdd: Bdd, operator: Operator, k: number, args: readonly BddRef[]): BddRef {
  switch (operator) {
    case 'and':
      return bdd.andAll(args);
    case 'or':
      return bdd.orAll(args);
    case 'xor': {
      let r = ZERO;
      for (const a of args) r = bdd.xor(r, a);
      return r;
    }
    case 'atleast':
      return atLeast(bdd, k, args);
  }
}

/**
 * At least k of the arguments: with A_j the function "at least j of the arguments seen so far",
 * adding an argument x gives A_j ← A_j ∨ (x ∧ A_{j−1}), since A_j implies A_{j−1}.
 */
function atLeast(bdd: Bdd, k: number, args: readonly BddRef[]): BddRef {
  const a = new Array<BddRef>(k + 1).fill(ZERO);
  a[0] = ONE;
  for (let i = args.length - 1; i >= 0; i--) {
    const x = args[i]!;
    for (let j = k; j >= 1; j--) a[j] = bdd.or(a[j]!, bdd.and(x, a[j - 1]!));
  }
  return a[k]!;
}
