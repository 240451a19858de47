// A small part of PromQL evaluated on series read from files (evidence stage), so that a tree's
// queries such as `sum(rate(x[5m]))` or `max(a / b)` can be served by an export of the raw series:
// selectors, rate() and increase() over a range (Prometheus' extrapolation, counter resets),
// sum/max/min/avg without grouping, `/` between two of these or a number, and parentheses.

import { TextCursor } from '../model/text-cursor.js';
import type { MetricSeries } from './metric-series.js';
import { parseSeriesSelector, type SeriesSelector } from './parse-series-selector.js';

/** How far back an instant vector looks for a sample (Prometheus' default lookback delta). */
export const LOOKBACK_MS = 5 * 60_000;

type Node =
  | { readonly kind: 'selector'; readonly text: string; readonly selector: SeriesSelector }
  | { readonly kind: 'range'; readonly fn: 'rate' | 'increase'; readonly text: string; readonly selector: SeriesSelector; readonly rangeMs: number }
  | { readonly kind: 'aggregate'; readonly op: 'sum' | 'max' | 'min' | 'avg'; readonly arg: Node }
  | { readonly kind: 'divide'; readonly left: Node; readonly right: Node }
  | { readonly kind: 'number'; readonly value: number };

export type PromqlEvaluation = { readonly series: MetricSeries[] } | { readonly missing: string };

/** The forms evaluated, for messages. */
export const EVALUATED_FORMS = 'rate, increase, sum/max/min/avg without by, a / b';

/**
 * Evaluates `query` on `all`, or returns undefined when the query is PromQL beyond these forms.
 * `missing` names a selector that matched no series (the query cannot be evaluated then).
 */
export function evaluatePromql(query: string, all: readonly MetricSeries[]): PromqlEvaluation | undefined {
  const node = parsePromql(query);
  if (!node) return undefined;
  try {
    const { times, value } = evaluateAll(node, all);
    if (typeof value === 'number') return undefined;
    return { series: value.map((s) => toSeries(query.trim(), s, times)) };
  } catch (e) {
    if (e instanceof MissingSeries) return { missing: e.selector };
    if (e instanceof NotEvaluated) return undefined;
    throw e;
  }
}

/** A result series named by the query, with the evaluation times that have a value. */
function toSeries(name: string, s: { labels: ReadonlyMap<string, string>; values: Float64Array }, times: readonly number[]): MetricSeries {
  const outTimes: number[] = [];
  const values: number[] = [];
  s.values.forEach((v, k) => {
    if (Number.isNaN(v)) return;
    outTimes.push(times[k]!);
    values.push(v);
  });
  return { name, labels: s.labels, times: outTimes, values };
}

class MissingSeries extends Error {
  constructor(readonly selector: string) {
    super(selector);
  }
}

/** A form the grammar accepts but that has no meaning here (an aggregation of a number). */
class NotEvaluated extends Error {}

// --- parsing ---------------------------------------------------------------------------------

const AGGREGATES = new Set(['sum', 'max', 'min', 'avg']);
const RANGE_FUNCTIONS = new Set(['rate', 'increase']);
const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/** The syntax tree of a query in the evaluated subset, or undefined. */
export function parsePromql(query: string): Node | undefined {
  const p = new Parser(query);
  const node = p.expression();
  return node && p.atEnd() ? node : undefined;
}

class Parser extends TextCursor {
  constructor(s: string) {
    super(s, /\s/);
  }

  /** term ('/' term)*, left to right. */
  expression(): Node | undefined {
    return this.leftAssociative(() => this.term(), ['/'], (_, left, right): Node => ({ kind: 'divide', left, right }));
  }

