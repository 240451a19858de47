// The evidence correlator's entry point (evidence stage): reads logs, metrics (files or a live
// Prometheus) and changes, and gives every signal of the tree a state over the incident window.
// Returns data and never prints; a data source that fails entirely throws an FtreeError.

import { EXIT, FtreeError, type Diagnostic } from '../model/diagnostic.js';
import type { Evidence, FaultTree, MetricSignal } from '../model/fault-tree.js';
import { compileLogSignal, type CompiledLogSignal } from './compile-log-signal.js';
import { evaluateChangeSignal } from './evaluate-change-signal.js';
import { evaluateLogSignal } from './evaluate-log-signal.js';
import { evaluateMetricSignal, missingVerdict, ruleOf } from './evaluate-metric-signal.js';
import type { EvidenceResult, MetricFileSummary, SignalResult } from './evidence-result.js';
import { findUnexplainedTemplates } from './find-unexplained-templates.js';
import type { LogSource } from './list-log-sources.js';
import { joinSeries, type MetricSeries } from './metric-series.js';
import { checkPrometheusUrl, queryPrometheusRange, redactUrl, type PrometheusOptions } from './query-prometheus-range.js';
import { readChanges, type ChangeLog } from './read-changes.js';
import { readMetricFile } from './read-metric-file.js';
import type { TimeRange, TimeWindow } from './resolve-time-window.js';
import { scanLogs, type LogScanResult } from './scan-logs.js';
import { selectSeries } from './select-series.js';
import { UTC, type TimeZone } from './time-zone.js';

export interface EvidenceSources {
  readonly logs?: readonly LogSource[];
  readonly metricFiles?: readonly string[];
  readonly prometheus?: PrometheusOptions;
  readonly changesFile?: string;
}

export interface CollectEvidenceOptions extends TimeWindow {
  /** Zone of timestamps written without one (default UTC). */
  readonly zone?: TimeZone;
  /** Mine log templates for unexplained evidence (default true). */
  readonly templates?: boolean;
  /** Prometheus queries run at once (default 4). */
  readonly concurrency?: number;
}

interface Owned<T> {
  readonly owner: string;
  readonly ownerKind: 'event' | 'gate';
  readonly signal: T;
}

/** Every signal of the tree, gates first, in the tree's order. */
function signalsOf<K extends keyof Evidence>(tree: FaultTree, kind: K): Owned<Evidence[K][number]>[] {
  const out: Owned<Evidence[K][number]>[] = [];
  for (const [ownerKind, map] of [['gate', tree.gates], ['event', tree.events]] as const) {
    for (const [id, node] of map) for (const signal of node.evidence?.[kind] ?? []) out.push({ owner: id, ownerKind, signal });
  }
  return out;
}

