// The evidence correlator's entry point (evidence stage): reads logs, metrics (files or a live
// Prometheus) and changes, and gives every signal of the tree a state over the incident window.
// Returns data and never prints; a data source that fails entirely throws an FtreeError.

import { FtreeError, type Diagnostic } from '../model/diagnostic.js';
import type { ChangeSignal, Evidence, FaultTree, MetricSignal, MissingData } from '../model/fault-tree.js';
import { LIBRARY_OPTION_NAMES, type OptionNames } from '../model/option-names.js';
import type { InputReader } from '../model/read-input-file.js';
import { collectChanges } from './collect-changes.js';
import { collectLogs } from './collect-logs.js';
import { collectMetricFiles } from './collect-metric-files.js';
import { compileLogSignal, type CompiledLogSignal } from './compile-log-signal.js';
import { evaluateChangeSignal } from './evaluate-change-signal.js';
import { explainEmptyWindow, spanOfTimes } from './explain-empty-window.js';
import { evaluateLogSignal } from './evaluate-log-signal.js';
import { evaluateMetricSignal, missingVerdict, ruleOf } from './evaluate-metric-signal.js';
import type { EvidenceResult, SignalResult } from './evidence-result.js';
import { findUnexplainedTemplates } from './find-unexplained-templates.js';
import type { LogSource } from './list-log-sources.js';
import type { MetricSeries } from './metric-series.js';
import { PrometheusQueryError, checkPrometheusUrl, redactUrl } from './query-prometheus-range.js';
import { queryPrometheusSource, type PrometheusSourceOptions, type QueryOutcome } from './query-prometheus-source.js';
import type { ChangeLog } from './read-changes.js';
import type { ReadFile } from './record-reads.js';
import type { TimeRange, TimeWindow } from './resolve-time-window.js';
import type { LogScanOptions, LogScanResult } from './scan-logs.js';
import { selectSeries } from './select-series.js';
import { UTC, type TimeZone } from './time-zone.js';

export interface EvidenceSources {
  readonly logs?: readonly LogSource[];
  readonly metricFiles?: readonly string[];
  readonly prometheus?: PrometheusSourceOptions;
  readonly changesFile?: string;
}

/** The window, and as for scanLogs the zone (default UTC) and whether to mine log templates for unexplained evidence. */
export interface CollectEvidenceOptions extends TimeWindow, Partial<Pick<LogScanOptions, 'zone' | 'templates'>> {
  /** Prometheus queries run at once (default 4). */
  readonly concurrency?: number;
  /** Reads the metric files and the changes file (readInputFile by default). */
  readonly readFile?: InputReader;
  /**
   * How reasons, notes and hints name the options (the sources' keys, since, until, zone, deadlineMs,
   * stepSeconds); default: those keys. The CLI passes its flags.
   */
  readonly optionNames?: OptionNames;
}

/**
 * What the collectors read that a caller still needs, so that none reads a file again (the parsed
 * logs and metric files are summed up in the result's signals; they are not kept).
 */
export interface EvidenceRead {
  /** Every file read, with the SHA-256 of its bytes: logs, then metric files, then the changes file. */
  readonly files: readonly ReadFile[];
  /** The changes file's content (the diagnosis judges change signals again at the onset). */
  readonly changes?: ChangeLog;
}

