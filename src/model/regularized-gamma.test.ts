import { regularizedGammaP } from './regularized-gamma.js';

describe('regularizedGammaP', () => {
  it('matches closed forms', () => {
    for (const x of [0.01, 0.5, 1, 3, 20]) expect(regularizedGammaP(1, x)).toBeCloseTo(-Math.expm1(-x), 14);
    // P(3, x) = 1 − e^{−x}(1 + x + x²/2); P(1/2, x) = erf(√x).
    for (const x of [0.2, 2, 4, 9]) expect(regularizedGammaP(3, x)).toBeCloseTo(1 - Math.exp(-x) * (1 + x + (x * x) / 2), 14);
    expect(regularizedGammaP(0.5, 1)).toBeCloseTo(0.8427007929497149, 14);
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaP(2, Infinity)).toBe(1);
  });
});
