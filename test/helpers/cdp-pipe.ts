// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (messages as JSON, each
// ended by a NUL byte, the browser reading fd 3 and writing fd 4), for the browser tests: no
// WebSocket and no dependency.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

export interface CdpEvent {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly sessionId?: string;
}

/** The Chromium executable on the PATH, if any. */
export function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() !== '') return r.stdout.trim();
  }
  return undefined;
}

export class CdpBrowser {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void; method: string }>();
  private readonly listeners: ((e: CdpEvent) => void)[] = [];
  private buffer = '';
  readonly stderr: string[] = [];

  private constructor(private readonly child: ChildProcess, private readonly input: Writable, output: Readable) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(this.buffer.slice(0, end)) as { id?: number; result?: Record<string, unknown>; error?: { message: string }; method?: string; params?: Record<string, unknown>; sessionId?: string };
        this.buffer = this.buffer.slice(end + 1);
        if (message.id !== undefined) {
          const p = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error) p?.reject(new Error(`${p.method}: ${message.error.message}`));
          else p?.resolve(message.result ?? {});
        } else if (message.method) {
          for (const l of this.listeners) l({ method: message.method, params: message.params ?? {}, ...(message.sessionId ? { sessionId: message.sessionId } : {}) });
        }
      }
    });
  }

  /** Starts a headless browser with a fresh profile in `profileDir`, isolated from the network. */
  static launch(executable: string, profileDir: string): CdpBrowser {
    const child = spawn(
      executable,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        '--disable-dev-shm-usage',
        '--remote-debugging-pipe',
        `--user-data-dir=${profileDir}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    const browser = new CdpBrowser(child, child.stdio[3] as Writable, child.stdio[4] as Readable);
    (child.stderr as Readable).setEncoding('utf8');
    (child.stderr as Readable).on('data', (s: string) => browser.stderr.push(s));
    return browser;
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  on(listener: (e: CdpEvent) => void): void {
    this.listeners.push(listener);
  }

  /** Resolves with the first event of that name (in the session, if given). */
  waitFor(method: string, sessionId?: string, timeoutMs = 15_000): Promise<CdpEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${method}`)), timeoutMs);
      this.listeners.push((e) => {
        if (e.method === method && (sessionId === undefined || e.sessionId === sessionId)) {
          clearTimeout(timer);
          resolve(e);
        }
      });
    });
  }

  /** Closes the browser and waits for its process to end (so that its profile can be removed). */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
    try {
      await Promise.race([this.send('Browser.close'), sleep(2000)]);
    } catch {
      // Already gone.
    }
    await Promise.race([exited, sleep(5000)]);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await Promise.race([exited, sleep(2000)]);
    }
  }
}
