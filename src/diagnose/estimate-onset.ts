// The symptom's onset (diagnose stage): given on the command line, else the first time a signal of
// the top event itself fired (the symptom), else the first time any log or metric signal fired in
// the window, else the window's start. Changes never set the onset: they are judged against it.

import type { SignalResult } from '../evidence/index.js';
import type { TimeRange } from '../evidence/index.js';

export type OnsetSource = 'option' | 'symptom' | 'signal' | 'since';

export interface Onset {
  /** Epoch milliseconds. */
  readonly time: number;
  readonly source: OnsetSource;
  /** The node whose signal set the onset (sources `symptom` and `signal`). */
  readonly owner?: string;
}

export interface EstimateOnsetOptions {
  /** An onset given by the user (epoch ms). */
  readonly given?: number;
}

export function estimateOnset(top: string, signals: readonly SignalResult[], window: TimeRange, options: EstimateOnsetOptions = {}): Onset {
  if (options.given !== undefined) return { time: options.given, source: 'option' };
  const timed = signals.filter(
    (s) => s.state === 'fired' && s.kind !== 'change' && s.firstSeen !== undefined && s.firstSeen >= window.start && s.firstSeen < window.end,
  );
  const earliest = (list: readonly SignalResult[]): SignalResult | undefined =>
    list.reduce<SignalResult | undefined>((a, s) => (a === undefined || s.firstSeen! < a.firstSeen! ? s : a), undefined);
  const symptom = earliest(timed.filter((s) => s.owner === top));
  if (symptom) return { time: symptom.firstSeen!, source: 'symptom', owner: symptom.owner };
  const first = earliest(timed);
  if (first) return { time: first.firstSeen!, source: 'signal', owner: first.owner };
  return { time: window.start, source: 'since' };
}
