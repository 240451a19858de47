import type { Distribution } from '../model/fault-tree.js';
import { createDistributionSampler, Z95 } from './distribution-sampler.js';
import { RandomStream } from './random-stream.js';

const FAMILIES: readonly Distribution[] = [
  { kind: 'lognormal', mean: 1e-3, errorFactor: 3 },
  { kind: 'lognormal-mu-sigma', mu: -5, sigma: 1.2 },
  { kind: 'uniform', min: 0.01, max: 0.05 },
  { kind: 'loguniform', min: 1e-5, max: 1e-2 },
  { kind: 'normal', mean: 0.02, sd: 0.015 },
  { kind: 'beta', alpha: 2, beta: 50 },
  { kind: 'beta', alpha: 0.5, beta: 0.5 },
  { kind: 'gamma', shape: 0.4, scale: 0.01 },
  { kind: 'gamma', shape: 3, scale: 1e-3 },
  { kind: 'histogram', bounds: [0, 0.01, 0.02, 0.1], weights: [5, 0, 2] },
];

describe('createDistributionSampler', () => {
  it('gives the analytic quantiles', () => {
    const lognormal = createDistributionSampler({ kind: 'lognormal', mean: 1e-3, errorFactor: 3 });
    const sigma = Math.log(3) / Z95;
    const median = 1e-3 * Math.exp((-sigma * sigma) / 2);
    expect(lognormal.quantile(0.5)).toBeCloseTo(median, 15);
    expect(lognormal.quantile(0.95) / lognormal.quantile(0.5)).toBeCloseTo(3, 12);
    expect(createDistributionSampler({ kind: 'gamma', shape: 1, scale: 2 }).quantile(0.9)).toBeCloseTo(-2 * Math.log(0.1), 12);
    expect(createDistributionSampler({ kind: 'gamma', shape: 3, scale: 1 }).quantile(0.5)).toBeCloseTo(2.674060313723561, 12);
    expect(createDistributionSampler({ kind: 'beta', alpha: 1, beta: 4 }).quantile(0.3)).toBeCloseTo(1 - Math.pow(0.7, 1 / 4), 12);
    expect(createDistributionSampler({ kind: 'beta', alpha: 2, beta: 5 }).quantile(0.5)).toBeCloseTo(0.26444998329566917, 12);
    expect(createDistributionSampler({ kind: 'loguniform', min: 1e-4, max: 1e-2 }).quantile(0.5)).toBeCloseTo(1e-3, 15);
    expect(createDistributionSampler({ kind: 'histogram', bounds: [0, 1, 3], weights: [1, 3] }).quantile(0.625)).toBeCloseTo(2, 15);
  });

  it('truncates a normal probability to [0, 1] and not a normal parameter', () => {
    const d: Distribution = { kind: 'normal', mean: 0.01, sd: 0.02 };
    const truncated = createDistributionSampler(d, { probability: true });
    const plain = createDistributionSampler(d);
    expect(truncated.quantile(1e-9)).toBeGreaterThanOrEqual(0);
    expect(plain.quantile(0.05)).toBeLessThan(0);
    // Half-normal-like: the truncated mean is μ + σ(φ(α) − φ(β))/(Φ(β) − Φ(α)), above μ.
    expect(truncated.mean).toBeGreaterThan(0.01);
    expect(truncated.cdf(truncated.quantile(0.3))).toBeCloseTo(0.3, 12);
    // Mass far in the upper tail still inverts without losing digits.
    const far = createDistributionSampler({ kind: 'normal', mean: -1, sd: 0.1 }, { probability: true });
    expect(far.quantile(0.5)).toBeGreaterThan(0);
    expect(far.quantile(0.5)).toBeLessThan(0.01);
  });

  it.each(FAMILIES.map((d) => [d.kind, d] as const))('inverts its CDF (%s)', (_kind, d) => {
    const s = createDistributionSampler(d, { probability: true });
    for (const u of [0.001, 0.05, 0.3, 0.5, 0.77, 0.95, 0.999]) {
      expect(s.cdf(s.quantile(u))).toBeCloseTo(u, 9);
    }
  });

  it.each(FAMILIES.map((d) => [d.kind, d] as const))('draws with the right mean and median (%s)', (_kind, d) => {
    const s = createDistributionSampler(d, { probability: true });
    const stream = new RandomStream(7, 3);
    const n = 40_000;
    const draws = new Float64Array(n);
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = s.sample(stream);
      draws[i] = x;
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / n;
    const sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
    expect(Math.abs(mean - s.mean)).toBeLessThan((4.5 * sd) / Math.sqrt(n));
    // The sample median's standard deviation is about √(1/4n)/f(median); 5 of them, read off the CDF.
    draws.sort();
    const median = draws[n / 2]!;
    expect(Math.abs(s.cdf(median) - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / n));
  });
});
