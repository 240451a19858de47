// Reads the format and time of one log line cheaply (evidence stage): JSON objects (time, ts,
// timestamp, @timestamp; journald's __REALTIME_TIMESTAMP), logfmt, syslog RFC 3164/5424, Kubernetes
// CRI, klog, Common Log Format, and text starting with an ISO 8601 or epoch timestamp.

import type { LineContext, LineHead, LogFormat } from './log-record.js';
import { INVALID_TIMESTAMP, parseTimestampValue, readEpochTimestamp, readIsoTimestamp, readSyslogTimestamp } from './parse-timestamp.js';

/** Keys whose value is the time of a JSON line; the first of them in the object wins. */
export const JSON_TIME_KEYS: ReadonlySet<string> = new Set(['time', 'ts', 'timestamp', '@timestamp', '__REALTIME_TIMESTAMP']);
const LOGFMT_TIME_KEYS: ReadonlySet<string> = new Set(['time', 'ts', 't', 'timestamp']);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function head(format: LogFormat, time: number | undefined, body: number, malformed = false): LineHead {
  if (time === INVALID_TIMESTAMP) return { format, time: undefined, malformed: true, body };
  return { format, time, malformed, body };
}

export function readLineTime(line: string, ctx: LineContext): LineHead {
  const c = line.charCodeAt(0);
  if (c === 123) return readJsonHead(line, ctx); // {
  if (c >= 48 && c <= 57) return readDigitHead(line, ctx);
  if (c === 60) return readSyslogHead(line, ctx); // <
  if (c === 91) {
    // [2026-11-22T10:05:00Z] or [1700000000]
    const t = readIsoTimestamp(line, 1, ctx.zone) ?? readEpochTimestamp(line, 1);
    if (t && line.charCodeAt(t.end) === 93) return head('text', t.ms, skipSpaces(line, t.end + 1));
    return head('text', undefined, 0);
  }
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return readWordHead(line, ctx);
  return head('text', undefined, 0);
}

function skipSpaces(line: string, i: number): number {
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  return i;
}

function readDigitHead(line: string, ctx: LineContext): LineHead {
  const iso = readIsoTimestamp(line, 0, ctx.zone);
  if (iso) {
    // CRI: `<RFC 3339 nano> stdout|stderr F|P <content>`
    const s = iso.end;
    if (line.charCodeAt(s) === 32 && (line.startsWith('stdout ', s + 1) || line.startsWith('stderr ', s + 1))) {
      const tag = line.charCodeAt(s + 8);
      if ((tag === 70 || tag === 80) && (line.charCodeAt(s + 9) === 32 || s + 9 === line.length)) {
        const h = head('cri', iso.ms, Math.min(line.length, s + 10));
        return { ...h, stream: line.startsWith('stdout', s + 1) ? 'stdout' : 'stderr', partial: tag === 80 };
      }
    }
    return head('text', iso.ms, skipSpaces(line, iso.end));
  }
  const epoch = readEpochTimestamp(line, 0);
  if (epoch) return head('text', epoch.ms, skipSpaces(line, epoch.end));
  const clf = readClfTimestamp(line, ctx);
  if (clf !== undefined) return head('text', clf, 0);
  return head('text', undefined, 0);
}

/** `<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG` (RFC 5424) or `<PRI>Mmm dd hh:mm:ss HOST TAG: MSG` (RFC 3164). */
function readSyslogHead(line: string, ctx: LineContext): LineHead {
  const close = line.indexOf('>');
  if (close < 2 || close > 4 || !/^\d+$/.test(line.slice(1, close))) return head('text', undefined, 0);
  let i = close + 1;
  if (line.charCodeAt(i) >= 49 && line.charCodeAt(i) <= 57 && line.charCodeAt(i + 1) === 32) {
    i += 2;
    if (line.charCodeAt(i) === 45) return head('syslog', undefined, i + 2); // NILVALUE timestamp
    const t = readIsoTimestamp(line, i, ctx.zone);
    return t ? head('syslog', t.ms, t.end + 1) : head('syslog', undefined, i, true);
  }
  const t = readSyslogTimestamp(line, i, ctx.zone, ctx.referenceMs) ?? readIsoTimestamp(line, i, ctx.zone);
  return t ? head('syslog', t.ms, t.end + 1) : head('syslog', undefined, i, true);
}

