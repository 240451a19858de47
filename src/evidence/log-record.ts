// The shapes of one log line as the readers see it (evidence stage): the cheap head read from every
// line (format and time), and the full record parsed from lines inside the window or the baseline.

import type { TimeZone } from './time-zone.js';

export type LogFormat = 'json' | 'journald' | 'logfmt' | 'syslog' | 'cri' | 'text';

/** What a reader needs to place a line in time. */
export interface LineContext {
  /** Zone of timestamps written without one. */
  readonly zone: TimeZone;
  /** Syslog (RFC 3164) and klog lines have no year: the one nearest this instant is used. */
  readonly referenceMs: number;
}

/** The cheap part of a line, read from every line: format, time, where the message starts. */
export interface LineHead {
  readonly format: LogFormat;
  /** Epoch ms; undefined when the line carries no time (a stack-trace line). */
  readonly time: number | undefined;
  /** The line looked structured or timed but could not be read (bad JSON, month 13). */
  readonly malformed: boolean;
  /** Index of the message in the line (text, syslog, CRI). */
  readonly body: number;
  /** CRI lines: the stream and whether the line is a partial one (tag P) to join with the next. */
  readonly stream?: 'stdout' | 'stderr';
  readonly partial?: boolean;
}

/** A line fully read: message, level, structured fields. */
export interface LogRecord {
  readonly message: string;
  readonly level?: string;
  /** Structured fields (JSON flattened with dots, logfmt, journald, syslog header parts). */
  readonly fields?: ReadonlyMap<string, string>;
  /** JSON or logfmt (directly or inside a CRI line): patterns test the message and field values. */
  readonly structured?: boolean;
  /** JSON that did not parse, though its time could be read. */
  readonly malformed?: boolean;
}
