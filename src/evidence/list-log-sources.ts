// Log sources named on the command line (evidence stage): files (plain or gzip), folders searched
// recursively (hidden entries skipped, files in name order), and `-` for standard input.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { FtreeError } from '../model/diagnostic.js';
import { checkRegularFile } from '../model/read-input-file.js';
import { describeFsError, walkFolder } from './walk-folder.js';

export interface LogSource {
  /** The path as given, or `-` for standard input. */
  readonly name: string;
  open(): AsyncIterable<Buffer | string>;
}

export interface ListLogSourcesOptions {
  /** The stream read for `-` (the CLI passes process.stdin). */
  readonly stdin?: AsyncIterable<Buffer | string>;
}

const CHUNK = 1024 * 1024;

/** Expands paths into sources; an unreadable path is a usage error (exit 2) before any reading starts. */
export async function listLogSources(paths: readonly string[], options: ListLogSourcesOptions = {}): Promise<LogSource[]> {
  const out: LogSource[] = [];
  for (const path of paths) {
    if (path === '-') {
      const stdin = options.stdin;
      if (!stdin) throw unreadable(path, 'standard input is not available');
      out.push({ name: '-', open: () => stdin });
      continue;
    }
    for (const file of await expand(path)) out.push({ name: file, open: () => createReadStream(file, { highWaterMark: CHUNK }) });
  }
  return out;
}

async function expand(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw unreadable(path, describeFsError(e));
  }
  try {
    checkRegularFile(info, { folders: true });
  } catch (e) {
    throw unreadable(path, (e as Error).message);
  }
  return info.isFile() ? [path] : walkFolder(path, unreadable);
}

function unreadable(path: string, why: string): FtreeError {
  return new FtreeError({ code: 'FILE_UNREADABLE', severity: 'error', message: `Cannot read ${path}: ${why}` });
}
