// What the evidence correlator returns (evidence stage): one state per signal of the tree, with its
// numbers, and what was read. Plain data: the report stage renders it, the diagnosis consumes it.

import type { Diagnostic } from '../model/diagnostic.js';
import type { LogSourceStats } from './scan-logs.js';
import type { TimeRange } from './resolve-time-window.js';

/**
 * `chronic`: a threshold whose rule already held at most baseline points; it fired in the window
 * too, but describes the usual state, not the incident (the diagnosis takes it as no evidence).
 */
export type SignalState = 'fired' | 'silent' | 'unknown' | 'chronic';
export type SignalKind = 'log' | 'metric' | 'change';

export interface SignalResult {
  /** Id of the event or gate that carries the signal. */
  readonly owner: string;
  readonly ownerKind: 'event' | 'gate';
  readonly kind: SignalKind;
  readonly label?: string;
  /** Log signals: the pattern. */
  readonly pattern?: string;
  /** Metric signals: the query. */
  readonly query?: string;
  /** Change signals: what they look for. */
  readonly service?: string;
  readonly changeKind?: string;
  /** The rule in a few characters: `≥ 1 (α 0.01)`, `max > 50`, `score ≥ 5`, `within 2h`. */
  readonly rule: string;
  readonly state: SignalState;
  /** Why the state is unknown, or a note on how it was decided. */
  readonly reason?: string;
  /** Log matches or changes in the window. */
  readonly count?: number;
  /** Log matches in the baseline; for metrics the same aggregate (or the median) over the baseline. */
  readonly baseline?: number;
  /** Metric signals: the aggregate, or the anomaly score (Infinity when the baseline is flat). */
  readonly value?: number;
  /**
   * Anomaly scores are two-sided: whether the departure that gave the score was above the
   * baseline median (`rose`) or below it (`fell`). Absent when the score is 0 or no score applies.
   */
  readonly direction?: 'rose' | 'fell';
  /**
   * Fired signals only: how many times past the firing rule, ≥ 1 (Infinity for an infinite
   * score). Scores: score / threshold; thresholds: value / t (above) or t / value (below) when both
   * are positive, else 1 + |value − t| / max(|t|, baseline spread) (1 when both are 0); logs with
   * baseline data: ln(p) / ln(alpha); logs without: count / min_count. docs/evidence.md.
   */
  readonly strength?: number;
  /** Log signals with baseline data: P(X ≥ count) under the baseline rate (posterior predictive). */
  readonly pValue?: number;
  /** Epoch ms of the first match, crossing or change in the window. */
  readonly firstSeen?: number;
  /** Up to three matching lines, series or changes. */
  readonly samples: readonly string[];
  /** Where the data came from: log files, metric files, Prometheus, the changes file. */
  readonly source?: 'logs' | 'files' | 'prometheus' | 'changes';
  readonly sensitivity?: number;
  readonly falseAlarm?: number;
  /** Anomaly scores that fired: the departure from the baseline median that gave the score, in the metric's unit. */
  readonly departure?: number;
  /** The metric adds up along calls (`additive: true`). */
  readonly additive?: boolean;
  /** The signal asks for its false-alarm rate from the baseline (`false_alarm: baseline`). */
  readonly falseAlarmFromBaseline?: boolean;
  /**
   * Anomaly scores: P(fired | nothing wrong) estimated from the baseline, the share of baseline
   * points that score past the threshold (Jeffreys-smoothed) over as many points as the window holds.
   */
  readonly baselineFalseAlarm?: number;
}

export interface UnexplainedTemplate {
  readonly template: string;
  readonly window: number;
  readonly baseline: number;
  /** `new`: never in the baseline; `surge`: improbable under the baseline rate. */
  readonly why: 'new' | 'surge';
  readonly pValue: number;
  readonly firstSeen?: number;
  readonly sample?: string;
}

export interface MetricFileSummary {
  readonly file: string;
  readonly format: string;
  readonly series: number;
  readonly skipped: number;
}

export interface EvidenceResult {
  readonly window: TimeRange;
  readonly baseline?: TimeRange;
  readonly timezone: string;
  readonly signals: readonly SignalResult[];
  readonly logs: readonly LogSourceStats[];
  readonly metricFiles: readonly MetricFileSummary[];
  readonly prometheus?: { readonly url: string; readonly queries: number; readonly failed: number };
  readonly changes?: { readonly file: string; readonly changes: number; readonly skipped: number };
  readonly unexplained: readonly UnexplainedTemplate[];
  /** Templates mined, lines mined in the window and the baseline (undefined when not mined). */
  readonly templates?: { readonly count: number; readonly windowLines: number; readonly baselineLines: number };
  /** Things the user should know (no baseline, unparsed lines), in plain sentences. */
  readonly notes: readonly string[];
  /** Problems that did not stop the run: each failed Prometheus query (PROMETHEUS_FAILED). */
  readonly warnings: readonly Diagnostic[];
}
