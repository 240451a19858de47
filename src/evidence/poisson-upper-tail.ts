// P(X ≥ k) for X ~ Poisson(λ) (evidence stage): the regularized lower incomplete gamma function
// P(k, λ) (model/regularized-gamma.ts; Numerical Recipes, §6.2).

import { regularizedGammaP } from '../model/regularized-gamma.js';

export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  return regularizedGammaP(k, lambda);
}
