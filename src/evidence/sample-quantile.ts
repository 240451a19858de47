// Quantiles of a sample by linear interpolation between order statistics (evidence stage): the
// definition of Hyndman & Fan's type 7, also used by Prometheus' quantile_over_time and numpy.

/** q in [0, 1] of `values` (need not be sorted); NaN for an empty sample. */
export function sampleQuantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return quantileOfSorted(sorted, q);
}

export function quantileOfSorted(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  if (lo === hi || a === b) return a;
  return a + (h - lo) * (b - a);
}
