// Temporary output files that a signal must not leave behind (cli stage): each is registered while
// it exists; SIGINT, SIGTERM or SIGHUP removes them all, then ends the process by the same signal.

import { rmSync } from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const live = new Set<string>();
let installed = false;

/** Records a temporary file, removed if a signal ends the process before `releaseTempFile`. */
export function registerTempFile(path: string): void {
  live.add(path);
  if (!installed) {
    installed = true;
    for (const signal of SIGNALS) process.once(signal, onSignal);
  }
}

/** The file was renamed onto its target or removed: a signal no longer concerns it. */
export function releaseTempFile(path: string): void {
  live.delete(path);
}

function onSignal(signal: NodeJS.Signals): void {
  for (const path of live) rmSync(path, { force: true });
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Without listeners the signal takes its default action: the exit status says which signal it was.
  process.kill(process.pid, signal);
}
