// `ftree report`: a postmortem section in Markdown (with a Mermaid diagram) or self-contained HTML
// (with an SVG drawing) (cli stage).
// load → analyse (P(top), P(x|T), gate probabilities, cut sets, single points of failure)
// → with evidence: gather it and diagnose → build the postmortem → render → stdout or a file.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { redactCredentials, redactUrl } from '../model/redact-credentials.js';
import { diagnoseIncident, type Diagnosis } from '../diagnose/index.js';
import type { ReadFile } from '../evidence/index.js';
import { parseTimePoint } from '../evidence/index.js';
import { analyzeProbability, computeMinimalCutSets, findSinglePointsOfFailure, isEngineLimit, selectTopCutSets, type ProbabilityAnalysis } from '../engine/index.js';
import { computeGateProbabilities, type GateProbability } from '../engine/gate-probabilities.js';
import { isFtreeError } from '../model/diagnostic.js';
import { readInputFileSync, type ReadModelFile } from '../model/read-input-file.js';
import { CLI_OPTION_NAMES, EXIT } from './error-table.js';
import type { FaultTree } from '../model/fault-tree.js';
import { buildPostmortem, formatHours, type InputFile } from '../report/postmortem.js';
import { renderPostmortemHtml } from '../report/postmortem-html.js';
import { renderPostmortemMarkdown } from '../report/postmortem-markdown.js';
import { VERSION } from '../version.js';
import { gatherEvidence, type EvidenceSourceOptions } from './evidence.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './global-options.js';
import { printWarnings } from './output.js';
import { writeOutput } from './write-output.js';
import { usageError } from './parse-options.js';

export interface ReportOptions extends GlobalOptions, EvidenceSourceOptions {
  readonly format: 'markdown' | 'html';
  readonly output?: string;
  readonly force?: boolean;
  readonly limit?: string;
  readonly topEvent?: string;
  readonly onset?: string;
}

/**
 * Gate probabilities need one flat BDD per gate: above this size of the top event's (modular) BDD
 * they would take minutes or exhaust the node budget, and the drawing shows the events' numbers only.
 */
const MAX_BDD_NODES_FOR_GATES = 50_000;
/** The flat BDDs of the gates recurse once per variable: beyond this many events they are not built (a 10,000-event chain would overflow the stack). */
const MAX_EVENTS_FOR_GATES = 2_000;

/** Cut sets listed, and the largest order searched for them. */
const CUT_SETS_LISTED = 10;
const CUT_SET_MAX_ORDER = 4;

