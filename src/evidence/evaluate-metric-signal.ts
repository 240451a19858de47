// A metric signal's state from its series (evidence stage), per DESIGN §6: a threshold on an
// aggregate over the window (max, min, mean, p95, last), or a robust anomaly score, the largest
// departure from the baseline median over the window in units of the baseline's spread
// (baseline-spread.ts). Each series is judged alone; any one fires. The rules: docs/evidence.md.

import type { Aggregate, MetricSignal, MissingData } from '../model/fault-tree.js';
import { baselineSpread } from './baseline-spread.js';
import type { SignalResult } from './evidence-result.js';
import { describeSeries, type MetricSeries } from './metric-series.js';
import type { TimeRange } from './resolve-time-window.js';
import { quantileOfSorted } from './sample-quantile.js';

export const DEFAULT_SCORE = 5;
/** Fewest baseline points for an anomaly score or the chronic test. */
export const DEFAULT_MIN_BASELINE = 8;
/** A threshold whose rule holds at more than this share of the baseline points is chronic. */
export const CHRONIC_SHARE = 0.5;

type MetricVerdict = Pick<SignalResult, 'departure' | 'baselineFalseAlarm' | 'state' | 'reason' | 'value' | 'direction' | 'strength' | 'baseline' | 'firstSeen' | 'samples' | 'rule'>;

export interface MetricSignalOptions {
  /** The tree's `defaults.missing`, for signals that set none. */
  readonly missing?: MissingData;
}

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
  if (signal.score !== undefined) {
    const side = signal.direction === 'rose' ? ' (rises)' : signal.direction === 'fell' ? ' (falls)' : '';
    return `score ≥ ${signal.score}${side}`;
  }
  const parts: string[] = [];
  if (signal.above !== undefined) parts.push(`${signal.aggregate ?? 'max'} > ${signal.above}`);
  if (signal.below !== undefined) parts.push(`${signal.aggregate ?? 'min'} < ${signal.below}`);
  return parts.join(' or ');
}

/** The verdict when no data is there to judge: `unknown`, or `silent` when the signal says so. */
export function missingVerdict(missing: MissingData, reason: string, rule: string): MetricVerdict {
  if (missing === 'silent') return { state: 'silent', reason: `${reason}: silent, as missing: silent says`, samples: [], rule };
  return { state: 'unknown', reason, samples: [], rule };
}

export function evaluateMetricSignal(signal: MetricSignal, series: readonly MetricSeries[], window: TimeRange, baseline: TimeRange | undefined, options: MetricSignalOptions = {}): MetricVerdict {
  const rule = ruleOf(signal);
  const judged = series.map((s) => ({ s, w: slice(s, window), b: baseline ? slice(s, baseline) : { times: [], values: [] } })).filter((x) => x.w.values.length > 0);
  if (judged.length === 0) return missingVerdict(signal.missing ?? options.missing ?? 'unknown', `No data in the window for ${signal.query}`, rule);
  return signal.score === undefined ? judgeThreshold(signal, judged, rule) : judgeScore(signal, judged, rule);
}

interface Judged {
  readonly s: MetricSeries;
  readonly w: Points;
  readonly b: Points;
}

interface ThresholdCheck {
  readonly agg: Aggregate;
  readonly threshold: number;
  readonly side: 'above' | 'below';
  readonly beyond: (x: number) => boolean;
  readonly distance: (x: number) => number;
}

/** Firing outranks chronic, which outranks silent. */
const RANK = { fired: 2, chronic: 1, silent: 0 } as const;

