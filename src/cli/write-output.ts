// Writes a command's output file (cli stage): never over an existing file unless forced, and
// atomically — a temporary file beside the target, then a rename — so a crash leaves no half file.

import { randomBytes } from 'node:crypto';
import { lstat, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FtreeError } from '../model/diagnostic.js';
import { registerTempFile, releaseTempFile } from './temp-files.js';

export interface WriteOutputOptions {
  /** Replace an existing file. */
  readonly force?: boolean;
}

/** No `-o`, or `-o -`: the command writes to standard output. */
export function isStandardOutput(path: string | undefined): path is undefined | '-' {
  return path === undefined || path === '-';
}

/** A command's output: to standard output (no `-o`, or `-o -`), else to the file as writeOutputFile does; true when a file was written. */
export async function writeOutput(path: string | undefined, content: string, options: WriteOutputOptions = {}): Promise<boolean> {
  if (isStandardOutput(path)) {
    process.stdout.write(content);
    return false;
  }
  await writeOutputFile(path, content, options);
  return true;
}

export async function writeOutputFile(path: string, content: string, options: WriteOutputOptions = {}): Promise<void> {
  if (!options.force && (await exists(path))) {
    throw new FtreeError(
      { code: 'OUTPUT_EXISTS', severity: 'error', message: `${path} already exists`, hint: 'pass --force to replace it, or choose another file with -o' }
    );
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  registerTempFile(temp);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await rename(temp, path);
    releaseTempFile(temp);
  } catch (e) {
    await rm(temp, { force: true });
    releaseTempFile(temp);
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ENOENT' ? 'the folder does not exist' : err.code === 'EACCES' ? 'permission denied' : err.code === 'ENOSPC' ? 'no space left on the device' : err.message;
    throw new FtreeError({ code: 'OUTPUT_UNWRITABLE', severity: 'error', message: `Cannot write ${path}: ${reason}` });
  }
}

/** Whether anything is at `path`, a dangling symbolic link included (lstat, not access). */
async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
