// The BDD of one Boolean-graph operator from the BDDs of its arguments (engine stage): and/or/xor
// by repeated apply (Bryant 1986); k-out-of-n by Shannon expansion on the count, k·(n − k + 1) ite.

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
 * At least k of the arguments, by Shannon expansion on the count: with f_1 … f_n sorted by their
 * top level, A(i, j) = "at least j of f_i … f_n" = ite(f_i, A(i+1, j−1), A(i+1, j)), built from
 * the bottom up (the textbook threshold BDD; Bryant 1986, and Eén & Sörensson 2006 for pseudo-
 * Boolean constraints). Only the A(i, j) that can still reach k are kept, k·(n − k + 1) ite in
 * all; over variables each ite is one node (`Bdd.ite`), so a k-of-n gate of basic events has at
 * most k·(n − k + 1) nodes whatever the order of its arguments. Repeated arguments count as many
 * times as they appear.
 */
function atLeast(bdd: Bdd, k: number, args: readonly BddRef[]): BddRef {
  const n = args.length;
  if (k <= 0) return ONE;
  if (k > n) return ZERO;
  // Lowest (deepest) top level first: each function is then above the ones it is combined with.
  const sorted = [...args].sort((f, g) => bdd.topLevel(g) - bdd.topLevel(f));
  // a[j] = at least j of the functions taken so far (ZERO beyond their number).
  const a = new Array<BddRef>(k + 1).fill(ZERO);
  a[0] = ONE;
  for (let m = 1; m <= n; m++) {
    const f = sorted[m - 1]!;
    // The n − m functions still to come can add at most n − m: smaller counts are never needed.
    const low = Math.max(1, k - (n - m));
    for (let j = Math.min(k, m); j >= low; j--) a[j] = bdd.ite(f, a[j - 1]!, a[j]!);
  }
  return a[k]!;
}
