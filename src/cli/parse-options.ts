// Command-line values shared by the analysis commands (cli stage): counts, probabilities, durations,
// each refused with a usage error (exit 2) that names the flag and the value.

import { FtreeError } from '../model/diagnostic.js';
import { parseDuration } from '../model/units.js';
import { formatCount } from '../report/format-number.js';

/** A whole number ≥ 1 (or ≥ 0 when `zeroAllowed`). */
export function parseCount(value: string, flag: string, zeroAllowed = false): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < (zeroAllowed ? 0 : 1)) {
    throw usageError(`${flag} takes a whole number${zeroAllowed ? '' : ' above 0'}, not "${value}"`);
  }
  return n;
}

/** A whole number from `min` to `max`, digits only. */
export function parseIntegerInRange(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw usageError(`${flag} takes a whole number from ${formatCount(min)} to ${formatCount(max)}, not "${value}"`);
  }
  return n;
}

/** A probability in [0, 1]. */
export function parseProbabilityOption(value: string, flag: string): number {
  const p = Number(value);
  if (value.trim() === '' || !Number.isFinite(p) || p < 0 || p > 1) throw usageError(`${flag} takes a probability between 0 and 1, not "${value}"`);
  return p;
}

/** A positive duration (24h, 1y), in hours. */
export function parsePositiveDuration(value: string, flag: string): number {
  const r = parseDuration(value);
  if (!r.ok || r.value <= 0) throw usageError(`${flag} takes a positive duration such as 24h or 1y, not "${value}"`);
  return r.value;
}

/** `--mission-time`: a positive duration, in hours. */
export function parseMissionTime(value: string): number {
  return parsePositiveDuration(value, '--mission-time');
}

/** A usage error (exit 2), with a hint on what to give instead. */
export function usageError(message: string, hint?: string): FtreeError {
  return new FtreeError({ code: 'USAGE', severity: 'error', message, ...(hint ? { hint } : {}) });
}
