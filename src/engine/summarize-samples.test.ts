import { percentile, summarizeSamples } from './summarize-samples.js';

describe('summarizeSamples', () => {
  it('gives the moments, type-7 percentiles and the error factor', () => {
    const s = summarizeSamples(Float64Array.from([5, 1, 4, 2, 3]));
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 15);
    expect(s.standardError).toBeCloseTo(Math.sqrt(2.5 / 5), 15);
    expect(s.p50).toBe(3);
    expect(s.p5).toBeCloseTo(1.2, 15);
    expect(s.p95).toBeCloseTo(4.8, 15);
    expect(s.errorFactor).toBeCloseTo(1.6, 15);
    expect(percentile(Float64Array.from([1, 2]), 0.25)).toBe(1.25);
  });

  it('bins linearly, or by decades when the samples span more than two', () => {
    const linear = summarizeSamples(Float64Array.from({ length: 100 }, (_, i) => i), { bins: 10 });
    expect(linear.histogram.scale).toBe('linear');
    expect(linear.histogram.bins.map((b) => b.count)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    const log = summarizeSamples(Float64Array.from([1e-6, 1e-5, 1e-4, 1e-3]), { bins: 3 });
    expect(log.histogram.scale).toBe('log');
    expect(log.histogram.bins.map((b) => b.count)).toEqual([1, 1, 2]);
    expect(log.histogram.bins[1]!.lower).toBeCloseTo(1e-5, 18);
    const constant = summarizeSamples(Float64Array.from([0.2, 0.2, 0.2]));
    expect(constant).toMatchObject({ mean: 0.2, sd: 0, histogram: { bins: [{ lower: 0.2, upper: 0.2, count: 3 }] } });
  });
});
