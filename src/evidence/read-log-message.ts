// The message of a log line alone, for template mining (evidence stage). JSON lines skip JSON.parse
// when the message is a plain string: the key is found in place and the value sliced out.

import type { LineContext, LineHead } from './log-record.js';
import { parseLogRecord } from './parse-log-record.js';
import { findJsonValue } from './read-line-time.js';

const MESSAGE_KEYS: ReadonlySet<string> = new Set(['msg', 'message', 'log', 'MESSAGE']);

/** The message, or undefined when the line is malformed (such lines are not mined). */
export function readLogMessage(line: string, head: LineHead, ctx: LineContext): string | undefined {
  if (head.format === 'json' || head.format === 'journald') {
    const v = findJsonValue(line, MESSAGE_KEYS);
    if (v && line.charCodeAt(v.start) === 34 && line.charCodeAt(v.start + 1) !== 123) {
      const raw = line.slice(v.start + 1, v.end - 1);
      if (!raw.includes('\\')) return raw;
      try {
        return (JSON.parse(line.slice(v.start, v.end)) as string).replace(/\r?\n$/, '');
      } catch {
        return undefined;
      }
    }
  }
  // A text line's message is its body: parseTextRecord would only add the level.
  if (head.format === 'text') return head.body > 0 ? line.slice(head.body) : line;
  const record = parseLogRecord(line, head, ctx);
  return record.malformed ? undefined : record.message;
}
