// A log signal's state from its counts (evidence stage), per DESIGN §6: fired when the window holds
// at least min_count matches and, when the baseline has data, the count is improbable under the
// baseline rate (Poisson upper tail below alpha).

import type { CompiledLogSignal } from './compile-log-signal.js';
import type { SignalResult } from './evidence-result.js';
import { poissonUpperTail } from './poisson-upper-tail.js';
import type { TimeRange } from './resolve-time-window.js';
import type { LogSignalCounts } from './scan-logs.js';

export const DEFAULT_MIN_COUNT = 1;
export const DEFAULT_ALPHA = 0.01;

type LogSignalVerdict = Pick<SignalResult, 'state' | 'reason' | 'count' | 'baseline' | 'pValue' | 'firstSeen' | 'samples' | 'rule'>;

export function evaluateLogSignal(compiled: CompiledLogSignal, counts: LogSignalCounts | undefined, window: TimeRange, baseline: TimeRange | undefined): LogSignalVerdict {
  const { signal } = compiled;
  const minCount = signal.minCount ?? DEFAULT_MIN_COUNT;
  const alpha = signal.alpha ?? DEFAULT_ALPHA;
  const rule = `≥ ${minCount}, p < ${alpha}`;
  if (compiled.error) return { state: 'unknown', reason: compiled.error, samples: [], rule };
  if (!counts) return { state: 'unknown', reason: 'No logs were given (--logs)', samples: [], rule };
  if (counts.windowLines === 0) {
    const fields = [...(signal.fields?.keys() ?? [])];
    const reason = fields.length > 0 ? `No log line in the window carries the field${fields.length > 1 ? 's' : ''} ${fields.join(', ')}` : 'No log line falls in the window';
    return { state: 'unknown', reason, samples: [], rule };
  }
  const samples = counts.samples.map((s) => s.text);
  const firstSeen = counts.firstSeen !== undefined ? { firstSeen: counts.firstSeen } : {};
  const hasBaseline = baseline !== undefined && counts.baselineLines > 0;
  if (!hasBaseline) {
    return { state: counts.window >= minCount ? 'fired' : 'silent', count: counts.window, reason: 'No baseline data: fired on the count alone', samples, rule, ...firstSeen };
  }
  const lambda = counts.baseline * ((window.end - window.start) / (baseline.end - baseline.start));
  const pValue = poissonUpperTail(counts.window, lambda);
  const fired = counts.window >= minCount && pValue < alpha;
  return { state: fired ? 'fired' : 'silent', count: counts.window, baseline: counts.baseline, pValue, samples, rule, ...firstSeen };
}