export async function runReport(files: readonly string[], options: ReportOptions, argv: readonly string[] = []): Promise<number> {
  const limit = parseLimit(options.limit);
  const color = options.color !== false;
  // The tree files' hashes are taken from the bytes the loader reads, so no tree file is read twice.
  const treeHashes = new Map<string, string>();
  const readFile: ReadModelFile = (path, maxBytes) => {
    const bytes = readInputFileSync(path, maxBytes);
    treeHashes.set(path, createHash('sha256').update(bytes).digest('hex'));
    return bytes;
  };
  const { tree } = await loadInput(files, { allowOutsidePaths: options.allowOutsidePaths, color, readFile, ...(options.topEvent !== undefined ? { top: options.topEvent } : {}) });
  const analysis = analyzeProbability(tree);
  const cutSets = mostProbableCutSets(analysis);
  const singlePoints = findSinglePointsOfFailure(analysis.model);
  const hasEvidence = (['logs', 'metrics', 'prometheus', 'changes'] as const).some((k) => options[k] !== undefined);
  let diagnosis: Diagnosis | undefined;
  let read: readonly ReadFile[] = [];
  if (hasEvidence) {
    const { evidence, zone } = await gatherEvidence(tree, options);
    printWarnings(evidence.warnings, new Map(), color);
    const changes = evidence.read.changes;
    read = evidence.read.files;
    const onset = options.onset === undefined ? undefined : parseTimePoint(options.onset, '--onset', Date.now(), zone);
    diagnosis = diagnoseIncident(tree, evidence, { ...(changes ? { changes } : {}), ...(onset !== undefined ? { onset } : {}), ...(cutSets ? { cutSets: cutSets.map((c) => c.events) } : {}), limit: CUT_SETS_LISTED, optionNames: CLI_OPTION_NAMES });
  } else if (options.since !== undefined || options.until !== undefined || options.baseline !== undefined) {
    throw usageError('--since, --until and --baseline need evidence', 'add --logs, --metrics, --prometheus or --changes');
  } else if (options.onset !== undefined) {
    throw usageError('--onset needs evidence', 'add --logs, --metrics, --prometheus or --changes');
  }
  const gates = gateProbabilities(tree, analysis, diagnosis);
  const inputs: InputFile[] = [];
  for (const file of tree.files) {
    const sha256 = treeHashes.get(file);
    inputs.push(sha256 !== undefined ? { path: file, sha256, role: 'tree file' } : await hashInput(file, 'tree file'));
  }
  // The evidence files as named, with the hashes the collectors took while reading them (a folder is named as one).
  const hashOf = (path: string, role: ReadFile['role']): Promise<InputFile> => {
    const r = read.find((f) => f.path === path && f.role === role);
    return r ? Promise.resolve({ path, sha256: r.sha256, role }) : hashInput(path, role);
  };
  for (const file of options.logs ?? []) if (file !== '-') inputs.push(await hashOf(file, 'logs'));
  for (const file of options.metrics ?? []) inputs.push(await hashOf(file, 'metrics'));
  if (options.changes) inputs.push(await hashOf(options.changes, 'changes'));
  const pm = buildPostmortem({
    tree,
    analysis,
    ...(gates ? { gates } : {}),
    ...(cutSets ? { cutSets } : {}),
    singlePoints,
    ...(diagnosis ? { diagnosis } : {}),
    inputs,
    version: VERSION,
    command: argv.map(redactCredentials),
    settings: [
      ['mission time', formatHours(tree.missionTime)],
      ['method', diagnosis ? 'exact posteriors given the top event and the evidence, on a BDD' : 'exact P(top) and P(x|T) on a BDD'],
      ['evidence', diagnosis ? describeSources(options) : 'none'],
      ...(diagnosis ? [['window', `${iso(diagnosis.evidence.window.start)} – ${iso(diagnosis.evidence.window.end)} (${diagnosis.evidence.timezone})`] as const] : []),
      ...(diagnosis?.evidence.baseline ? [['baseline', `${iso(diagnosis.evidence.baseline.start)} – ${iso(diagnosis.evidence.baseline.end)}`] as const] : []),
      ['cut sets', cutSets ? `the ${CUT_SETS_LISTED} most probable of at most ${CUT_SET_MAX_ORDER} events` : 'not computed (too many)'],
      ['suspects listed', String(limit)],
      ...(gates ? [] : [['gate probabilities', 'not computed (the tree\'s BDD is too large)'] as const]),
    ],
    limit,
  });
  const text = options.format === 'html' ? renderPostmortemHtml(pm) : renderPostmortemMarkdown(pm);
  await writeOutput(options.output, text, { force: options.force === true });
  return EXIT.ok;
}

/** The most probable minimal cut sets of a bounded order, or undefined when the ZBDD grows too large. */
function mostProbableCutSets(analysis: ProbabilityAnalysis): { events: string[]; probability: number }[] | undefined {
  try {
    const family = computeMinimalCutSets(analysis.model, { maxOrder: CUT_SET_MAX_ORDER });
    return selectTopCutSets(family, CUT_SETS_LISTED).map((c) => ({ events: c.literals.map((v) => family.variables[v < 0 ? ~v : v]!), probability: c.probability }));
  } catch (e) {
    if (isFtreeError(e)) return undefined;
    throw e;
  }
}

/** P(G), P(G|T) of the gates (at the evidence-adjusted probabilities with a diagnosis); undefined when their flat BDDs are too large. */
function gateProbabilities(tree: FaultTree, analysis: ProbabilityAnalysis, diagnosis: Diagnosis | undefined): Map<string, GateProbability> | undefined {
  if (analysis.bddNodes > MAX_BDD_NODES_FOR_GATES || analysis.variables.length > MAX_EVENTS_FOR_GATES) return undefined;
  const adjusted = diagnosis ? new Map(diagnosis.events.map((e) => [e.id, e.adjusted])) : undefined;
  const q = adjusted ? Float64Array.from(analysis.variables, (id) => adjusted.get(id) ?? 0) : undefined;
  try {
    return computeGateProbabilities(tree, tree.gates.keys(), q ? { q } : {});
  } catch (e) {
    if (isEngineLimit(e, 'bdd')) return undefined;
    throw e;
  }
}

async function hashInput(path: string, role: string): Promise<InputFile> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return { path, sha256: info?.isDirectory() ? '(a folder)' : '(unreadable)', role };
  // Streamed: logs may be larger than memory.
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { path, sha256: hash.digest('hex'), role };
}

function describeSources(options: ReportOptions): string {
  const parts: string[] = [];
  if (options.logs) parts.push(`logs (${options.logs.length})`);
  if (options.metrics) parts.push(`metric files (${options.metrics.length})`);
  if (options.prometheus) parts.push(`Prometheus ${redactUrl(options.prometheus)}`);
  if (options.changes) parts.push('changes');
  return parts.join(', ');
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 10;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw usageError(`--limit takes a whole number above 0, not "${value}"`);
  return n;
}
