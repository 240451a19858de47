// Statistics of Monte Carlo samples of P(top) (engine stage): mean, standard deviation and error,
// percentiles (linear interpolation between order statistics, Hyndman & Fan 1996 type 7), the
// error factor p95/p50, and a histogram (log-spaced bins when the samples span over two decades).

export interface HistogramBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
}

export interface SampleSummary {
  readonly count: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1). */
  readonly sd: number;
  /** sd/√n: the standard error of the mean. */
  readonly standardError: number;
  readonly min: number;
  readonly max: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** p95/p50 (undefined when the median is 0). */
  readonly errorFactor: number | undefined;
  readonly histogram: { readonly scale: 'linear' | 'log'; readonly bins: readonly HistogramBin[] };
}

export interface SummarizeOptions {
  /** Histogram bins (default 20). */
  readonly bins?: number;
}

export function summarizeSamples(samples: Float64Array, options: SummarizeOptions = {}): SampleSummary {
  const n = samples.length;
  const sorted = Float64Array.from(samples).sort();
  const constant = n > 0 && sorted[0] === sorted[n - 1];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += samples[i]!;
  // Sums in trial order, so that the result does not depend on how the trials were scheduled.
  const mean = constant ? sorted[0]! : n > 0 ? sum / n : Number.NaN;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (samples[i]! - mean) ** 2;
  const sd = n > 1 && !constant ? Math.sqrt(squares / (n - 1)) : 0;
  const p50 = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  return {
    count: n,
    mean,
    sd,
    standardError: n > 0 ? sd / Math.sqrt(n) : Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted[n - 1] ?? Number.NaN,
    p5: percentile(sorted, 0.05),
    p50,
    p95,
    errorFactor: p50 > 0 ? p95 / p50 : undefined,
    histogram: histogramOf(sorted, options.bins ?? 20),
  };
}

/** The p-quantile of sorted values: x[h] with h = (n − 1)p, interpolated between neighbours. */
export function percentile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function histogramOf(sorted: Float64Array, binCount: number): SampleSummary['histogram'] {
  const n = sorted.length;
  if (n === 0) return { scale: 'linear', bins: [] };
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  if (!(max > min)) return { scale: 'linear', bins: [{ lower: min, upper: max, count: n }] };
  const log = min > 0 && max / min > 100;
  const edges: number[] = [];
  for (let b = 0; b <= binCount; b++) {
    const f = b / binCount;
    edges.push(b === binCount ? max : log ? min * Math.pow(max / min, f) : min + f * (max - min));
  }
  const counts = new Array<number>(binCount).fill(0);
  let bin = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i]!;
    while (bin < binCount - 1 && x >= edges[bin + 1]!) bin++;
    counts[bin]!++;
  }
  return { scale: log ? 'log' : 'linear', bins: counts.map((count, b) => ({ lower: edges[b]!, upper: edges[b + 1]!, count })) };
}
