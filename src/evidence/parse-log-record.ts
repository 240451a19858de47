// Reads the message, level and fields of a log line whose head is known (evidence stage). Runs only
// for lines inside the window or the baseline: the costly parts (JSON.parse) stay off the hot path.

import type { LineContext, LineHead, LogRecord } from './log-record.js';
import { readLineTime } from './read-line-time.js';

const MESSAGE_KEYS = ['msg', 'message', 'log', 'MESSAGE'];
const LEVEL_KEYS = ['level', 'severity', 'lvl', 'PRIORITY'];
const JOURNALD_LEVELS = ['emerg', 'alert', 'crit', 'error', 'warning', 'notice', 'info', 'debug'];
const TEXT_LEVEL = /^\[?(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|PANIC|SEVERE)\]?(?=[\s:]|$)/i;
const MAX_DEPTH = 3;

export function parseLogRecord(line: string, lineHead: LineHead, ctx: LineContext): LogRecord {
  switch (lineHead.format) {
    case 'json':
    case 'journald':
      return parseJsonRecord(line);
    case 'logfmt':
      return parseLogfmtRecord(line);
    case 'syslog':
      return parseSyslogRecord(line, lineHead);
    case 'cri':
      return parseCriRecord(line, lineHead, ctx);
    default:
      return parseTextRecord(line, lineHead.body);
  }
}

function parseTextRecord(line: string, body: number): LogRecord {
  const message = body > 0 ? line.slice(body) : line;
  const m = TEXT_LEVEL.exec(message);
  if (!m) return { message };
  const level = m[1]!.toLowerCase();
  return { message, level, fields: new Map([['level', level]]) };
}

function parseJsonRecord(line: string): LogRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { message: line, malformed: true };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { message: line, malformed: true };
  const fields = new Map<string, string>();
  flatten(value as Record<string, unknown>, '', fields, 0);
  let message: string | undefined;
  for (const k of MESSAGE_KEYS) {
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === 'string') {
      message = v.replace(/\r?\n$/, '');
      break;
    }
    if (Array.isArray(v) && v.every((b) => typeof b === 'number')) {
      // journald writes non-UTF-8 messages as arrays of bytes
      message = Buffer.from(v as number[]).toString('utf8');
      break;
    }
  }
  // Docker's json-file wraps an application's JSON line in "log": read the inner one too.
  if (message !== undefined && message.charCodeAt(0) === 123 && (value as Record<string, unknown>)['log'] === message + '\n') {
    const inner = parseJsonRecord(message);
    if (!inner.malformed) {
      for (const [k, v] of inner.fields ?? []) if (!fields.has(k)) fields.set(k, v);
      return { message: inner.message, ...levelOf(fields, inner.level), fields, structured: true };
    }
  }
  return { message: message ?? line, ...levelOf(fields), fields, structured: true };
}

function levelOf(fields: Map<string, string>, known?: string): { level?: string } {
  if (known) return { level: known };
  for (const k of LEVEL_KEYS) {
    const v = fields.get(k);
    if (v === undefined) continue;
    if (k === 'PRIORITY') return { level: JOURNALD_LEVELS[Number(v)] ?? v };
    return { level: v.toLowerCase() };
  }
  return {};
}

function flatten(obj: Record<string, unknown>, prefix: string, out: Map<string, string>, depth: number): void {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix + k;
    if (v === null || v === undefined) continue;
    if (typeof v === 'object' && !Array.isArray(v)) {
      if (depth < MAX_DEPTH) flatten(v as Record<string, unknown>, `${key}.`, out, depth + 1);
    } else if (typeof v === 'string') out.set(key, v);
    else if (typeof v === 'number' || typeof v === 'boolean') out.set(key, String(v));
    else out.set(key, stringifyNested(v));
  }
}

/** An array as JSON text; one nested too deeply for JSON.stringify (thousands of levels) as `[…]`. */
function stringifyNested(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return '[…]';
  }
}

function parseLogfmtRecord(line: string): LogRecord {
  const fields = new Map<string, string>();
  const re = /([^\s=]+)=("(?:[^"\\]|\\.)*"|\S*)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const raw = m[2]!;
    fields.set(m[1]!, raw.startsWith('"') ? unquote(raw) : raw);
  }
  const message = fields.get('msg') ?? fields.get('message') ?? line;
  return { message, ...levelOf(fields), fields, structured: true };
}

function unquote(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** Header parts become fields: host, app, pid (and msgid for RFC 5424). */
function parseSyslogRecord(line: string, lineHead: LineHead): LogRecord {
  const rest = line.slice(lineHead.body);
  const fields = new Map<string, string>();
  const is5424 = /^<\d{1,3}>\d /.test(line);
  let message = rest;
  if (is5424) {
    // HOST APP PROCID MSGID STRUCTURED-DATA MSG
    const m = /^(\S+) (\S+) (\S+) (\S+) (-|(?:\[(?:[^\]\\]|\\.)*\])+) ?/.exec(rest);
    if (m) {
      for (const [k, v] of [['host', m[1]], ['app', m[2]], ['pid', m[3]], ['msgid', m[4]]] as const) if (v !== '-') fields.set(k, v!);
      message = rest.slice(m[0].length).replace(/^\uFEFF/, '');
    }
  } else {
    const m = /^(\S+) ([^\s:[]+)(?:\[(\d+)\])?: ?/.exec(rest);
    if (m) {
      fields.set('host', m[1]!);
      fields.set('app', m[2]!);
      if (m[3]) fields.set('pid', m[3]);
      message = rest.slice(m[0].length);
    }
  }
  const pri = /^<(\d{1,3})>/.exec(line);
  if (pri) {
    const level = JOURNALD_LEVELS[Number(pri[1]) % 8]!;
    fields.set('level', level);
    return { message, level, fields };
  }
  return { message, fields };
}

/** The content of a CRI line is itself a log line (often JSON): read it, and add the stream. */
function parseCriRecord(line: string, lineHead: LineHead, ctx: LineContext): LogRecord {
  const content = line.slice(lineHead.body);
  const inner = parseLogRecord(content, readLineTime(content, ctx), ctx);
  const fields = new Map(inner.fields ?? []);
  if (lineHead.stream) fields.set('stream', lineHead.stream);
  return { ...inner, fields };
}
