import { evaluatePromql, parsePromql } from './evaluate-promql.js';
import type { MetricSeries } from './metric-series.js';
import { selectSeries } from './select-series.js';

const T0 = Date.parse('2026-11-22T10:00:00Z');

function series(name: string, labels: Record<string, string>, points: [number, number][]): MetricSeries {
  return { name, labels: new Map(Object.entries(labels)), times: points.map(([s]) => T0 + s * 1000), values: points.map(([, v]) => v) };
}

/** A counter growing by `perSecond`, sampled every `step` seconds from 0 to `until`. */
function counter(name: string, labels: Record<string, string>, perSecond: number, step = 15, until = 600): MetricSeries {
  const points: [number, number][] = [];
  for (let s = 0; s <= until; s += step) points.push([s, perSecond * s]);
  return series(name, labels, points);
}

function valuesOf(query: string, all: MetricSeries[]): { labels: Record<string, string>; at: Record<number, number> }[] {
  const r = evaluatePromql(query, all);
  if (!r || 'missing' in r) throw new Error(`not evaluated: ${JSON.stringify(r)}`);
  return r.series.map((s) => ({ labels: Object.fromEntries(s.labels), at: Object.fromEntries(s.times.map((t, i) => [(t - T0) / 1000, s.values[i]!])) }));
}

describe('parsePromql', () => {
  it.each([
    'sum(rate(http_requests_total{code="503"}[5m]))',
    'rate(x[1m])',
    'max(hikaricp_connections_active{application="payments-api"} / hikaricp_connections_max{application="payments-api"})',
    'sum(increase(restarts_total{namespace="settlement"}[1h]))',
    'max(rate(a[5m]) / rate(b[5m]))',
    'sum(rate(a[5m])) / sum(rate(b[5m]))',
    'avg ( probe_success{job="x"} )',
    'min(x) / 1000',
    '100 / (a / b)',
  ])('reads %s', (q) => expect(parsePromql(q)).toBeDefined());

  it.each([
    'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))',
    'sum by (rule) (rate(x[5m]))',
    'count(up == 1)',
    'min(x) - time()',
    'max(abs(x))',
    'rate(x[1h30m])',
    'rate(x)',
    'sum(rate(x[5m])',
    'a * b',
  ])('leaves %s to Prometheus', (q) => expect(parsePromql(q)).toBeUndefined());
});

describe('evaluatePromql', () => {
  it('rate of a steady counter is its slope, increase its growth over the range', () => {
    const all = [counter('req_total', { pod: 'a' }, 10)];
    const rate = valuesOf('sum(rate(req_total[1m]))', all)[0]!;
    expect(rate.at[0]).toBeUndefined(); // one sample: no rate
    expect(rate.at[15]).toBeCloseTo(150 / 60, 9); // 0 → 150 in 15 s, not extrapolated below the counter's zero
    for (const s of [60, 300, 600]) expect(rate.at[s]).toBeCloseTo(10, 9);
    expect(valuesOf('sum(increase(req_total[5m]))', all)[0]!.at[600]).toBeCloseTo(3000, 6);
  });

  it('corrects counter resets and extrapolates as Prometheus does (by hand)', () => {
    // samples every 15 s in (t − 60 s, t] at t = 90: 45 → 300, 60 → 450, 75 → 0 (reset), 90 → 150
    const all = [series('c', {}, [[0, 0], [15, 150], [30, 150], [45, 300], [60, 450], [75, 0], [90, 150]])];
    // increase 150 − 300 + 450 = 300 over 45 s sampled; 15 s to the range start (< 1.1 × 15 s: extend
    // fully; the counter's zero, 45 s back, is further), 0 s to its end: × 60 / 45, then / 60 s
    expect(valuesOf('rate(c[1m])', all)[0]!.at[90]).toBeCloseTo((300 * (60 / 45)) / 60, 12);
  });

  it('aggregates across series at every sample time, each series at its latest sample within 5 minutes', () => {
    const all = [series('g', { pod: 'a' }, [[0, 1], [30, 3]]), series('g', { pod: 'b' }, [[10, 10], [400, 20]]), series('other', {}, [[0, 99]])];
    expect(valuesOf('sum(g)', all)[0]!.at).toEqual({ 0: 1, 10: 11, 30: 13, 400: 20 }); // pod a is stale at 400 s
    expect(valuesOf('max(g)', all)[0]!.at[30]).toBe(10);
    expect(valuesOf('min(g)', all)[0]!.at[30]).toBe(3);
    expect(valuesOf('avg(g)', all)[0]!.at[30]).toBe(6.5);
  });

  it('divides one to one on label sets without the name, and by numbers', () => {
    const all = [
      series('active', { app: 'api', pod: 'a' }, [[0, 5], [15, 8]]),
      series('active', { app: 'api', pod: 'b' }, [[0, 2], [15, 2]]),
      series('max', { app: 'api', pod: 'a' }, [[0, 10], [15, 10]]),
      series('max', { app: 'api', pod: 'b' }, [[0, 4], [15, 4]]),
      series('max', { app: 'api', pod: 'c' }, [[0, 4]]),
    ];
    const ratio = valuesOf('active{app="api"} / max{app="api"}', all);
    expect(ratio).toEqual([{ labels: { app: 'api', pod: 'a' }, at: { 0: 0.5, 15: 0.8 } }, { labels: { app: 'api', pod: 'b' }, at: { 0: 0.5, 15: 0.5 } }]);
    expect(valuesOf('max(active / max)', all)[0]!.at).toEqual({ 0: 0.5, 15: 0.8 });
    expect(valuesOf('sum(active) / 1000', all)[0]!.at[15]).toBeCloseTo(0.01, 12);
  });

  it('names the selector that matches nothing', () => {
    expect(evaluatePromql('max(a / nope{x="1"})', [series('a', {}, [[0, 1]])])).toEqual({ missing: 'nope{x="1"}' });
  });
});

describe('selectSeries with PromQL', () => {
  const all = [counter('req_total', { code: '503' }, 2), counter('req_total', { code: '200' }, 50)];

  it('serves a query in the evaluated forms from the raw series, named by the query', () => {
    const sel = selectSeries('sum(rate(req_total{code="503"}[5m]))', all);
    expect('series' in sel && sel.series.map((s) => [s.name, s.values.at(-1)])).toEqual([['sum(rate(req_total{code="503"}[5m]))', expect.closeTo(2, 9)]]);
  });

  it('prefers a series named exactly by the query', () => {
    const named = series('sum(rate(req_total{code="503"}[5m]))', {}, [[0, 42]]);
    const sel = selectSeries('sum( rate(req_total{code="503"}[5m]) )', [...all, named]);
    expect('series' in sel && sel.series).toEqual([named]);
  });

  it('says why a query cannot be served', () => {
    expect(selectSeries('histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))', all)).toMatchObject({ reason: expect.stringMatching(/^The query is PromQL beyond what ftree evaluates on files \(rate, increase, sum\/max\/min\/avg without by, a \/ b\)/) });
    expect(selectSeries('sum(rate(missing_total[5m]))', all)).toEqual({ reason: 'No series in the metric files matches missing_total (in sum(rate(missing_total[5m])))', noData: true });
    expect(selectSeries('rate(req_total[5m])', [series('req_total', {}, [[0, 1]])])).toMatchObject({ reason: expect.stringContaining('need two samples'), noData: true });
    expect(selectSeries('histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))', all)).not.toHaveProperty('noData');
  });
});
