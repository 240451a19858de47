// An uncertainty distribution as the tree format writes it (report stage): JSON with the format's
// keys (`type`, `error_factor`, …), and a short text such as "lognormal(mean 1e-3, EF 3)".

import type { Distribution } from '../model/fault-tree.js';
import { formatProbability } from './format-number.js';

/** The distribution with the keys of docs/format.md. */
export function distributionToJson(d: Distribution): Record<string, unknown> {
  switch (d.kind) {
    case 'lognormal':
      return { type: 'lognormal', mean: d.mean, error_factor: d.errorFactor };
    case 'lognormal-mu-sigma':
      return { type: 'lognormal', mu: d.mu, sigma: d.sigma };
    case 'uniform':
    case 'loguniform':
      return { type: d.kind, min: d.min, max: d.max };
    case 'normal':
      return { type: 'normal', mean: d.mean, sd: d.sd };
    case 'beta':
      return { type: 'beta', alpha: d.alpha, beta: d.beta };
    case 'gamma':
      return { type: 'gamma', shape: d.shape, scale: d.scale };
    case 'histogram':
      return { type: 'histogram', bounds: [...d.bounds], weights: [...d.weights] };
  }
}

/** "lognormal(mean 1e-3, EF 3)", "beta(2, 50)", … */
export function describeDistribution(d: Distribution): string {
  const f = (x: number): string => formatProbability(x, 3);
  switch (d.kind) {
    case 'lognormal':
      return `lognormal(mean ${f(d.mean)}, EF ${f(d.errorFactor)})`;
    case 'lognormal-mu-sigma':
      return `lognormal(μ ${f(d.mu)}, σ ${f(d.sigma)})`;
    case 'uniform':
    case 'loguniform':
      return `${d.kind}(${f(d.min)}, ${f(d.max)})`;
    case 'normal':
      return `normal(${f(d.mean)}, sd ${f(d.sd)})`;
    case 'beta':
      return `beta(${f(d.alpha)}, ${f(d.beta)})`;
    case 'gamma':
      return `gamma(shape ${f(d.shape)}, scale ${f(d.scale)})`;
    case 'histogram':
      return `histogram(${d.weights.length} bins, ${f(d.bounds[0]!)}–${f(d.bounds[d.bounds.length - 1]!)})`;
  }
}
