// ln P(X ≥ n) for X negative binomial (evidence stage): the posterior predictive count of a window
// given a baseline count under a Jeffreys prior (docs/evidence.md, "When a log signal fires"). In
// log space so that tiny tails keep their size: ln I_p(n, r) (model/regularized-beta.ts, Numerical
// Recipes §6.4's continued fraction).

import { logRegularizedBeta } from '../model/regularized-beta.js';

/**
 * ln P(X ≥ n) where P(X = x) = Γ(r + x) / (Γ(r) x!) · (1 − p)^r · p^x (r > 0 failures, p the
 * success probability): ln I_p(n, r). 0 for n ≤ 0, −Infinity for p = 0 and n > 0.
 */
export function negativeBinomialLogUpperTail(n: number, r: number, p: number): number {
  if (n <= 0 || p >= 1) return 0;
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  return logRegularizedBeta(p, n, r);
}

/**
 * The posterior predictive tail of a window count: the baseline holds `baselineCount` events and
 * the window is `ratio` times the baseline's length. With
 * Jeffreys' prior on the rate the baseline rate's posterior is Gamma(k + 1/2), and the window count
 * is negative binomial with r = k + 1/2 and p = ratio / (1 + ratio). Returns ln P(X ≥ count).
 */
export function logPredictiveTail(count: number, baselineCount: number, ratio: number): number {
  return negativeBinomialLogUpperTail(count, baselineCount + 0.5, ratio / (1 + ratio));
}
