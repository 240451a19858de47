// ln P(X ≥ n) for X negative binomial (evidence stage): the posterior predictive count of a window
// given a baseline count under a Jeffreys prior (docs/evidence.md, "When a log signal fires"). In
// log space so that tiny tails keep their size: ln I_p(n, r), Numerical Recipes §6.4's continued
// fraction (modified Lentz). The engine's regularizedBeta computes I itself; evidence/ may not import it.

import { logGamma } from './poisson-upper-tail.js';

const EPSILON = 1e-15;
const TINY = 1e-300;

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

/** ln I_x(a, b), for a, b > 0 and 0 < x < 1. */
function logRegularizedBeta(x: number, a: number, b: number): number {
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return logFront + Math.log(continuedFraction(x, a, b)) - Math.log(a);
  const complement = Math.exp(logFront + Math.log(continuedFraction(1 - x, b, a)) - Math.log(b));
  return Math.log1p(-Math.min(1, complement));
}

function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10_000; m++) {
    const m2 = 2 * m;
    // Even step of the fraction (A&S 26.5.8).
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}
