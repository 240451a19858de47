// The mean of an uncertainty distribution (model stage): the point value MEF gives a random deviate.

import type { Distribution } from './fault-tree.js';

/** E[X] of the distribution as written (a normal is not truncated here). */
export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'lognormal':
      return d.mean;
    case 'lognormal-mu-sigma':
      return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'loguniform':
      return (d.max - d.min) / Math.log(d.max / d.min);
    case 'normal':
      return d.mean;
    case 'beta':
      return d.alpha / (d.alpha + d.beta);
    case 'gamma':
      return d.shape * d.scale;
    case 'histogram': {
      let total = 0;
      let sum = 0;
      d.weights.forEach((w, i) => {
        total += w;
        sum += (w * (d.bounds[i]! + d.bounds[i + 1]!)) / 2;
      });
      return sum / total;
    }
  }
}
