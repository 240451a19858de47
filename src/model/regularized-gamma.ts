// The regularized lower incomplete gamma function P(a, x) (model stage), the gamma distribution's
// CDF and the Poisson upper tail: its series for x < a + 1, Legendre's continued fraction for Q = 1 − P above (Abramowitz &
// Stegun 6.5.29 and 6.5.31; Press et al., Numerical Recipes, §6.2).

import { logGamma } from './log-gamma.js';

// Math's functions at module scope: property lookups on Math are slow in Jest's VM contexts.
const { exp, log, abs, min, max } = Math;

const EPSILON = 1e-16;
const TINY = 1e-300;

/** P(a, x) = γ(a, x)/Γ(a), for a > 0, x ≥ 0. */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  const front = exp(-x + a * log(x) - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10000; n++) {
      term *= x / (a + n);
      sum += term;
      if (abs(term) < abs(sum) * EPSILON) break;
    }
    return min(1, sum * front);
  }
  // Q(a, x) by the modified Lentz method.
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 10000; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (abs(delta - 1) < EPSILON) break;
  }
  return max(0, 1 - front * h);
}
