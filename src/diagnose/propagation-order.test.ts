import type { RatedSignal } from './diagnosis.js';
import { FULL_SHARE, SHARE_DECADES, bestOfFired, magnitudeLikelihood } from './propagation-order.js';

describe('magnitudeLikelihood', () => {
  it('is a density of ln(share) when the failure passed: it integrates to 1 against the uniform one', () => {
    const a = SHARE_DECADES * Math.LN10;
    const steps = 200_000;
    let total = 0;
    for (let k = 0; k < steps; k++) {
      const t = -a + ((k + 0.5) * 2 * a) / steps;
      total += magnitudeLikelihood(Math.exp(t)).ifTrue / steps;
    }
    expect(total).toBeCloseTo(1, 4);
  });

  it('is flat from FULL_SHARE up, and falls in proportion to the share below it', () => {
    const full = magnitudeLikelihood(FULL_SHARE).ifTrue;
    expect(magnitudeLikelihood(3).ifTrue).toBe(full);
    expect(magnitudeLikelihood(FULL_SHARE / 10).ifTrue / full).toBeCloseTo(0.1, 12);
    // A database 1.7 ms slower under a caller 449 ms slower: ×0.012 against not passing.
    expect(magnitudeLikelihood(1.7 / 449).ifTrue).toBeCloseTo(0.0122, 4);
    expect(magnitudeLikelihood(1e-9).ifTrue).toBeCloseTo(magnitudeLikelihood(10 ** -SHARE_DECADES).ifTrue, 15);
    expect(magnitudeLikelihood(0.2).ifFalse).toBe(1);
  });
});

const signal = (fields: Partial<RatedSignal>): RatedSignal => ({ owner: 'db', ownerKind: 'event', kind: 'metric', state: 'fired', ...fields }) as RatedSignal;

describe('bestOfFired', () => {
  const signals = [
    signal({ firstSeen: 300, departure: -40, additive: true }),
    signal({ state: 'silent', firstSeen: 100, departure: 900, additive: true }),
    signal({ kind: 'change', firstSeen: 50 }),
    signal({ kind: 'log', firstSeen: 200 }),
    signal({ departure: 25, additive: true }),
  ];

  it('takes the best value of the fired signals only, skipping those without one', () => {
    expect(bestOfFired(signals, (s) => s.firstSeen, (a, b) => a < b)).toBe(50);
    expect(bestOfFired(signals, (s) => (s.kind === 'change' ? undefined : s.firstSeen), (a, b) => a < b)).toBe(200);
    expect(bestOfFired(signals, (s) => (s.additive ? s.departure : undefined), (a, b) => Math.abs(a) > Math.abs(b))).toBe(-40);
  });

  it('is undefined without a fired signal that gives a value', () => {
    expect(bestOfFired(undefined, (s) => s.firstSeen, (a, b) => a < b)).toBeUndefined();
    expect(bestOfFired([signal({})], (s) => s.firstSeen, (a, b) => a < b)).toBeUndefined();
  });
});
