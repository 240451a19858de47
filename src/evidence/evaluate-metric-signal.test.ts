import { falseAlarmOfSeries, evaluateMetricSignal } from './evaluate-metric-signal.js';
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
    // Up through the baseline, each instance; b goes down in the window.
    const up = (v: number, i: string) => series([...flat(30, 1), ...flat(30, v)], [['instance', i]]);
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

  it('strength: how many times past the rule a fired signal is', () => {
    const base = Array.from({ length: 30 }, (_, i) => 100 + (i % 5)); // median 102, IQR 2
    const score = evaluateMetricSignal({ query: 'm', score: 5 }, [series([...base, 120, ...flat(29, 101)])], window, baseline);
    expect(score).toMatchObject({ state: 'fired', value: 9, strength: 9 / 5 });
    expect(evaluateMetricSignal({ query: 'm', score: 5 }, [series([...base, ...flat(30, 104)])], window, baseline).strength).toBeUndefined();
    const above = evaluateMetricSignal({ query: 'm', above: 50 }, [series([...flat(30, 10), 150, ...flat(29, 10)])], window, baseline);
    expect(above).toMatchObject({ state: 'fired', strength: 3 });
    const below = evaluateMetricSignal({ query: 'm', below: 10 }, [series([...flat(30, 20), 2, ...flat(29, 20)])], window, baseline);
    expect(below).toMatchObject({ state: 'fired', strength: 5 });
    // A threshold at 0: 1 + |value − t| / max(|t|, spread), here the spread floor 1 % of 100 = 1
    const atZero = evaluateMetricSignal({ query: 'm', below: 0 }, [series([...flat(30, 100), -3, ...flat(29, 100)])], window, baseline);
    expect(atZero).toMatchObject({ state: 'fired', strength: 4 });
    // …and 1 when both are 0 (no baseline spread, t = 0)
    const bare = evaluateMetricSignal({ query: 'm', above: 0 }, [series([...flat(30, 0), 2, ...flat(29, 0)])], window, baseline);
    expect(bare).toMatchObject({ state: 'fired', strength: 3 });
    expect(evaluateMetricSignal({ query: 'm', score: 5 }, [series([...flat(30, 0), 0.5, ...flat(29, 0)])], window, baseline).strength).toBe(Number.POSITIVE_INFINITY);
  });

  it('one-sided scores: direction rose ignores falls, fell ignores rises, and says so', () => {
    const base = Array.from({ length: 30 }, (_, i) => 100 + (i % 5)); // median 102, IQR 2
    const dropped = series([...base, 80, ...flat(29, 102)]); // 11 below
    expect(evaluateMetricSignal({ query: 'm', score: 5, direction: 'fell' }, [dropped], window, baseline)).toMatchObject({ state: 'fired', value: 11, direction: 'fell', rule: 'score ≥ 5 (falls)' });
    const rose = evaluateMetricSignal({ query: 'm', score: 5, direction: 'rose' }, [dropped], window, baseline);
    expect(rose).toMatchObject({ state: 'silent', value: 0, rule: 'score ≥ 5 (rises)', reason: 'It fell (score 11), but the signal counts rises only' });
    expect(rose.direction).toBeUndefined();
    // a small rise is what it reports, the large fall aside
    const both = series([...base, 80, 106, ...flat(28, 102)]);
    expect(evaluateMetricSignal({ query: 'm', score: 5, direction: 'rose' }, [both], window, baseline)).toMatchObject({ state: 'silent', value: 2, direction: 'rose' });
    expect(evaluateMetricSignal({ query: 'm', score: 5 }, [both], window, baseline)).toMatchObject({ state: 'fired', value: 11, direction: 'fell' });
  });

  it('floors the spread: a flat baseline is not infinitely unusual unless it is 0 throughout', () => {
    // availability at 100 % through the baseline, 99 % in the window: 1 % of the median is the spread
    const avail = evaluateMetricSignal({ query: 'm', score: 5 }, [series([...flat(30, 100), 99, ...flat(29, 100)])], window, baseline);
    expect(avail).toMatchObject({ state: 'silent', value: 1, reason: "The baseline's IQR is 0: the spread used is 1 (1 % of the median)" });
    // mostly 0 with a few ones: the mean deviation (4/30) is the spread
    const sparse = series([...flat(26, 0), 1, 1, 1, 1, 3, ...flat(29, 0)]);
    expect(evaluateMetricSignal({ query: 'm', score: 5 }, [sparse], window, baseline)).toMatchObject({ state: 'fired', value: 22.5, reason: "The baseline's IQR is 0: the spread used is 0.133 (mean deviation)" });
    // an availability that wobbles by a little keeps its own scale: no relative floor over it
    const wobble = series([...flat(24, 100), 99.8, 99.8, 99.9, 99.9, 99.8, 99.9, 98.8, ...flat(29, 100)]);
    const scored = evaluateMetricSignal({ query: 'm', score: 5, direction: 'fell' }, [wobble], window, baseline);
    expect(scored.state).toBe('fired');
    expect(scored.reason).toContain('(mean deviation)');
    // min_spread overrides a smaller spread
    expect(evaluateMetricSignal({ query: 'm', score: 5, minSpread: 1 }, [sparse], window, baseline)).toMatchObject({ state: 'silent', value: 3, reason: "The baseline's IQR is 0: the spread used is 1 (min_spread)" });
    // …and replaces the relative floor: a 3-point drop of an availability at 100 % fires with min_spread 0.1
    const dip = series([...flat(30, 100), 97, ...flat(29, 100)]);
    expect(evaluateMetricSignal({ query: 'm', score: 5, minSpread: 0.1 }, [dip], window, baseline)).toMatchObject({ state: 'fired', value: 30, reason: "The baseline's IQR is 0: the spread used is 0.1 (min_spread)" });
    // 0 throughout and no min_spread: any departure is infinite, and the reason says why
    expect(evaluateMetricSignal({ query: 'm', score: 5 }, [series([...flat(30, 0), 0.5, ...flat(29, 0)])], window, baseline)).toMatchObject({
      reason: 'The baseline is 0 throughout: any departure from it is infinitely unusual (min_spread sets a floor)',
    });
  });

  it('needs min_baseline baseline points (default 8) for a score; fewer is unknown with the count', () => {
    const few: MetricSeries = { name: 'm', labels: new Map(), times: [B, B + 60_000, B + 120_000, window.start], values: [1, 2, 3, 100] };
    expect(evaluateMetricSignal({ query: 'm', score: 5 }, [few], window, baseline)).toMatchObject({ state: 'unknown', reason: 'Only 3 baseline points for the anomaly score of m: it needs at least 8 (min_baseline)' });
    expect(evaluateMetricSignal({ query: 'm', score: 5, minBaseline: 3 }, [few], window, baseline)).toMatchObject({ state: 'fired' });
  });

  it('chronic: a threshold that held for most of the baseline too', () => {
    const chronic = evaluateMetricSignal({ query: 'm', above: 50 }, [series([...flat(2, 10), ...flat(28, 60), ...flat(30, 70)])], window, baseline);
    expect(chronic).toMatchObject({ state: 'chronic', value: 70, baseline: 60, reason: "Above 50 for 93 % of the baseline (28 of 30 points): a chronic condition, not this incident's" });
    expect(chronic.strength).toBeUndefined();
    // exactly half is not most
    expect(evaluateMetricSignal({ query: 'm', above: 50 }, [series([...flat(15, 10), ...flat(15, 60), ...flat(30, 70)])], window, baseline)).toMatchObject({ state: 'fired' });
    // too few baseline points to tell: fired
    const few: MetricSeries = { name: 'm', labels: new Map(), times: [B, window.start], values: [60, 70] };
    expect(evaluateMetricSignal({ query: 'm', above: 50 }, [few], window, baseline)).toMatchObject({ state: 'fired' });
    // below: the same
    expect(evaluateMetricSignal({ query: 'm', below: 1 }, [series([...flat(30, 0), ...flat(30, 0)])], window, baseline)).toMatchObject({ state: 'chronic', reason: expect.stringMatching(/^Below 1 for 100 % of the baseline/) });
    // a chronic series does not hide another that fired now
    const now = series([...flat(30, 10), ...flat(30, 55)], [['i', 'b']]);
    const always = series(flat(60, 90), [['i', 'a']]);
    expect(evaluateMetricSignal({ query: 'm', above: 50 }, [always, now], window, baseline)).toMatchObject({ state: 'fired', value: 55, samples: ['m{i="b"}'] });
  });

  it('missing: silent makes no data in the window silent, from the signal or the tree default', () => {
    const old = series(flat(30, 5));
    expect(evaluateMetricSignal({ query: 'm', above: 1, missing: 'silent' }, [old], window, baseline)).toMatchObject({ state: 'silent', reason: 'No data in the window for m: silent, as missing: silent says' });
    expect(evaluateMetricSignal({ query: 'm', above: 1 }, [old], window, baseline, { missing: 'silent' })).toMatchObject({ state: 'silent' });
    expect(evaluateMetricSignal({ query: 'm', above: 1, missing: 'unknown' }, [old], window, baseline, { missing: 'silent' })).toMatchObject({ state: 'unknown' });
  });
});