function readWordHead(line: string, ctx: LineContext): LineHead {
  // syslog without PRI, as written to /var/log/syslog: `Nov 22 10:05:00 host app[12]: message`
  if (MONTHS.includes(line.slice(0, 3))) {
    const t = readSyslogTimestamp(line, 0, ctx.zone, ctx.referenceMs);
    if (t) return head('syslog', t.ms, t.end + 1);
  }
  // klog: `E1122 10:05:00.123456    1 controller.go:114] message`
  if (/^[IWEF]\d{4} \d{2}:\d{2}:\d{2}/.test(line)) {
    const year = new Date(ctx.referenceMs).getUTCFullYear();
    const stamp = `${year}-${line.slice(1, 3)}-${line.slice(3, 5)}T${line.slice(6, 21)}`;
    const t = readIsoTimestamp(stamp, 0, ctx.zone);
    if (t) return head('text', t.ms, 0);
  }
  // logfmt: `level=error ts=2026-11-22T10:05:00Z msg="…"`
  const eq = line.indexOf('=');
  if (eq > 0 && eq < 64 && /^[A-Za-z_@][\w.@-]*$/.test(line.slice(0, eq))) return readLogfmtHead(line, ctx);
  // A level word before the timestamp: `ERROR 2026-11-22 10:05:00,123 …` or `WARN [2026-…]`
  const word = /^[A-Z]{3,8}:?\s+\[?/.exec(line);
  if (word) {
    const t = readIsoTimestamp(line, word[0].length, ctx.zone);
    if (t) return head('text', t.ms, 0);
  }
  return head('text', undefined, 0);
}

function readLogfmtHead(line: string, ctx: LineContext): LineHead {
  let i = 0;
  const n = line.length;
  while (i < n) {
    i = skipSpaces(line, i);
    const eq = line.indexOf('=', i);
    if (eq < 0) break;
    const key = line.slice(i, eq);
    let end: number;
    let value: string;
    if (line.charCodeAt(eq + 1) === 34) {
      end = eq + 2;
      while (end < n && line.charCodeAt(end) !== 34) end += line.charCodeAt(end) === 92 ? 2 : 1;
      value = line.slice(eq + 2, end);
      end++;
    } else {
      end = line.indexOf(' ', eq);
      if (end < 0) end = n;
      value = line.slice(eq + 1, end);
    }
    if (LOGFMT_TIME_KEYS.has(key)) {
      const t = parseTimestampValue(value, ctx.zone);
      return t === undefined ? head('logfmt', undefined, 0, true) : head('logfmt', t, 0);
    }
    i = end;
  }
  return head('logfmt', undefined, 0);
}

/** `host - user [22/Nov/2026:10:05:00 +0100] "GET / HTTP/1.1" …` (Common and Combined Log Format). */
function readClfTimestamp(line: string, ctx: LineContext): number | undefined {
  const open = line.indexOf(' [');
  if (open < 0 || open > 80) return undefined;
  const m = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}:\d{2}:\d{2})(?: ([+-]\d{4}))?\]/.exec(line.slice(open + 2, open + 36));
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!) + 1;
  if (month === 0) return undefined;
  const iso = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]}T${m[4]}${m[5] ?? ''}`;
  const t = readIsoTimestamp(iso, 0, ctx.zone);
  return t && t.ms !== INVALID_TIMESTAMP ? t.ms : undefined;
}

/**
 * Walks the top-level keys of a JSON object up to the first time key, without building the object.
 * A line that does not end with `}` is malformed (often a line cut at the length limit).
 */
function readJsonHead(line: string, ctx: LineContext): LineHead {
  let last = line.length - 1;
  while (last > 0 && (line.charCodeAt(last) === 32 || line.charCodeAt(last) === 13 || line.charCodeAt(last) === 9)) last--;
  const closed = line.charCodeAt(last) === 125;
  const n = line.length;
  let i = 1;
  while (i < n) {
    i = skipWs(line, i);
    if (line.charCodeAt(i) !== 34) break;
    const keyEnd = stringEnd(line, i);
    if (keyEnd < 0) break;
    const key = line.slice(i + 1, keyEnd);
    i = skipWs(line, keyEnd + 1);
    if (line.charCodeAt(i) !== 58) break;
    i = skipWs(line, i + 1);
    const valueEnd = skipValue(line, i);
    if (valueEnd < 0) break;
    if (JSON_TIME_KEYS.has(key)) {
      // The common case, an ISO string, is read in place; anything else goes the general way.
      const iso = line.charCodeAt(i) === 34 ? readIsoTimestamp(line, i + 1, ctx.zone) : undefined;
      const format = key === '__REALTIME_TIMESTAMP' ? 'journald' : 'json';
      if (iso && iso.end === valueEnd - 1) return head(format, iso.ms, 0, !closed);
      const raw = line.slice(i, valueEnd);
      const value = raw.charCodeAt(0) === 34 ? raw.slice(1, -1) : Number(raw);
      const t = parseTimestampValue(value, ctx.zone);
      return t === undefined ? head(format, undefined, 0, true) : head(format, t, 0, !closed);
    }
    i = skipWs(line, valueEnd);
    if (line.charCodeAt(i) !== 44) break;
    i++;
  }
  return head('json', undefined, 0, !closed);
}

function skipWs(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return i;
    i++;
  }
}

/** Index of the closing quote of the string opening at `i`, or -1. */
function stringEnd(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34) return j;
  }
  return -1;
}

/** Index just after the JSON value starting at `i`, or -1 when it does not end. */
function skipValue(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 34) {
    const e = stringEnd(s, i);
    return e < 0 ? -1 : e + 1;
  }
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const d = s.charCodeAt(j);
      if (d === 34) {
        j = stringEnd(s, j);
        if (j < 0) return -1;
      } else if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return -1;
  }
  let j = i;
  while (j < s.length) {
    const d = s.charCodeAt(j);
    if (d === 44 || d === 125 || d === 32 || d === 93) break;
    j++;
  }
  return j > i ? j : -1;
}

/** Where the value of the first of `keys` at the top level of a JSON object line lies, if anywhere. */
export function findJsonValue(line: string, keys: ReadonlySet<string>): { key: string; start: number; end: number } | undefined {
  const n = line.length;
  let i = 1;
  while (i < n) {
    i = skipWs(line, i);
    if (line.charCodeAt(i) !== 34) return undefined;
    const keyEnd = stringEnd(line, i);
    if (keyEnd < 0) return undefined;
    const key = line.slice(i + 1, keyEnd);
    i = skipWs(line, keyEnd + 1);
    if (line.charCodeAt(i) !== 58) return undefined;
    i = skipWs(line, i + 1);
    const valueEnd = skipValue(line, i);
    if (valueEnd < 0) return undefined;
    if (keys.has(key)) return { key, start: i, end: valueEnd };
    i = skipWs(line, valueEnd);
    if (line.charCodeAt(i) !== 44) return undefined;
    i++;
  }
  return undefined;
}
