// Quantiles of the gamma distribution (engine stage): the inverse of the regularized lower
// incomplete gamma function P(a, x), by bisection on log x (P is monotone in x), to 1e-12 relative.

import { regularizedGammaP } from '../model/regularized-gamma.js';

/** The x with P(shape, x) = p, for the gamma distribution of unit scale; 0 for p ≤ 0, ∞ for p ≥ 1. */
export function gammaQuantile(p: number, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gammaQuantile: shape must be positive, is ${shape}`);
  if (p <= 0) return 0;
  if (p >= 1) return Infinity;
  // Bracket: the mean is `shape`; widen by factors of 2 until P crosses p on both sides.
  let lo = shape;
  let hi = shape;
  while (regularizedGammaP(shape, lo) > p && lo > 1e-300) lo /= 2;
  while (regularizedGammaP(shape, hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = lo > 0 ? Math.sqrt(lo * hi) : hi / 2;
    if (regularizedGammaP(shape, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
