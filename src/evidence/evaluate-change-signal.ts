// A change signal's state (evidence stage): fired when a change to the signal's service and of its
// kind landed during the window or at most `within` before the window started: the signal's own,
// else the tree's `defaults.within`, else 2 h (as the diagnosis judges changes against the onset).
// Service and kind compare without regard to case; a signal naming only one of them ignores the other.

import type { ChangeSignal } from '../model/fault-tree.js';
import { LIBRARY_OPTION_NAMES, type OptionNames } from '../model/option-names.js';
import type { SignalResult } from './evidence-result.js';
import type { ChangeLog } from './read-changes.js';
import type { TimeRange } from './resolve-time-window.js';

/** Hours a change counts before the window when the tree gives no `within`. */
export const DEFAULT_WITHIN_HOURS = 2;

type ChangeVerdict = Pick<SignalResult, 'state' | 'reason' | 'count' | 'firstSeen' | 'samples' | 'rule'>;

export interface ChangeSignalOptions {
  /** The tree's `defaults.within`, in hours. */
  readonly defaultWithin?: number;
  /** How a reason names the changes file option (default: its key). */
  readonly optionNames?: OptionNames;
}

export function evaluateChangeSignal(signal: ChangeSignal, log: ChangeLog | undefined, window: TimeRange, options: ChangeSignalOptions = {}): ChangeVerdict {
  const within = signal.within ?? options.defaultWithin ?? DEFAULT_WITHIN_HOURS;
  const rule = `within ${formatHours(within)}`;
  if (!log) return { state: 'unknown', reason: `No changes file was given (${(options.optionNames ?? LIBRARY_OPTION_NAMES).changesFile})`, samples: [], rule };
  const from = window.start - within * 3_600_000;
  const same = (a: string | undefined, b: string): boolean => a === undefined || a.toLowerCase() === b.toLowerCase();
  const hits = log.changes.filter((c) => c.time >= from && c.time < window.end && same(signal.service, c.service) && same(signal.kind, c.kind));
  if (hits.length === 0) return { state: 'silent', count: 0, samples: [], rule };
  return {
    state: 'fired',
    count: hits.length,
    firstSeen: hits[0]!.time,
    samples: hits.slice(0, 3).map((c) => `${new Date(c.time).toISOString()} ${c.service} ${c.kind}${c.description ? `: ${c.description}` : ''}`),
    rule,
  };
}

function formatHours(h: number): string {
  if (h >= 1 && Number.isInteger(h)) return `${h}h`;
  const m = h * 60;
  return Number.isInteger(m) ? `${m}m` : `${Math.round(h * 3600)}s`;
}
