// A team's incident history for `ftree calibrate` (evidence stage): JSON lines or CSV, one incident
// a record naming its root-cause event(s), when it began and how long it lasted (and, optionally, its
// logs and metrics), and the period the history covers. Records that cannot be read are kept with the reason, never dropped silently.

import { dirname, isAbsolute, join } from 'node:path';
import { FtreeError } from '../model/diagnostic.js';
import { parseDuration } from '../model/units.js';
import { splitCsvLine } from './parse-metric-csv.js';
import { parseTimestampValue } from './parse-timestamp.js';
import type { TimeZone } from './time-zone.js';
import { readInputText } from '../model/read-input-file.js';

export interface IncidentRecord {
  /** 1-based line in the file. */
  readonly line: number;
  /** Root-cause event ids, as written. */
  readonly events: readonly string[];
  /** Start, ms since the epoch. */
  readonly start: number;
  /** How long it lasted, in hours, when the record says. */
  readonly durationHours?: number;
  /** Log and metric files or folders of the incident (relative paths joined to the history's folder), for replaying the evidence. */
  readonly logs?: readonly string[];
  readonly metrics?: readonly string[];
}

export interface HistoryPeriod {
  readonly start: number;
  readonly end: number;
}

export interface IncidentHistory {
  readonly file: string;
  /** The period the history covers: its own statement, when it has one. */
  readonly period?: HistoryPeriod;
  readonly records: readonly IncidentRecord[];
  /** Records that could not be read, with the reason. */
  readonly unreadable: readonly { readonly line: number; readonly reason: string }[];
}

/**
 * JSON lines: `{"events": ["db_lock"], "start": "2026-03-01T10:00:00Z", "duration": "45m"}` (or
 * `event`, `time`, `end`), and one line `{"period": {"start": …, "end": …}}`. CSV: a header with
 * `events` (several joined by `;`), `start`, `end` or `duration`, and a line `# period: START..END`.
 */
export async function readIncidentHistory(file: string, zone: TimeZone): Promise<IncidentHistory> {
  const text = await readInputText(file);
  return parseIncidentHistory(text, file, zone);
}

export function parseIncidentHistory(text: string, file: string, zone: TimeZone): IncidentHistory {
  const lines = text.split(/\r?\n/);
  const records: IncidentRecord[] = [];
  const unreadable: { line: number; reason: string }[] = [];
  let period: HistoryPeriod | undefined;
  const setPeriod = (value: unknown, line: number): void => {
    const p = readPeriod(value, zone);
    if (typeof p === 'string') unreadable.push({ line, reason: p });
    else period = p;
  };
  const paths = (value: unknown): string[] | undefined => {
    const list = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(';') : []).map((p) => String(p).trim()).filter((p) => p !== '');
    return list.length > 0 ? list.map((p) => (isAbsolute(p) ? p : join(dirname(file), p))) : undefined;
  };
  const add = (line: number, fields: { events: unknown; start: unknown; end: unknown; duration: unknown; logs?: unknown; metrics?: unknown }): void => {
    const events = (Array.isArray(fields.events) ? fields.events : typeof fields.events === 'string' ? fields.events.split(';') : [])
      .map((e) => String(e).trim())
      .filter((e) => e !== '');
    if (events.length === 0) return void unreadable.push({ line, reason: 'no root-cause event' });
    const start = parseTime(fields.start, zone);
    if (start === undefined) return void unreadable.push({ line, reason: `no readable start time: ${JSON.stringify(fields.start ?? null)}` });
    let durationHours: number | undefined;
    if (fields.end !== undefined && fields.end !== '') {
      const end = parseTime(fields.end, zone);
      if (end === undefined || end < start) return void unreadable.push({ line, reason: `an end time that cannot be read or comes before the start: ${JSON.stringify(fields.end)}` });
      durationHours = (end - start) / 3_600_000;
    } else if (fields.duration !== undefined && fields.duration !== '') {
      const d = typeof fields.duration === 'number' || typeof fields.duration === 'string' ? parseDuration(fields.duration) : undefined;
      if (!d?.ok || d.value < 0) return void unreadable.push({ line, reason: `a duration that cannot be read: ${JSON.stringify(fields.duration)}` });
      durationHours = d.value;
    }
    const logs = paths(fields.logs);
    const metrics = paths(fields.metrics);
    records.push({ line, events, start, ...(durationHours !== undefined ? { durationHours } : {}), ...(logs ? { logs } : {}), ...(metrics ? { metrics } : {}) });
  };

  const firstData = lines.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
  const json = firstData >= 0 && lines[firstData]!.trimStart().startsWith('{');
  let header: string[] | undefined;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (text === '') return;
    const comment = /^#\s*period\s*:\s*(.*)$/i.exec(text);
    if (comment) return setPeriod(comment[1], line);
    if (text.startsWith('#')) return;
    if (json) {
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return void unreadable.push({ line, reason: 'not a JSON object' });
      }
      if (o === null || typeof o !== 'object' || Array.isArray(o)) return void unreadable.push({ line, reason: 'not a JSON object' });
      if ('period' in o) return setPeriod(o['period'], line);
      return add(line, { events: o['events'] ?? o['event'] ?? o['root_cause'] ?? o['root_causes'], start: o['start'] ?? o['time'], end: o['end'], duration: o['duration'], logs: o['logs'], metrics: o['metrics'] });
    }
    const cells = splitCsvLine(raw).map((c) => c.trim());
    if (!header) {
      header = cells.map((c) => c.toLowerCase());
      if (!header.some((h) => ['events', 'event', 'root_cause'].includes(h)) || !header.some((h) => ['start', 'time'].includes(h))) {
        throw new FtreeError({ code: 'FILE_UNREADABLE', severity: 'error', message: `Cannot read ${file}: the CSV header needs an events column and a start column`, hint: 'columns: events, start, end or duration' });
      }
      return;
    }
    const cell = (...names: string[]): string | undefined => {
      const k = header!.findIndex((h) => names.includes(h));
      return k >= 0 ? cells[k] : undefined;
    };
    add(line, { events: cell('events', 'event', 'root_cause'), start: cell('start', 'time'), end: cell('end'), duration: cell('duration'), logs: cell('logs'), metrics: cell('metrics') });
  });
  return { file, records, unreadable, ...(period ? { period } : {}) };
}

/** `START..END`, or `{start, end}`: the period a history covers. A string is the reason it cannot be read. */
export function readPeriod(value: unknown, zone: TimeZone): HistoryPeriod | string {
  let start: unknown;
  let end: unknown;
  if (typeof value === 'string' && value.includes('..')) [start, end] = value.split('..').map((s) => s.trim());
  else if (value !== null && typeof value === 'object') ({ start, end } = value as { start?: unknown; end?: unknown });
  else return `a period is START..END or {"start": …, "end": …}, not ${JSON.stringify(value)}`;
  const s = parseTime(start, zone);
  const e = parseTime(end, zone);
  if (s === undefined || e === undefined) return `a period whose start or end cannot be read: ${JSON.stringify(value)}`;
  if (!(e > s)) return `a period that ends before it starts: ${JSON.stringify(value)}`;
  return { start: s, end: e };
}

/** A timestamp value, or a date alone (midnight in the zone). */
function parseTime(value: unknown, zone: TimeZone): number | undefined {
  if (typeof value === 'string' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value)) return parseTimestampValue(`${value.trim()}T00:00:00`, zone);
  return parseTimestampValue(value, zone);
}
