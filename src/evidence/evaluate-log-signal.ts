// A log signal's state from its counts (evidence stage), per DESIGN §6: fired when the window holds
// at least min_count matches and, when the baseline has data, the count is improbable under what the
// baseline predicts: the posterior predictive tail with a Jeffreys prior on the baseline rate.

import type { MissingData } from '../model/fault-tree.js';
import { LIBRARY_OPTION_NAMES, type OptionNames } from '../model/option-names.js';
import type { CompiledLogSignal } from './compile-log-signal.js';
import type { SignalResult } from './evidence-result.js';
import { logPredictiveTail } from './negative-binomial-upper-tail.js';
import type { TimeRange } from './resolve-time-window.js';
import type { LogSignalCounts } from './scan-logs.js';

export const DEFAULT_MIN_COUNT = 1;
export const DEFAULT_ALPHA = 0.01;

type LogSignalVerdict = Pick<SignalResult, 'state' | 'reason' | 'count' | 'baseline' | 'pValue' | 'strength' | 'firstSeen' | 'samples' | 'rule'>;

export interface LogSignalOptions {
  /** The tree's `defaults.missing`, for signals that set none. */
  readonly missing?: MissingData;
  /** How a reason names the logs option (default: its key). */
  readonly optionNames?: OptionNames;
}

export function evaluateLogSignal(compiled: CompiledLogSignal, counts: LogSignalCounts | undefined, window: TimeRange, baseline: TimeRange | undefined, options: LogSignalOptions = {}): LogSignalVerdict {
  const { signal } = compiled;
  const minCount = signal.minCount ?? DEFAULT_MIN_COUNT;
  const alpha = signal.alpha ?? DEFAULT_ALPHA;
  const rule = `≥ ${minCount}, p < ${alpha}`;
  if (compiled.error) return { state: 'unknown', reason: compiled.error, samples: [], rule };
  if (!counts) return { state: 'unknown', reason: `No logs were given (${(options.optionNames ?? LIBRARY_OPTION_NAMES).logs})`, samples: [], rule };
  if (counts.windowLines === 0) {
    const fields = [...(signal.fields?.keys() ?? [])];
    const reason = fields.length > 0 ? `No log line in the window carries the field${fields.length > 1 ? 's' : ''} ${fields.join(', ')}` : 'No log line falls in the window';
    if ((signal.missing ?? options.missing) === 'silent') return { state: 'silent', reason: `${reason}: silent, as missing: silent says`, samples: [], rule };
    return { state: 'unknown', reason, samples: [], rule };
  }
  const samples = counts.samples.map((s) => s.text);
  const firstSeen = counts.firstSeen !== undefined ? { firstSeen: counts.firstSeen } : {};
  const hasBaseline = baseline !== undefined && counts.baselineLines > 0;
  if (!hasBaseline) {
    const fired = counts.window >= minCount;
    return { state: fired ? 'fired' : 'silent', count: counts.window, ...(fired ? { strength: counts.window / minCount } : {}), reason: 'No baseline data: fired on the count alone', samples, rule, ...firstSeen };
  }
  const logP = logPredictiveTail(counts.window, counts.baseline, (window.end - window.start) / (baseline.end - baseline.start));
  const pValue = Math.exp(logP);
  const fired = counts.window >= minCount && logP < Math.log(alpha);
  const start = fired ? startOfExcess(counts, window, (counts.baseline + 0.5) / (baseline.end - baseline.start)) : undefined;
  return {
    state: fired ? 'fired' : 'silent',
    count: counts.window,
    baseline: counts.baseline,
    pValue,
    ...(fired ? { strength: alpha < 1 ? logP / Math.log(alpha) : 1 } : {}),
    samples,
    rule,
    ...(start !== undefined ? { firstSeen: start } : firstSeen),
  };
}

/**
 * When the matches started to exceed the baseline rate `rate` (per ms, Jeffreys-smoothed): the
 * maximum-likelihood change point of a Poisson rate, the match t_i maximising
 * k·ln(k / (rate·L)) − (k − rate·L) for the k matches in the L ms from t_i to the window's end. A
 * routine match long before a surge is then not its start. Undefined without every match time.
 */
export function startOfExcess(counts: LogSignalCounts, window: TimeRange, rate: number): number | undefined {
  const times = counts.times;
  if (!times || times.length === 0 || times.length !== counts.window || !(rate > 0)) return undefined;
  const sorted = [...times].sort((a, b) => a - b);
  let best = sorted[0]!;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    const k = sorted.length - i;
    const expected = rate * Math.max(1, window.end - sorted[i]!);
    const score = k > expected ? k * Math.log(k / expected) - (k - expected) : 0;
    if (score > bestScore) {
      bestScore = score;
      best = sorted[i]!;
    }
  }
  return best;
}
