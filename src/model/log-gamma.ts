// ln Γ(x) for x > 0 (model stage, below the engine's distributions and the evidence's count tails): the Lanczos approximation
// with g = 7 and nine coefficients (Lanczos 1964; Press et al., Numerical Recipes, §6.1), with the
// reflection formula below 1/2. Relative error near 1e-15.

// Math's functions at module scope: property lookups on Math are slow in Jest's VM contexts.
const { log, sin, abs } = Math;

const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * log(2 * Math.PI);

export function logGamma(x: number): number {
  if (x < 0.5) return log(Math.PI / abs(sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = COEFFICIENTS[0]!;
  const t = z + G + 0.5;
  for (let i = 1; i < COEFFICIENTS.length; i++) a += COEFFICIENTS[i]! / (z + i);
  return HALF_LOG_2PI + (z + 0.5) * log(t) - t + log(a);
}
