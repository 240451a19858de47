// Point probability of a basic event's probability model at a time t (hours) (model stage).
// Formulas follow the Open-PSA MEF definitions: exponential, GLM, Weibull, periodic-test.

import type { ProbabilityModel } from './fault-tree.js';

/**
 * P(event has occurred / is unavailable at time t). `expression` models are evaluated when the
 * model is built; pass their value as `expressionValue`.
 */
export function probabilityAt(model: ProbabilityModel, t: number, expressionValue = Number.NaN): number {
  switch (model.kind) {
    case 'constant':
      return model.value;
    case 'expression':
      return expressionValue;
    case 'rate':
      return -Math.expm1(-model.rate * t);
    case 'repairable': {
      // GLM: (λ − (λ − γ(λ+μ)) e^{−(λ+μ)t}) / (λ+μ); with γ = 0 the classic λ/(λ+μ)(1 − e^{−(λ+μ)t}).
      const lambda = model.rate;
      const mu = model.repairRate;
      const gamma = model.gamma ?? 0;
      const s = lambda + mu;
      if (s === 0) return gamma;
      return (lambda - (lambda - gamma * s) * Math.exp(-s * t)) / s;
    }
    case 'weibull': {
      const x = t - (model.location ?? 0);
      if (x <= 0) return 0;
      return -Math.expm1(-Math.pow(x / model.scale, model.shape));
    }
    case 'periodic-test': {
      // Instantaneous, perfect tests every τ from θ on: the exposure is the time since the last test.
      const { rate, testInterval, firstTest } = model;
      if (t <= firstTest) return -Math.expm1(-rate * t);
      const since = (t - firstTest) % testInterval;
      return -Math.expm1(-rate * since);
    }
  }
}

/** The model's mission time, or the tree's default for models without one. */
export function missionTimeOf(model: ProbabilityModel, fallback: number): number {
  return 'missionTime' in model ? model.missionTime : fallback;
}
