// A status line on stderr for steps that take more than a second (cli stage): what ftree is doing
// ("exact analysis on the BDD · 1,048,576 BDD nodes · 12 s"), erased when the step ends. Only on a
// terminal: never on a pipe or a file, so JSON, CSV and redirected output stay clean. Async steps
// (reading logs, querying Prometheus) are redrawn by a timer; synchronous engine steps, which hold
// the event loop, are redrawn when the engine reports progress (engine-progress.ts).

import { setEngineProgressListener } from '../engine/engine-progress.js';
import { nowMs } from '../model/clock.js';
import { formatCount } from '../report/format-number.js';

export interface StepStatusOptions {
  readonly stream?: NodeJS.WriteStream;
  /** Quiet for this long before the first draw (default 1 s). */
  readonly delayMs?: number;
  readonly now?: () => number;
}

const REDRAW_MS = 250;

/** Runs `step` with a status line (shown once it has taken `delayMs`), and erases the line after. */
export async function withStepStatus<T>(what: string, step: () => T | Promise<T>, options: StepStatusOptions = {}): Promise<T> {
  const stream = options.stream ?? process.stderr;
  if (!stream.isTTY || process.env['TERM'] === 'dumb') return step();
  const now = options.now ?? nowMs;
  const delay = options.delayMs ?? 1000;
  const start = now();
  let detail = '';
  let shown = false;
  const draw = (): void => {
    const elapsed = now() - start;
    if (elapsed < delay) return;
    shown = true;
    stream.write(`\rftree: ${what}${detail ? ` · ${detail}` : ''} · ${Math.floor(elapsed / 1000)} s\x1b[K`);
  };
  const timer = setInterval(draw, REDRAW_MS);
  timer.unref();
  const previous = setEngineProgressListener((kind, count) => {
    detail = `${formatCount(count)} ${kind === 'bdd-nodes' ? 'BDD' : 'ZBDD'} nodes`;
    draw();
  });
  try {
    return await step();
  } finally {
    clearInterval(timer);
    setEngineProgressListener(previous);
    if (shown) stream.write('\r\x1b[K');
  }
}
