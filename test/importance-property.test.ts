// Property tests of importance measures and approximations (engine stage): on random trees, every
// measure equals its definition computed from the truth table, and rare-event ≥ MCUB ≥ exact.

import fc from 'fast-check';
import {
  approximateTopProbability,
  compileProbabilityModel,
  computeImportanceMeasures,
  computeMinimalCutSets,
  computeTopProbability,
  findSinglePointsOfFailure,
  forEachCutSet,
  summarizeCutSets,
} from '../src/engine/index.js';
import { logSurvivalBySeries } from '../src/engine/approximate-top-probability.js';
import { eventId, minimalTrueSets, probabilityOf, randomTreeSpec, toFaultTree, truthTable, type RandomTreeSpec } from './helpers/random-fault-tree.js';

const TOLERANCE = 1e-12;

function expectClose(actual: number | undefined, expected: number, what: string, tolerance = TOLERANCE): void {
  if (actual === undefined || !(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)))) {
    throw new Error(`${what}: engine ${actual}, truth table ${expected}`);
  }
}

function checkImportance(spec: RandomTreeSpec): void {
  const tree = toFaultTree(spec);
  const q = spec.probabilities;
  const n = q.length;
  const table = truthTable(tree);
  const pTop = probabilityOf(q, (m) => table[m] === 1);
  const cutSets = minimalTrueSets(table, n);
  for (const modularize of [true, false]) {
    const model = compileProbabilityModel(tree, { modularize });
    const analysis = computeImportanceMeasures(model);
    expectClose(analysis.pTop, pTop, 'P(top)');
    expect(analysis.cutSets).toBe(cutSets.length);
    analysis.events.forEach((e, i) => {
      expect(e.id).toBe(eventId(i));
      // Event i forced on or off; its own factor sums to 1 over both halves of the table.
      const c1 = probabilityOf(q, (m) => table[m | (1 << i)] === 1);
      const c0 = probabilityOf(q, (m) => table[m & ~(1 << i)] === 1);
      expectClose(e.pGivenTrue, c1, `P(T|${e.id}=1)`);
      expectClose(e.pGivenFalse, c0, `P(T|${e.id}=0)`);
      expectClose(e.birnbaum, c1 - c0, `Birnbaum of ${e.id}`);
      const containing = cutSets.filter((c) => (c >> i) & 1);
      expect(e.occurrences).toBe(containing.length);
      if (c0 === 0 && pTop > 0) expect(e.rrw).toBe(Infinity);
      if (pTop === 0) {
        expect(e.criticality).toBeUndefined();
        expect(e.rrw).toBeUndefined();
        return;
      }
      if (pTop < 1e-9) return;
      const union = probabilityOf(q, (m) => containing.some((c) => (c & m) === c));
      const relative = 1e-9;
      expectClose(e.criticality, ((c1 - c0) * q[i]!) / pTop, `criticality of ${e.id}`, relative);
      expectClose(e.fussellVesely, union / pTop, `Fussell–Vesely of ${e.id}`, relative);
      expectClose(e.raw, c1 / pTop, `RAW of ${e.id}`, relative);
      expectClose(e.posterior, Math.min(1, (q[i]! * c1) / pTop), `P(${e.id}|T)`, relative);
      if (c0 > 0) expectClose(e.rrw, pTop / c0, `RRW of ${e.id}`, 1e-6);
    });
    // Single points of failure: the order-1 cut sets.
    const single = cutSets.filter((c) => (c & (c - 1)) === 0 && c !== 0).map((c) => eventId(Math.log2(c)));
    expect([...findSinglePointsOfFailure(model)].sort()).toEqual(single.sort());
  }
}

function checkBounds(spec: RandomTreeSpec): void {
  const tree = toFaultTree(spec);
  const model = compileProbabilityModel(tree);
  const pTop = computeTopProbability(model);
  const family = computeMinimalCutSets(model);
  const approx = approximateTopProbability(family, pTop);
  const slack = 1e-12;
  expect(approx.rareEvent.sum + slack).toBeGreaterThanOrEqual(approx.mcub!.probability);
  expect(approx.mcub!.probability + slack).toBeGreaterThanOrEqual(pTop);
  // The MCUB (a series over the ZBDD when every set is improbable enough) against its definition.
  let logSurvival = 0;
  forEachCutSet(family, (_buffer, _length, p) => (logSurvival += Math.log1p(-p)));
  const mcub = -Math.expm1(logSurvival);
  expect(Math.abs(approx.mcub!.probability - mcub)).toBeLessThanOrEqual(1e-12 * mcub);
  // The series itself, on the same sets with probabilities small enough for it (q/10 + 1e-3).
  const scaled = computeMinimalCutSets(model, { probabilities: Float64Array.from(spec.probabilities, (p) => p / 10 + 1e-3) });
  let listed = 0;
  forEachCutSet(scaled, (_buffer, _length, p) => (listed += Math.log1p(-p)));
  const series = logSurvivalBySeries(scaled, summarizeCutSets(scaled).maxProbability);
  // Undefined only when the empty set is a cut set (P = 1: the MCUB is 1, by listing).
  expect(series === undefined).toBe(scaled.zbdd.containsEmpty(scaled.root));
  if (series !== undefined) expect(Math.abs(series - listed)).toBeLessThanOrEqual(1e-12 * Math.abs(listed));
}

describe('importance measures against a truth table', () => {
  it('agree with their definitions on random coherent trees', () => {
    fc.assert(fc.property(randomTreeSpec({ coherent: true, maxEvents: 10 }), checkImportance), { numRuns: 200 });
  });

  it('agree with their definitions on random non-coherent trees', () => {
    fc.assert(fc.property(randomTreeSpec({ coherent: false, maxEvents: 10 }), checkImportance), { numRuns: 200 });
  });
});

describe('approximations', () => {
  it('rare-event ≥ MCUB ≥ exact on coherent trees', () => {
    fc.assert(fc.property(randomTreeSpec({ coherent: true, maxEvents: 12 }), checkBounds), { numRuns: 200 });
  });

  it('rare-event ≥ MCUB ≥ exact on non-coherent trees (cut sets of the monotone hull)', () => {
    fc.assert(fc.property(randomTreeSpec({ coherent: false, maxEvents: 12 }), checkBounds), { numRuns: 200 });
  });
});
