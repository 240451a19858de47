// Metrics from the Prometheus text format or OpenMetrics with timestamps (evidence stage):
// `name{label="v"} value timestamp`. Timestamps are told apart by magnitude (OpenMetrics writes
// seconds, the Prometheus text format milliseconds); samples without one are skipped and counted.

import { SeriesBuilder, parseSampleValue } from './metric-series.js';
import type { ParsedMetrics } from './parse-metric-csv.js';
import { epochToMs, MAX_DATE_MS } from './parse-timestamp.js';
import { parseSeriesSelector } from './parse-series-selector.js';

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)(?:\s+(\S+))?(?:\s+#.*)?$/;

export function parseOpenMetrics(text: string): ParsedMetrics {
  const builder = new SeriesBuilder();
  let skipped = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = SAMPLE.exec(line);
    if (!m) {
      skipped++;
      continue;
    }
    const labels = new Map<string, string>();
    if (m[2]) {
      const sel = parseSeriesSelector(m[2]);
      if (!sel) {
        skipped++;
        continue;
      }
      for (const x of sel.matchers) labels.set(x.label, x.value);
    }
    const v = parseSampleValue(m[3]!);
    const ts = m[4] === undefined ? Number.NaN : Number(m[4]);
    if (Number.isNaN(v) || !Number.isFinite(ts) || Math.abs(epochToMs(ts)) > MAX_DATE_MS) {
      skipped++;
      continue;
    }
    builder.add(m[1]!, labels, epochToMs(ts), v);
  }
  return { series: builder.build(), skipped };
}
