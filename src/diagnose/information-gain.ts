// Expected information gain of checking one event (diagnose stage). The uncertainty about the
// suspects is H = Σ_i h(P(x_i | T, E)), the sum of the events' binary entropies in bits. Checking
// event c reveals x_c; the gain is H − [p_c·H(· | x_c = 1) + (1 − p_c)·H(· | x_c = 0)], which
// equals Σ_i I(x_i; x_c | T, E) ≥ 0 (each term is a mutual information, so never negative).

import { computePosteriors, type EvidenceModel } from './condition-on-evidence.js';

/** h(p) = −p log2 p − (1 − p) log2 (1 − p), 0 at 0 and 1. */
export function binaryEntropy(p: number): number {
  if (!(p > 0 && p < 1)) return 0;
  return -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));
}

/** Σ_i h(p_i). */
export function suspectEntropy(posteriors: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < posteriors.length; i++) h += binaryEntropy(posteriors[i]!);
  return h;
}

/** The expected gain in bits of learning the state of event `c`, whose posterior is posterior[c]. */
export function expectedInformationGain(em: EvidenceModel, posterior: ArrayLike<number>, c: number): number {
  const p = posterior[c]!;
  if (!(p > 0 && p < 1)) return 0;
  const before = suspectEntropy(posterior);
  const q = Float64Array.from(em.q);
  q[c] = 1;
  const ifTrue = suspectEntropy(computePosteriors(em, q).posterior);
  q[c] = 0;
  const ifFalse = suspectEntropy(computePosteriors(em, q).posterior);
  return Math.max(0, before - (p * ifTrue + (1 - p) * ifFalse));
}
