// Deploys and config pushes from a changes file (evidence stage): JSON lines
// `{"time": …, "service": …, "kind": …, "description": …}` or CSV with a header naming the same
// columns. Rows without a readable time are skipped and counted; an unreadable file is exit 2.

import { FtreeError } from '../model/diagnostic.js';
import { INPUT_LIMITS, readInputFile, readInputText, type InputReader } from '../model/read-input-file.js';
import { splitCsvLine } from './parse-metric-csv.js';
import { parseTimestampValue } from './parse-timestamp.js';
import type { TimeZone } from './time-zone.js';

export interface Change {
  readonly time: number;
  readonly service: string;
  readonly kind: string;
  readonly description: string;
}

export interface ChangeLog {
  readonly file: string;
  readonly changes: readonly Change[];
  readonly skipped: number;
}

/** Reads and parses `file` (through `read`, readInputFile by default). */
export async function readChanges(file: string, zone: TimeZone, read: InputReader = readInputFile): Promise<ChangeLog> {
  const text = await readInputText(file, file, INPUT_LIMITS.changesBytes, read);
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const changes: Change[] = [];
  let skipped = 0;
  const add = (time: unknown, service: unknown, kind: unknown, description: unknown): void => {
    const t = parseTimestampValue(time, zone);
    if (t === undefined) {
      skipped++;
      return;
    }
    changes.push({ time: t, service: str(service), kind: str(kind), description: str(description) });
  };
  if (lines[0]?.trimStart().startsWith('{')) {
    for (const line of lines) {
      try {
        const o = JSON.parse(line) as Record<string, unknown>;
        add(o['time'] ?? o['timestamp'] ?? o['ts'], o['service'], o['kind'] ?? o['type'], o['description'] ?? o['message'] ?? o['summary']);
      } catch {
        skipped++;
      }
    }
  } else if (lines.length > 0) {
    const header = splitCsvLine(lines[0]!).map((h) => h.trim().toLowerCase());
    const col = (...names: string[]): number => header.findIndex((h) => names.includes(h));
    const [t, s, k, d] = [col('time', 'timestamp', 'ts'), col('service'), col('kind', 'type'), col('description', 'message', 'summary')];
    if (t < 0) throw new FtreeError({ code: 'FILE_UNREADABLE', severity: 'error', message: `Cannot read ${file}: the CSV header has no time column`, hint: 'columns: time, service, kind, description' });
    for (const line of lines.slice(1)) {
      const cells = splitCsvLine(line);
      add(cells[t], s >= 0 ? cells[s] : '', k >= 0 ? cells[k] : '', d >= 0 ? cells[d] : '');
    }
  }
  changes.sort((a, b) => a.time - b.time);
  return { file, changes, skipped };
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v).trim();
}
