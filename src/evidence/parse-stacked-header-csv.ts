// Metrics from a wide CSV with several header rows (evidence stage): the layout pandas writes for
// columns with a multi-level index, as in the PetShop dataset (rows `microservice`, `metric`,
// `statistic`, then `unix_timestamp`). Each column becomes one series: docs/evidence.md, "Files".

import type { ParsedMetrics } from './metric-series.js';
import { readWideRows } from './read-wide-rows.js';
import type { TimeZone } from './time-zone.js';

/** Header rows whose first cell names the series' name rather than a label. */
const NAME_ROWS = ['metric', '__name__', 'name', 'series'];
/** How far down the time-named row may be. */
const MAX_HEADER_ROWS = 16;

export interface StackedHeader {
  /** Index of the first header row and of the time-named row that ends the header. */
  readonly first: number;
  readonly timeRow: number;
}

/**
 * Finds the stacked header: rows whose first cell names a level (`microservice`, `metric`, …),
 * then a row holding only a time column's name in its first cell. `rows` are split CSV records,
 * `first` the first row that is not blank or a comment.
 */
export function findStackedHeader(rows: readonly (readonly string[])[], first: number, timeColumns: readonly string[]): StackedHeader | undefined {
  const isTimeName = (cell: string | undefined): boolean => timeColumns.includes((cell ?? '').trim().toLowerCase());
  if (rows[first] === undefined || rows[first].some(isTimeName)) return undefined;
  for (let r = first + 1; r < Math.min(rows.length, first + MAX_HEADER_ROWS); r++) {
    const row = rows[r]!;
    if (isTimeName(row[0]) && row.slice(1).every((c) => c.trim() === '')) {
      const levels = rows.slice(first, r);
      return levels.every((l) => (l[0] ?? '').trim() !== '') ? { first, timeRow: r } : undefined;
    }
  }
  return undefined;
}

/** Prometheus label names: letters, digits and `_`, not starting with a digit. */
function labelName(text: string): string {
  const name = text.trim().replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

export function parseStackedHeaderCsv(rows: readonly (readonly string[])[], header: StackedHeader, zone: TimeZone): ParsedMetrics {
  const levels = rows.slice(header.first, header.timeRow);
  const width = Math.max(...levels.map((l) => l.length));
  const columns: { i: number; name: string; labels: Map<string, string> }[] = [];
  for (let i = 1; i < width; i++) {
    let name = '';
    const labels = new Map<string, string>();
    for (const level of levels) {
      const key = level[0]!.trim();
      const value = (level[i] ?? '').trim();
      if (value === '') continue;
      if (NAME_ROWS.includes(key.toLowerCase())) name = value;
      else labels.set(labelName(key), value);
    }
    if (name !== '' || labels.size > 0) columns.push({ i, name, labels });
  }
  return readWideRows(rows.slice(header.timeRow + 1), 0, columns, zone);
}
