// The log collector (evidence stage): one pass over every log source for all log signals,
// returning the scan and the files it read (path and SHA-256, recorded while scanning).

import type { CompiledLogSignal } from './compile-log-signal.js';
import type { LogSource } from './list-log-sources.js';
import { recordLogReads, type ReadFile } from './record-reads.js';
import { scanLogs, type LogScanOptions, type LogScanResult } from './scan-logs.js';

export interface CollectedLogs {
  /** Undefined when no log source was given. */
  readonly scan?: LogScanResult;
  readonly read: readonly ReadFile[];
}

export async function collectLogs(sources: readonly LogSource[] | undefined, signals: readonly CompiledLogSignal[], options: LogScanOptions): Promise<CollectedLogs> {
  if (!sources || sources.length === 0) return { read: [] };
  const read: ReadFile[] = [];
  const scan = await scanLogs(sources.map((s) => recordLogReads(s, read)), signals, options);
  return { scan, read };
}
