// What the evidence collectors read (evidence stage): each file's path, its role and the SHA-256 of
// its bytes as read, recorded while reading so that a report names its inputs without reading them again.

import { createHash } from 'node:crypto';
import type { InputReader } from '../model/read-input-file.js';
import type { LogSource } from './list-log-sources.js';

export interface ReadFile {
  /** The path as read (`-` for standard input). */
  readonly path: string;
  readonly role: 'logs' | 'metrics' | 'changes';
  /** Of the bytes as stored (before any gunzip). */
  readonly sha256: string;
}

/** `read`, recording each whole file it returns in `into`. */
export function recordReads(read: InputReader, role: ReadFile['role'], into: ReadFile[]): InputReader {
  return async (path, maxBytes) => {
    const bytes = await read(path, maxBytes);
    into.push({ path, role, sha256: createHash('sha256').update(bytes).digest('hex') });
    return bytes;
  };
}

/** `source`, recording it in `into` once a reader has taken its stream to the end. */
export function recordLogReads(source: LogSource, into: ReadFile[]): LogSource {
  return {
    name: source.name,
    open: () => hashed(source.open(), (sha256) => into.push({ path: source.name, role: 'logs', sha256 })),
  };
}

async function* hashed(input: AsyncIterable<Buffer | string>, done: (sha256: string) => void): AsyncGenerator<Buffer | string> {
  const hash = createHash('sha256');
  for await (const chunk of input) {
    hash.update(chunk);
    yield chunk;
  }
  done(hash.digest('hex'));
}
