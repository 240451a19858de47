import { logGamma } from '../model/log-gamma.js';
import { logPredictiveTail, negativeBinomialLogUpperTail } from './negative-binomial-upper-tail.js';

/** P(X ≥ n) by summing the pmf, for checking. */
function bySum(n: number, r: number, p: number): number {
  let below = 0;
  for (let x = 0; x < n; x++) below += Math.exp(logGamma(r + x) - logGamma(r) - logGamma(x + 1) + r * Math.log1p(-p) + x * Math.log(p));
  return 1 - below;
}

describe('negativeBinomialLogUpperTail', () => {
  it.each([
    [1, 0.5, 0.5],
    [3, 0.5, 0.5],
    [6, 0.5, 0.5],
    [10, 10.5, 0.5],
    [2, 3.5, 0.2],
    [40, 20.5, 0.75],
    [1, 100.5, 0.01],
  ])('ln P(X ≥ %i; r = %f, p = %f) agrees with the pmf sum', (n, r, p) => {
    expect(Math.exp(negativeBinomialLogUpperTail(n, r, p))).toBeCloseTo(bySum(n, r, p), 10);
  });

  it('keeps tiny tails in log space and handles the edges', () => {
    expect(negativeBinomialLogUpperTail(0, 2, 0.5)).toBe(0);
    expect(negativeBinomialLogUpperTail(3, 2, 0)).toBe(Number.NEGATIVE_INFINITY);
    const tiny = negativeBinomialLogUpperTail(2000, 0.5, 0.5);
    expect(tiny).toBeLessThan(-1000); // exp() of it underflows; the log does not
    expect(Number.isFinite(tiny)).toBe(true);
  });
});

describe('logPredictiveTail (Jeffreys prior on the baseline rate)', () => {
  it('one stray line against an empty baseline of the same length is not improbable', () => {
    expect(Math.exp(logPredictiveTail(1, 0, 1))).toBeCloseTo(1 - Math.SQRT1_2, 12);
    // the least count that passes alpha 0.01 against an empty equal-length baseline
    const first = Array.from({ length: 50 }, (_, i) => i + 1).find((n) => logPredictiveTail(n, 0, 1) < Math.log(0.01));
    expect(first).toBe(6);
  });

  it('a longer empty baseline says more: 2 lines against 0 in a baseline 10× the window', () => {
    expect(logPredictiveTail(2, 0, 0.1)).toBeLessThan(Math.log(0.01));
  });

  it('is more cautious than a Poisson test at the baseline count (the rate itself is uncertain)', () => {
    // 20 vs 10: Poisson(10) gives 0.0035; the predictive tail, which knows the rate is uncertain, more
    const p = Math.exp(logPredictiveTail(20, 10, 1));
    expect(p).toBeGreaterThan(0.0035);
    expect(p).toBeLessThan(0.1);
  });
});
