import type { BasicEvent, Distribution, FaultTree } from '../model/fault-tree.js';
import { analyzeProbability } from './analyze-probability.js';
import { analyzeUncertainty } from './analyze-uncertainty.js';
import { createDistributionSampler } from './distribution-sampler.js';
import { BLOCK_SIZE, TrialRunner } from './trial-runner.js';
import { buildUncertaintyPlan } from './uncertainty-plan.js';
import { compileProbabilityModel } from './analyze-probability.js';
import { smallFaultTree as tree } from './small-fault-tree.test-helper.js';

/** The standard deviation of the sample p-quantile of n draws: √(p(1−p)/n) / f(x_p), f by a central difference of the CDF. */
function quantileSd(d: Distribution, p: number, n: number): number {
  const s = createDistributionSampler(d, { probability: true });
  const x = s.quantile(p);
  const h = Math.max(1e-12, Math.abs(x) * 1e-4);
  const density = (s.cdf(x + h) - s.cdf(x - h)) / (2 * h);
  return Math.sqrt((p * (1 - p)) / n) / density;
}

describe('analyzeUncertainty', () => {
  it.each<[string, Distribution]>([
    ['lognormal', { kind: 'lognormal', mean: 1e-3, errorFactor: 5 }],
    ['uniform', { kind: 'uniform', min: 0.01, max: 0.04 }],
    ['beta', { kind: 'beta', alpha: 2, beta: 60 }],
    ['gamma', { kind: 'gamma', shape: 2, scale: 0.005 }],
    ['loguniform', { kind: 'loguniform', min: 1e-5, max: 1e-3 }],
  ])('gives the analytic percentiles of a one-event tree (%s), within 4 sd of the sample quantile', async (_name, d) => {
    const n = 20_000;
    const mean = createDistributionSampler(d).mean;
    const r = await analyzeUncertainty(tree({}, { e: { p: mean, d } }, 'e'), { trials: n, seed: 3, sensitivity: false });
    const s = createDistributionSampler(d, { probability: true });
    for (const [p, got] of [[0.05, r.summary.p5], [0.5, r.summary.p50], [0.95, r.summary.p95]] as const) {
      expect(Math.abs(got - s.quantile(p))).toBeLessThan(4 * quantileSd(d, p, n));
    }
    expect(Math.abs(r.summary.mean - mean)).toBeLessThan(4 * r.summary.standardError);
  });

  it('has a mean within 4 standard errors of P(top) at the means when P(top) is linear in each input', async () => {
    // Independent events of a coherent tree, each appearing once: E[P(top)] = P(top)(E[q]).
    const t = tree(
      { top: { type: 'or', inputs: ['g1', 'g2'] }, g1: { type: 'and', inputs: ['a', 'b'] }, g2: { type: 'atleast', k: 2, inputs: ['c', 'd', 'e'] } },
      {
        a: { p: 0.1, d: { kind: 'beta', alpha: 2, beta: 18 } },
        b: { p: 0.2, d: { kind: 'uniform', min: 0.1, max: 0.3 } },
        c: { p: 0.05, d: { kind: 'lognormal', mean: 0.05, errorFactor: 3 } },
        d: 0.1,
        e: { p: 0.08, d: { kind: 'gamma', shape: 4, scale: 0.02 } },
      },
    );
    for (const latinHypercube of [false, true]) {
      const r = await analyzeUncertainty(t, { trials: 10_000, seed: 11, latinHypercube });
      expect(r.clipped).toBeLessThan(5); // the lognormal tail above 1 is about 1e-6
      expect(Math.abs(r.summary.mean - r.pTopAtMeans)).toBeLessThan(4 * r.summary.standardError);
    }
    const exact = analyzeProbability(t).pTop;
    const r = await analyzeUncertainty(t, { trials: 100, seed: 1 });
    expect(r.pTop).toBe(exact);
    expect(r.pTopAtMeans).toBeCloseTo(exact, 15); // every point value is its distribution's mean here
  });

  it('reproduces P(top) to the last bit in every trial when nothing is uncertain', async () => {
    const t = tree({ top: { type: 'and', inputs: ['g', 'c'] }, g: { type: 'or', inputs: ['a', 'b'] } }, { a: 0.1, b: 0.2, c: 0.3 });
    const r = await analyzeUncertainty(t, { trials: 50 });
    expect(r.summary.sd).toBe(0);
    expect(r.summary.mean).toBe(analyzeProbability(t).pTop);
    expect(r.inputs).toEqual([]);
    expect(r.sweptNodes).toBe(0);
  });

  it('gives the same samples for a seed whatever order the blocks run in, and others for another seed', async () => {
    const t = tree(
      { top: { type: 'or', inputs: ['a', 'g'] }, g: { type: 'and', inputs: ['b', 'c'] } },
      { a: { p: 0.01, d: { kind: 'lognormal', mean: 0.01, errorFactor: 3 } }, b: { p: 0.2, d: { kind: 'beta', alpha: 2, beta: 8 } }, c: 0.5 },
    );
    const trials = 3 * BLOCK_SIZE + 17;
    const r = await analyzeUncertainty(t, { trials, seed: 9, workers: 1 });
    const plan = buildUncertaintyPlan(t, compileProbabilityModel(t));
    for (const latinHypercube of [false, true]) {
      const reference = latinHypercube ? (await analyzeUncertainty(t, { trials, seed: 9, latinHypercube })).samples : r.samples;
      // Two "workers" taking the blocks in an interleaved, reversed order.
      const out = new Float64Array(trials);
      const first = new TrialRunner(plan, { seed: 9, trials, latinHypercube });
      const second = new TrialRunner(plan, { seed: 9, trials, latinHypercube });
      for (const b of [3, 1]) first.runBlock(b, out);
      for (const b of [2, 0]) second.runBlock(b, out);
      expect(out).toEqual(reference);
    }
    const other = await analyzeUncertainty(t, { trials, seed: 10 });
    expect(other.samples).not.toEqual(r.samples);
  });

  it('stratifies every input exactly with Latin hypercube sampling', async () => {
    // P(top) = q for a single uniform(0, 1) event: the samples are the draws themselves.
    const n = 2500;
    const r = await analyzeUncertainty(tree({}, { e: { p: 0.5, d: { kind: 'uniform', min: 0, max: 1 } } }, 'e'), { trials: n, latinHypercube: true, seed: 4 });
    const strata = new Uint8Array(n);
    for (const x of r.samples) strata[Math.floor(x * n)]!++;
    expect(strata.every((c) => c === 1)).toBe(true);
    expect(r.sampling).toBe('latin-hypercube');
  });

  it('ranks inputs by swing and gives Birnbaum importance at the means', async () => {
    const t = tree(
      { top: { type: 'or', inputs: ['big', 'g'] }, g: { type: 'and', inputs: ['small', 'fixed'] } },
      { big: { p: 0.05, d: { kind: 'uniform', min: 0, max: 0.1 } }, small: { p: 0.05, d: { kind: 'uniform', min: 0.04, max: 0.06 } }, fixed: 0.5 },
    );
    const r = await analyzeUncertainty(t, { trials: 200 });
    expect(r.tornado!.map((b) => r.inputs[b.input]!.id)).toEqual(['big', 'small']);
    const big = r.tornado![0]!;
    // P(top) = 1 − (1 − big)(1 − small·fixed), at big = 0.005 and 0.095.
    expect(big.pTopAtP5).toBeCloseTo(1 - 0.995 * (1 - 0.025), 14);
    expect(big.pTopAtP95).toBeCloseTo(1 - 0.905 * (1 - 0.025), 14);
    const birnbaum = new Map(r.birnbaum!.map((e) => [e.id, e.birnbaum]));
    expect(birnbaum.get('big')).toBeCloseTo(1 - 0.025, 14);
    expect(birnbaum.get('fixed')).toBeCloseTo(0.05 * 0.95, 14);
    expect(r.birnbaum![0]!.id).toBe('big');
  });

  it('clips event draws outside [0, 1] and counts them', async () => {
    const r = await analyzeUncertainty(tree({}, { e: { p: 0.5, d: { kind: 'uniform', min: -0.5, max: 1.5 } } }, 'e'), { trials: 1000, seed: 2 });
    expect(r.summary.min).toBe(0);
    expect(r.summary.max).toBe(1);
    expect(r.clipped).toBeGreaterThan(400);
    expect(r.clipped).toBeLessThan(600);
  });

  it('draws a shared random parameter once per trial for all the events that read it', async () => {
    const lambda: Distribution = { kind: 'lognormal', mean: 1e-3, errorFactor: 10 };
    const exp = (): BasicEvent['formula'] => ({ kind: 'call', fn: 'exponential', args: [{ kind: 'parameter', id: 'lambda' }, { kind: 'mission-time' }] });
    const t: FaultTree = {
      ...tree({ top: { type: 'and', inputs: ['a', 'b'] } }, {}),
      parameters: new Map([['lambda', { id: 'lambda', value: 1e-3, distribution: lambda }]]),
      events: new Map(
        ['a', 'b'].map((id) => [id, { id, probability: -Math.expm1(-0.024), model: { kind: 'constant', value: -Math.expm1(-0.024) }, formula: exp() } as BasicEvent]),
      ),
    };
    const r = await analyzeUncertainty(t, { trials: 2000, seed: 5 });
    expect(r.inputs.map((i) => [i.id, i.kind])).toEqual([['lambda', 'parameter']]);
    // P(top) = q², q = 1 − e^{−24λ}: each sample is the square of the one-event tree's sample (same draws), not a product of two.
    const one = await analyzeUncertainty({ ...t, top: 'a', gates: new Map(), events: new Map([['a', t.events.get('a')!]]) }, { trials: 2000, seed: 5 });
    r.samples.forEach((x, i) => expect(x).toBeCloseTo(one.samples[i]! ** 2, 17));
    expect(r.uncertainEvents).toEqual(['a', 'b']);
  });
});