  private term(): Node | undefined {
    this.skip();
    const rest = this.s.slice(this.i);
    if (rest.startsWith('(')) {
      this.i++;
      const inner = this.expression();
      this.skip();
      if (!inner || this.s[this.i] !== ')') return undefined;
      this.i++;
      return inner;
    }
    const num = /^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return { kind: 'number', value: Number(num[0]) };
    }
    const word = /^[a-zA-Z_][a-zA-Z0-9_]*\s*\(/.exec(rest);
    if (word) {
      const name = word[0].replace(/[\s(]/g, '');
      if (AGGREGATES.has(name)) {
        this.i += word[0].length;
        const arg = this.expression();
        this.skip();
        if (!arg || this.s[this.i] !== ')') return undefined;
        this.i++;
        return { kind: 'aggregate', op: name as 'sum' | 'max' | 'min' | 'avg', arg };
      }
      if (RANGE_FUNCTIONS.has(name)) {
        this.i += word[0].length;
        const m = /^\s*([^[\]()]+?)\s*\[\s*([0-9]+)(ms|s|m|h|d|w|y)\s*\]\s*\)/.exec(this.s.slice(this.i));
        if (!m) return undefined;
        const selector = parseSeriesSelector(m[1]!);
        if (!selector) return undefined;
        this.i += m[0].length;
        return { kind: 'range', fn: name as 'rate' | 'increase', text: m[1]!, selector, rangeMs: Number(m[2]) * DURATION_UNITS[m[3]!]! };
      }
      return undefined; // any other function, or an aggregation with by/without
    }
    // A selector: a name with optional {…}, or {…} alone. It ends before / ) or the end.
    const sel = /^([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*(\{(?:[^{}"'`]|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)*\})?/.exec(rest);
    if (!sel || sel[0].trim() === '') return undefined;
    const text = sel[0].trim();
    const selector = parseSeriesSelector(text);
    if (!selector) return undefined;
    this.i += sel[0].length;
    return { kind: 'selector', text, selector };
  }
}

// --- evaluation ------------------------------------------------------------------------------
// As Prometheus evaluates an instant query, at every time any input series has a sample: each
// selector takes a series' latest sample within the lookback, each range function the samples in
// (t − range, t] (left-open, as Prometheus 3; 2.x also took a sample exactly at t − range).

/** One series of a result: its labels and a value at each evaluation time (NaN: none). */
interface Sampled {
  readonly labels: ReadonlyMap<string, string>;
  readonly values: Float64Array;
}

type Value = Sampled[] | number;

function evaluateAll(node: Node, all: readonly MetricSeries[]): { times: number[]; value: Value } {
  const inputs: MetricSeries[] = [];
  const collect = (n: Node): void => {
    if (n.kind === 'selector' || n.kind === 'range') inputs.push(...select(n.selector, n.text, all));
    else if (n.kind === 'aggregate') collect(n.arg);
    else if (n.kind === 'divide') {
      collect(n.left);
      collect(n.right);
    }
  };
  collect(node);
  const times = unionOfTimes(inputs);
  return { times, value: evaluate(node, all, times) };
}

function evaluate(node: Node, all: readonly MetricSeries[], times: readonly number[]): Value {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'selector':
      return select(node.selector, node.text, all).map((s) => ({ labels: s.labels, values: instantValues(s, times) }));
    case 'range':
      return select(node.selector, node.text, all).map((s) => ({ labels: withoutName(s.labels), values: rangeValues(s, times, node.rangeMs, node.fn === 'rate') }));
    case 'aggregate': {
      const arg = evaluate(node.arg, all, times);
      if (typeof arg === 'number') throw new NotEvaluated();
      return [aggregate(arg, node.op, times.length)];
    }
    case 'divide':
      return divide(evaluate(node.left, all, times), evaluate(node.right, all, times), times.length);
  }
}

function select(selector: SeriesSelector, text: string, all: readonly MetricSeries[]): MetricSeries[] {
  const matched = all.filter((s) => selector.matches(s));
  if (matched.length === 0) throw new MissingSeries(text);
  return matched;
}

/** Functions and operators drop the metric name, as in Prometheus. */
function withoutName(labels: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map(labels);
  out.delete('__name__');
  return out;
}

/** Every time any series has a sample, ascending. */
function unionOfTimes(series: readonly MetricSeries[]): number[] {
  const set = new Set<number>();
  for (const s of series) for (const t of s.times) set.add(t);
  return [...set].sort((a, b) => a - b);
}

/** The samples of a series that hold a number. */
function samplesOf(s: MetricSeries): { ts: number[]; vs: number[] } {
  const ts: number[] = [];
  const vs: number[] = [];
  for (let i = 0; i < s.times.length; i++) {
    if (Number.isNaN(s.values[i]!)) continue;
    ts.push(s.times[i]!);
    vs.push(s.values[i]!);
  }
  return { ts, vs };
}

/** At each time, the latest sample at or before it within the lookback. */
function instantValues(s: MetricSeries, times: readonly number[]): Float64Array {
  const { ts, vs } = samplesOf(s);
  const out = new Float64Array(times.length).fill(Number.NaN);
  let i = -1;
  times.forEach((t, k) => {
    while (i + 1 < ts.length && ts[i + 1]! <= t) i++;
    if (i >= 0 && t - ts[i]! <= LOOKBACK_MS) out[k] = vs[i]!;
  });
  return out;
}

/**
 * rate() or increase() at each time t over the samples in (t − range, t]: the increase corrected
 * for counter resets, extrapolated towards the range's ends as Prometheus' extrapolatedRate does
 * (by at most half a sample interval beyond the samples, and not below a counter's zero).
 */
function rangeValues(s: MetricSeries, times: readonly number[], rangeMs: number, isRate: boolean): Float64Array {
  const { ts, vs } = samplesOf(s);
  const out = new Float64Array(times.length).fill(Number.NaN);
  let lo = 0;
  let hi = -1;
  times.forEach((t, k) => {
    const start = t - rangeMs;
    while (hi + 1 < ts.length && ts[hi + 1]! <= t) hi++;
    while (lo < ts.length && ts[lo]! <= start) lo++;
    const v = extrapolatedIncrease(ts, vs, lo, hi, start, t);
    if (v !== undefined) out[k] = isRate ? v / (rangeMs / 1000) : v;
  });
  return out;
}

function extrapolatedIncrease(ts: readonly number[], vs: readonly number[], lo: number, hi: number, rangeStart: number, rangeEnd: number): number | undefined {
  if (hi - lo < 1) return undefined;
  let result = vs[hi]! - vs[lo]!;
  for (let i = lo + 1; i <= hi; i++) if (vs[i]! < vs[i - 1]!) result += vs[i - 1]!;
  const sampled = (ts[hi]! - ts[lo]!) / 1000;
  if (sampled <= 0) return undefined;
  const average = sampled / (hi - lo);
  let toStart = (ts[lo]! - rangeStart) / 1000;
  const toEnd = (rangeEnd - ts[hi]!) / 1000;
  // A counter does not go below zero: do not extrapolate past the point where it would.
  if (result > 0 && vs[lo]! >= 0) {
    const toZero = sampled * (vs[lo]! / result);
    if (toZero < toStart) toStart = toZero;
  }
  const threshold = average * 1.1;
  const extended = sampled + (toStart < threshold ? toStart : average / 2) + (toEnd < threshold ? toEnd : average / 2);
  return result * (extended / sampled);
}

function aggregate(series: readonly Sampled[], op: 'sum' | 'max' | 'min' | 'avg', n: number): Sampled {
  const values = new Float64Array(n).fill(Number.NaN);
  for (let k = 0; k < n; k++) {
    let count = 0;
    let acc = op === 'max' ? Number.NEGATIVE_INFINITY : op === 'min' ? Number.POSITIVE_INFINITY : 0;
    for (const s of series) {
      const v = s.values[k]!;
      if (Number.isNaN(v)) continue;
      count++;
      if (op === 'max') acc = v > acc ? v : acc;
      else if (op === 'min') acc = v < acc ? v : acc;
      else acc += v;
    }
    if (count > 0) values[k] = op === 'avg' ? acc / count : acc;
  }
  return { labels: new Map(), values };
}

/** Label set without the name, as a key for one-to-one matching. */
function labelKey(labels: ReadonlyMap<string, string>): string {
  return [...labels].filter(([k]) => k !== '__name__').sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}\u0001${v}`).join('\u0000');
}

function divide(left: Value, right: Value, n: number): Value {
  if (typeof left === 'number') {
    if (typeof right === 'number') return left / right;
    return right.map((s) => ({ labels: withoutName(s.labels), values: s.values.map((v) => left / v) }));
  }
  if (typeof right === 'number') return left.map((s) => ({ labels: withoutName(s.labels), values: s.values.map((v) => v / right) }));
  // Vector / vector: one-to-one on identical label sets (the name aside); unmatched series drop out.
  const byKey = new Map(right.map((s) => [labelKey(s.labels), s]));
  const out: Sampled[] = [];
  for (const l of left) {
    const r = byKey.get(labelKey(l.labels));
    if (!r) continue;
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) values[k] = l.values[k]! / r.values[k]!;
    out.push({ labels: withoutName(l.labels), values });
  }
  return out;
}
