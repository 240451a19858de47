// The changes collector (evidence stage): reads the changes file once and returns its content
// (the changes, sorted by time) and the file it read (path and SHA-256).

import { readInputFile, type InputReader } from '../model/read-input-file.js';
import { readChanges, type ChangeLog } from './read-changes.js';
import { recordReads, type ReadFile } from './record-reads.js';
import type { TimeZone } from './time-zone.js';

export interface CollectedChanges {
  readonly changes: ChangeLog;
  readonly read: readonly ReadFile[];
}

export async function collectChanges(path: string, options: { zone: TimeZone; read?: InputReader }): Promise<CollectedChanges> {
  const read: ReadFile[] = [];
  const changes = await readChanges(path, options.zone, recordReads(options.read ?? readInputFile, 'changes', read));
  return { changes, read };
}
