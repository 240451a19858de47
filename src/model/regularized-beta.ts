// The regularized incomplete beta function I_x(a, b) (model stage), the beta distribution's CDF and,
// in log space, the negative binomial upper tail:
// the continued fraction of Abramowitz & Stegun 26.5.8, evaluated by the modified Lentz method, on
// the side of the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where it converges fast (Numerical Recipes §6.4).

import { logGamma } from './log-gamma.js';

// Math's functions at module scope: property lookups on Math are slow in Jest's VM contexts.
const { exp, log, log1p, abs, min } = Math;

const EPSILON = 1e-16;
const TINY = 1e-300;

/** I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = exp(logFront(x, a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
  return 1 - (front * continuedFraction(1 - x, b, a)) / b;
}

/** ln I_x(a, b), for a, b > 0 and 0 < x < 1: keeps tails far below the smallest double. */
export function logRegularizedBeta(x: number, a: number, b: number): number {
  const front = logFront(x, a, b);
  if (x < (a + 1) / (a + b + 2)) return front + log(continuedFraction(x, a, b)) - log(a);
  const complement = exp(front + log(continuedFraction(1 - x, b, a)) - log(b));
  return log1p(-min(1, complement));
}

/** ln(x^a (1 − x)^b / B(a, b)). */
function logFront(x: number, a: number, b: number): number {
  return logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log1p(-x);
}

function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (abs(delta - 1) < EPSILON) break;
  }
  return h;
}
