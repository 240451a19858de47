// Timestamps in log lines and data files (evidence stage): ISO 8601 / RFC 3339, `YYYY-MM-DD HH:MM:SS`,
// `YYYY/MM/DD HH:MM:SS`, syslog's `Mmm dd HH:MM:SS` (no year), and epoch seconds/ms/µs/ns by magnitude.
// Hand-written digit parsing: this runs once per log line.

import type { TimeZone } from './time-zone.js';

/** A timestamp read at a position of a text: epoch milliseconds and the index just after it. */
export interface TimestampMatch {
  readonly ms: number;
  readonly end: number;
}

/** Returned when the text has the shape of a timestamp but impossible values (month 13). */
export const INVALID_TIMESTAMP = -1;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function digits(text: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = digit(text, i + k);
    if (d < 0) return -1;
    v = v * 10 + d;
  }
  return v;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS[month - 1] ?? 31;
}

/** Date.UTC of the last minute asked for: log lines come in runs of the same minute. */
let cachedMinuteKey = -1;
let cachedMinuteMs = 0;

function minuteUtc(year: number, month: number, day: number, hour: number, minute: number): number {
  const key = ((((year * 13 + month) * 32 + day) * 24 + hour) * 60) + minute;
  if (key !== cachedMinuteKey) {
    cachedMinuteKey = key;
    cachedMinuteMs = Date.UTC(year, month - 1, day, hour, minute);
  }
  return cachedMinuteMs;
}

/**
 * Reads `YYYY-MM-DD[T ]HH:MM[:SS[.frac]][zone]` (also `/` as date separator) at `pos`. The zone is
 * `Z`, `±HH:MM`, `±HHMM`, `±HH`, ` UTC` or ` GMT`; without one, `zone` decides. Returns undefined
 * when the text does not have this shape, INVALID_TIMESTAMP as `ms` when values are out of range.
 */
export function readIsoTimestamp(text: string, pos: number, zone: TimeZone): TimestampMatch | undefined {
  const year = digits(text, pos, 4);
  if (year < 0) return undefined;
  const sep = text.charCodeAt(pos + 4);
  if ((sep !== 45 && sep !== 47) || text.charCodeAt(pos + 7) !== sep) return undefined; // - or /
  const month = digits(text, pos + 5, 2);
  const day = digits(text, pos + 8, 2);
  const t = text.charCodeAt(pos + 10);
  if (month < 0 || day < 0 || (t !== 84 && t !== 32 && t !== 116)) return undefined; // T, space, t
  const hour = digits(text, pos + 11, 2);
  if (hour < 0 || text.charCodeAt(pos + 13) !== 58) return undefined;
  const minute = digits(text, pos + 14, 2);
  if (minute < 0) return undefined;
  let i = pos + 16;
  let second = 0;
  let fraction = 0;
  if (text.charCodeAt(i) === 58) {
    second = digits(text, i + 1, 2);
    if (second < 0) return undefined;
    i += 3;
    const dot = text.charCodeAt(i);
    if ((dot === 46 || dot === 44) && digit(text, i + 1) >= 0) {
      i++;
      let scale = 100;
      while (true) {
        const d = digit(text, i);
        if (d < 0) break;
        fraction += d * scale;
        scale /= 10;
        i++;
      }
    }
  }
  let offsetMs: number | undefined;
  const z = text.charCodeAt(i);
  if (z === 90 || z === 122) {
    offsetMs = 0;
    i++;
  } else if (z === 43 || z === 45) {
    const oh = digits(text, i + 1, 2);
    if (oh >= 0) {
      let om = 0;
      let j = i + 3;
      if (text.charCodeAt(j) === 58 && digits(text, j + 1, 2) >= 0) {
        om = digits(text, j + 1, 2);
        j += 3;
      } else if (digits(text, j, 2) >= 0 && digit(text, j + 2) < 0) {
        om = digits(text, j, 2);
        j += 2;
      }
      if (oh <= 18 && om <= 59) {
        offsetMs = (z === 45 ? -1 : 1) * (oh * 3_600_000 + om * 60_000);
        i = j;
      }
    }
  } else if (z === 32 && isUtcWord(text, i + 1)) {
    offsetMs = 0;
    i += 4;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) {
    return { ms: INVALID_TIMESTAMP, end: i };
  }
  const wall = minuteUtc(year, month, day, hour, minute) + Math.min(second, 59) * 1000 + Math.floor(fraction);
  return { ms: offsetMs === undefined ? zone.toUtc(wall) : wall - offsetMs, end: i };
}

