// What a fired signal's strength and timing say (diagnose stage): factors that multiply its
// likelihood ratio s/f. Strength: the excess over the firing rule is Pareto-distributed, with a
// heavier tail when the node is true. Timing: a cause's signal fires near the onset (flat in the minutes before
// it, falling off after it), a false alarm or another cause's effect at any time of the window (uniform).
// Both are likelihood ratios of a proper density pair, so the diagnosis stays one exact product
// of likelihoods on the BDD (docs/diagnosis.md, "Graded and timed evidence").

import type { TimeRange } from '../evidence/index.js';

/** Strength beyond which louder says nothing more (an incident's effects are loud too). */
export const STRENGTH_CAP = 20;
/** Tail index of the strength of a false alarm: P(strength > σ | fired, node false) = σ^−2. */
export const FALSE_ALARM_TAIL = 2;
/** Tail index of the strength of a true signal: P(strength > σ | fired, node true) = σ^−1. */
export const TRUE_SIGNAL_TAIL = 1;
/** Share of a true signal's first firings that follow the onset's density; the rest are uniform. */
export const ONSET_WEIGHT = 0.8;
/** Lag scale of a cause's signal after the onset (a scrape and a rate window), ms. */
export const DEFAULT_LAG_MS = 120_000;
/** A cause may show before its symptom: up to this many lag scales before the onset is as likely as the onset itself. */
export const LEAD_FACTOR = 5;

/**
 * f1(σ)/f0(σ) for a fired signal of strength σ ≥ 1. A true signal's strength has density
 * f1 = b·σ^(−b−1); a false alarm's f0 ∝ a·σ^(−a−1) up to the cap C and, beyond it, the same tail
 * as a true signal's (continuous at C), normalised by Z = 1 − C^−a + (a/b)·C^−a. So the factor is
 * Z·(b/a)·min(σ, C)^(a−b): it grows with σ, saturates at C, and averages 1 under f0.
 */
export function strengthFactor(strength: number | undefined): number {
  if (strength === undefined || Number.isNaN(strength)) return 1;
  const a = FALSE_ALARM_TAIL;
  const b = TRUE_SIGNAL_TAIL;
  const sigma = Math.min(STRENGTH_CAP, Math.max(1, strength));
  const z = 1 - STRENGTH_CAP ** -a + (a / b) * STRENGTH_CAP ** -a;
  return z * (b / a) * sigma ** (a - b);
}

export interface TimingContext {
  readonly onset: number;
  readonly window: TimeRange;
  /** Lag scale after the onset, ms (default DEFAULT_LAG_MS). */
  readonly lag?: number;
}

/**
 * g1(t)/g0(t) for a signal first fired at t. g1 = w·h + (1 − w)·uniform, where h is flat from
 * LEAD_FACTOR·lag before the onset to the onset (a cause shows before or with its symptom) and
 * falls off exponentially with scale `lag` on both sides, truncated to the window; g0 = uniform
 * over the window (a false alarm, or another cause's effect, fires at any time).
 */
export function timingFactor(firstSeen: number | undefined, context: TimingContext): number {
  const { start, end } = context.window;
  const length = end - start;
  if (firstSeen === undefined || !(length > 0)) return 1;
  const t = Math.min(end, Math.max(start, firstSeen));
  const lag = context.lag ?? DEFAULT_LAG_MS;
  const plateauEnd = Math.min(end, Math.max(start, context.onset));
  const plateauStart = Math.min(end, Math.max(start, context.onset - LEAD_FACTOR * lag));
  // Mass of the unnormalised h over the window: the plateau, the tail after it, the tail before it.
  const mass = (plateauEnd - plateauStart) + lag * -Math.expm1(-(end - plateauEnd) / lag) + lag * -Math.expm1(-(plateauStart - start) / lag);
  if (!(mass > 0)) return 1;
  const h = t > plateauEnd ? Math.exp(-(t - plateauEnd) / lag) : t < plateauStart ? Math.exp(-(plateauStart - t) / lag) : 1;
  return ONSET_WEIGHT * length * (h / mass) + (1 - ONSET_WEIGHT);
}
