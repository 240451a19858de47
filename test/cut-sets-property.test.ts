// Property tests of minimal cut sets and prime implicants (engine stage): random trees, with shared
// events and gates and atleast, against their truth tables — the cut sets are the minimal satisfying
// sets, the prime implicants the minimal implicants, and the limits keep exactly what they say.

import fc from 'fast-check';
import { compileProbabilityModel, computeMinimalCutSets, enumerateCutSets, selectTopCutSets, sortCutSets, type CutSetFamily } from '../src/engine/index.js';
import { jest } from '@jest/globals';
import { PairTable } from '../src/engine/pair-table.js';
import { minimalTrueSets, primeImplicants, randomTreeSpec, toFaultTree, truthTable, type RandomTreeSpec } from './helpers/random-fault-tree.js';

/** A family as sorted strings of literals ("0,2,~3"), for comparison with the brute force. */
function familyStrings(family: CutSetFamily): string[] {
  const sets: string[] = [];
  for (const s of enumerateCutSets(family)) sets.push(canonical(s.literals));
  return sets.sort();
}

function canonical(literals: readonly number[]): string {
  return [...literals]
    .map((l) => (l < 0 ? ~l * 2 + 1 : l * 2))
    .sort((a, b) => a - b)
    .map((x) => (x % 2 === 1 ? `~${(x - 1) / 2}` : String(x / 2)))
    .join(',');
}

function masksToStrings(sets: [number, number][], n: number): string[] {
  return sets
    .map(([pos, neg]) => {
      const literals: number[] = [];
      for (let i = 0; i < n; i++) {
        if ((pos >> i) & 1) literals.push(i);
        if ((neg >> i) & 1) literals.push(~i);
      }
      return canonical(literals);
    })
    .sort();
}

function setProbability(q: readonly number[], pos: number, neg: number): number {
  let p = 1;
  q.forEach((qi, i) => {
    if ((pos >> i) & 1) p *= qi;
    if ((neg >> i) & 1) p *= 1 - qi;
  });
  return p;
}

const popcount = (m: number): number => {
  let c = 0;
  for (; m !== 0; m &= m - 1) c++;
  return c;
};

function checkCutSets(spec: RandomTreeSpec, maxOrder: number | undefined, cutoff: number): void {
  const tree = toFaultTree(spec);
  const n = spec.probabilities.length;
  const table = truthTable(tree);
  const expected = minimalTrueSets(table, n)
    .filter((m) => maxOrder === undefined || popcount(m) <= maxOrder)
    .filter((m) => cutoff === 0 || setProbability(spec.probabilities, m, 0) >= cutoff)
    .map((m): [number, number] => [m, 0]);
  for (const modularize of [true, false]) {
    const model = compileProbabilityModel(tree, { modularize });
    const family = computeMinimalCutSets(model, { ...(maxOrder !== undefined ? { maxOrder } : {}), cutoff });
    expect(familyStrings(family)).toEqual(masksToStrings(expected, n));
    checkOrdering(family);
    // Equal probabilities: every set of an order ties, and the ids decide.
    const probabilities = new Float64Array(model.graph.variables.length).fill(0.1);
    checkOrdering(computeMinimalCutSets(model, { ...(maxOrder !== undefined ? { maxOrder } : {}), probabilities }));
  }
}

/** A set's literals as (id, negated) pairs in increasing order. */
function idSequence(family: CutSetFamily, literals: readonly number[]): [string, number][] {
  return literals
    .map((l): [string, number] => (l < 0 ? [family.variables[~l]!, 1] : [family.variables[l]!, 0]))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
}

function compareIdSequences(a: [string, number][], b: [string, number][]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i]![0] !== b[i]![0]) return a[i]![0] < b[i]![0] ? -1 : 1;
    if (a[i]![1] !== b[i]![1]) return a[i]![1] - b[i]![1];
  }
  return a.length - b.length;
}

/** The sorted list and the top n follow (probability desc, order asc, the sets' ids). */
function checkOrdering(family: CutSetFamily): void {
  const listed = [...enumerateCutSets(family)].map((s, index) => ({ ...s, index, ids: idSequence(family, s.literals) }));
  const reference = [...listed].sort((a, b) => b.probability - a.probability || a.literals.length - b.literals.length || compareIdSequences(a.ids, b.ids));
  const sorted = sortCutSets(family);
  expect(sorted.count).toBe(listed.length);
  expect(sorted.tiesById).toBe(true);
  expect(Array.from(sorted.sorted)).toEqual(reference.map((s) => s.index));
  // Beyond the limit of ordering ties by ids, ties keep the diagram's (enumeration) order.
  const diagram = sortCutSets(family, undefined, 0);
  expect(diagram.tiesById).toBe(listed.length === 0);
  if (listed.length > 0) {
    const byEnumeration = [...listed].sort((a, b) => b.probability - a.probability || a.literals.length - b.literals.length || a.index - b.index);
    expect(Array.from(diagram.sorted)).toEqual(byEnumeration.map((s) => s.index));
  }
  for (const n of [1, 3]) {
    expect(selectTopCutSets(family, n).map((s) => canonical(s.literals))).toEqual(reference.slice(0, n).map((s) => canonical(s.literals)));
  }
}

