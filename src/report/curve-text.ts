// The terminal output of `ftree curve` (report stage): a braille chart of P(top)(t), the limit as
// t → ∞ with the steady-state unavailability of repairable events, and the table of points.

import type { ChalkInstance } from 'chalk';
import { renderBrailleChart } from './braille-chart.js';
import type { CurveReport } from './curve-json.js';
import { formatHours } from './format-hours.js';
import { formatCount, formatProbability, formatSeconds } from './format-number.js';
import { escapeControlCharacters } from './terminal-text.js';

export interface CurveTextOptions {
  readonly chalk: ChalkInstance;
  /** What to show: the chart and a summary, the table of points, or both (default). */
  readonly show?: 'both' | 'plot' | 'table';
}

export function renderCurveText(report: CurveReport, options: CurveTextOptions): string {
  const { chalk } = options;
  const show = options.show ?? 'both';
  const { tree, curve } = report;
  const top = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  const lines: string[] = [];
  if (show !== 'table') {
    const first = curve.times[0] ?? 0;
    const last = curve.times[curve.times.length - 1] ?? 0;
    lines.push(chalk.bold(escapeControlCharacters(tree.title ?? tree.name)) + chalk.dim(`  (${escapeControlCharacters(tree.file)})`));
    lines.push(`${chalk.dim('Top event')}  ${tree.top}${top?.label ? ` — ${escapeControlCharacters(top.label)}` : ''}`);
    lines.push(
      `${chalk.dim('P(top)(t)')}  from ${formatHours(first)} to ${formatHours(last)}, ${formatCount(curve.times.length)} points · ` +
        `${plural(curve.events.length, 'time-dependent event')} · ${formatSeconds(curve.seconds)}`,
    );
    lines.push('');
    if (curve.events.length === 0) lines.push(chalk.dim('No event depends on time: P(top) is the same at every time.'));
    lines.push(renderBrailleChart({ x: curve.times, y: curve.pTop }, { yLabel: (y) => formatProbability(y, 3), xLabel: formatHours }));
    lines.push('');
    lines.push(...limitLines(report, chalk));
  }
  if (show !== 'plot') {
    if (show === 'both') lines.push('');
    lines.push(chalk.dim(`${'t'.padStart(10)}  ${'hours'.padStart(12)}  P(top)`));
    curve.times.forEach((t, i) => lines.push(`${formatHours(t).padStart(10)}  ${String(Number(t.toPrecision(6))).padStart(12)}  ${formatProbability(curve.pTop[i]!, 6)}`));
  }
  return lines.join('\n');
}

function limitLines(report: CurveReport, chalk: ChalkInstance): string[] {
  const { curve, tree } = report;
  const lines: string[] = [];
  if (curve.limit !== undefined) lines.push(`${chalk.dim('As t → ∞')}   P(top) → ${chalk.bold(formatProbability(curve.limit, 6))}`);
  else if (curve.events.length > 0) {
    const without = curve.events.filter((e) => e.limit === undefined).map((e) => e.id);
    lines.push(chalk.dim(`P(top) has no limit as t → ∞: ${without.slice(0, 3).join(', ')}${without.length > 3 ? ', …' : ''} ${without.length === 1 ? 'has' : 'have'} none (periodic tests and expressions keep changing)`));
  }
  const repairable = curve.events.filter((e) => e.limit !== undefined && e.limit > 0 && e.limit < 1);
  if (repairable.length > 0) {
    lines.push(chalk.dim('Steady-state unavailability λ/(λ+μ) of the repairable events:'));
    const width = Math.min(40, Math.max(...repairable.map((e) => e.id.length)));
    for (const e of repairable.slice(0, 10)) {
      const label = tree.events.get(e.id)?.label;
      lines.push(`  ${e.id.padEnd(width)}  ${formatProbability(e.limit!, 4).padStart(9)}${label ? chalk.dim(`  ${escapeControlCharacters(label)}`) : ''}`);
    }
    if (repairable.length > 10) lines.push(chalk.dim(`  … ${formatCount(repairable.length - 10)} more (--format json gives every one)`));
  }
  return lines;
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}
