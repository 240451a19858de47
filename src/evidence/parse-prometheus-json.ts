// Metrics from a Prometheus query response saved as JSON (evidence stage): the HTTP API's
// `{"status":"success","data":{"resultType":"matrix","result":[…]}}`, or the bare result array that
// `promtool query range -o json` prints. A top-level "query" names unnamed series (ftree's convention).

import { SeriesBuilder, parseSampleValue, type MetricSeries } from './metric-series.js';
import type { ParsedMetrics } from './parse-metric-csv.js';

interface ResultItem {
  readonly metric?: Record<string, string>;
  readonly values?: readonly [number, string][];
  readonly value?: readonly [number, string];
}

/** Undefined when the JSON is not a Prometheus query result. */
export function parsePrometheusJson(value: unknown): ParsedMetrics | undefined {
  let items: unknown;
  let query: string | undefined;
  if (Array.isArray(value)) items = value;
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['query'] === 'string') query = o['query'];
    const data = (o['data'] ?? o) as Record<string, unknown>;
    items = data['result'];
  }
  if (!Array.isArray(items)) return undefined;
  return { series: seriesFromResult(items as ResultItem[], query ?? ''), skipped: 0 };
}

/** Series of a matrix or vector result; unnamed series take `fallbackName`. Shared with the live client. */
export function seriesFromResult(items: readonly ResultItem[], fallbackName: string): MetricSeries[] {
  const builder = new SeriesBuilder();
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const labels = new Map(Object.entries(item.metric ?? {}).filter(([k]) => k !== '__name__'));
    const name = item.metric?.['__name__'] ?? fallbackName;
    const points = Array.isArray(item.values) ? item.values : Array.isArray(item.value) ? [item.value] : [];
    for (const p of points) {
      if (!Array.isArray(p) || p.length < 2) continue;
      const t = Number(p[0]) * 1000;
      const v = parseSampleValue(String(p[1]));
      if (Number.isFinite(t) && !Number.isNaN(v)) builder.add(name, labels, t, v);
    }
  }
  return builder.build();
}
