// Draws and quantiles of the uncertainty distributions (engine stage): lognormal by Box–Muller,
// gamma by Marsaglia & Tsang 2000 ("A simple method for generating gamma variables"), beta as
// X/(X+Y) of two gammas, the others by their inverse CDF; every family also has its quantile
// (inverse CDF) for Latin hypercube sampling and percentiles, by safeguarded Newton on the CDF
// where there is no closed form.

import type { Distribution } from '../model/fault-tree.js';
import { logGamma } from '../model/log-gamma.js';
import type { RandomStream } from './random-stream.js';
import { regularizedBeta } from '../model/regularized-beta.js';
import { regularizedGammaP } from '../model/regularized-gamma.js';
import { normalCdf, normalDensity, normalQuantile } from '../model/standard-normal.js';

// Math's functions at module scope: property lookups on Math are slow in Jest's VM contexts.
const { exp, log, log1p, sqrt, pow, abs, min, max } = Math;

/** Φ⁻¹(0.95): the error factor of a lognormal is its 95th percentile over its median. */
export const Z95 = 1.6448536269514722;

export interface DistributionSampler {
  /** E[X] (of the truncated normal, for a probability). */
  readonly mean: number;
  /** One draw, consuming the stream. */
  sample(stream: RandomStream): number;
  /** The u-quantile, 0 < u < 1. */
  quantile(u: number): number;
  /** P(X ≤ x). */
  cdf(x: number): number;
}

export interface DistributionSamplerOptions {
  /** The draw is a probability: a normal is truncated to [0, 1] (other families are clipped later, by the caller). */
  readonly probability?: boolean;
}

/** μ and σ of the underlying normal of a lognormal. */
export function lognormalParameters(d: Extract<Distribution, { kind: 'lognormal' | 'lognormal-mu-sigma' }>): { mu: number; sigma: number } {
  if (d.kind === 'lognormal-mu-sigma') return { mu: d.mu, sigma: d.sigma };
  const sigma = log(d.errorFactor) / Z95;
  return { mu: log(d.mean) - (sigma * sigma) / 2, sigma };
}

export function createDistributionSampler(d: Distribution, options: DistributionSamplerOptions = {}): DistributionSampler {
  switch (d.kind) {
    case 'lognormal':
    case 'lognormal-mu-sigma': {
      const { mu, sigma } = lognormalParameters(d);
      return {
        mean: exp(mu + (sigma * sigma) / 2),
        sample: (s) => exp(mu + sigma * s.nextNormal()),
        quantile: (u) => exp(mu + sigma * normalQuantile(u)),
        cdf: (x) => (x <= 0 ? 0 : normalCdf((log(x) - mu) / sigma)),
      };
    }
    case 'uniform': {
      const { min, max } = d;
      const quantile = (u: number): number => min + u * (max - min);
      return { mean: (min + max) / 2, sample: (s) => quantile(s.nextDouble()), quantile, cdf: (x) => clamp01((x - min) / (max - min)) };
    }
    case 'loguniform': {
      const a = log(d.min);
      const w = log(d.max) - a;
      const quantile = (u: number): number => exp(a + u * w);
      return { mean: (d.max - d.min) / w, sample: (s) => quantile(s.nextDouble()), quantile, cdf: (x) => (x <= 0 ? 0 : clamp01((log(x) - a) / w)) };
    }
    case 'normal':
      return options.probability ? truncatedNormal(d.mean, d.sd, 0, 1) : plainNormal(d.mean, d.sd);
    case 'gamma':
      return gammaSampler(d.shape, d.scale);
    case 'beta':
      return betaSampler(d.alpha, d.beta);
    case 'histogram':
      return histogramSampler(d.bounds, d.weights);
  }
}

function plainNormal(mean: number, sd: number): DistributionSampler {
  return {
    mean,
    sample: (s) => mean + sd * s.nextNormal(),
    quantile: (u) => mean + sd * normalQuantile(u),
    cdf: (x) => normalCdf((x - mean) / sd),
  };
}

/** The normal conditioned on [lo, hi], by inversion; the tail that holds the interval is used, so no digits are lost. */
function truncatedNormal(mean: number, sd: number, lo: number, hi: number): DistributionSampler {
  const a = (lo - mean) / sd;
  const b = (hi - mean) / sd;
  const upper = a > 0; // the interval lies in the upper tail: work with P(Z > z)
  const pa = upper ? normalCdf(-a) : normalCdf(a);
  const pb = upper ? normalCdf(-b) : normalCdf(b);
  const mass = abs(pb - pa);
  const quantile = (u: number): number => {
    const z = upper ? -normalQuantile(pa - u * (pa - pb)) : normalQuantile(pa + u * (pb - pa));
    return min(hi, max(lo, mean + sd * z));
  };
  return {
    mean: mean + (sd * (normalDensity(a) - normalDensity(b))) / mass,
    sample: (s) => quantile(s.nextDouble()),
    quantile,
    cdf: (x) => (x <= lo ? 0 : x >= hi ? 1 : abs((upper ? normalCdf(-(x - mean) / sd) : normalCdf((x - mean) / sd)) - pa) / mass),
  };
}

