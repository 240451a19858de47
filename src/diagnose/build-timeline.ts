// The timeline of fired signals relative to the symptom's onset (diagnose stage). A signal that
// first fired more than `grace` (2 min) after the onset is marked as a likely effect: a cause shows
// before or with its symptom, and metrics lag their cause by about a scrape and a rate window.

import type { SignalResult } from '../evidence/index.js';
import type { Onset } from './estimate-onset.js';

export const ONSET_GRACE_MS = 120_000;

export type TimelinePhase = 'before' | 'onset' | 'after';

export interface TimelineEntry<S extends SignalResult = SignalResult> {
  /** Epoch ms of the first match, crossing or change. */
  readonly time: number;
  /** time − onset, in ms. */
  readonly offset: number;
  readonly phase: TimelinePhase;
  /** A signal of the top event itself. */
  readonly isSymptom: boolean;
  /** Started after the onset (beyond the grace), other than the symptom and changes: likely an effect. */
  readonly isLikelyEffect: boolean;
  readonly signal: S;
}

export interface BuildTimelineOptions {
  readonly grace?: number;
}

/** Fired signals with a first time, earliest first (ties in the signals' order). */
export function buildTimeline<S extends SignalResult>(signals: readonly S[], top: string, onset: Onset, options: BuildTimelineOptions = {}): TimelineEntry<S>[] {
  const grace = options.grace ?? ONSET_GRACE_MS;
  return signals
    .map((signal, i) => ({ signal, i }))
    .filter(({ signal }) => signal.state === 'fired' && signal.firstSeen !== undefined)
    .sort((a, b) => a.signal.firstSeen! - b.signal.firstSeen! || a.i - b.i)
    .map(({ signal }) => {
      const offset = signal.firstSeen! - onset.time;
      const phase: TimelinePhase = offset < -grace ? 'before' : offset > grace ? 'after' : 'onset';
      const isSymptom = signal.owner === top;
      return { time: signal.firstSeen!, offset, phase, isSymptom, isLikelyEffect: phase === 'after' && !isSymptom && signal.kind !== 'change', signal };
    });
}