/** ` UTC` or ` GMT` after a time, not followed by a letter or digit. */
function isUtcWord(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  if (a !== 85 && a !== 71) return false; // U, G
  const word = text.slice(i, i + 3);
  if (word !== 'UTC' && word !== 'GMT') return false;
  const next = text.charCodeAt(i + 3);
  return !((next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122));
}

/**
 * Reads syslog's `Mmm dd HH:MM:SS` (RFC 3164, day padded with a space or a zero) at `pos`. The year
 * is not written: the one that puts the time nearest `referenceMs` (the window's end) is chosen.
 */
export function readSyslogTimestamp(text: string, pos: number, zone: TimeZone, referenceMs: number): TimestampMatch | undefined {
  const month = MONTHS.indexOf(text.slice(pos, pos + 3).toLowerCase());
  if (month < 0 || text.charCodeAt(pos + 3) !== 32) return undefined;
  let i = pos + 4;
  if (text.charCodeAt(i) === 32) i++;
  let day = digit(text, i);
  if (day < 0) return undefined;
  i++;
  const d2 = digit(text, i);
  if (d2 >= 0) {
    day = day * 10 + d2;
    i++;
  }
  if (text.charCodeAt(i) !== 32) return undefined;
  const hour = digits(text, i + 1, 2);
  const minute = digits(text, i + 4, 2);
  const second = digits(text, i + 7, 2);
  if (hour < 0 || minute < 0 || second < 0 || text.charCodeAt(i + 3) !== 58 || text.charCodeAt(i + 6) !== 58) return undefined;
  i += 9;
  let fraction = 0;
  if (text.charCodeAt(i) === 46 && digit(text, i + 1) >= 0) {
    i++;
    let scale = 100;
    for (let d = digit(text, i); d >= 0; d = digit(text, ++i)) {
      fraction += d * scale;
      scale /= 10;
    }
  }
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return { ms: INVALID_TIMESTAMP, end: i };
  const refYear = new Date(referenceMs).getUTCFullYear();
  let best = INVALID_TIMESTAMP;
  for (const year of [refYear - 1, refYear, refYear + 1]) {
    if (day > daysInMonth(year, month + 1)) continue;
    const ms = zone.toUtc(Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) + Math.floor(fraction));
    if (best === INVALID_TIMESTAMP || Math.abs(ms - referenceMs) < Math.abs(best - referenceMs)) best = ms;
  }
  return { ms: best, end: i };
}

/** Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude. */
export function epochToMs(value: number): number {
  const abs = Math.abs(value);
  if (abs < 1e11) return value * 1000;
  if (abs < 1e14) return value;
  if (abs < 1e17) return value / 1000;
  return value / 1e6;
}

/**
 * Reads an epoch number written as 10, 13, 16 or 19 digits (seconds may carry a fraction) at `pos`,
 * ended by a non-digit. Other lengths are not taken for times: they are more likely ids or counts.
 */
export function readEpochTimestamp(text: string, pos: number): TimestampMatch | undefined {
  let i = pos;
  while (digit(text, i) >= 0) i++;
  const n = i - pos;
  if (n !== 10 && n !== 13 && n !== 16 && n !== 19) return undefined;
  let end = i;
  if (n === 10 && text.charCodeAt(i) === 46 && digit(text, i + 1) >= 0) {
    end = i + 1;
    while (digit(text, end) >= 0) end++;
  }
  const c = text.charCodeAt(end);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return undefined;
  if (n === 19) {
    // Nanoseconds exceed a double's exact range: keep the millisecond part.
    return { ms: Number(text.slice(pos, pos + 13)), end };
  }
  return { ms: epochToMs(Number(text.slice(pos, end))), end };
}

/**
 * A timestamp given as a whole value (a JSON field, a CSV cell, a command-line option): epoch
 * number (by magnitude), numeric string, or an ISO / RFC 3339 / `YYYY-MM-DD HH:MM:SS` string.
 * Returns undefined when it is none of these, or outside the range of a Date (±8.64e15 ms).
 */
export function parseTimestampValue(value: unknown, zone: TimeZone): number | undefined {
  const ms = readTimestampValue(value, zone);
  return ms !== undefined && Math.abs(ms) <= MAX_DATE_MS ? ms : undefined;
}

/** The largest time a Date holds, in ms from the epoch: 1e308 seconds is no time. */
export const MAX_DATE_MS = 8.64e15;

function readTimestampValue(value: unknown, zone: TimeZone): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? epochToMs(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    if (text.length >= 18 && !text.includes('.')) return Number(text.slice(0, text.length - 6));
    const n = Number(text);
    return n > 0 ? epochToMs(n) : undefined;
  }
  const m = readIsoTimestamp(text, 0, zone);
  if (!m || m.ms === INVALID_TIMESTAMP || m.end !== text.length) return undefined;
  return m.ms;
}

