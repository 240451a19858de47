// The incident window and its baseline from the since, until and baseline options (evidence stage):
// absolute times (ISO 8601, `YYYY-MM-DD HH:MM`, `HH:MM` today, epoch seconds), `now`, and relative
// `-30m`. Messages name these options by `optionNames` (the CLI's are its flags).

import { FtreeError } from '../model/diagnostic.js';
import { LIBRARY_OPTION_NAMES, type OptionNames } from '../model/option-names.js';
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
  /** Undefined when the baseline is switched off (baseline `none`). */
  readonly baseline?: TimeRange;
}

export interface ResolveTimeWindowOptions {
  readonly since?: string;
  readonly until?: string;
  /** A duration just before the window (`2h`), a range `START..END`, or `none`; default: as long as the window. */
  readonly baseline?: string;
  readonly now?: number;
  readonly zone?: TimeZone;
  /** How messages name since, until and baseline (default: those keys). */
  readonly optionNames?: OptionNames;
}

/** The window, and what the reader should know about how it was read (a time of day taken as yesterday, a window in the future). */
export interface ResolvedTimeWindow extends TimeWindow {
  readonly notes: readonly string[];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Date's own range is ±8.64e15 ms; a window before 1970 or after 9999 is a typing error. */
const LATEST_MS = Date.parse('9999-12-31T23:59:59.999Z');

export function resolveTimeWindow(options: ResolveTimeWindowOptions): ResolvedTimeWindow {
  const now = options.now ?? Date.now();
  const zone = options.zone ?? UTC;
  const notes: string[] = [];
  const names = options.optionNames ?? LIBRARY_OPTION_NAMES;
  if (options.since === undefined) throw badTime(`The incident window needs a start: give ${names.since}`, `for example ${names.since} -30m, ${names.since} 10:05 or ${names.since} 2026-11-22T10:05:00Z`);
  const since = readTimePoint(options.since, names.since, now, zone);
  let start: number;
  if (since.kind === 'clock') {
    // A time of day is today's, unless that is still to come: then it is yesterday's.
    start = since.on(localDate(now, zone));
    if (start > now) {
      start = since.on(localDate(now - DAY_MS, zone));
      notes.push(`${names.since} ${options.since.trim()} is later than the time now (${clock(now, zone).slice(0, 5)}), so the window starts yesterday, ${describe(start, zone)}; give a date to choose another day`);
    }
  } else start = since.ms;
  let end: number;
  if (options.until === undefined) {
    if (start > now) throw badTime(`The window is empty: ${names.since} ${describe(start, zone)} is after the time now (${describe(now, zone)}) and ${names.until} defaults to now`, `give a start before now, or an ${names.until} after it`);
    end = now;
  } else {
    const until = readTimePoint(options.until, names.until, now, zone);
    if (until.kind === 'clock') {
      // The first such time after the start (a window may cross midnight).
      end = until.on(localDate(start, zone));
      if (end <= start) end = until.on(localDate(start + DAY_MS, zone));
    } else end = until.ms;
  }
  if (end <= start) {
    throw badTime(`The window is empty: ${names.until} ${new Date(end).toISOString()} is not after ${names.since} ${new Date(start).toISOString()}`);
  }
  if (start >= now) notes.push(`The window is in the future (it starts ${span(start - now)} after now, ${describe(now, zone)}): no log line or sample can be in it yet`);
  else if (end > now + 60_000) notes.push(`The window ends ${span(end - now)} after now (${describe(now, zone)}): the part after now holds no data yet`);
  const window = { start, end };
  const b = options.baseline?.trim();
  if (b === undefined || b === '') return { window, baseline: checkRange({ start: start - (end - start), end: start }, names.baseline, options.since), notes };
  if (b === 'none') return { window, notes };
  const dots = b.indexOf('..');
  if (dots >= 0) {
    const bs = readTimePoint(b.slice(0, dots), names.baseline, now, zone);
    const be = readTimePoint(b.slice(dots + 2), names.baseline, now, zone);
    // Times of day in a baseline range: the latest start not after the window's start, then the first end after it.
    const baseStart = bs.kind === 'instant' ? bs.ms : latestOnOrBefore(bs, start, zone);
    let baseEnd = be.kind === 'instant' ? be.ms : be.on(localDate(baseStart, zone));
    if (be.kind === 'clock' && baseEnd <= baseStart) baseEnd = be.on(localDate(baseStart + DAY_MS, zone));
    if (baseEnd <= baseStart) throw badTime(`The baseline ${b} is empty: its end is not after its start`);
    return { window, baseline: { start: baseStart, end: baseEnd }, notes };
  }
  if (isBareNumber(b)) throw badTime(`Cannot read ${names.baseline} "${b}": a length needs a unit`, `write ${b}h for hours, ${b}m for minutes or ${b}d for days`);
  const d = parseDuration(b);
  if (!d.ok || d.value <= 0) {
    throw badTime(`Cannot read ${names.baseline} "${b}": ${d.ok ? 'the length must be positive' : d.reason}`, 'give a length such as 2h (just before the window), a range START..END, or none');
  }
  return { window, baseline: checkRange({ start: start - d.value * HOUR_MS, end: start }, names.baseline, b), notes };
}

/**
 * One point in time given as text (`name`: how messages call the option). Accepts `now`, `-30m` / `now-30m` (before now),
 * `HH:MM[:SS]` (today in the zone, or yesterday when that is still to come), ISO 8601 with or
 * without zone, and epoch seconds.
 */
export function parseTimePoint(text: string, name: string, now: number, zone: TimeZone): number {
  const p = readTimePoint(text, name, now, zone);
  if (p.kind === 'instant') return p.ms;
  const today = p.on(localDate(now, zone));
  return today > now ? p.on(localDate(now - DAY_MS, zone)) : today;
}

type TimePoint = { readonly kind: 'instant'; readonly ms: number } | { readonly kind: 'clock'; on(date: string): number };

function readTimePoint(text: string, name: string, now: number, zone: TimeZone): TimePoint {
  const t = text.trim();
  if (t === 'now') return { kind: 'instant', ms: now };
  const rel = /^(?:now)?\s*-\s*(.+)$/.exec(t);
  if (rel && !/^\d{4}-/.test(t)) {
    if (isBareNumber(rel[1]!)) throw badTime(`Cannot read ${name} "${text}": a duration needs a unit`, `write -${rel[1]!.trim()}m for minutes, -${rel[1]!.trim()}h for hours or -${rel[1]!.trim()}d for days`);
    const d = parseDuration(rel[1]!);
    if (!d.ok || d.value < 0) throw badTime(`Cannot read ${name} "${text}": ${d.ok ? 'negative duration' : d.reason}`, HINT);
    return { kind: 'instant', ms: inRange(now - d.value * HOUR_MS, name, text) };
  }
  const clockTime = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (clockTime) {
    const [h, m, s] = [Number(clockTime[1]), Number(clockTime[2]), Number(clockTime[3] ?? 0)];
    if (h > 23 || m > 59 || s > 59) throw badTime(`Cannot read ${name} "${text}": not a time of day`, HINT);
    const hms = `${String(h).padStart(2, '0')}:${clockTime[2]}:${String(s).padStart(2, '0')}`;
    return { kind: 'clock', on: (date) => readIsoTimestamp(`${date}T${hms}`, 0, zone)!.ms };
  }
  const iso = readIsoTimestamp(t, 0, zone);
  if (iso && iso.ms === INVALID_TIMESTAMP) throw badTime(`Cannot read ${name} "${text}": the date or time is out of range`, HINT);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(t) ? parseTimestampValue(`${t}T00:00:00`, zone) : undefined;
  const value = dateOnly ?? parseTimestampValue(t, zone);
  if (value === undefined) throw badTime(`Cannot read ${name} "${text}": not a time`, HINT);
  return { kind: 'instant', ms: inRange(value, name, text) };
}

/** The latest occurrence of a time of day at or before `limit`. */
function latestOnOrBefore(p: Extract<TimePoint, { kind: 'clock' }>, limit: number, zone: TimeZone): number {
  const same = p.on(localDate(limit, zone));
  return same <= limit ? same : p.on(localDate(limit - DAY_MS, zone));
}

function isBareNumber(text: string): boolean {
  return /^\s*[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text);
}

function inRange(ms: number, name: string, text: string): number {
  if (!Number.isFinite(ms) || ms < 0 || ms > LATEST_MS) throw badTime(`Cannot read ${name} "${text}": the time falls outside 1970–9999`, HINT);
  return ms;
}

function checkRange(range: TimeRange, name: string, text: string): TimeRange {
  inRange(range.start, name, text);
  return range;
}

/** "2026-11-22 10:05 UTC" in the zone. */
function describe(ms: number, zone: TimeZone): string {
  return `${localDate(ms, zone)} ${clock(ms, zone)} ${zone.name}`;
}

/** "10:05" (with seconds when they are not 0) in the zone. */
function clock(ms: number, zone: TimeZone): string {
  const wall = new Date(ms + (ms - zone.toUtc(ms))).toISOString();
  return wall.slice(11, wall.slice(17, 19) === '00' ? 16 : 19);
}

/** "15 min", "2 h 5 min", "3 d". */
function span(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${Math.max(1, min)} min`;
  if (min < 48 * 60) return min % 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${min / 60} h`;
  return `${Math.round(min / 1440)} d`;
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
  return new FtreeError({ code: 'BAD_TIME', severity: 'error', message, ...(hint ? { hint } : {}) });
}