function judgeThreshold(signal: MetricSignal, judged: readonly Judged[], rule: string): MetricVerdict {
  const minBaseline = signal.minBaseline ?? DEFAULT_MIN_BASELINE;
  const checks: ThresholdCheck[] = [];
  if (signal.above !== undefined) {
    const above = signal.above;
    checks.push({ agg: signal.aggregate ?? 'max', threshold: above, side: 'above', beyond: (x) => x > above, distance: (x) => x - above });
  }
  if (signal.below !== undefined) {
    const below = signal.below;
    checks.push({ agg: signal.aggregate ?? 'min', threshold: below, side: 'below', beyond: (x) => x < below, distance: (x) => below - x });
  }
  let worst: { value: number; baseline?: number; series: MetricSeries; firstSeen?: number; state: keyof typeof RANK; distance: number; check: ThresholdCheck; b: Points; share?: number } | undefined;
  for (const { s, w, b } of judged) {
    for (const c of checks) {
      const value = aggregateValues(w, c.agg);
      let state: keyof typeof RANK = c.beyond(value) ? 'fired' : 'silent';
      // A rule that already held at most baseline points describes the usual state, not the incident.
      let share: number | undefined;
      if (state === 'fired' && b.values.length >= minBaseline) {
        share = b.values.filter(c.beyond).length / b.values.length;
        if (share > CHRONIC_SHARE) state = 'chronic';
      }
      const distance = c.distance(value);
      if (!worst || RANK[state] > RANK[worst.state] || (state === worst.state && distance > worst.distance)) {
        const firstIndex = w.values.findIndex(c.beyond);
        worst = {
          value,
          series: s,
          state,
          distance,
          check: c,
          b,
          ...(share !== undefined ? { share } : {}),
          ...(b.values.length > 0 ? { baseline: aggregateValues(b, c.agg) } : {}),
          ...(state !== 'silent' && firstIndex >= 0 ? { firstSeen: w.times[firstIndex]! } : {}),
        };
      }
    }
  }
  const w = worst!;
  const reasons: string[] = [];
  if (w.state === 'chronic') {
    const n = w.b.values.length;
    const held = w.b.values.filter(w.check.beyond).length;
    reasons.push(`${w.check.side === 'above' ? 'Above' : 'Below'} ${w.check.threshold} for ${formatShare(w.share!)} of the baseline (${held} of ${n} points): a chronic condition, not this incident's`);
  }
  if (judged.length > 1) reasons.push(`Each of ${judged.length} series judged alone; the value is the series nearest to or beyond the threshold`);
  return {
    state: w.state,
    value: w.value,
    ...(w.state === 'fired' ? { strength: thresholdStrength(w.value, w.check, w.b.values) } : {}),
    ...(w.baseline !== undefined ? { baseline: w.baseline } : {}),
    ...(w.firstSeen !== undefined ? { firstSeen: w.firstSeen } : {}),
    samples: [describeSeries(w.series)],
    rule,
    ...(reasons.length > 0 ? { reason: reasons.join('. ') } : {}),
  };
}

/** 93 %, 50.5 %: whole percents unless that would round onto the 50 % line. */
function formatShare(share: number): string {
  const pct = share * 100;
  const whole = Math.round(pct);
  return `${whole > 50 ? whole : Math.floor(pct * 10) / 10} %`;
}

/**
 * How many times past its threshold a fired threshold is: value / t (above) or t / value (below)
 * when both are positive; otherwise 1 + |value − t| / scale, the scale being max(|t|, the
 * baseline's spread), or 1 when both are 0.
 */
export function thresholdStrength(value: number, check: Pick<ThresholdCheck, 'side' | 'threshold'>, baselineValues: readonly number[]): number {
  const t = check.threshold;
  if (value > 0 && t > 0) return check.side === 'above' ? value / t : t / value;
  const finite = baselineValues.filter(Number.isFinite);
  const spread = finite.length > 0 ? baselineSpread(finite).spread : 0;
  const scale = Math.max(Math.abs(t), spread) || 1;
  return 1 + Math.abs(value - t) / scale;
}

interface ScoreOfSeries {
  readonly score: number;
  readonly rose: boolean;
  /** The largest departure the signal's direction ignores. */
  readonly ignored: number;
  readonly median: number;
  readonly series: MetricSeries;
  readonly firstSeen?: number;
  readonly floor?: string;
  readonly iqr: number;
  readonly spread: number;
}