export async function collectEvidence(tree: FaultTree, sources: EvidenceSources, options: CollectEvidenceOptions): Promise<EvidenceResult> {
  const zone = options.zone ?? UTC;
  const { window, baseline } = options;
  const notes: string[] = [];
  const warnings: Diagnostic[] = [];
  if (sources.prometheus) checkPrometheusUrl(sources.prometheus.url);
  const signals: SignalResult[] = [];
  const missingDefault = tree.defaults?.missing !== undefined ? { missing: tree.defaults.missing } : {};

  // Logs: one pass over every source for all log signals.
  const logSignals = signalsOf(tree, 'logs');
  const compiled: CompiledLogSignal[] = logSignals.map((o) => compileLogSignal(o.signal));
  let scan: LogScanResult | undefined;
  if (sources.logs && sources.logs.length > 0) {
    scan = await scanLogs(sources.logs, compiled, { window, ...(baseline ? { baseline } : {}), zone, templates: options.templates !== false });
  }
  logSignals.forEach((o, i) => {
    const verdict = evaluateLogSignal(compiled[i]!, scan?.signals[i], window, baseline, missingDefault);
    signals.push({ owner: o.owner, ownerKind: o.ownerKind, kind: 'log', ...labelOf(o.signal), pattern: o.signal.pattern, ...verdict, ...(scan ? { source: 'logs' as const } : {}), ...rates(o.signal) });
  });

  // Metrics: files first; a live Prometheus answers every query (files are not consulted then).
  const metricSignals = signalsOf(tree, 'metrics');
  const metricFiles: MetricFileSummary[] = [];
  const readSeries: MetricSeries[] = [];
  for (const file of sources.metricFiles ?? []) {
    const m = await readMetricFile(file, zone);
    metricFiles.push({ file: m.file, format: m.format, series: m.series.length, skipped: m.skipped });
    readSeries.push(...m.series);
  }
  // One series split over several files (the baseline in one, the incident in another) is one series.
  const joined = joinSeries(readSeries);
  const fileSeries = joined.series;
  if (joined.duplicates > 0) {
    notes.push(`${joined.duplicates} metric point${joined.duplicates > 1 ? 's' : ''} repeated a series' time in the metric files: the first read was kept (files in the order given)`);
  }
  let prometheus: EvidenceResult['prometheus'];
  if (sources.prometheus) {
    const results = await queryAll(metricSignals, sources.prometheus, window, baseline, options.concurrency ?? 4);
    const failed = results.filter((r) => 'error' in r);
    prometheus = { url: redactUrl(sources.prometheus.url), queries: results.length, failed: failed.length };
    if (results.length > 0 && failed.length === results.length) {
      throw new FtreeError(failed.map((f) => (f as { error: FtreeError }).error.diagnostics[0]!), EXIT.dataSource);
    }
    const seen = new Set<string>();
    for (const f of failed) {
      const d = (f as { error: FtreeError }).error.diagnostics[0]!;
      if (!seen.has(d.message)) warnings.push({ ...d, severity: 'warning' });
      seen.add(d.message);
    }
    metricSignals.forEach((o, i) => {
      const r = results[i]!;
      const verdict = 'error' in r ? { state: 'unknown' as const, reason: r.error.diagnostics[0]!.message, samples: [], rule: ruleOf(o.signal) } : evaluateMetricSignal(o.signal, r.series, window, baseline, missingDefault);
      signals.push(metricResult(o, verdict, 'prometheus'));
    });
  } else {
    for (const o of metricSignals) {
      if (metricFiles.length === 0) {
        signals.push(metricResult(o, { state: 'unknown', reason: 'No metrics were given (--metrics or --prometheus)', samples: [], rule: ruleOf(o.signal) }));
        continue;
      }
      const sel = selectSeries(o.signal.query, fileSeries);
      const verdict =
        'series' in sel
          ? evaluateMetricSignal(o.signal, sel.series, window, baseline, missingDefault)
          : sel.noData
            ? missingVerdict(o.signal.missing ?? tree.defaults?.missing ?? 'unknown', sel.reason, ruleOf(o.signal))
            : { state: 'unknown' as const, reason: sel.reason, samples: [], rule: ruleOf(o.signal) };
      signals.push(metricResult(o, verdict, 'files'));
    }
  }

  // Changes.
  let changes: ChangeLog | undefined;
  if (sources.changesFile) changes = await readChanges(sources.changesFile, zone);
  for (const o of signalsOf(tree, 'changes')) {
    const verdict = evaluateChangeSignal(o.signal, changes, window, tree.defaults?.within);
    signals.push({
      owner: o.owner,
      ownerKind: o.ownerKind,
      kind: 'change',
      ...labelOf(o.signal),
      ...(o.signal.service !== undefined ? { service: o.signal.service } : {}),
      ...(o.signal.kind !== undefined ? { changeKind: o.signal.kind } : {}),
      ...verdict,
      ...(changes ? { source: 'changes' as const } : {}),
      ...rates(o.signal),
    });
  }

  // Unexplained templates need a baseline to compare with.
  let unexplained: EvidenceResult['unexplained'] = [];
  const miner = scan?.miner;
  if (miner && baseline) {
    if (miner.lines.baseline === 0) notes.push('No log line falls in the baseline: new or surging templates cannot be told apart');
    else unexplained = findUnexplainedTemplates(miner.templates(), { ratio: (window.end - window.start) / (baseline.end - baseline.start) });
  }
  if (scan) {
    const untimed = scan.sources.reduce((a, s) => a + s.untimed + s.malformed, 0);
    if (untimed > 0) notes.push(`${untimed} log line${untimed > 1 ? 's' : ''} could not be read or placed in time (see "unparsed" per source)`);
    if (scan.sources.every((s) => s.windowLines === 0)) notes.push('No log line falls in the window: check --since/--until and --timezone');
  }
  // Each owner's signals together (logs, metrics, changes), owners in the order of the tree's files.
  const position = new Map<string, number>();
  [...tree.gates.values(), ...tree.events.values()].forEach((node, i) => {
    const file = node.span ? Math.max(0, tree.files.indexOf(node.span.file)) : tree.files.length;
    position.set(node.id, file * 1e12 + (node.span?.start ?? 1e11 + i));
  });
  const kindOrder = { log: 0, metric: 1, change: 2 } as const;
  const ordered = signals.map((s, i) => ({ s, i })).sort((a, b) => position.get(a.s.owner)! - position.get(b.s.owner)! || kindOrder[a.s.kind] - kindOrder[b.s.kind] || a.i - b.i).map((x) => x.s);
  return {
    window,
    ...(baseline ? { baseline } : {}),
    timezone: zone.name,
    signals: ordered,
    logs: scan?.sources ?? [],
    metricFiles,
    ...(prometheus ? { prometheus } : {}),
    ...(changes ? { changes: { file: changes.file, changes: changes.changes.length, skipped: changes.skipped } } : {}),
    unexplained,
    ...(miner ? { templates: { count: miner.templates().length, windowLines: miner.lines.window, baselineLines: miner.lines.baseline } } : {}),
    notes,
    warnings,
  };
}