/** Marsaglia–Tsang for shape ≥ 1; shape < 1 by Γ(k) = Γ(k+1)·U^{1/k}. Scale 1. */
function standardGamma(shape: number, s: RandomStream): number {
  if (shape < 1) return standardGamma(shape + 1, s) * pow(s.nextDouble(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / sqrt(9 * d);
  for (;;) {
    const x = s.nextNormal();
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = s.nextDouble();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
  }
}

function gammaSampler(shape: number, scale: number): DistributionSampler {
  const logNorm = logGamma(shape);
  const cdf = (x: number): number => regularizedGammaP(shape, x / scale);
  const pdf = (x: number): number => (x <= 0 ? 0 : exp((shape - 1) * log(x / scale) - x / scale - logNorm) / scale);
  const quantile = (u: number): number => {
    // Wilson–Hilferty start, expanded until the bracket holds the answer.
    const z = normalQuantile(u);
    let guess = shape * scale * pow(max(1e-3, 1 - 1 / (9 * shape) + z / (3 * sqrt(shape))), 3);
    if (!(guess > 0)) guess = scale * pow(u * exp(logGamma(shape + 1)), 1 / shape);
    let hi = max(guess, shape * scale) * 2;
    while (cdf(hi) < u) hi *= 2;
    return invertCdf(cdf, pdf, u, 0, hi, min(guess, hi / 2));
  };
  return { mean: shape * scale, sample: (s) => scale * standardGamma(shape, s), quantile, cdf };
}

function betaSampler(alpha: number, beta: number): DistributionSampler {
  const logB = logGamma(alpha) + logGamma(beta) - logGamma(alpha + beta);
  const cdf = (x: number): number => regularizedBeta(x, alpha, beta);
  const pdf = (x: number): number => (x <= 0 || x >= 1 ? 0 : exp((alpha - 1) * log(x) + (beta - 1) * log1p(-x) - logB));
  const mean = alpha / (alpha + beta);
  return {
    mean,
    sample: (s) => {
      const x = standardGamma(alpha, s);
      const y = standardGamma(beta, s);
      const total = x + y;
      return total > 0 ? x / total : s.nextDouble() < mean ? 1 : 0;
    },
    quantile: (u) => invertCdf(cdf, pdf, u, 0, 1, mean),
    cdf,
  };
}

function histogramSampler(bounds: readonly number[], weights: readonly number[]): DistributionSampler {
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative = [0];
  for (const w of weights) cumulative.push(cumulative[cumulative.length - 1]! + w / total);
  const quantile = (u: number): number => {
    let i = 0;
    while (i < weights.length - 1 && (cumulative[i + 1]! <= u || weights[i] === 0)) i++;
    const width = cumulative[i + 1]! - cumulative[i]!;
    const within = width > 0 ? min(1, max(0, (u - cumulative[i]!) / width)) : 0.5;
    return bounds[i]! + within * (bounds[i + 1]! - bounds[i]!);
  };
  const cdf = (x: number): number => {
    if (x <= bounds[0]!) return 0;
    for (let i = 0; i < weights.length; i++) {
      if (x < bounds[i + 1]!) return cumulative[i]! + ((x - bounds[i]!) / (bounds[i + 1]! - bounds[i]!)) * (cumulative[i + 1]! - cumulative[i]!);
    }
    return 1;
  };
  const mean = weights.reduce((s, w, i) => s + (w * (bounds[i]! + bounds[i + 1]!)) / 2, 0) / total;
  return { mean, sample: (s) => quantile(s.nextDouble()), quantile, cdf };
}

/**
 * x in [lo, hi] with cdf(x) = u: Newton steps from `start`, replaced by bisection whenever they
 * leave the bracket, which shrinks with every evaluation.
 */
function invertCdf(cdf: (x: number) => number, pdf: (x: number) => number, u: number, lo: number, hi: number, start: number): number {
  let x = min(hi, max(lo, start));
  for (let i = 0; i < 200; i++) {
    const f = cdf(x) - u;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const slope = pdf(x);
    let next = slope > 0 ? x - f / slope : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (abs(next - x) <= 1e-15 * abs(x) || hi - lo <= 1e-300) return next;
    x = next;
  }
  return x;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
