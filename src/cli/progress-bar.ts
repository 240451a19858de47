// A progress bar on stderr for long runs (cli stage): shown only on a terminal, and only once the
// run has taken more than a second; redrawn at most ten times a second, erased at the end.

import { nowMs } from '../model/clock.js';

export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

const DELAY_MS = 1000;
const REDRAW_MS = 100;
const WIDTH = 30;

export function createProgressBar(stream: NodeJS.WriteStream, unit: string): ProgressBar {
  const start = nowMs();
  let shown = false;
  let last = 0;
  if (!stream.isTTY || process.env['TERM'] === 'dumb') return { update: () => {}, finish: () => {} };
  return {
    update(done, total) {
      const now = nowMs();
      if (now - start < DELAY_MS || (now - last < REDRAW_MS && done < total)) return;
      last = now;
      shown = true;
      const fraction = total > 0 ? done / total : 1;
      const filled = Math.round(fraction * WIDTH);
      const elapsed = (now - start) / 1000;
      const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : 0;
      stream.write(
        `\r${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${(fraction * 100).toFixed(0).padStart(3)} % ` +
          `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${unit} · ${eta < 1 ? '<1' : eta.toFixed(0)} s left\x1b[K`,
      );
    },
    finish() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