export interface CollectedEvidence extends EvidenceResult {
  readonly read: EvidenceRead;
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

export async function collectEvidence(tree: FaultTree, sources: EvidenceSources, options: CollectEvidenceOptions): Promise<CollectedEvidence> {
  const zone = options.zone ?? UTC;
  const reader = options.readFile ? { read: options.readFile } : {};
  const { window, baseline } = options;
  const optionNames = options.optionNames ?? LIBRARY_OPTION_NAMES;
  const notes: string[] = [];
  const warnings: Diagnostic[] = [];
  if (sources.prometheus) checkPrometheusUrl(sources.prometheus.url, optionNames);
  const signals: SignalResult[] = [];
  const missingDefault = tree.defaults?.missing !== undefined ? { missing: tree.defaults.missing } : {};

  // Logs: one pass over every source for all log signals.
  const logSignals = signalsOf(tree, 'logs');
  const compiled: CompiledLogSignal[] = logSignals.map((o) => compileLogSignal(o.signal));
  const logs = await collectLogs(sources.logs, compiled, { window, ...(baseline ? { baseline } : {}), zone, templates: options.templates !== false });
  const scan = logs.scan;
  logSignals.forEach((o, i) => {
    const verdict = evaluateLogSignal(compiled[i]!, scan?.signals[i], window, baseline, { ...missingDefault, optionNames });
    signals.push({ owner: o.owner, ownerKind: o.ownerKind, kind: 'log', ...labelOf(o.signal), pattern: o.signal.pattern, ...verdict, ...(scan ? { source: 'logs' as const } : {}), ...rates(o.signal) });
  });

  // Metrics: files first; a live Prometheus answers every query (files are not consulted then).
  const metricSignals = signalsOf(tree, 'metrics');
  const metrics = await collectMetricFiles(sources.metricFiles ?? [], { zone, ...reader });
  const metricFiles = metrics.summaries;
  const fileSeries = metrics.series;
  if (metrics.duplicates > 0) {
    notes.push(`${metrics.duplicates} metric point${metrics.duplicates > 1 ? 's' : ''} repeated a series' time in the metric files: the first read was kept (files in the order given)`);
  }
  const judge: MetricJudging = { window, ...(baseline ? { baseline } : {}), missingDefault, treeMissing: tree.defaults?.missing, optionNames };
  let prometheus: EvidenceResult['prometheus'];
  if (sources.prometheus) {
    const asked = await judgeByPrometheus(metricSignals, { ...sources.prometheus, concurrency: options.concurrency ?? sources.prometheus.concurrency ?? 4, optionNames }, judge);
    prometheus = asked.summary;
    warnings.push(...asked.warnings);
    signals.push(...asked.signals);
  } else {
    signals.push(...judgeByMetricFiles(metricSignals, metricFiles.length > 0 ? fileSeries : undefined, judge));
  }

  // Changes.
  const collectedChanges = sources.changesFile ? await collectChanges(sources.changesFile, { zone, ...reader }) : undefined;
  const changes = collectedChanges?.changes;
  for (const o of signalsOf(tree, 'changes')) signals.push(changeResult(o, evaluateChangeSignal(o.signal, changes, window, { ...(tree.defaults?.within !== undefined ? { defaultWithin: tree.defaults.within } : {}), optionNames }), changes !== undefined));

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
  }
  const emptyWindow = explainWindowWithoutData(window, scan, metricFiles.length > 0 ? fileSeries : undefined, { zone, optionNames });
  if (emptyWindow) notes.push(emptyWindow);
  return {
    window,
    ...(baseline ? { baseline } : {}),
    timezone: zone.name,
    signals: orderByOwner(tree, signals),
    logs: scan?.sources ?? [],
    metricFiles,
    ...(prometheus ? { prometheus } : {}),
    ...(changes ? { changes: { file: changes.file, changes: changes.changes.length, skipped: changes.skipped } } : {}),
    unexplained,
    ...(miner ? { templates: { count: miner.templates().length, windowLines: miner.lines.window, baselineLines: miner.lines.baseline } } : {}),
    notes,
    warnings,
    read: { files: [...logs.read, ...metrics.read, ...(collectedChanges?.read ?? [])], ...(changes ? { changes } : {}) },
  };
}

/** What judging a metric signal needs besides its series. */
interface MetricJudging extends TimeWindow {
  readonly missingDefault: { missing?: MissingData };
  readonly treeMissing: MissingData | undefined;
  readonly optionNames: OptionNames;
}

/**
 * Every metric query asked of the live Prometheus: a state per signal, the source's summary, and a
 * warning per problem (a problem of the whole source said once); every query failing throws them as errors.
 */
async function judgeByPrometheus(metricSignals: readonly Owned<MetricSignal>[], source: PrometheusSourceOptions, judge: MetricJudging): Promise<{ signals: SignalResult[]; summary: NonNullable<EvidenceResult['prometheus']>; warnings: Diagnostic[] }> {
  const { window, baseline } = judge;
  const ranges: TimeRange[] = !baseline ? [window] : baseline.end === window.start ? [{ start: baseline.start, end: window.end }] : [baseline, window];
  const { outcomes, problem } = await queryPrometheusSource(
    metricSignals.map((o) => o.signal.query),
    ranges,
    source,
  );
  const results: QueryOutcome[] = metricSignals.map((o) => outcomes.get(o.signal.query)!);
  const failed = results.filter((r) => 'error' in r);
  // A problem of the whole source is said once; each query that failed alone is said as well.
  const own = [...new Set(failed.map((f) => (f as { error: FtreeError }).error))].filter((e) => !problem || !isSourceWide(e));
  const said = [...(problem ? [problem] : []), ...own.map((e) => e.diagnostics[0]!)];
  if (results.length > 0 && failed.length === results.length) {
    throw new FtreeError(dedupe(said).map((d) => ({ ...d, severity: 'error' as const })));
  }
  const signals = metricSignals.map((o, i) => {
    const r = results[i]!;
    const verdict = 'error' in r ? { state: 'unknown' as const, reason: r.error.diagnostics[0]!.message, samples: [], rule: ruleOf(o.signal) } : evaluateMetricSignal(o.signal, r.series, window, baseline, judge.missingDefault);
    return metricResult(o, verdict, 'prometheus');
  });
  return {
    signals,
    summary: { url: redactUrl(source.url), queries: results.length, failed: failed.length },
    warnings: dedupe(said).map((d) => ({ ...d, severity: 'warning' as const })),
  };
}

