import { logRegularizedBeta, regularizedBeta } from './regularized-beta.js';

describe('regularizedBeta', () => {
  it('matches closed forms', () => {
    for (const x of [0.01, 0.3, 0.5, 0.9]) {
      expect(regularizedBeta(x, 1, 1)).toBeCloseTo(x, 14);
      expect(regularizedBeta(x, 3, 1)).toBeCloseTo(x ** 3, 14);
      expect(regularizedBeta(x, 1, 4)).toBeCloseTo(1 - (1 - x) ** 4, 14);
      // I_x(2, 2) = 3x² − 2x³.
      expect(regularizedBeta(x, 2, 2)).toBeCloseTo(3 * x * x - 2 * x ** 3, 14);
    }
    expect(regularizedBeta(0.5, 7.3, 7.3)).toBeCloseTo(0.5, 14);
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });
});

describe('logRegularizedBeta', () => {
  it('is ln I_x(a, b) on both sides of the symmetry the fraction switches at', () => {
    for (const [x, a, b] of [[0.1, 2, 5], [0.5, 3, 3], [0.9, 2, 5], [0.3, 0.5, 10.5], [0.75, 40, 20.5]] as const) {
      expect(logRegularizedBeta(x, a, b)).toBeCloseTo(Math.log(regularizedBeta(x, a, b)), 12);
    }
  });

  it('keeps a tail far below the smallest double', () => {
    expect(regularizedBeta(0.5, 2000, 0.5)).toBe(0);
    const tail = logRegularizedBeta(0.5, 2000, 0.5);
    expect(tail).toBeLessThan(-1000);
    expect(Number.isFinite(tail)).toBe(true);
  });
});
