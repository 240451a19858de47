// The evidence stage's public API: readers of logs, metrics and changes, and collectEvidence(),
// which turns them into a state per signal of a tree. Nothing here prints.
export { collectEvidence, type CollectedEvidence, type CollectEvidenceOptions, type EvidenceRead, type EvidenceSources } from './collect-evidence.js';
export type { ReadFile } from './record-reads.js';
export type { EvidenceResult, SignalResult, SignalState, SignalKind, UnexplainedTemplate, MetricFileSummary } from './evidence-result.js';
export { listLogSources, type LogSource } from './list-log-sources.js';
export { listMetricFiles, METRIC_EXTENSIONS } from './list-metric-files.js';
export { resolveTimeWindow, parseTimePoint, type TimeRange, type TimeWindow } from './resolve-time-window.js';
export { parseTimeZone, UTC, type TimeZone } from './time-zone.js';
export { redactUrl, type PrometheusOptions, type PrometheusAuth } from './query-prometheus-range.js';
export type { LogSourceStats } from './scan-logs.js';
