// A metric signal's state from its series (evidence stage), per DESIGN §6: a threshold on an
// aggregate over the window (max, min, mean, p95, last), or a robust anomaly score, the largest
// |x − median| / IQR of the baseline over the window. Each series is judged alone; any one fires.

import type { Aggregate, MetricSignal } from '../model/fault-tree.js';
import type { SignalResult } from './evidence-result.js';
import { describeSeries, type MetricSeries } from './metric-series.js';
import type { TimeRange } from './resolve-time-window.js';
import { quantileOfSorted } from './sample-quantile.js';

export const DEFAULT_SCORE = 5;

type MetricVerdict = Pick<SignalResult, 'state' | 'reason' | 'value' | 'direction' | 'baseline' | 'firstSeen' | 'samples' | 'rule'>;

interface Points {
  readonly times: number[];
  readonly values: number[];
}

function slice(series: MetricSeries, range: TimeRange): Points {
  const times: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < series.times.length; i++) {
    const t = series.times[i]!;
    if (t >= range.start && t < range.end && !Number.isNaN(series.values[i]!)) {
      times.push(t);
      values.push(series.values[i]!);
    }
  }
  return { times, values };
}

export function aggregateValues(p: Points, aggregate: Aggregate): number {
  const v = p.values;
  switch (aggregate) {
    case 'max':
      return v.reduce((a, b) => (b > a ? b : a), Number.NEGATIVE_INFINITY);
    case 'min':
      return v.reduce((a, b) => (b < a ? b : a), Number.POSITIVE_INFINITY);
    case 'mean':
      return v.reduce((a, b) => a + b, 0) / v.length;
    case 'p95':
      return quantileOfSorted([...v].sort((a, b) => a - b), 0.95);
    case 'last':
      return v[v.length - 1]!;
  }
}

export function ruleOf(signal: MetricSignal): string {
  if (signal.score !== undefined) return `score ≥ ${signal.score}`;
  const parts: string[] = [];
  if (signal.above !== undefined) parts.push(`${signal.aggregate ?? 'max'} > ${signal.above}`);
  if (signal.below !== undefined) parts.push(`${signal.aggregate ?? 'min'} < ${signal.below}`);
  return parts.join(' or ');
}

export function evaluateMetricSignal(signal: MetricSignal, series: readonly MetricSeries[], window: TimeRange, baseline: TimeRange | undefined): MetricVerdict {
  const rule = ruleOf(signal);
  const judged = series.map((s) => ({ s, w: slice(s, window), b: baseline ? slice(s, baseline) : { times: [], values: [] } })).filter((x) => x.w.values.length > 0);
  if (judged.length === 0) return { state: 'unknown', reason: `No data in the window for ${signal.query}`, samples: [], rule };
  return signal.score === undefined ? judgeThreshold(signal, judged, rule) : judgeScore(signal, judged, rule);
}

interface Judged {
  readonly s: MetricSeries;
  readonly w: Points;
  readonly b: Points;
}

function judgeThreshold(signal: MetricSignal, judged: readonly Judged[], rule: string): MetricVerdict {
  let worst: { value: number; baseline?: number; series: MetricSeries; firstSeen?: number; fired: boolean; distance: number } | undefined;
  for (const { s, w, b } of judged) {
    const checks: { agg: Aggregate; beyond: (x: number) => boolean; distance: (x: number) => number }[] = [];
    if (signal.above !== undefined) {
      const above = signal.above;
      checks.push({ agg: signal.aggregate ?? 'max', beyond: (x) => x > above, distance: (x) => x - above });
    }
    if (signal.below !== undefined) {
      const below = signal.below;
      checks.push({ agg: signal.aggregate ?? 'min', beyond: (x) => x < below, distance: (x) => below - x });
    }
    for (const c of checks) {
      const value = aggregateValues(w, c.agg);
      const fired = c.beyond(value);
      const distance = c.distance(value);
      if (!worst || (fired && !worst.fired) || (fired === worst.fired && distance > worst.distance)) {
        const firstIndex = w.values.findIndex(c.beyond);
        worst = {
          value,
          series: s,
          fired,
          distance,
          ...(b.values.length > 0 ? { baseline: aggregateValues(b, c.agg) } : {}),
          ...(fired && firstIndex >= 0 ? { firstSeen: w.times[firstIndex]! } : {}),
        };
      }
    }
  }
  const firing = judged.length > 1 ? `${judged.length} series` : undefined;
  return {
    state: worst!.fired ? 'fired' : 'silent',
    value: worst!.value,
    ...(worst!.baseline !== undefined ? { baseline: worst!.baseline } : {}),
    ...(worst!.firstSeen !== undefined ? { firstSeen: worst!.firstSeen } : {}),
    samples: [describeSeries(worst!.series)],
    rule,
    ...(firing ? { reason: `Each of ${firing} judged alone; the value is the series nearest to or beyond the threshold` } : {}),
  };
}

function judgeScore(signal: MetricSignal, judged: readonly Judged[], rule: string): MetricVerdict {
  const threshold = signal.score ?? DEFAULT_SCORE;
  const withBaseline = judged.filter((j) => j.b.values.length > 0);
  if (withBaseline.length === 0) return { state: 'unknown', reason: `No baseline data for the anomaly score of ${signal.query}`, samples: [], rule };
  let best: { score: number; median: number; series: MetricSeries; rose: boolean; firstSeen?: number } | undefined;
  for (const { s, w, b } of withBaseline) {
    const sorted = [...b.values].sort((x, y) => x - y);
    const median = quantileOfSorted(sorted, 0.5);
    const iqr = quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25);
    let score = 0;
    let rose = false;
    let firstSeen: number | undefined;
    for (let i = 0; i < w.values.length; i++) {
      const dev = Math.abs(w.values[i]! - median);
      // A flat baseline (IQR 0): any departure from it is infinitely unusual.
      const x = iqr > 0 ? dev / iqr : dev > 0 ? Number.POSITIVE_INFINITY : 0;
      if (x > score) {
        score = x;
        rose = w.values[i]! > median;
      }
      if (firstSeen === undefined && x >= threshold) firstSeen = w.times[i]!;
    }
    if (!best || score > best.score) best = { score, median, series: s, rose, ...(firstSeen !== undefined ? { firstSeen } : {}) };
  }
  const fired = best!.score >= threshold;
  return {
    state: fired ? 'fired' : 'silent',
    value: best!.score,
    ...(best!.score > 0 ? { direction: best!.rose ? ('rose' as const) : ('fell' as const) } : {}),
    baseline: best!.median,
    ...(fired && best!.firstSeen !== undefined ? { firstSeen: best!.firstSeen } : {}),
    samples: [describeSeries(best!.series)],
    rule,
  };
}
