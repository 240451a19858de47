// `ftree report`: a postmortem section in Markdown (with a Mermaid diagram) or self-contained HTML
// (with an SVG drawing) (cli stage).
// load → analyse (P(top), P(x|T), gate probabilities) → build the postmortem → render → stdout or a file.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { analyzeProbability } from '../engine/index.js';
import { computeGateProbabilities, type GateProbability } from '../engine/gate-probabilities.js';
import { EXIT, FtreeError, isFtreeError } from '../model/diagnostic.js';
import { buildPostmortem, formatHours, type InputFile } from '../report/postmortem.js';
import { renderPostmortemHtml } from '../report/postmortem-html.js';
import { renderPostmortemMarkdown } from '../report/postmortem-markdown.js';
import { VERSION } from '../version.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './main.js';
import { writeOutputFile } from './write-output.js';

export interface ReportOptions extends GlobalOptions {
  readonly format: 'markdown' | 'html';
  readonly output?: string;
  readonly force?: boolean;
  readonly limit?: string;
  readonly topEvent?: string;
  readonly logs?: string[];
  readonly metrics?: string[];
  readonly prometheus?: string;
  readonly changes?: string;
  readonly since?: string;
  readonly until?: string;
  readonly baseline?: string;
}

/** Gate probabilities take one flat BDD per gate: skipped for trees larger than this. */
const MAX_GATES_DRAWN_WITH_PROBABILITIES = 5000;

export async function runReport(files: readonly string[], options: ReportOptions, argv: readonly string[] = []): Promise<number> {
  const evidenceFlags = (['logs', 'metrics', 'prometheus', 'changes', 'since', 'until', 'baseline'] as const).filter((k) => options[k] !== undefined);
  if (evidenceFlags.length > 0) {
    throw new FtreeError(
      {
        code: 'USAGE',
        severity: 'error',
        message: `Evidence in reports is not available yet: ${evidenceFlags.map((f) => `--${f}`).join(', ')}`,
        hint: 'the report ranks suspects by P(x|T) without evidence for now; `ftree evidence` shows the signals of an incident window',
      },
      EXIT.usage,
    );
  }
  const limit = parseLimit(options.limit);
  const { tree } = await loadInput(files, { color: options.color !== false, ...(options.topEvent !== undefined ? { top: options.topEvent } : {}) });
  const analysis = analyzeProbability(tree);
  let gates: Map<string, GateProbability> | undefined;
  if (tree.gates.size <= MAX_GATES_DRAWN_WITH_PROBABILITIES) {
    try {
      gates = computeGateProbabilities(analysis.model, tree.top, tree.gates.keys());
    } catch (e) {
      if (!isFtreeError(e) || e.code !== 'BDD_NODE_LIMIT') throw e;
    }
  }
  const inputs: InputFile[] = [];
  for (const file of tree.files) inputs.push({ path: file, sha256: createHash('sha256').update(await readFile(file)).digest('hex'), role: 'tree file' });
  const pm = buildPostmortem({
    tree,
    analysis,
    ...(gates ? { gates } : {}),
    inputs,
    version: VERSION,
    command: argv,
    settings: [
      ['mission time', formatHours(tree.missionTime)],
      ['method', 'exact P(top) and P(x|T) on a BDD'],
      ['evidence', 'none'],
      ['suspects listed', String(limit)],
      ...(gates ? [] : [['gate probabilities', 'not computed (tree too large)'] as const]),
    ],
    limit,
  });
  const text = options.format === 'html' ? renderPostmortemHtml(pm) : renderPostmortemMarkdown(pm);
  if (options.output === undefined || options.output === '-') process.stdout.write(text);
  else await writeOutputFile(options.output, text, { force: options.force === true });
  return EXIT.ok;
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 10;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new FtreeError({ code: 'USAGE', severity: 'error', message: `--limit takes a whole number above 0, not "${value}"` }, EXIT.usage);
  return n;
}
