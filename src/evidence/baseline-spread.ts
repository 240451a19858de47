// The spread of a metric's baseline that anomaly scores divide by (evidence stage): the IQR, with a
// floor so that a flat baseline does not make every departure infinitely unusual. The rule and why
// each term is there: docs/evidence.md, "Anomaly score".

import { quantileOfSorted } from './sample-quantile.js';

/** Fraction of |median| below which the spread never falls (1 %). */
export const RELATIVE_SPREAD_FLOOR = 0.01;

export interface BaselineSpread {
  readonly median: number;
  readonly iqr: number;
  /**
   * max(IQR, mean |x − median|, floor), the floor being min_spread when given, else 1 % of |median| for a constant baseline;
   * 0 only for a constant baseline at 0 without min_spread.
   */
  readonly spread: number;
  /** Which term gave the spread when it is not the IQR. */
  readonly floor?: 'mean deviation' | '1 % of the median' | 'min_spread';
}

/** The spread of baseline values (finite, any order, at least one); min_spread replaces the relative floor. */
export function baselineSpread(values: readonly number[], minSpread?: number): BaselineSpread {
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantileOfSorted(sorted, 0.5);
  const iqr = quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25);
  // The mean absolute deviation is above 0 whenever the baseline is not constant, unlike the IQR
  // and the MAD, which vanish as soon as half the points sit on the median.
  let deviation = 0;
  for (const v of sorted) deviation += Math.abs(v - median);
  deviation /= sorted.length;
  // The relative floor is for a constant baseline only (an availability at 100 % throughout): a
  // series that varies at all has its own scale, however small.
  const terms: [number, BaselineSpread['floor']][] = [
    [deviation, 'mean deviation'],
    minSpread === undefined ? [iqr > 0 || deviation > 0 ? 0 : RELATIVE_SPREAD_FLOOR * Math.abs(median), '1 % of the median'] : [minSpread, 'min_spread'],
  ];
  let spread = iqr;
  let floor: BaselineSpread['floor'];
  for (const [value, name] of terms) {
    if (value > spread) {
      spread = value;
      floor = name;
    }
  }
  return { median, iqr, spread, ...(floor ? { floor } : {}) };
}
