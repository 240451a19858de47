// `ftree evidence`: the state of every signal of a tree over an incident window (cli stage).
// load tree → resolve window → list sources → collectEvidence → render text or JSON. `analyze`
// with evidence options gathers its evidence through gatherEvidence() here.

import { withStepStatus } from './step-status.js';
import { terminalWidth } from './terminal-width.js';
import { CLI_OPTION_NAMES, EXIT } from './error-table.js';
import { parseDuration } from '../model/units.js';
import { collectEvidence, listLogSources, listMetricFiles, parseTimeZone, resolveTimeWindow, type CollectedEvidence, type EvidenceSources, type PrometheusAuth, type TimeZone } from '../evidence/index.js';
import type { FaultTree } from '../model/fault-tree.js';
import { evidenceToJson } from '../report/evidence-json.js';
import { renderEvidenceText } from '../report/evidence-text.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './global-options.js';
import { chalkFor, printWarnings } from './output.js';
import { usageError } from './parse-options.js';

/** The options that say where the evidence is and which window to read (shared with `analyze`). */
export interface EvidenceSourceOptions {
  readonly logs?: string[];
  readonly metrics?: string[];
  readonly prometheus?: string;
  readonly changes?: string;
  readonly since?: string;
  readonly until?: string;
  readonly baseline?: string;
  readonly timezone: string;
  readonly templates?: boolean;
  readonly step?: string;
  readonly timeout?: string;
}

export interface EvidenceOptions extends GlobalOptions, EvidenceSourceOptions {
  readonly format: 'text' | 'json';
}

export async function runEvidence(files: readonly string[], options: EvidenceOptions): Promise<number> {
  const color = options.color !== false;
  const { tree } = await loadInput(files, { allowOutsidePaths: options.allowOutsidePaths, color });
  const { evidence } = await gatherEvidence(tree, options);
  printWarnings(evidence.warnings, new Map(), color);
  const report = { tree, evidence };
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(evidenceToJson(report), null, 2)}\n`);
  else process.stdout.write(`${renderEvidenceText(report, { chalk: chalkFor(process.stdout, color), width: terminalWidth() })}\n`);
  return EXIT.ok;
}

/** Resolves the window and the sources from the options, then collects the tree's evidence (with what was read: no file needs reading again). */
export async function gatherEvidence(tree: FaultTree, options: EvidenceSourceOptions): Promise<{ evidence: CollectedEvidence; zone: TimeZone }> {
  const zone = parseTimeZone(options.timezone);
  if (!zone) throw usageError(`Unknown time zone "${options.timezone}"`, 'use UTC, an offset such as +02:00, or an IANA name such as Europe/Berlin');
  const { window, baseline, notes: windowNotes } = resolveTimeWindow({
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
    ...(options.baseline !== undefined ? { baseline: options.baseline } : {}),
    zone,
    optionNames: CLI_OPTION_NAMES,
  });
  const logPaths = options.logs ?? [];
  if (logPaths.filter((p) => p === '-').length > 1) throw usageError('Standard input (-) can be read once only');
  const sources: EvidenceSources = {
    ...(logPaths.length > 0 ? { logs: await listLogSources(logPaths, { stdin: process.stdin }) } : {}),
    ...(options.metrics ? { metricFiles: await listMetricFiles(options.metrics) } : {}),
    ...(options.prometheus ? { prometheus: { url: options.prometheus, auth: prometheusAuth(), ...prometheusTiming(options) } } : {}),
    ...(options.changes ? { changesFile: options.changes } : {}),
  };
  const reading = [sources.logs ? `${sources.logs.length} log source${sources.logs.length === 1 ? '' : 's'}` : '', sources.metricFiles ? 'metric files' : '', sources.prometheus ? 'Prometheus' : '', sources.changesFile ? 'changes' : ''].filter(Boolean).join(', ');
  const collected = await withStepStatus(`reading the evidence (${reading || 'no source'})`, () => collectEvidence(tree, sources, { window, ...(baseline ? { baseline } : {}), zone, templates: options.templates !== false, optionNames: CLI_OPTION_NAMES }));
  // How the window was read (a time of day taken as yesterday's, a window in the future) comes first.
  const evidence = windowNotes.length > 0 ? { ...collected, notes: [...windowNotes, ...collected.notes] } : collected;
  return { evidence, zone };
}

/** Credentials from the environment only, so that they stay out of shell history and output. */
export function prometheusAuth(): PrometheusAuth {
  const env = process.env;
  return {
    ...(env['FTREE_PROMETHEUS_TOKEN'] ? { token: env['FTREE_PROMETHEUS_TOKEN'] } : {}),
    ...(env['FTREE_PROMETHEUS_USER'] ? { user: env['FTREE_PROMETHEUS_USER'] } : {}),
    ...(env['FTREE_PROMETHEUS_PASSWORD'] ? { password: env['FTREE_PROMETHEUS_PASSWORD'] } : {}),
  };
}

export function prometheusTiming(options: Pick<EvidenceSourceOptions, 'step' | 'timeout'>): { stepSeconds?: number; deadlineMs?: number } {
  const seconds = (value: string | undefined, flag: string): number | undefined => {
    if (value === undefined) return undefined;
    const d = parseDuration(/^\d+(\.\d+)?$/.test(value) ? `${value}s` : value);
    if (!d.ok || d.value <= 0) throw usageError(`${flag} takes a positive duration such as 30s or 1m, not "${value}"`);
    return d.value * 3600;
  };
  const step = seconds(options.step, '--step');
  const timeout = seconds(options.timeout, '--timeout');
  return { ...(step !== undefined ? { stepSeconds: Math.ceil(step) } : {}), ...(timeout !== undefined ? { deadlineMs: timeout * 1000 } : {}) };
}
