import { gammaQuantile } from './gamma-quantile.js';
import { regularizedGammaP } from '../model/regularized-gamma.js';

describe('gammaQuantile', () => {
  it('inverts P(a, x) across shapes, tails included', () => {
    for (const a of [0.05, 0.5, 1, 2.5, 10, 300]) {
      for (const p of [1e-6, 0.05, 0.5, 0.95, 1 - 1e-6]) {
        const x = gammaQuantile(p, a);
        expect([a, p, regularizedGammaP(a, x)]).toEqual([a, p, expect.closeTo(p, 9)]);
      }
    }
  });

  it('matches the exponential distribution in closed form (shape 1)', () => {
    expect(gammaQuantile(0.95, 1)).toBeCloseTo(-Math.log(0.05), 10);
    expect(gammaQuantile(0.05, 1)).toBeCloseTo(-Math.log(0.95), 10);
  });

  it('has 0 and ∞ at the ends and refuses a non-positive shape', () => {
    expect(gammaQuantile(0, 2)).toBe(0);
    expect(gammaQuantile(1, 2)).toBe(Infinity);
    expect(() => gammaQuantile(0.5, 0)).toThrow(RangeError);
  });
});
