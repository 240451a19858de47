// `ftree analyze` with evidence: incident diagnosis (cli stage).
// load tree (→ the tree at --at) → gather evidence (as `ftree evidence`) → read changes →
// diagnoseIncident → render text, JSON or Markdown. Reached from `analyze` when an evidence option is given.

import { diagnoseIncident } from '../diagnose/index.js';
import { parseTimePoint } from '../evidence/index.js';
import { readChanges } from '../evidence/read-changes.js';
import { EXIT, FtreeError } from '../model/diagnostic.js';
import { treeAtTime } from '../model/tree-at-time.js';
import { parseDuration } from '../model/units.js';
import { diagnosisToJson } from '../report/diagnosis-json.js';
import { renderDiagnosisMarkdown } from '../report/diagnosis-markdown.js';
import { renderDiagnosisText } from '../report/diagnosis-text.js';
import { gatherEvidence, type EvidenceSourceOptions } from './evidence.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './main.js';
import { chalkFor, printWarnings } from './output.js';

export interface AnalyzeIncidentOptions extends GlobalOptions, EvidenceSourceOptions {
  readonly format: 'text' | 'json' | 'markdown';
  readonly limit?: string;
  readonly topEvent?: string;
  readonly missionTime?: string;
  readonly maxBddNodes?: string;
  /** The priors at this time instead of the mission time (as plain `analyze --at`). */
  readonly at?: string;
  readonly sensitivity?: string;
  readonly falseAlarm?: string;
  readonly topObserved?: string;
  readonly onset?: string;
}


export async function runAnalyzeIncident(files: readonly string[], options: AnalyzeIncidentOptions): Promise<number> {
  const color = options.color !== false;
  const sensitivity = parseProbabilityOption(options.sensitivity, '--sensitivity');
  const falseAlarm = parseProbabilityOption(options.falseAlarm, '--false-alarm');
  const topObserved = parseBooleanOption(options.topObserved, '--top-observed');
  const limit = options.limit === undefined ? undefined : parseWholeNumber(options.limit, '--limit');
  const maxNodes = options.maxBddNodes === undefined ? undefined : parseWholeNumber(options.maxBddNodes, '--max-bdd-nodes', 1);
  const missionTime = options.missionTime === undefined ? undefined : parseMissionTime(options.missionTime, '--mission-time');
  const at = options.at === undefined ? undefined : parseMissionTime(options.at, '--at');
  const loaded = await loadInput(files, {
    color,
    ...(options.topEvent !== undefined ? { top: options.topEvent } : {}),
    ...(missionTime !== undefined ? { missionTime } : {}),
  });
  const tree = at === undefined ? loaded.tree : treeAtTime(loaded.tree, at);
  const { evidence, zone } = await gatherEvidence(tree, options);
  printWarnings(evidence.warnings, new Map(), color);
  const changes = options.changes ? await readChanges(options.changes, zone) : undefined;
  const onset = options.onset === undefined ? undefined : parseTimePoint(options.onset, '--onset', Date.now(), zone);
  const diagnosis = diagnoseIncident(tree, evidence, {
    ...(topObserved !== undefined ? { topObserved } : {}),
    rates: { ...(sensitivity !== undefined ? { sensitivity } : {}), ...(falseAlarm !== undefined ? { falseAlarm } : {}) },
    ...(changes ? { changes } : {}),
    ...(onset !== undefined ? { onset } : {}),
    ...(maxNodes !== undefined ? { maxNodes } : {}),
  });
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(diagnosisToJson(diagnosis), null, 2)}\n`);
  else if (options.format === 'markdown') process.stdout.write(renderDiagnosisMarkdown(diagnosis, limit === undefined ? {} : { limit }));
  else {
    const text = renderDiagnosisText(diagnosis, { chalk: chalkFor(process.stdout, color), width: process.stdout.columns ?? 80, ...(limit === undefined ? {} : { limit }) });
    process.stdout.write(`${text}\n`);
  }
  return EXIT.ok;
}

function parseProbabilityOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw usageError(`${flag} takes a probability between 0 and 1, not "${value}"`);
  return n;
}

function parseBooleanOption(value: string | undefined, flag: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw usageError(`${flag} takes true or false, not "${value}"`);
}

function parseWholeNumber(value: string, flag: string, min = 0): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw usageError(`${flag} takes a whole number${min > 0 ? ' above 0' : ''}, not "${value}"`);
  return n;
}

function parseMissionTime(value: string, flag: string): number {
  const r = parseDuration(value);
  if (!r.ok || r.value <= 0) throw usageError(`${flag} takes a positive duration such as 24h or 1y, not "${value}"`);
  return r.value;
}

function usageError(message: string): FtreeError {
  return new FtreeError({ code: 'USAGE', severity: 'error', message }, EXIT.usage);
}