/** Every metric signal judged on the series of the metric files (undefined: no file was given). */
function judgeByMetricFiles(metricSignals: readonly Owned<MetricSignal>[], fileSeries: readonly MetricSeries[] | undefined, judge: MetricJudging): SignalResult[] {
  return metricSignals.map((o) => {
    const names = judge.optionNames;
    if (!fileSeries) return metricResult(o, { state: 'unknown', reason: `No metrics were given (${names.metricFiles} or ${names.prometheus})`, samples: [], rule: ruleOf(o.signal) });
    const sel = selectSeries(o.signal.query, fileSeries, { optionNames: names });
    const verdict =
      'series' in sel
        ? evaluateMetricSignal(o.signal, sel.series, judge.window, judge.baseline, judge.missingDefault)
        : sel.noData
          ? missingVerdict(o.signal.missing ?? judge.treeMissing ?? 'unknown', sel.reason, ruleOf(o.signal))
          : { state: 'unknown' as const, reason: sel.reason, samples: [], rule: ruleOf(o.signal) };
    return metricResult(o, verdict, 'files');
  });
}

/** Each owner's signals together (logs, metrics, changes), owners in the order of the tree's files. */
function orderByOwner(tree: FaultTree, signals: readonly SignalResult[]): SignalResult[] {
  const position = new Map<string, number>();
  [...tree.gates.values(), ...tree.events.values()].forEach((node, i) => {
    const file = node.span ? Math.max(0, tree.files.indexOf(node.span.file)) : tree.files.length;
    position.set(node.id, file * 1e12 + (node.span?.start ?? 1e11 + i));
  });
  const kindOrder = { log: 0, metric: 1, change: 2 } as const;
  return signals.map((s, i) => ({ s, i })).sort((a, b) => position.get(a.s.owner)! - position.get(b.s.owner)! || kindOrder[a.s.kind] - kindOrder[b.s.kind] || a.i - b.i).map((x) => x.s);
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

function changeResult(o: Owned<ChangeSignal>, verdict: Omit<SignalResult, 'owner' | 'ownerKind' | 'kind'>, fromFile: boolean): SignalResult {
  return {
    owner: o.owner,
    ownerKind: o.ownerKind,
    kind: 'change',
    ...labelOf(o.signal),
    ...(o.signal.service !== undefined ? { service: o.signal.service } : {}),
    ...(o.signal.kind !== undefined ? { changeKind: o.signal.kind } : {}),
    ...verdict,
    ...(fromFile ? { source: 'changes' as const } : {}),
    ...rates(o.signal),
  };
}

function metricResult(o: Owned<MetricSignal>, verdict: Omit<SignalResult, 'owner' | 'ownerKind' | 'kind' | 'query'>, source?: 'files' | 'prometheus'): SignalResult {
  return { owner: o.owner, ownerKind: o.ownerKind, kind: 'metric', ...labelOf(o.signal), query: o.signal.query, ...verdict, ...(source ? { source } : {}), ...(o.signal.additive ? { additive: true } : {}), ...rates(o.signal) };
}

/**
 * A note when the window holds none of the given logs and metric files: the span they cover and
 * what to pass instead (explain-empty-window.ts); the short note when the logs have no time at all.
 */
function explainWindowWithoutData(window: TimeRange, scan: LogScanResult | undefined, fileSeries: readonly MetricSeries[] | undefined, options: { zone: TimeZone; optionNames: OptionNames }): string | undefined {
  const names = options.optionNames;
  const noLogLine = `No log line falls in the window: check ${names.since}/${names.until} and ${names.zone}`;
  const logsEmpty = scan !== undefined && scan.sources.every((s) => s.windowLines === 0);
  const metricsEmpty = fileSeries !== undefined && !fileSeries.some((s) => s.times.some((t) => t >= window.start && t < window.end));
  if (!(logsEmpty || metricsEmpty) || (scan && !logsEmpty) || (fileSeries && !metricsEmpty)) {
    return logsEmpty ? noLogLine : undefined;
  }
  const logTimes = scan?.sources.flatMap((s) => (s.firstTime !== undefined && s.lastTime !== undefined ? [[s.firstTime, s.lastTime]] : [])) ?? [];
  const logs = spanOfTimes(logTimes);
  const metrics = fileSeries ? spanOfTimes(fileSeries.map((s) => s.times)) : undefined;
  const explained = explainEmptyWindow(window, { ...(logs ? { logs } : {}), ...(metrics ? { metrics } : {}) }, options);
  return explained ?? (logsEmpty ? noLogLine : undefined);
}

/** The queries the deadline or a server that went away left unanswered (said once in the source's problem). */
function isSourceWide(e: FtreeError): boolean {
  return e instanceof PrometheusQueryError && e.problem !== 'answer';
}

function dedupe(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => !seen.has(d.message) && seen.add(d.message));
}
