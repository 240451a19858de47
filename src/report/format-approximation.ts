// An approximation of P(top) with its relative error, for text reports (report stage):
// "1.68e-6 (+31.1% vs exact)", and the sum when the rare-event approximation was clipped at 1.

import type { Approximation, RareEventApproximation } from '../engine/index.js';
import { formatProbability } from './format-number.js';

export function formatApproximation(approximation: Approximation | RareEventApproximation, pTop: number): string {
  const value = formatProbability(approximation.probability, 4);
  const clipped = 'clipped' in approximation && approximation.clipped ? `clipped at 1, Σ = ${formatProbability(approximation.sum, 4)}; ` : '';
  const error = approximation.relativeError;
  if (error === undefined) return `${value} (${clipped}exact P(top) is 0)`;
  return `${value} (${clipped}${formatRelativeError(error)} vs exact ${formatProbability(pTop, 4)})`;
}

/** +31.1%, −0.02%, 0% */
export function formatRelativeError(error: number): string {
  if (error === 0) return '0%';
  const pct = error * 100;
  const abs = Math.abs(pct);
  // Digits of the magnitude, the sign in front: an exponent keeps its own minus (1.6e-14%).
  const digits = abs >= 10 ? abs.toFixed(1) : abs >= 0.001 ? abs.toPrecision(2) : abs.toExponential(1);
  return `${pct > 0 ? '+' : '−'}${digits}%`;
}