function checkPrimeImplicants(spec: RandomTreeSpec, maxOrder: number | undefined): void {
  const tree = toFaultTree(spec);
  const n = spec.probabilities.length;
  const expected = primeImplicants(truthTable(tree), n).filter(([p, m]) => maxOrder === undefined || popcount(p) + popcount(m) <= maxOrder);
  for (const modularize of [true, false]) {
    const model = compileProbabilityModel(tree, { modularize });
    const family = computeMinimalCutSets(model, { primeImplicants: true, ...(maxOrder !== undefined ? { maxOrder } : {}) });
    expect(familyStrings(family)).toEqual(masksToStrings(expected, n));
  }
}

const order = fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined });
const cutoff = fc.oneof(fc.constant(0), fc.double({ min: 1e-4, max: 0.5, noNaN: true }));

describe('minimal cut sets against a truth table', () => {
  it('are the minimal satisfying sets of random coherent trees', () => {
    fc.assert(fc.property(randomTreeSpec({ coherent: true, maxEvents: 12 }), order, cutoff, checkCutSets), { numRuns: 300 });
  });

  it('are the minimal satisfying sets of random non-coherent trees (negated events dropped)', () => {
    fc.assert(fc.property(randomTreeSpec({ coherent: false, maxEvents: 12 }), order, cutoff, checkCutSets), { numRuns: 300 });
  });
});

describe('the order of tied cut sets', () => {
  it('is by event ids for large runs of ties too (radix path)', () => {
    // atleast 3 of 12 or atleast 2 of the first 8: 28 sets of order 2 and 52 of order 3, each
    // order one run of ties longer than the 16 sets below which insertion sort takes over.
    const spec: RandomTreeSpec = {
      probabilities: Array.from({ length: 12 }, () => 0.01),
      houses: [],
      gates: [
        { type: 'atleast', inputs: [11, 3, 7, 0, 9, 1, 5, 2, 10, 4, 8, 6], k: 2, max: 0 },
        { type: 'atleast', inputs: [6, 2, 0, 4, 1, 7, 3, 5], k: 1, max: 0 },
        { type: 'or', inputs: [12, 13], k: 0, max: 0 },
      ],
    };
    const model = compileProbabilityModel(toFaultTree(spec));
    const family = computeMinimalCutSets(model);
    expect(sortCutSets(family).count).toBe(80);
    checkOrdering(family);
  });
});

describe('prime implicants against a truth table', () => {
  it('are the minimal implicants of random non-coherent trees', () => {
    fc.assert(fc.property(randomTreeSpec({ coherent: false, maxEvents: 7 }), order, checkPrimeImplicants), { numRuns: 300 });
  });

  it('are the minimal cut sets of coherent trees', () => {
    fc.assert(fc.property(randomTreeSpec({ coherent: true, maxEvents: 7 }), order, checkPrimeImplicants), { numRuns: 100 });
  });
});

/**
 * The memo bound (`maxNodes`): a bounded run throws ZBDD_NODE_LIMIT or gives the unbounded family,
 * and a bound at least the number of memo insertions the unbounded run made never throws (the count
 * of subproblems done before the run must not exceed what the run memoises).
 */
function checkMemoBound(spec: RandomTreeSpec, bound: number, maxOrder: number): void {
  const model = compileProbabilityModel(toFaultTree(spec));
  const set = jest.spyOn(PairTable.prototype, 'set');
  const unbounded = familyStrings(computeMinimalCutSets(model, { maxOrder }));
  const insertions = set.mock.calls.length;
  set.mockRestore();
  let bounded: string[] | undefined;
  try {
    bounded = familyStrings(computeMinimalCutSets(model, { maxOrder, maxNodes: bound }));
  } catch (e) {
    if (!(e instanceof Error) || !/ZBDD_NODE_LIMIT|need more than|exceed/.test(`${(e as { code?: string }).code ?? ''} ${e.message}`)) throw e;
  }
  if (bounded !== undefined) expect(bounded).toEqual(unbounded);
  if (bound >= insertions) expect(bounded).toBeDefined();
}

describe('the memo bound of the cut sets', () => {
  it('fails only when the minimal solutions need more memo entries than allowed', () => {
    fc.assert(
      fc.property(randomTreeSpec({ coherent: false, maxEvents: 10 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 6 }), checkMemoBound),
      { numRuns: 300 },
    );
  });
});
