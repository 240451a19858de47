// Metric data as the evidence stage holds it: one series per name and label set, points sorted by
// time. Read from CSV, Prometheus query_range JSON, OpenMetrics text, or a live Prometheus.

export interface MetricSeries {
  /** Metric name, column header, or the PromQL text that produced the series; '' when unnamed. */
  readonly name: string;
  readonly labels: ReadonlyMap<string, string>;
  /** Epoch milliseconds, ascending. */
  readonly times: number[];
  readonly values: number[];
}

/** `name{a="1",b="2"}` for messages and tables. */
export function describeSeries(series: Pick<MetricSeries, 'name' | 'labels'>): string {
  const labels = [...series.labels].filter(([k]) => k !== '__name__').map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return labels.length === 0 ? series.name || '{}' : `${series.name}{${labels.join(',')}}`;
}

/** Builds series from points given in any order, keyed by name and labels. */
export class SeriesBuilder {
  private readonly byKey = new Map<string, { name: string; labels: Map<string, string>; points: [number, number][] }>();

  add(name: string, labels: ReadonlyMap<string, string>, time: number, value: number): void {
    const key = seriesKey(name, labels);
    let s = this.byKey.get(key);
    if (!s) {
      s = { name, labels: new Map(labels), points: [] };
      this.byKey.set(key, s);
    }
    s.points.push([time, value]);
  }

  build(): MetricSeries[] {
    return [...this.byKey.values()].map((s) => {
      s.points.sort((a, b) => a[0] - b[0]);
      return { name: s.name, labels: s.labels, times: s.points.map((p) => p[0]), values: s.points.map((p) => p[1]) };
    });
  }
}

/** A sample value: numbers, and the strings Prometheus writes ("1.5", "NaN", "+Inf", "-Inf"). */
export function parseSampleValue(text: string): number {
  const t = text.trim();
  if (t === '+Inf' || t === 'Inf' || t === 'inf' || t === '+inf') return Number.POSITIVE_INFINITY;
  if (t === '-Inf' || t === '-inf') return Number.NEGATIVE_INFINITY;
  if (t === '') return Number.NaN;
  return Number(t);
}

/**
 * Series of the same name and labels become one (a series split over several files, or over two
 * Prometheus ranges): points merged and sorted by time. Points at the same time: the first given
 * is kept (files in the order given, rows in file order), the others are counted as duplicates.
 */
export function joinSeries(all: readonly MetricSeries[]): { series: MetricSeries[]; duplicates: number } {
  const byKey = new Map<string, { name: string; labels: ReadonlyMap<string, string>; parts: MetricSeries[] }>();
  for (const s of all) {
    const key = seriesKey(s.name, s.labels);
    const entry = byKey.get(key);
    if (entry) entry.parts.push(s);
    else byKey.set(key, { name: s.name, labels: s.labels, parts: [s] });
  }
  let duplicates = 0;
  const series = [...byKey.values()].map(({ name, labels, parts }) => {
    const points: [number, number, number][] = [];
    let order = 0;
    for (const p of parts) for (let i = 0; i < p.times.length; i++) points.push([p.times[i]!, order++, p.values[i]!]);
    points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const times: number[] = [];
    const values: number[] = [];
    for (const [t, , v] of points) {
      if (times.length > 0 && times[times.length - 1] === t) {
        duplicates++;
        continue;
      }
      times.push(t);
      values.push(v);
    }
    return { name, labels, times, values };
  });
  return { series, duplicates };
}

function seriesKey(name: string, labels: ReadonlyMap<string, string>): string {
  return `${name}\u0000${[...labels].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}\u0001${v}`).join('\u0000')}`;
}

/** The series read from a metric file. */
export interface ParsedMetrics {
  readonly series: MetricSeries[];
  /** Rows or samples that could not be read (bad time, bad value). */
  readonly skipped: number;
}
