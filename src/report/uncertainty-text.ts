// The terminal summary of `ftree uncertainty` (report stage): the statistics of P(top) over the
// trials, a histogram drawn with block characters, the tornado of the inputs and the Birnbaum
// importance at the means, fitted to an 80-column terminal.

import type { ChalkInstance } from 'chalk';
import { formatCount, formatProbability, formatSeconds } from './format-number.js';
import type { UncertaintyReport } from './uncertainty-json.js';
import { escapeControlCharacters } from './terminal-text.js';

export interface UncertaintyTextOptions {
  readonly chalk: ChalkInstance;
  /** Rows of the tornado and of the Birnbaum table (default 10; all when 0). */
  readonly limit?: number;
}

const BAR_WIDTH = 36;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export function renderUncertaintyText(report: UncertaintyReport, options: UncertaintyTextOptions): string {
  const { chalk } = options;
  const { tree, analysis: a } = report;
  const s = a.summary;
  const p = (x: number): string => formatProbability(x, 3);
  const top = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  const lines: string[] = [];
  lines.push(chalk.bold(escapeControlCharacters(tree.title ?? tree.name)) + chalk.dim(`  (${escapeControlCharacters(tree.file)})`));
  lines.push(`${chalk.dim('Top event')}  ${tree.top}${top?.label ? ` — ${escapeControlCharacters(top.label)}` : ''}`);
  lines.push(`${chalk.dim('P(top)')}     ${formatProbability(a.pTop, 6)} at the point values · ${formatProbability(a.pTopAtMeans, 6)} with every input at its mean`);
  const method = a.sampling === 'latin-hypercube' ? 'Latin hypercube' : 'Monte Carlo';
  lines.push(
    `${chalk.dim('Sampling')}   ${method}, ${formatCount(a.trials)} trials, seed ${a.seed} · ${plural(a.inputs.length, 'uncertain input')}, ` +
      `${plural(a.uncertainEvents.length, 'uncertain event')} · ${formatSeconds(a.seconds)}${a.workers > 1 ? ` on ${a.workers} threads` : ''}`,
  );
  lines.push('');
  if (a.inputs.length === 0) {
    lines.push(chalk.dim('No event or parameter has a distribution: every trial gives the point value.'));
    return lines.join('\n');
  }
  const half = 1.96 * s.standardError;
  lines.push(`  ${chalk.dim('mean   ')}  ${chalk.bold(p(s.mean).padEnd(10))} ${chalk.dim(`± ${p(half)} (95 % confidence of the mean; standard error ${p(s.standardError)})`)}`);
  lines.push(`  ${chalk.dim('std dev')}  ${p(s.sd)}`);
  lines.push(`  ${chalk.dim('5 %    ')}  ${p(s.p5)}`);
  lines.push(`  ${chalk.dim('median ')}  ${p(s.p50)}`);
  lines.push(`  ${chalk.dim('95 %   ')}  ${p(s.p95).padEnd(10)} ${chalk.dim(`error factor ${s.errorFactor === undefined ? 'n/a' : formatProbability(s.errorFactor, 3)} (95 % / median)`)}`);
  if (a.clipped > 0) lines.push(chalk.yellow(`  ${plural(a.clipped, 'event draw')} fell outside [0, 1] and were clipped`));
  lines.push('');
  lines.push(...histogramLines(report, chalk));
  const limit = options.limit === undefined ? 10 : options.limit === 0 ? Infinity : options.limit;
  if (a.tornado && a.tornado.length > 0) {
    lines.push('');
    lines.push(chalk.bold('Tornado') + chalk.dim(': P(top) with one input at its 5th / 95th percentile, the others at their means'));
    const rows = a.tornado.slice(0, limit);
    const idWidth = Math.max(5, ...rows.map((b) => a.inputs[b.input]!.id.length));
    const n = (x: string): string => x.padStart(8);
    lines.push(chalk.dim(`  ${''.padEnd(idWidth)}  ${n('input at')} ${n('')}  ${n('P(top) at')}`.trimEnd()));
    lines.push(chalk.dim(`  ${'input'.padEnd(idWidth)}  ${n('5 %')} ${n('95 %')}  ${n('5 %')} ${n('95 %')}  ${n('swing')}`));
    for (const b of rows) {
      const input = a.inputs[b.input]!;
      lines.push(`  ${input.id.padEnd(idWidth)}  ${n(p(input.p5))} ${n(p(input.p95))}  ${n(p(b.pTopAtP5))} ${n(p(b.pTopAtP95))}  ${chalk.bold(n(p(b.swing)))}`);
    }
    if (a.tornado.length > rows.length) lines.push(chalk.dim(`  … ${plural(a.tornado.length - rows.length, 'more input')} (--limit 0 lists all)`));
  }
  if (a.birnbaum && a.birnbaum.length > 0) {
    lines.push('');
    lines.push(chalk.bold('Sensitivity') + chalk.dim(': Birnbaum importance ∂P(top)/∂q with every input at its mean'));
    const rows = a.birnbaum.slice(0, limit);
    const idWidth = Math.max(5, ...rows.map((e) => e.id.length));
    lines.push(chalk.dim(`  ${'event'.padEnd(idWidth)}  ${'q'.padStart(9)}  ${'∂P/∂q'.padStart(9)}`));
    for (const e of rows) lines.push(`  ${e.id.padEnd(idWidth)}  ${p(e.probability).padStart(9)}  ${p(e.birnbaum).padStart(9)}`);
    if (a.birnbaum.length > rows.length) lines.push(chalk.dim(`  … ${plural(a.birnbaum.length - rows.length, 'more event')} (--limit 0 lists all, --format json gives everything)`));
  }
  return lines.join('\n');
}

function histogramLines(report: UncertaintyReport, chalk: ChalkInstance): string[] {
  const { bins, scale } = report.analysis.summary.histogram;
  const most = Math.max(...bins.map((b) => b.count));
  const lines = [chalk.dim(`  Histogram of P(top) (${bins.length} bins, ${scale} scale)`)];
  const lowers = bins.map((b) => formatProbability(b.lower, 3));
  const uppers = bins.map((b) => formatProbability(b.upper, 3));
  const lowerWidth = Math.max(...lowers.map((l) => l.length));
  const upperWidth = Math.max(...uppers.map((l) => l.length));
  const labels = bins.map((_, i) => `${lowers[i]!.padStart(lowerWidth)} – ${uppers[i]!.padEnd(upperWidth)}`);
  const labelWidth = lowerWidth + upperWidth + 3;
  const countWidth = Math.max(...bins.map((b) => formatCount(b.count).length));
  bins.forEach((b, i) => {
    const eighths = most > 0 ? Math.round((b.count / most) * BAR_WIDTH * 8) : 0;
    const bar = '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
    lines.push(`  ${labels[i]!.padStart(labelWidth)} ${formatCount(b.count).padStart(countWidth)} ${bar}`.trimEnd());
  });
  return lines;
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