function labelOf(signal: { label?: string }): { label?: string } {
  return signal.label !== undefined ? { label: signal.label } : {};
}

function rates(signal: { sensitivity?: number; falseAlarm?: number; falseAlarmFromBaseline?: boolean }): Pick<SignalResult, 'sensitivity' | 'falseAlarm' | 'falseAlarmFromBaseline'> {
  return {
    ...(signal.sensitivity !== undefined ? { sensitivity: signal.sensitivity } : {}),
    ...(signal.falseAlarm !== undefined ? { falseAlarm: signal.falseAlarm } : {}),
    ...(signal.falseAlarmFromBaseline ? { falseAlarmFromBaseline: true } : {}),
  };
}

function metricResult(o: Owned<MetricSignal>, verdict: Omit<SignalResult, 'owner' | 'ownerKind' | 'kind' | 'query'>, source?: 'files' | 'prometheus'): SignalResult {
  return { owner: o.owner, ownerKind: o.ownerKind, kind: 'metric', ...labelOf(o.signal), query: o.signal.query, ...verdict, ...(source ? { source } : {}), ...rates(o.signal) };
}

type QueryOutcome = { series: MetricSeries[] } | { error: FtreeError };

/**
 * Runs each signal's query over the window and the baseline: one request when they touch, two
 * otherwise. The same query text is asked once. Failures are kept per signal.
 */
async function queryAll(metricSignals: readonly Owned<MetricSignal>[], prometheus: PrometheusOptions, window: TimeRange, baseline: TimeRange | undefined, concurrency: number): Promise<QueryOutcome[]> {
  const ranges: TimeRange[] = !baseline
    ? [window]
    : baseline.end === window.start
      ? [{ start: baseline.start, end: window.end }]
      : [baseline, window];
  const byQuery = new Map<string, Promise<QueryOutcome>>();
  const queue: (() => Promise<void>)[] = [];
  const run = (query: string): Promise<QueryOutcome> => {
    let p = byQuery.get(query);
    if (!p) {
      p = new Promise<QueryOutcome>((resolve, reject) => {
        queue.push(async () => {
          try {
            const parts = await Promise.all(ranges.map((r) => queryPrometheusRange(query, r, prometheus)));
            resolve({ series: joinSeries(parts.flat()).series });
          } catch (e) {
            if (e instanceof FtreeError && e.exitCode === EXIT.dataSource) resolve({ error: e });
            else reject(e);
          }
        });
      });
      byQuery.set(query, p);
    }
    return p;
  };
  const outcomes = metricSignals.map((o) => run(o.signal.query));
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  });
  await Promise.all(workers);
  return Promise.all(outcomes);
}