describe('falseAlarmOfSeries', () => {
  it('is the smoothed share of baseline points past the threshold, over the window', () => {
    const base = [...flat(18, 10), 30, 40]; // 2 of 20 points score past 5 (spread 1)
    const rule = { median: 10, spread: 1, threshold: 5, direction: 'rose' };
    const p = 2.5 / 21;
    expect(falseAlarmOfSeries(base, 1, rule)).toBeCloseTo(p, 14);
    expect(falseAlarmOfSeries(base, 5, rule)).toBeCloseTo(1 - (1 - p) ** 5, 14);
    // falls do not count for a rising score; a quiet baseline still gives a small non-zero rate
    expect(falseAlarmOfSeries(base, 1, { ...rule, direction: 'fell' })).toBeCloseTo(0.5 / 21, 14);
  });

  it('is reported on score signals: a baseline that often scores past 5 makes a firing cheap', () => {
    // IQR 0, spread = the mean deviation 6/30 = 0.2: 11, 9, 12 and 8 all score ≥ 5 (4 of 30 points)
    const r = evaluateMetricSignal({ query: 'm', score: 5 }, [series([...flat(15, 10), 11, 9, 10, 12, 8, ...flat(10, 10), 50, ...flat(29, 10)])], window, baseline);
    expect(r.state).toBe('fired');
    expect(r.baselineFalseAlarm).toBeCloseTo(1 - (1 - 4.5 / 31) ** 30, 12);
  });
});
