import fc from 'fast-check';
import { applyOperator } from './apply-operator.js';
import { Bdd, type BddRef } from './bdd.js';
import { compileProbabilityModel } from './analyze-probability.js';
import { smallFaultTree } from './small-fault-tree.test-helper.js';

/** Value of `f` under an assignment of levels (bit `level` of `mask`). */
function valueOf(bdd: Bdd, f: BddRef, mask: number): boolean {
  let sign = f < 0;
  let n = Math.abs(f);
  while (n !== 1) {
    const next = (mask >> bdd.level(n)) & 1 ? bdd.high(n) : bdd.low(n);
    if (next < 0) sign = !sign;
    n = Math.abs(next);
  }
  return !sign;
}

/** An argument: a literal of one variable, or an and/or of two literals. */
interface ArgumentSpec {
  readonly kind: 'literal' | 'and' | 'or';
  readonly a: number;
  readonly b: number;
  readonly negateA: boolean;
  readonly negateB: boolean;
}

const LEVELS = 7;

describe('applyOperator: atleast', () => {
  it('is true exactly when at least k arguments are, repeated and compound arguments included (brute force)', () => {
    const argument = fc.record({
      kind: fc.constantFrom('literal' as const, 'literal' as const, 'and' as const, 'or' as const),
      a: fc.nat({ max: LEVELS - 1 }),
      b: fc.nat({ max: LEVELS - 1 }),
      negateA: fc.boolean(),
      negateB: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(argument, { minLength: 1, maxLength: 9 }), fc.integer({ min: -1, max: 10 }), fc.array(fc.nat({ max: LEVELS - 1 }), { minLength: 3, maxLength: 3 }), (specs, k, warm) => {
        const bdd = new Bdd();
        // Some unrelated nodes first, so that node numbers differ from levels.
        bdd.and(bdd.variable(warm[0]!), bdd.or(bdd.variable(warm[1]!), bdd.variable(warm[2]!)));
        const literal = (v: number, negate: boolean): BddRef => (negate ? -bdd.variable(v) : bdd.variable(v));
        const build = (s: ArgumentSpec): BddRef => {
          const a = literal(s.a, s.negateA);
          if (s.kind === 'literal') return a;
          const b = literal(s.b, s.negateB);
          return s.kind === 'and' ? bdd.and(a, b) : bdd.or(a, b);
        };
        const args = specs.map(build);
        const f = applyOperator(bdd, 'atleast', k, args);
        for (let mask = 0; mask < 1 << LEVELS; mask++) {
          const count = args.filter((g) => valueOf(bdd, g, mask)).length;
          expect(valueOf(bdd, f, mask)).toBe(count >= k);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('builds k of n variables in k·(n − k + 1) nodes whatever their order: 500 of 1,000', () => {
    const bdd = new Bdd();
    const n = 1000;
    const k = 500;
    // Arguments listed from the bottom level up: the order in which the old recurrence, one
    // apply per argument and count, built diagrams of millions of nodes (2.3 million for 100 of 200).
    const args = Array.from({ length: n }, (_, i) => bdd.variable(n - 1 - i));
    const before = bdd.nodeCount;
    const f = applyOperator(bdd, 'atleast', k, args);
    expect(bdd.nodeCount - before).toBeLessThanOrEqual(k * (n - k + 1));
    // Spot checks: exactly k true (the first k levels) holds, k − 1 does not.
    const all = (levels: number): boolean => {
      let sign = f < 0;
      let node = Math.abs(f);
      while (node !== 1) {
        const next = bdd.level(node) < levels ? bdd.high(node) : bdd.low(node);
        if (next < 0) sign = !sign;
        node = Math.abs(next);
      }
      return !sign;
    };
    expect(all(k)).toBe(true);
    expect(all(k - 1)).toBe(false);
  });

  it('gives a cardinality 400..600 of 1,000 basic events a polynomial diagram', () => {
    const events = Array.from({ length: 1000 }, (_, i) => `e${i}`);
    const model = compileProbabilityModel(smallFaultTree({ top: { type: 'cardinality', k: 400, max: 600, inputs: events } }, Object.fromEntries(events.map((e) => [e, 0.5]))));
    // Measured 280,400 nodes; each of the two thresholds alone has at most 601 × 400.
    expect(model.bdd.nodeCount).toBeLessThanOrEqual(2 * 601 * 400);
  });
});
