// The rows of a wide metric CSV into series (evidence stage): one time column, one series per other
// column. Shared by the plain wide layout and the stacked-header one (parse-metric-csv.ts,
// parse-stacked-header-csv.ts); an empty cell is a missing point, an unreadable one is counted.

import { SeriesBuilder, parseSampleValue, type MetricSeries } from './metric-series.js';
import { parseTimestampValue } from './parse-timestamp.js';
import type { TimeZone } from './time-zone.js';

export interface WideColumn {
  /** Index of the column in each row. */
  readonly i: number;
  readonly name: string;
  readonly labels: ReadonlyMap<string, string>;
}

/** Series of `columns` over `rows` (split cells), times in column `timeCol`; rows without a time are skipped and counted. */
export function readWideRows(rows: Iterable<readonly string[]>, timeCol: number, columns: readonly WideColumn[], zone: TimeZone): { series: MetricSeries[]; skipped: number } {
  const builder = new SeriesBuilder();
  let skipped = 0;
  for (const cells of rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const t = parseTimestampValue((cells[timeCol] ?? '').trim(), zone);
    if (t === undefined) {
      skipped++;
      continue;
    }
    for (const c of columns) {
      const cell = cells[c.i] ?? '';
      if (cell.trim() === '') continue;
      const v = parseSampleValue(cell);
      if (Number.isNaN(v)) skipped++;
      else builder.add(c.name, c.labels, t, v);
    }
  }
  return { series: builder.build(), skipped };
}
