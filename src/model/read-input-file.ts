// ftree's input-file policy in one place (model stage): regular files only, opened without
// blocking and read up to a size cap; files a tree names must lie inside the tree's own folder.
// docs/decisions.md, "Hostile input", explains the policy.

import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { FtreeError } from './diagnostic.js';

const MIB = 1024 * 1024;

/** The size caps on every input, in bytes. */
export const INPUT_LIMITS = {
  /** A YAML tree file (and each file it transfers into). */
  treeBytes: 5 * MIB,
  /** An Open-PSA MEF file (and each file it includes). */
  mefBytes: 64 * MIB,
  /** A metric file, and its content once decompressed. */
  metricBytes: 256 * MIB,
  /** A changes file, an incident history, a service graph, a template: text files of records. */
  changesBytes: 64 * MIB,
} as const;

/** Why a file was refused: missing, a folder, a device or FIFO, over the cap, or another error. */
export type InputFileRefusal = 'missing' | 'folder' | 'special' | 'too-large' | 'unreadable';

/** A refused input: `reason` is the kind, `message` says it in words, to follow `Cannot read FILE: `. */
export class InputFileError extends Error {
  constructor(
    readonly reason: InputFileRefusal,
    message: string,
    /** For 'too-large': the size seen (at least the cap plus one byte when the file grew while read). */
    readonly size?: number,
  ) {
    super(message);
  }
}

// O_NONBLOCK makes opening a FIFO return at once, so that fstat can refuse it instead of waiting for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** How a stage reads a whole input file: readInputFile, or a caller's wrapper of it (one that records what it read). */
export type InputReader = (path: string, maxBytes: number) => Promise<Buffer>;

/** Reads a regular file of at most `maxBytes`; anything else throws InputFileError. */
export async function readInputFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (e) {
    throw refusalOf(e);
  }
  try {
    checkKind((await handle.stat()) as StatLike, maxBytes);
    const steps = readSteps(maxBytes);
    for (let step = steps.next(0); ; ) {
      if (step.done) return step.value;
      step = steps.next((await handle.read(step.value, 0, step.value.length, null)).bytesRead);
    }
  } catch (e) {
    throw e instanceof InputFileError ? e : refusalOf(e);
  } finally {
    await handle.close();
  }
}

/**
 * A text input named on the command line (changes, incident history, service graph, template), as
 * UTF-8 without a byte-order mark; a refused file is FILE_UNREADABLE, exit 2, saying why.
 */
export async function readInputText(path: string, what = path, maxBytes: number = INPUT_LIMITS.changesBytes, read: InputReader = readInputFile): Promise<string> {
  try {
    return (await read(path, maxBytes)).toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    throw new FtreeError({ code: 'FILE_UNREADABLE', severity: 'error', message: `Cannot read ${what}: ${e.message}` });
  }
}

/**
 * How the model loader reads a file: the bytes of a regular file of at most `maxBytes`, or an
 * InputFileError. readInputFileSync is the default; a caller may read from elsewhere (git).
 */
export type ReadModelFile = (path: string, maxBytes: number) => Buffer;

/** readInputFile, synchronously (the MEF reader follows includes synchronously). */
export function readInputFileSync(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    throw refusalOf(e);
  }
  try {
    checkKind(fstatSync(fd), maxBytes);
    const steps = readSteps(maxBytes);
    for (let step = steps.next(0); ; ) {
      if (step.done) return step.value;
      step = steps.next(readSync(fd, step.value, 0, step.value.length, null));
    }
  } catch (e) {
    throw e instanceof InputFileError ? e : refusalOf(e);
  } finally {
    closeSync(fd);
  }
}

/**
 * The reading of a file in chunks up to `maxBytes`, shared by the two readers above: each step yields
 * a buffer to fill and takes the number of bytes read into it (0 at the end); returns the content,
 * or throws InputFileError when the file holds more than `maxBytes` (it may have grown since fstat).
 */
function* readSteps(maxBytes: number): Generator<Buffer, Buffer, number> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(MIB, maxBytes + 1 - total));
    const bytesRead = yield buf;
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw tooLarge(total, maxBytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Whether `path` lies inside `folder` or below, symlinks resolved (a path that does not exist is
 * judged by its longest existing ancestor, so `../x` is outside whether or not x exists).
 */
export function isInsideFolder(path: string, folder: string): boolean {
  const rel = relative(realPathOf(folder), realPathOf(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The folder a tree's references must stay in: the real folder of the file named on the command line. */
export function treeFolderOf(file: string): string {
  return dirname(realPathOf(file));
}

/** The size in MiB, one decimal, for messages. */
export function formatMiB(bytes: number): string {
  return `${(bytes / MIB).toFixed(bytes % MIB === 0 ? 0 : 1)} MiB`;
}

export interface StatLike {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  readonly size: number;
}

/** Throws InputFileError unless `info` is a regular file (or, with `folders`, a folder); for paths listed before they are read. */
export function checkRegularFile(info: StatLike, options: { folders?: boolean } = {}): void {
  if (info.isDirectory() ? !options.folders : !info.isFile()) checkKind(info, Infinity);
}

function checkKind(info: StatLike, maxBytes: number): void {
  if (info.isDirectory()) throw new InputFileError('folder', 'a folder, not a file');
  if (!info.isFile()) throw new InputFileError('special', `${describeSpecial(info)}, not a regular file`);
  if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
}

function describeSpecial(info: StatLike): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'a special file';
}

function tooLarge(size: number, maxBytes: number): InputFileError {
  return new InputFileError('too-large', `${formatMiB(size)}, over the ${formatMiB(maxBytes)} limit`, size);
}

function refusalOf(e: unknown): InputFileError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputFileError('missing', 'no such file');
  if (code === 'EISDIR') return new InputFileError('folder', 'a folder, not a file');
  if (code === 'EACCES' || code === 'EPERM') return new InputFileError('unreadable', 'permission denied');
  if (code === 'ELOOP') return new InputFileError('unreadable', 'a loop of symbolic links');
  return new InputFileError('unreadable', (e as Error).message ?? String(e));
}

/** realpath of `path`, or of its longest existing ancestor joined with the rest. */
function realPathOf(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    const parent = dirname(full);
    if (parent === full) return full;
    return resolve(realPathOf(parent), full.slice(parent.length + 1));
  }
}
