// A streaming output for commands whose output may be too large to hold (cli stage): standard output
// with back-pressure, or a file written like `writeOutputFile` — never over an existing file unless
// forced, into a temporary file beside it that is renamed on success and removed on failure. A device
// or a pipe (-o /dev/null) is written in place.

import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { lstat, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FtreeError } from '../model/diagnostic.js';
import { registerTempFile, releaseTempFile } from './temp-files.js';
import { isStandardOutput } from './write-output.js';

export interface OutputStream {
  /** Queues text; resolves when it is wise to write more (after a drain if the buffer is full). */
  write(text: string): Promise<void>;
  /** Flushes and, for a file, renames the temporary file onto the target. */
  finish(): Promise<void>;
  /** Drops a partial file (nothing is left behind); a no-op on standard output. */
  abort(): Promise<void>;
}

const CHUNK = 1 << 16;

/** Standard output when `path` is undefined, else the file `path`. */
export async function openOutputStream(path: string | undefined, options: { readonly force?: boolean } = {}): Promise<OutputStream> {
  if (isStandardOutput(path)) return new BufferedOutput(process.stdout, 'standard output', async () => undefined, async () => undefined);
  const kind = await fileKind(path);
  if (kind === 'folder') {
    throw new FtreeError({ code: 'OUTPUT_UNWRITABLE', severity: 'error', message: `Cannot write ${path}: it is a folder` });
  }
  if (kind === 'special') {
    // /dev/null, a named pipe, a terminal: written in place — renaming onto it would replace it.
    const stream = createWriteStream(path, { flags: 'w' });
    await opened(stream, path);
    return new BufferedOutput(stream, path, () => closeStream(stream), async () => void stream.destroy());
  }
  if (!options.force && kind === 'file') {
    throw new FtreeError(
      { code: 'OUTPUT_EXISTS', severity: 'error', message: `${path} already exists`, hint: 'pass --force to replace it, or choose another file with -o' }
    );
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const stream = createWriteStream(temp, { flags: 'wx' });
  registerTempFile(temp);
  try {
    await opened(stream, path);
  } catch (e) {
    releaseTempFile(temp);
    throw e;
  }
  const removeTemp = async (): Promise<void> => {
    await rm(temp, { force: true });
    releaseTempFile(temp);
  };
  return new BufferedOutput(
    stream,
    path,
    async () => {
      try {
        await closeStream(stream);
        await rename(temp, path);
        releaseTempFile(temp);
      } catch (e) {
        await removeTemp();
        throw unwritable(path, e);
      }
    },
    async () => {
      stream.destroy();
      await removeTemp();
    },
  );
}

/** Gathers small writes into chunks of 64 KiB, and waits for 'drain' when the stream asks to. */
class BufferedOutput implements OutputStream {
  private pending: string[] = [];
  private size = 0;
  private failure: unknown;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    /** The file written, or `standard output`, for errors. */
    private readonly target: string,
    private readonly onFinish: () => Promise<void>,
    private readonly onAbort: () => Promise<void>,
  ) {
    stream.on('error', (e) => (this.failure ??= e));
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flushOrFail();
  }

  async finish(): Promise<void> {
    await this.flushOrFail();
    try {
      await this.onFinish();
    } catch (e) {
      throw e instanceof FtreeError ? e : unwritable(this.target, e);
    }
  }

  /** flush, with a failed write (a full disk: ENOSPC) as OUTPUT_UNWRITABLE, exit 2. */
  private async flushOrFail(): Promise<void> {
    try {
      await this.flush();
    } catch (e) {
      throw e instanceof FtreeError ? e : unwritable(this.target, e);
    }
  }

  async abort(): Promise<void> {
    await this.onAbort();
  }

  private async flush(): Promise<void> {
    if (this.failure !== undefined) {
      // A reader that went away (`| head`) is not an error: the rest is dropped.
      if ((this.failure as NodeJS.ErrnoException).code === 'EPIPE') {
        this.pending = [];
        this.size = 0;
        return;
      }
      throw this.failure;
    }
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.size = 0;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = (): void => {
          this.stream.off('error', onError);
          resolve();
        };
        const onError = (e: unknown): void => {
          this.stream.off('drain', onDrain);
          if ((e as NodeJS.ErrnoException).code === 'EPIPE') resolve();
          else reject(e);
        };
        this.stream.once('drain', onDrain);
        this.stream.once('error', onError);
      });
    }
  }
}

function opened(stream: WriteStream, path: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) => reject(unwritable(path, e)));
  });
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.once('close', () => resolve());
    stream.end();
  });
}

function unwritable(path: string, e: unknown): FtreeError {
  const err = e as NodeJS.ErrnoException;
  const reason = err.code === 'ENOENT' ? 'the folder does not exist' : err.code === 'EACCES' ? 'permission denied' : err.code === 'ENOSPC' ? 'no space left on the device' : err.message;
  return new FtreeError({ code: 'OUTPUT_UNWRITABLE', severity: 'error', message: `Cannot write ${path}: ${reason}` });
}

/** What is at `path`: nothing, a regular file, a folder, or something special (a device, a pipe). */
async function fileKind(path: string): Promise<'none' | 'file' | 'folder' | 'special'> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'special';
  } catch {
    // A dangling symbolic link is something that exists: replacing it needs --force like a file.
    return (await lstat(path).catch(() => undefined))?.isSymbolicLink() ? 'file' : 'none';
  }
}
