// `ftree calibrate`: basic-event rates from a team's incident history (cli stage).
// load tree → read history → calibrate (gamma–Poisson) → replay the incidents' evidence for the
// signals' rates → render → with --write, rewrite the file's values.

import { calibrateEvents } from '../diagnose/calibrate-events.js';
import { estimateSignalRates, type ReplayedIncident } from '../diagnose/estimate-signal-rates.js';
import { collectEvidence } from '../evidence/collect-evidence.js';
import { parseTimeZone, type TimeZone } from '../evidence/index.js';
import { listLogSources } from '../evidence/list-log-sources.js';
import { listMetricFiles } from '../evidence/list-metric-files.js';
import { readIncidentHistory, readPeriod, type IncidentRecord } from '../evidence/read-incident-history.js';
import type { FaultTree } from '../model/fault-tree.js';
import { CLI_OPTION_NAMES, EXIT } from './error-table.js';
import { renderCalibrationJson, renderCalibrationText, type SignalReplay } from '../report/calibration-text.js';
import { updateTreeYaml, type EventUpdate } from '../report/update-tree-yaml.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './global-options.js';
import { usageError } from './parse-options.js';
import { writeOutputFile } from './write-output.js';
import { INPUT_LIMITS, readInputText } from '../model/read-input-file.js';

export interface CalibrateOptions extends GlobalOptions {
  readonly history: string;
  readonly period?: string;
  readonly write?: boolean;
  readonly format: 'text' | 'json';
  readonly timezone: string;
  readonly priorWeight?: string;
}

export async function runCalibrate(treeFile: string, options: CalibrateOptions): Promise<number> {
  if (!/\.ya?ml$/i.test(treeFile)) throw usageError('ftree calibrate updates a YAML tree file', 'import other formats first: ftree import model.xml -o tree.yaml');
  const zone = parseTimeZone(options.timezone);
  if (!zone) throw usageError(`Unknown time zone "${options.timezone}"`, 'use UTC, an offset such as +02:00, or an IANA name such as Europe/Berlin');
  const priorWeight = options.priorWeight === undefined ? undefined : Number(options.priorWeight);
  if (priorWeight !== undefined && !(priorWeight > 0 && Number.isFinite(priorWeight))) throw usageError(`--prior-weight must be a positive number, not ${options.priorWeight}`);
  const { tree } = await loadInput([treeFile], { allowOutsidePaths: options.allowOutsidePaths, color: options.color !== false });
  const history = await readIncidentHistory(options.history, zone);
  let period = history.period;
  if (options.period !== undefined) {
    const p = readPeriod(options.period, zone);
    if (typeof p === 'string') throw usageError(`--period: ${p}`, 'write START..END, for example 2025-01-01..2026-01-01');
    period = p;
  }
  if (!period) {
    throw usageError(`The history ${options.history} does not state the period it covers`, 'add a line `# period: 2025-01-01..2026-01-01` (CSV) or `{"period": "2025-01-01..2026-01-01"}` (JSON lines), or give --period');
  }
  const calibration = calibrateEvents(tree, history, { period, ...(priorWeight !== undefined ? { priorWeight } : {}) });
  const updates: EventUpdate[] = calibration.events.map((e) => ({
    id: e.id,
    ...(e.model === 'probability' ? { probability: e.newProbability } : { rate: e.rate }),
    ...(e.mttr ? { mttr: e.mttr.hours } : {}),
    distribution: e.distribution,
  }));
  const signals = await replaySignals(tree, history.records, zone, period);
  const text = await readInputText(treeFile, treeFile, INPUT_LIMITS.treeBytes);
  const update = updateTreeYaml(text, updates);
  const wrote = options.write === true && update.written.size > 0;
  if (wrote) await writeOutputFile(treeFile, update.text, { force: true });
  const write = { file: treeFile, wrote, written: update.written, notWritten: update.notWritten, signals };
  const meta = { tree: tree.name, history: options.history };
  process.stdout.write(options.format === 'json' ? renderCalibrationJson(calibration, meta, write) : renderCalibrationText(calibration, meta, write));
  return EXIT.ok;
}

/**
 * Collects the evidence of every incident in the period whose record names logs or metrics, over
 * the incident (its start to its end) against a baseline as long just before, and estimates each
 * signal's rates from those replays.
 */
async function replaySignals(tree: FaultTree, records: readonly IncidentRecord[], zone: TimeZone, period: { start: number; end: number }): Promise<SignalReplay | undefined> {
  const withEvidence = records.filter((r) => (r.logs ?? r.metrics) !== undefined && r.start >= period.start && r.start < period.end);
  if (withEvidence.length === 0) return undefined;
  const replayed: ReplayedIncident[] = [];
  const skipped: { line: number; reason: string }[] = [];
  for (const r of withEvidence) {
    if (r.durationHours === undefined || r.durationHours <= 0) {
      skipped.push({ line: r.line, reason: 'no duration or end: the incident window is unknown' });
      continue;
    }
    const window = { start: r.start, end: r.start + r.durationHours * 3_600_000 };
    const sources = {
      ...(r.logs ? { logs: await listLogSources(r.logs) } : {}),
      ...(r.metrics ? { metricFiles: await listMetricFiles(r.metrics) } : {}),
    };
    const evidence = await collectEvidence(tree, sources, { window, baseline: { start: 2 * window.start - window.end, end: window.start }, zone, templates: false, optionNames: CLI_OPTION_NAMES });
    replayed.push({ line: r.line, events: r.events.filter((e) => tree.events.has(e)), evidence });
  }
  return { replayed: replayed.length, skipped, estimates: estimateSignalRates(tree, replayed) };
}