function judgeScore(signal: MetricSignal, judged: readonly Judged[], rule: string): MetricVerdict {
  const threshold = signal.score ?? DEFAULT_SCORE;
  const minBaseline = signal.minBaseline ?? DEFAULT_MIN_BASELINE;
  const direction = signal.direction ?? 'both';
  const finiteBaseline = judged.map((j) => ({ ...j, base: j.b.values.filter(Number.isFinite) }));
  const withBaseline = finiteBaseline.filter((j) => j.base.length >= minBaseline);
  if (withBaseline.length === 0) {
    const most = Math.max(...finiteBaseline.map((j) => j.base.length));
    if (most === 0) return { state: 'unknown', reason: `No baseline data for the anomaly score of ${signal.query}`, samples: [], rule };
    const points = `${most} baseline point${most > 1 ? 's' : ''}`;
    return { state: 'unknown', reason: `Only ${points} for the anomaly score of ${signal.query}: it needs at least ${minBaseline} (min_baseline)`, samples: [], rule };
  }
  let best: ScoreOfSeries | undefined;
  let quiet = 1;
  for (const { s, w, base } of withBaseline) {
    const { median, iqr, spread, floor } = baselineSpread(base, signal.minSpread);
    quiet *= 1 - falseAlarmOfSeries(base, w.values.length, { median, spread, threshold, direction });
    let score = 0;
    let rose = false;
    let ignored = 0;
    let firstSeen: number | undefined;
    for (let i = 0; i < w.values.length; i++) {
      const dev = w.values[i]! - median;
      // A spread of 0 (a constant baseline at 0): any departure from it is infinitely unusual.
      const x = spread > 0 ? Math.abs(dev) / spread : dev !== 0 ? Number.POSITIVE_INFINITY : 0;
      const counts = direction === 'both' || (direction === 'rose' ? dev > 0 : dev < 0);
      if (!counts) {
        ignored = Math.max(ignored, x);
        continue;
      }
      if (x > score) {
        score = x;
        rose = dev > 0;
      }
      if (firstSeen === undefined && x >= threshold) firstSeen = w.times[i]!;
    }
    if (!best || score > best.score) best = { score, rose, ignored, median, series: s, iqr, spread, ...(floor ? { floor } : {}), ...(firstSeen !== undefined ? { firstSeen } : {}) };
  }
  const b = best!;
  const fired = b.score >= threshold;
  const reasons: string[] = [];
  if (b.iqr === 0) {
    reasons.push(b.spread > 0 ? `The baseline's IQR is 0: the spread used is ${formatNumber(b.spread)} (${b.floor!})` : 'The baseline is 0 throughout: any departure from it is infinitely unusual (min_spread sets a floor)');
  }
  if (!fired && b.ignored >= threshold) {
    const other = direction === 'rose' ? 'fell' : 'rose';
    reasons.push(`It ${other} (score ${formatNumber(b.ignored)}), but the signal counts ${direction === 'rose' ? 'rises' : 'falls'} only`);
  }
  return {
    state: fired ? 'fired' : 'silent',
    value: b.score,
    ...(b.score > 0 ? { direction: b.rose ? ('rose' as const) : ('fell' as const) } : {}),
    ...(fired ? { strength: b.score / threshold } : {}),
    baseline: b.median,
    baselineFalseAlarm: 1 - quiet,
    ...(fired && Number.isFinite(b.score) && b.score > 0 ? { departure: (b.rose ? 1 : -1) * b.score * b.spread } : {}),
    ...(fired && b.firstSeen !== undefined ? { firstSeen: b.firstSeen } : {}),
    samples: [describeSeries(b.series)],
    rule,
    ...(reasons.length > 0 ? { reason: reasons.join('. ') } : {}),
  };
}

/**
 * P(the score fires | nothing wrong) over a window of `points` points, from the baseline itself:
 * the share p of baseline points scoring past the threshold, Jeffreys-smoothed ((hits + ½)/(n + 1),
 * never 0), as 1 − (1 − p)^points (points taken as independent).
 */
export function falseAlarmOfSeries(base: readonly number[], points: number, rule: { median: number; spread: number; threshold: number; direction: string }): number {
  let hits = 0;
  for (const v of base) {
    const dev = v - rule.median;
    const counts = rule.direction === 'both' || (rule.direction === 'rose' ? dev > 0 : dev < 0);
    const x = rule.spread > 0 ? Math.abs(dev) / rule.spread : dev !== 0 ? Number.POSITIVE_INFINITY : 0;
    if (counts && x >= rule.threshold) hits++;
  }
  const p = (hits + 0.5) / (base.length + 1);
  return 1 - (1 - p) ** Math.max(1, points);
}

/** Up to 3 significant digits, for reasons: 0.0204, 12.3, ∞. */
function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '∞';
  return String(Number(v.toPrecision(3)));
}
