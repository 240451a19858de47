// The incident window and its baseline from --since/--until/--baseline (evidence stage): absolute
// times (ISO 8601, `YYYY-MM-DD HH:MM`, `HH:MM` today, epoch seconds), `now`, and relative `-30m`.

import { EXIT, FtreeError } from '../model/diagnostic.js';
import { parseDuration } from '../model/units.js';
import { parseTimestampValue, readIsoTimestamp, INVALID_TIMESTAMP } from './parse-timestamp.js';
import { UTC, type TimeZone } from './time-zone.js';

/** A half-open interval of epoch milliseconds, [start, end). */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

export interface TimeWindow {
  readonly window: TimeRange;
  /** Undefined when the baseline is switched off (`--baseline none`). */
  readonly baseline?: TimeRange;
}

export interface ResolveTimeWindowOptions {
  readonly since?: string;
  readonly until?: string;
  /** A duration just before the window (`2h`), a range `START..END`, or `none`; default: as long as the window. */
  readonly baseline?: string;
  readonly now?: number;
  readonly zone?: TimeZone;
}

const HOUR_MS = 3_600_000;

export function resolveTimeWindow(options: ResolveTimeWindowOptions): TimeWindow {
  const now = options.now ?? Date.now();
  const zone = options.zone ?? UTC;
  if (options.since === undefined) throw badTime('The incident window needs a start: give --since', 'for example --since -30m, --since 10:05 or --since 2026-11-22T10:05:00Z');
  const start = parseTimePoint(options.since, '--since', now, zone);
  const end = options.until === undefined ? now : parseTimePoint(options.until, '--until', now, zone);
  if (end <= start) {
    throw badTime(`The window is empty: --until ${new Date(end).toISOString()} is not after --since ${new Date(start).toISOString()}`);
  }
  const window = { start, end };
  const b = options.baseline?.trim();
  if (b === undefined || b === '') return { window, baseline: { start: start - (end - start), end: start } };
  if (b === 'none') return { window };
  const dots = b.indexOf('..');
  if (dots >= 0) {
    const bs = parseTimePoint(b.slice(0, dots), '--baseline', now, zone);
    const be = parseTimePoint(b.slice(dots + 2), '--baseline', now, zone);
    if (be <= bs) throw badTime(`The baseline ${b} is empty: its end is not after its start`);
    return { window, baseline: { start: bs, end: be } };
  }
  const d = parseDuration(b);
  if (!d.ok || d.value <= 0) {
    throw badTime(`Cannot read --baseline "${b}": ${d.ok ? 'the length must be positive' : d.reason}`, 'give a length such as 2h (just before the window), a range START..END, or none');
  }
  return { window, baseline: { start: start - d.value * HOUR_MS, end: start } };
}

/**
 * One point in time from the command line. Accepts `now`, `-30m` / `now-30m` (before now),
 * `HH:MM[:SS]` (today in the zone), ISO 8601 with or without zone, and epoch seconds.
 */
export function parseTimePoint(text: string, flag: string, now: number, zone: TimeZone): number {
  const t = text.trim();
  if (t === 'now') return now;
  const rel = /^(?:now)?\s*-\s*(.+)$/.exec(t);
  if (rel && !/^\d{4}-/.test(t)) {
    const d = parseDuration(rel[1]!);
    if (!d.ok || d.value < 0) throw badTime(`Cannot read ${flag} "${text}": ${d.ok ? 'negative duration' : d.reason}`, HINT);
    return now - d.value * HOUR_MS;
  }
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (clock) {
    const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    if (h > 23 || m > 59 || s > 59) throw badTime(`Cannot read ${flag} "${text}": not a time of day`, HINT);
    const today = localDate(now, zone);
    const iso = `${today}T${String(h).padStart(2, '0')}:${clock[2]}:${String(s).padStart(2, '0')}`;
    return readIsoTimestamp(iso, 0, zone)!.ms;
  }
  const iso = readIsoTimestamp(t, 0, zone);
  if (iso && iso.ms === INVALID_TIMESTAMP) throw badTime(`Cannot read ${flag} "${text}": the date or time is out of range`, HINT);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(t) ? parseTimestampValue(`${t}T00:00:00`, zone) : undefined;
  const value = dateOnly ?? parseTimestampValue(t, zone);
  if (value === undefined) throw badTime(`Cannot read ${flag} "${text}": not a time`, HINT);
  return value;
}

const HINT = 'use ISO 8601 (2026-11-22T10:05:00Z, 2026-11-22 10:05), a time of day (10:05), now, or a time before now (-30m, -2h)';

/** Today's date `YYYY-MM-DD` in the zone at the instant `now`. */
function localDate(now: number, zone: TimeZone): string {
  // toUtc maps wall → instant; search the wall date whose day contains `now`.
  const utcDay = new Date(now).toISOString().slice(0, 10);
  for (const delta of [0, -1, 1]) {
    const day = new Date(Date.parse(`${utcDay}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);
    const startOfDay = zone.toUtc(Date.parse(`${day}T00:00:00Z`));
    const endOfDay = zone.toUtc(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
    if (now >= startOfDay && now < endOfDay) return day;
  }
  return utcDay;
}

function badTime(message: string, hint?: string): FtreeError {
  return new FtreeError({ code: 'BAD_TIME', severity: 'error', message, ...(hint ? { hint } : {}) }, EXIT.usage);
}
