import { evaluateMetricSignal } from './evaluate-metric-signal.js';
import type { MetricSeries } from './metric-series.js';

const B = Date.parse('2026-11-22T09:35:00Z');
const window = { start: B + 1_800_000, end: B + 3_600_000 };
const baseline = { start: B, end: window.start };

/** One point a minute from the baseline's start. */
function series(values: number[], labels: [string, string][] = []): MetricSeries {
  return { name: 'm', labels: new Map(labels), times: values.map((_, i) => B + i * 60_000), values };
}
const flat = (n: number, v: number): number[] => Array.from({ length: n }, () => v);

describe('evaluateMetricSignal', () => {
  it('thresholds on aggregates: max above, min below, mean, p95, last', () => {
    const s = series([...flat(30, 10), ...flat(20, 10), 60, ...flat(9, 10)]);
    expect(evaluateMetricSignal({ query: 'm', above: 50 }, [s], window, baseline)).toMatchObject({ state: 'fired', value: 60, baseline: 10, firstSeen: B + 50 * 60_000, rule: 'max > 50' });
    expect(evaluateMetricSignal({ query: 'm', above: 50, aggregate: 'mean' }, [s], window, baseline)).toMatchObject({ state: 'silent' });
    expect(evaluateMetricSignal({ query: 'm', above: 50, aggregate: 'last' }, [s], window, baseline)).toMatchObject({ state: 'silent', value: 10 });
    expect(evaluateMetricSignal({ query: 'm', below: 1 }, [series(flat(60, 1))], window, baseline)).toMatchObject({ state: 'silent', value: 1, rule: 'min < 1' });
    const p95 = evaluateMetricSignal({ query: 'm', above: 10, aggregate: 'p95' }, [series([...flat(30, 0), ...Array.from({ length: 30 }, (_, i) => i)])], window, baseline);
    expect(p95.value).toBeCloseTo(27.55, 6);
  });

  it('judges each series alone: one firing series fires the signal', () => {
    const up = (v: number, i: string) => series(flat(60, v), [['instance', i]]);
    const r = evaluateMetricSignal({ query: 'up', below: 1, aggregate: 'min' }, [up(1, 'a'), up(0, 'b'), up(1, 'c')], window, baseline);
    expect(r).toMatchObject({ state: 'fired', value: 0, samples: ['m{instance="b"}'] });
  });

  it('robust anomaly score: |x − median| / IQR of the baseline', () => {
    const base = Array.from({ length: 30 }, (_, i) => 100 + (i % 5)); // median 102, IQR 2
    const r = evaluateMetricSignal({ query: 'm', score: 5 }, [series([...base, ...flat(10, 103), 120, ...flat(19, 101)])], window, baseline);
    expect(r).toMatchObject({ state: 'fired', value: 9, baseline: 102, firstSeen: B + 40 * 60_000 });
    expect(evaluateMetricSignal({ query: 'm', score: 5 }, [series([...base, ...flat(30, 104)])], window, baseline)).toMatchObject({ state: 'silent', value: 1 });
    // a flat baseline makes any departure infinitely unusual
    expect(evaluateMetricSignal({ query: 'm', score: 5 }, [series([...flat(30, 0), 0.5, ...flat(29, 0)])], window, baseline)).toMatchObject({ state: 'fired', value: Number.POSITIVE_INFINITY });
  });

  it('says which way the score departed: rose above or fell below the baseline median', () => {
    const base = Array.from({ length: 30 }, (_, i) => 100 + (i % 5)); // median 102, IQR 2
    const rose = evaluateMetricSignal({ query: 'm', score: 5 }, [series([...base, ...flat(10, 103), 120, ...flat(19, 101)])], window, baseline);
    expect(rose).toMatchObject({ state: 'fired', direction: 'rose' });
    const fell = evaluateMetricSignal({ query: 'm', score: 5 }, [series([...base, ...flat(10, 103), 80, 110, ...flat(18, 101)])], window, baseline);
    expect(fell).toMatchObject({ state: 'fired', value: 11, direction: 'fell' }); // 80 is 11 IQRs below, 110 only 4 above
    const still = evaluateMetricSignal({ query: 'm', score: 5 }, [series([...base, ...flat(30, 102)])], window, baseline);
    expect(still).toMatchObject({ state: 'silent', value: 0 });
    expect(still.direction).toBeUndefined();
    expect(evaluateMetricSignal({ query: 'm', above: 50 }, [series(flat(60, 60))], window, baseline).direction).toBeUndefined();
  });

  it('unknown without data in the window, or without a baseline for a score', () => {
    expect(evaluateMetricSignal({ query: 'm', above: 1 }, [series(flat(30, 5))], window, baseline)).toMatchObject({ state: 'unknown', reason: 'No data in the window for m' });
    const onlyWindow: MetricSeries = { name: 'm', labels: new Map(), times: [window.start], values: [4] };
    expect(evaluateMetricSignal({ query: 'm', score: 5 }, [onlyWindow], window, baseline)).toMatchObject({ state: 'unknown', reason: 'No baseline data for the anomaly score of m' });
  });
});
