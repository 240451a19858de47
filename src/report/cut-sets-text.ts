// The terminal summary of `ftree cutsets` (report stage): exact P(top), the number of cut sets per
// order, the rare-event and MCUB approximations with their errors, and the most probable sets.

import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { compareIds } from '../engine/index.js';
import { formatLiterals, describeFamily, type CutSetsReport } from './cut-sets-report.js';
import { formatCount, formatProbability, formatSeconds } from './format-number.js';
import { formatApproximation } from './format-approximation.js';
import { clip, escapeControlCharacters } from './terminal-text.js';

export interface CutSetsTextOptions {
  readonly chalk: ChalkInstance;
  /** Terminal width; the table is fitted to it. */
  readonly width?: number;
}

export function renderCutSetsText(report: CutSetsReport, options: CutSetsTextOptions): string {
  const { chalk } = options;
  const { tree, family, approximations } = report;
  const { summary } = approximations;
  const width = Math.max(60, options.width ?? 80);
  const top = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  const noun = family.kind === 'prime-implicants' ? 'prime implicant' : 'minimal cut set';
  const lines: string[] = [];
  lines.push(chalk.bold(escapeControlCharacters(tree.title ?? tree.name)) + chalk.dim(`  (${escapeControlCharacters(tree.file)})`));
  lines.push(`${chalk.dim('Top event')}  ${tree.top}${top?.label ? ` — ${escapeControlCharacters(top.label)}` : ''}`);
  lines.push(`${chalk.dim('P(top)')}     ${chalk.bold(formatProbability(report.pTop, 6))} ${chalk.dim('(exact, BDD)')}`);
  lines.push(`${chalk.dim('Found')}      ${chalk.bold(plural(summary.total, noun))}${chalk.dim(` · ${limits(report)} · ${formatSeconds(report.seconds)}`)}`);
  const orders = summary.perOrder.map((c, k) => [k, c] as const).filter(([, c]) => c > 0);
  if (orders.length > 0) lines.push(`${chalk.dim('Per order')}  ${orders.map(([k, c]) => `${k}: ${formatCount(c)}`).join(' · ')}`);
  lines.push(`${chalk.dim('Rare-event')} ${formatApproximation(approximations.rareEvent, report.pTop)}`);
  lines.push(`${chalk.dim('MCUB')}       ${approximations.mcub ? formatApproximation(approximations.mcub, report.pTop) : chalk.dim('not computed (too many sets to list)')}`);
  if (!family.coherent || family.kind === 'prime-implicants') lines.push(chalk.dim(describeFamily(family)));
  lines.push('');
  if (report.top.length === 0) {
    lines.push(summary.total === 0 ? 'No cut set: the top event cannot occur.' : '');
    return lines.join('\n').trimEnd();
  }

  const numWidth = 9;
  const setWidth = Math.max(20, width - 6 - 6 - 2 * (numWidth + 1) - 1);
  const table = new Table({
    head: ['#', 'order', 'P(set)', 'share', family.kind === 'prime-implicants' ? 'prime implicant' : 'cut set'].map((h) => chalk.dim(h)),
    colAligns: ['right', 'right', 'right', 'right', 'left'],
    colWidths: [6, 6, numWidth + 1, numWidth + 1, setWidth + 1],
    wordWrap: false,
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '' },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 1 },
  });
  const names = family.variables;
  report.top.forEach((set, i) => {
    const literals = [...set.literals].sort((a, b) => compareIds(names[a < 0 ? ~a : a]!, names[b < 0 ? ~b : b]!));
    const share = report.pTop > 0 ? formatPercent(set.probability / report.pTop) : '–';
    table.push([String(i + 1), String(set.literals.length), chalk.bold(formatProbability(set.probability)), share, literals.length === 0 ? '∅ (the top event occurs with no failure)' : clip(formatLiterals(names, literals), setWidth)]);
  });
  lines.push(table.toString().replace(/ +$/gm, ''));
  const rest = summary.total - report.top.length;
  if (rest > 0) lines.push(chalk.dim(`… ${plural(rest, `more ${noun}`)} (--limit 0 lists all; --format csv -o FILE streams every set)`));
  lines.push(chalk.dim('Sorted by probability; share: P(set)/P(top). Rare-event: Σ P(set); MCUB: 1 − Π (1 − P(set)); errors against the exact P(top)'));
  return lines.join('\n');
}

function limits(report: CutSetsReport): string {
  const { family } = report;
  const parts: string[] = [];
  if (family.maxOrder !== undefined) {
    const why = family.orderFromCutoff ? ', from the cut-off' : '';
    parts.push(`order ≤ ${family.maxOrder}${family.orderLimited ? ` (the limit cut branches: larger sets may exist${why})` : ` (complete${why})`}`);
  }
  else parts.push('all orders');
  if (family.cutoff > 0) parts.push(`cut-off ${formatProbability(family.cutoff)} (${formatCount(family.droppedByCutoff)} dropped)`);
  return parts.join(', ');
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

function formatPercent(x: number): string {
  const pct = x * 100;
  return `${pct >= 10 ? pct.toFixed(1) : pct >= 0.01 ? pct.toPrecision(2) : pct.toExponential(0)}%`;
}

