// Splits a byte stream into blocks of whole lines, decoded as UTF-8 (evidence stage). Memory stays
// constant: a block is one chunk of the stream, and a line longer than the limit is cut, its rest
// skipped, never buffered whole. Gzip streams are recognised by their magic bytes and inflated, up to
// a cap on the expansion (a gzip bomb is refused, not inflated).

import { isAscii } from 'node:buffer';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { formatMiB, InputFileError } from '../model/read-input-file.js';

/** Lines longer than this (bytes) are cut. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** A gzip log may inflate to this many bytes, or to GZIP_MAX_RATIO times its compressed size when that is more. */
export const GZIP_MIN_CAP_BYTES = 64 * 1024 * 1024;
export const GZIP_MAX_RATIO = 100;

export interface BlockStats {
  /** Lines cut at the length limit. */
  truncated: number;
}

/**
 * Yields strings holding one or more complete lines separated by `\n` (no trailing newline). A
 * line cut at `maxLineBytes` comes alone in its block.
 */
export async function* readLogBlocks(input: AsyncIterable<Buffer | string>, stats: BlockStats, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<string> {
  let carry: Buffer | undefined;
  let skipping = false;
  for await (const piece of gunzipIfNeeded(input)) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    let pos = 0;
    if (skipping) {
      const nl = chunk.indexOf(10);
      if (nl < 0) continue;
      pos = nl + 1;
      skipping = false;
    }
    if (carry) {
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk.subarray(pos)]);
        if (carry.length > maxLineBytes) {
          stats.truncated++;
          yield carry.toString('utf8', 0, maxLineBytes);
          carry = undefined;
          skipping = true;
        }
        continue;
      }
      const first = Buffer.concat([carry, chunk.subarray(pos, nl)]);
      carry = undefined;
      pos = nl + 1;
      if (first.length > maxLineBytes) {
        stats.truncated++;
        yield first.toString('utf8', 0, maxLineBytes);
      } else yield first.toString('utf8');
    }
    const last = chunk.lastIndexOf(10);
    if (last >= pos) {
      yield* splitLongLines(chunk, pos, last, stats, maxLineBytes);
      pos = last + 1;
    }
    if (pos < chunk.length) {
      if (chunk.length - pos > maxLineBytes) {
        stats.truncated++;
        yield chunk.toString('utf8', pos, pos + maxLineBytes);
        skipping = true;
      } else carry = Buffer.from(chunk.subarray(pos));
    }
  }
  if (carry && carry.length > 0) yield carry.toString('utf8');
}

/** ASCII, the usual content of logs, decodes as Latin-1: a copy, no UTF-8 state machine. */
function decode(chunk: Buffer, start: number, end: number): string {
  return isAscii(chunk.subarray(start, end)) ? chunk.toString('latin1', start, end) : chunk.toString('utf8', start, end);
}

/** The common case is one block; a chunk larger than the limit may hold a line to cut. */
function* splitLongLines(chunk: Buffer, start: number, end: number, stats: BlockStats, max: number): Generator<string> {
  if (end - start <= max) {
    yield decode(chunk, start, end);
    return;
  }
  let from = start;
  let pos = start;
  while (pos < end) {
    let nl = chunk.indexOf(10, pos);
    if (nl < 0 || nl > end) nl = end;
    if (nl - pos > max) {
      if (pos > from) yield chunk.toString('utf8', from, pos - 1);
      stats.truncated++;
      yield chunk.toString('utf8', pos, pos + max);
      from = nl + 1;
    }
    pos = nl + 1;
  }
  if (from < end) yield chunk.toString('utf8', from, end);
}

async function* gunzipIfNeeded(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  const it = input[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = first.value;
  const rest: AsyncIterable<Buffer | string> = { [Symbol.asyncIterator]: () => it };
  if (typeof head !== 'string' && head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    let read = 0;
    const compressed = Readable.from((async function* () {
      read += head.length;
      yield head;
      for await (const piece of rest) {
        read += piece.length;
        yield piece;
      }
    })());
    const gunzip = compressed.pipe(createGunzip({ chunkSize: 256 * 1024 }));
    compressed.on('error', (e) => gunzip.destroy(e));
    let inflated = 0;
    try {
      for await (const piece of gunzip as AsyncIterable<Buffer>) {
        inflated += piece.length;
        const cap = Math.max(GZIP_MIN_CAP_BYTES, GZIP_MAX_RATIO * read);
        if (inflated > cap) throw new InputFileError('too-large', `gzip that inflates to over ${formatMiB(cap)} (more than ${GZIP_MAX_RATIO} times its size): refused as a gzip bomb`);
        yield piece;
      }
    } catch (e) {
      if (e instanceof InputFileError || !isZlibError(e)) throw e;
      throw new InputFileError('unreadable', `not valid gzip (${(e as Error).message})`);
    } finally {
      gunzip.destroy();
    }
    return;
  }
  yield head;
  yield* rest;
}

function isZlibError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return typeof code === 'string' && code.startsWith('Z_');
}
