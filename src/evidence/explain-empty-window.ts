// When the incident window holds no data (evidence stage): the span the logs and metric files do
// cover, and the since and until to give instead, so that a window typed on the wrong day (a bare
// 10:05 lands on today) is put right in one step rather than read as "every signal unknown".

import { LIBRARY_OPTION_NAMES, type OptionNames } from '../model/option-names.js';
import type { TimeRange } from './resolve-time-window.js';
import type { TimeZone } from './time-zone.js';

export interface DataSpans {
  readonly logs?: TimeRange;
  readonly metrics?: TimeRange;
}

export interface ExplainEmptyWindowOptions {
  readonly zone: TimeZone;
  /** How the note names since and until (default: those keys). */
  readonly optionNames?: OptionNames;
}

/** A note for an empty window, or undefined when some data falls in it or no data has a time. */
export function explainEmptyWindow(window: TimeRange, spans: DataSpans, options: ExplainEmptyWindowOptions): string | undefined {
  const { zone } = options;
  const parts: string[] = [];
  if (spans.logs) parts.push(`the logs cover ${describeRange(spans.logs, zone)}`);
  if (spans.metrics) parts.push(`the metric files ${describeRange(spans.metrics, zone)}`);
  const known = [spans.logs, spans.metrics].filter((r): r is TimeRange => r !== undefined);
  if (known.length === 0) return undefined;
  const all = { start: Math.min(...known.map((r) => r.start)), end: Math.max(...known.map((r) => r.end)) };
  const what = spans.logs && spans.metrics ? 'No log line or metric sample' : spans.logs ? 'No log line' : 'No metric sample';
  return `${what} falls in the window (${describeRange(window, zone)}): ${parts.join(', ')}; for example ${suggest(window, all, zone, options.optionNames ?? LIBRARY_OPTION_NAMES)}`;
}

/** The window's times of day on the data's day when they fit in the data, else the data's span. */
function suggest(window: TimeRange, data: TimeRange, zone: TimeZone, names: OptionNames): string {
  const dataDay = wall(data.start, zone).slice(0, 10);
  const shift = zone.toUtc(Date.parse(`${dataDay}T00:00:00Z`)) - zone.toUtc(Date.parse(`${wall(window.start, zone).slice(0, 10)}T00:00:00Z`));
  const moved = { start: window.start + shift, end: window.end + shift };
  const range = moved.start < data.end && moved.end > data.start ? moved : { start: Math.floor(data.start / 60_000) * 60_000, end: Math.ceil(data.end / 60_000) * 60_000 };
  return `${names.since} ${option(range.start, zone)} ${names.until} ${option(range.end, zone)}`;
}

/** An ISO time to type: `2026-11-20T10:05:00Z` in UTC, else the zone's wall time (read in the zone given). */
function option(ms: number, zone: TimeZone): string {
  const w = wall(ms, zone);
  return zone.name === 'UTC' ? `${w.slice(0, 19)}Z` : w.slice(0, 19);
}

function describeRange(r: TimeRange, zone: TimeZone): string {
  const a = wall(r.start, zone);
  const b = wall(r.end, zone);
  const time = (w: string): string => (w.slice(17, 19) === '00' ? w.slice(11, 16) : w.slice(11, 19));
  return `${a.slice(0, 10)} ${time(a)} → ${a.slice(0, 10) === b.slice(0, 10) ? '' : `${b.slice(0, 10)} `}${time(b)} ${zone.name}`;
}

/** The wall time of an instant in the zone, as an ISO string without zone. */
function wall(ms: number, zone: TimeZone): string {
  return new Date(ms + (ms - zone.toUtc(ms))).toISOString().slice(0, 23);
}

/** The first and last time of a set of series, or undefined without any sample. */
export function spanOfTimes(lists: readonly (readonly number[])[]): TimeRange | undefined {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const times of lists) {
    for (const t of times) {
      if (t < start) start = t;
      if (t > end) end = t;
    }
  }
  return start <= end ? { start, end } : undefined;
}
