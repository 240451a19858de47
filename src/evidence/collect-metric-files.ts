// The metric-file collector (evidence stage): reads every metric file once, in the order given,
// and returns the parsed files, their series joined, and the files it read (path and SHA-256).

import { readInputFile, type InputReader } from '../model/read-input-file.js';
import type { MetricFileSummary } from './evidence-result.js';
import { joinSeries, type MetricSeries } from './metric-series.js';
import { readMetricFile, type MetricFile } from './read-metric-file.js';
import { recordReads, type ReadFile } from './record-reads.js';
import type { TimeZone } from './time-zone.js';

export interface CollectedMetricFiles {
  readonly files: readonly MetricFile[];
  readonly summaries: readonly MetricFileSummary[];
  /** One series split over several files (the baseline in one, the incident in another) is one series. */
  readonly series: readonly MetricSeries[];
  /** Points that repeated a series' time in another file (the first read is kept). */
  readonly duplicates: number;
  readonly read: readonly ReadFile[];
}

export async function collectMetricFiles(paths: readonly string[], options: { zone: TimeZone; read?: InputReader }): Promise<CollectedMetricFiles> {
  const read: ReadFile[] = [];
  const reader = recordReads(options.read ?? readInputFile, 'metrics', read);
  const files: MetricFile[] = [];
  for (const path of paths) files.push(await readMetricFile(path, options.zone, reader));
  const joined = joinSeries(files.flatMap((m) => m.series));
  return {
    files,
    summaries: files.map((m) => ({ file: m.file, format: m.format, series: m.series.length, skipped: m.skipped })),
    series: joined.series,
    duplicates: joined.duplicates,
    read,
  };
}
