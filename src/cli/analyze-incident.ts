// `ftree analyze` with evidence: incident diagnosis (cli stage).
// load tree (→ the tree at --at) → gather evidence (as `ftree evidence`, with the changes read) →
// diagnoseIncident → render text, JSON or Markdown. Reached from `analyze` when an evidence option is given.

import { withStepStatus } from './step-status.js';
import { terminalWidth } from './terminal-width.js';
import { diagnoseIncident } from '../diagnose/index.js';
import { parseTimePoint } from '../evidence/index.js';
import { CLI_OPTION_NAMES, EXIT } from './error-table.js';
import { isFtreeError } from '../model/diagnostic.js';
import { treeAtTime } from '../model/tree-at-time.js';
import { diagnosisToJson } from '../report/diagnosis-json.js';
import { renderDiagnosisMarkdown } from '../report/diagnosis-markdown.js';
import { renderDiagnosisText } from '../report/diagnosis-text.js';
import { gatherEvidence, type EvidenceSourceOptions } from './evidence.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './global-options.js';
import { chalkFor, printWarnings } from './output.js';
import { parseCount, parseMissionTime, parsePositiveDuration, parseProbabilityOption, usageError } from './parse-options.js';

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
  const sensitivity = options.sensitivity === undefined ? undefined : parseProbabilityOption(options.sensitivity, '--sensitivity');
  const falseAlarm = options.falseAlarm === undefined ? undefined : parseProbabilityOption(options.falseAlarm, '--false-alarm');
  const topObserved = parseBooleanOption(options.topObserved, '--top-observed');
  const limit = options.limit === undefined ? undefined : parseCount(options.limit, '--limit', true);
  const maxNodes = options.maxBddNodes === undefined ? undefined : parseCount(options.maxBddNodes, '--max-bdd-nodes');
  const missionTime = options.missionTime === undefined ? undefined : parseMissionTime(options.missionTime);
  const at = options.at === undefined ? undefined : parsePositiveDuration(options.at, '--at');
  // The whole tree, with the chosen top event: evidence outside the top's cone still speaks about
  // the events it shares with it (a callee's other callers). An unknown top gets the loader's error.
  const top = options.topEvent;
  const whole = await loadInput(files, { allowOutsidePaths: options.allowOutsidePaths, color, ...(missionTime !== undefined ? { missionTime } : {}) }).catch((e: unknown) => {
    // An MEF model with several roots loads once --top-event names one of them.
    if (top === undefined || !isFtreeError(e) || !e.diagnostics.filter((d) => d.severity === 'error').every((d) => d.code === 'AMBIGUOUS_TOP')) throw e;
    return loadInput(files, { allowOutsidePaths: options.allowOutsidePaths, color, top, ...(missionTime !== undefined ? { missionTime } : {}) });
  });
  const known = top === undefined || whole.tree.gates.has(top) || whole.tree.events.has(top);
  const loaded = known
    ? { tree: top === undefined ? whole.tree : { ...whole.tree, top } }
    : await loadInput(files, { allowOutsidePaths: options.allowOutsidePaths, color, top: top!, printWarnings: false, ...(missionTime !== undefined ? { missionTime } : {}) });
  const tree = at === undefined ? loaded.tree : treeAtTime(loaded.tree, at);
  const { evidence, zone } = await gatherEvidence(tree, options);
  printWarnings(evidence.warnings, new Map(), color);
  const changes = evidence.read.changes;
  const onset = options.onset === undefined ? undefined : parseTimePoint(options.onset, '--onset', Date.now(), zone);
  const diagnosis = await withStepStatus(`diagnosis of ${tree.events.size} events on the BDD`, () =>
    diagnoseIncident(tree, evidence, {
      ...(topObserved !== undefined ? { topObserved } : {}),
      rates: { ...(sensitivity !== undefined ? { sensitivity } : {}), ...(falseAlarm !== undefined ? { falseAlarm } : {}) },
      ...(changes ? { changes } : {}),
      ...(onset !== undefined ? { onset } : {}),
      ...(maxNodes !== undefined ? { maxNodes } : {}),
      optionNames: CLI_OPTION_NAMES,
    }),
  );
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(diagnosisToJson(diagnosis), null, 2)}\n`);
  else if (options.format === 'markdown') process.stdout.write(renderDiagnosisMarkdown(diagnosis, limit === undefined ? {} : { limit }));
  else {
    const text = renderDiagnosisText(diagnosis, { chalk: chalkFor(process.stdout, color), width: terminalWidth(), ...(limit === undefined ? {} : { limit }) });
    process.stdout.write(`${text}\n`);
  }
  return EXIT.ok;
}

function parseBooleanOption(value: string | undefined, flag: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw usageError(`${flag} takes true or false, not "${value}"`);
}
