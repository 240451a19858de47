import { poissonUpperTail } from './poisson-upper-tail.js';

/** P(X ≥ k) by summing the pmf, for checking. */
function bySum(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  return 1 - below;
}

describe('poissonUpperTail', () => {
  it.each([
    [1, 0.5],
    [3, 1],
    [5, 2.5],
    [10, 10],
    [20, 4],
    [2, 30],
  ])('P(X ≥ %i; λ = %f) agrees with the pmf sum', (k, lambda) => {
    expect(poissonUpperTail(k, lambda)).toBeCloseTo(bySum(k, lambda), 10);
  });

  it('handles the edges and tiny tails', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(4, 0)).toBe(0);
    const tiny = poissonUpperTail(42, 0.5);
    expect(tiny).toBeGreaterThan(0);
    expect(tiny).toBeLessThan(1e-50);
  });
});
