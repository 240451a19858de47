// The terminal summary of `ftree analyze` (report stage): top event, exact probability, model size,
// then the events ranked by P(x|T), fitted to an 80-column terminal.

import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { rankEvents, type AnalysisReport } from './analysis-json.js';
import { formatCount, formatProbability, formatSeconds } from './format-number.js';
import { wrapWords } from './wrap-words.js';
import { formatRelativeError } from './format-approximation.js';
import type { CutSetAnalysis } from '../engine/index.js';
import { escapeControlCharacters } from './terminal-text.js';

export interface AnalysisTextOptions {
  readonly chalk: ChalkInstance;
  /** How many events to list (all when undefined). */
  readonly limit?: number;
  /** Terminal width; tables are fitted to it. */
  readonly width?: number;
}

export function renderAnalysisText(report: AnalysisReport, options: AnalysisTextOptions): string {
  const { chalk } = options;
  const { tree, analysis } = report;
  const width = Math.max(60, options.width ?? 80);
  const top = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  const lines: string[] = [];
  lines.push(chalk.bold(escapeControlCharacters(tree.title ?? tree.name)) + chalk.dim(`  (${escapeControlCharacters(tree.file)})`));
  lines.push(`${chalk.dim('Top event')}  ${tree.top}${top?.label ? ` — ${escapeControlCharacters(top.label)}` : ''}`);
  lines.push(`${chalk.dim('P(top)')}     ${chalk.bold(formatProbability(analysis.pTop, 6))} ${chalk.dim('(exact, BDD)')}`);
  const houses = tree.houses.size > 0 ? `, ${plural(tree.houses.size, 'house event')}` : '';
  lines.push(
    `${chalk.dim('Model')}      ${plural(tree.gates.size, 'gate')}, ${plural(tree.events.size, 'basic event')}${houses}` +
      ` · mission ${formatHours(tree.missionTime)} · BDD ${formatCount(analysis.bddNodes)} nodes · ${formatSeconds(analysis.seconds)}`,
  );
  if (report.cutSets !== undefined) lines.push(...cutSetLines(report.cutSets, chalk, width));
  lines.push('');

  // Modelling events (`suspect: false`: conditions, propagation) are no one's root cause.
  const all = rankEvents(report);
  const ranked = all.filter((e) => tree.events.get(e.id)?.suspect !== false);
  const modelling = all.length - ranked.length;
  const shown = options.limit === undefined ? ranked : ranked.slice(0, options.limit);
  const numWidth = 9;
  // Ids are never cut: the label column takes what is left, and wraps.
  const idWidth = Math.max(5, ...shown.map((e) => e.id.length));
  const labelWidth = Math.max(10, width - 4 - 3 * (numWidth + 1) - (idWidth + 1) - 1);
  const table = new Table({
    head: ['#', 'P(x|T)', 'prior', 'Birnbaum', 'event', 'label'].map((h) => chalk.dim(h)),
    colAligns: ['right', 'right', 'right', 'right', 'left', 'left'],
    colWidths: [4, numWidth + 1, numWidth + 1, numWidth + 1, idWidth + 1, labelWidth + 1],
    wordWrap: true,
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '' },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 1 },
  });
  shown.forEach((e, i) => {
    table.push([String(i + 1), chalk.bold(formatProbability(e.posterior)), formatProbability(e.prior), formatProbability(e.birnbaum), e.id, chalk.dim(escapeControlCharacters(e.label ?? ''))]);
  });
  lines.push(table.toString().replace(/ +$/gm, ''));
  const rest = ranked.length - shown.length;
  if (rest > 0) lines.push(chalk.dim(`… ${plural(rest, 'more event')} (--limit 0 lists all, --format json gives everything)`));
  if (modelling > 0) lines.push(chalk.dim(`${plural(modelling, 'modelling event')} (suspect: false, propagation) not listed; --format json gives them`));
  lines.push(chalk.dim('P(x|T): probability that the event occurred given the top event occurred; Birnbaum: P(T|x) − P(T|¬x)'));
  return lines.join('\n');
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}


function formatHours(h: number): string {
  if (h >= 8760 && h % 8760 === 0) return `${h / 8760} y`;
  if (h >= 24 && h % 24 === 0) return `${h / 24} d`;
  return `${formatProbability(h)} h`;
}

/** The approximations beside the exact value, and the single points of failure. */
function cutSetLines(c: CutSetAnalysis, chalk: ChalkInstance, width: number): string[] {
  const approx = (p: { probability: number; relativeError: number | undefined }): string =>
    `${formatProbability(p.probability, 4)} (${p.relativeError === undefined ? 'exact is 0' : formatRelativeError(p.relativeError)})`;
  const lines: string[] = [];
  if (c.rareEvent === undefined) {
    lines.push(`${chalk.dim('Approx.')}    ${chalk.dim(`skipped: ${c.skipped ?? 'not computed'} (ftree cutsets --max-order N)`)}`);
  } else {
    const parts = [`rare-event ${approx(c.rareEvent)}${c.rareEvent.clipped ? ' clipped' : ''}`, c.mcub !== undefined ? `MCUB ${approx(c.mcub)}` : 'MCUB skipped'];
    const sets = `${plural(c.count ?? 0, 'cut set')} of order ≤ ${c.maxOrder}${c.orderLimited === true ? ', larger ones may exist' : ''}`;
    lines.push(`${chalk.dim('Approx.')}    ${parts.join(' · ')}${chalk.dim(` · over ${sets}`)}`);
  }
  const spof = c.singlePointsOfFailure;
  lines.push(wrapWords(`Single points of failure: ${spof.length === 0 ? 'none' : spof.join(', ')}`, width, 2));
  return lines;
}
