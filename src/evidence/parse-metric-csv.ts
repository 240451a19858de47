// Metrics from CSV (evidence stage). Long form: a time column, a series column (series, metric,
// name or __name__), a value column, and labels (a `labels` column such as `{a="1"}` or `a=1;b=2`,
// or any other columns). Wide form: a time column and one column per series (header = its name).
// Wide with several header rows (component, metric, statistic…): parse-stacked-header-csv.ts.

import { FtreeError } from '../model/diagnostic.js';
import { parseSeriesSelector } from './parse-series-selector.js';
import { findStackedHeader, parseStackedHeaderCsv } from './parse-stacked-header-csv.js';
import { SeriesBuilder, parseSampleValue, type ParsedMetrics } from './metric-series.js';
import { parseTimestampValue } from './parse-timestamp.js';
import type { TimeZone } from './time-zone.js';
import { readWideRows } from './read-wide-rows.js';

export type { ParsedMetrics } from './metric-series.js';

const TIME_COLUMNS = ['time', 'timestamp', 'ts', '@timestamp', 'date', 'datetime', 'unix_timestamp'];
const SERIES_COLUMNS = ['series', 'metric', 'name', '__name__'];

export function parseMetricCsv(text: string, file: string, zone: TimeZone): ParsedMetrics {
  const lines = text.split(/\r?\n/);
  let row = 0;
  while (row < lines.length && (lines[row]!.trim() === '' || lines[row]!.startsWith('#'))) row++;
  if (row >= lines.length) return { series: [], skipped: 0 };
  const top = lines.slice(row, row + 16).map(splitCsvLine);
  const stacked = findStackedHeader(top, 0, TIME_COLUMNS);
  if (stacked) return parseStackedHeaderCsv([...top.slice(0, stacked.timeRow + 1), ...lines.slice(row + stacked.timeRow + 1).map(splitCsvLine)], stacked, zone);
  const header = splitCsvLine(lines[row]!).map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const timeCol = lower.findIndex((h) => TIME_COLUMNS.includes(h));
  if (timeCol < 0) {
    throw new FtreeError({ code: 'METRICS_UNREADABLE', severity: 'error', message: `Cannot read ${file}: the CSV header has no time column`, hint: `name one column ${TIME_COLUMNS.slice(0, 3).join(', ')}` });
  }
  const seriesCol = lower.findIndex((h) => SERIES_COLUMNS.includes(h));
  const valueCol = lower.indexOf('value');
  const builder = new SeriesBuilder();
  let skipped = 0;
  if (seriesCol >= 0 && valueCol >= 0) {
    const labelsCol = lower.indexOf('labels');
    const extra = header.map((_, i) => i).filter((i) => i !== timeCol && i !== seriesCol && i !== valueCol && i !== labelsCol);
    for (let r = row + 1; r < lines.length; r++) {
      if (lines[r]!.trim() === '') continue;
      const cells = splitCsvLine(lines[r]!);
      const t = parseTimestampValue(cells[timeCol] ?? '', zone);
      const v = parseSampleValue(cells[valueCol] ?? '');
      if (t === undefined || Number.isNaN(v)) {
        skipped++;
        continue;
      }
      const labels = labelsCol >= 0 ? parseLabelCell(cells[labelsCol] ?? '') : new Map<string, string>();
      for (const i of extra) if ((cells[i] ?? '') !== '') labels.set(header[i]!, cells[i]!);
      builder.add((cells[seriesCol] ?? '').trim(), labels, t, v);
    }
    return { series: builder.build(), skipped };
  }
  // Wide: every other column is a series; a header like up{job="api"} gives name and labels.
  const columns = header.map((h, i) => ({ i, ...nameAndLabels(h) })).filter((c) => c.i !== timeCol);
  const wide = readWideRows(lines.slice(row + 1).filter((l) => l.trim() !== '').map(splitCsvLine), timeCol, columns, zone);
  return { series: wide.series, skipped: skipped + wide.skipped };
}

function nameAndLabels(header: string): { name: string; labels: Map<string, string> } {
  const sel = parseSeriesSelector(header);
  if (sel?.name && sel.matchers.every((m) => m.op === '=')) {
    return { name: sel.name, labels: new Map(sel.matchers.filter((m) => m.label !== '__name__').map((m) => [m.label, m.value])) };
  }
  return { name: header, labels: new Map() };
}

/** `{a="1",b="2"}`, `a=1;b=2` or `a=1,b=2`. */
function parseLabelCell(cell: string): Map<string, string> {
  const t = cell.trim();
  if (t === '') return new Map();
  if (t.startsWith('{')) {
    const sel = parseSeriesSelector(t);
    if (sel) return new Map(sel.matchers.map((m) => [m.label, m.value]));
  }
  const out = new Map<string, string>();
  for (const part of t.split(/[;,]/)) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'));
  }
  return out;
}

/** One CSV record (RFC 4180 quoting; no line breaks inside fields). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            v += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else v += line[i++];
      }
      out.push(v);
      const comma = line.indexOf(',', i);
      if (comma < 0) return out;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}
