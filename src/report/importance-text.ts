// The terminal table of `ftree importance` (report stage): every basic event with its prior,
// occurrences in minimal cut sets, Birnbaum, criticality, Fussell–Vesely, RAW, RRW and P(x|T).

import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { rankImportance, type ImportanceReport } from './importance-json.js';
import { formatCount, formatProbability, formatSeconds } from './format-number.js';
import { escapeControlCharacters } from './terminal-text.js';

export interface ImportanceTextOptions {
  readonly chalk: ChalkInstance;
  /** How many events to list (all when undefined). */
  readonly limit?: number;
}

const SORT_NAMES = { birnbaum: 'Birnbaum', criticality: 'criticality', fv: 'Fussell–Vesely', raw: 'RAW', rrw: 'RRW', posterior: 'P(x|T)', prior: 'prior' } as const;

export function renderImportanceText(report: ImportanceReport, options: ImportanceTextOptions): string {
  const { chalk } = options;
  const { tree, analysis } = report;
  const top = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  const lines: string[] = [];
  lines.push(chalk.bold(escapeControlCharacters(tree.title ?? tree.name)) + chalk.dim(`  (${escapeControlCharacters(tree.file)})`));
  lines.push(`${chalk.dim('Top event')}  ${tree.top}${top?.label ? ` — ${escapeControlCharacters(top.label)}` : ''}`);
  lines.push(`${chalk.dim('P(top)')}     ${chalk.bold(formatProbability(analysis.pTop, 6))} ${chalk.dim('(exact, BDD)')}`);
  const cutSets =
    analysis.cutSets !== undefined
      ? `${formatCount(analysis.cutSets)} minimal cut set${analysis.cutSets === 1 ? '' : 's'} (all orders)`
      : `cut sets not computed: ${analysis.cutSetsSkipped ?? 'too large'} (no FV, no occurrences)`;
  lines.push(`${chalk.dim('Cut sets')}   ${cutSets}${chalk.dim(` · sorted by ${SORT_NAMES[report.sort]} · ${formatSeconds(report.seconds)}`)}`);
  if (analysis.cutSets !== undefined && analysis.fussellVeselySkipped !== undefined) {
    lines.push(chalk.dim(`Fussell–Vesely not computed: ${analysis.fussellVeselySkipped}`));
  }
  if (analysis.pTop === 0) lines.push(chalk.dim('P(top) is 0: the ratios (criticality, FV, RAW, RRW, P(x|T)) are undefined'));
  lines.push('');

  const ranked = rankImportance(report);
  const shown = options.limit === undefined ? ranked : ranked.slice(0, options.limit);
  const num = 7;
  const table = new Table({
    head: ['#', 'prior', 'occur.', 'Birnb.', 'critic.', 'FV', 'RAW', 'RRW', 'P(x|T)', 'event'].map((h) => chalk.dim(h)),
    colAligns: ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    colWidths: [4, ...Array<number>(8).fill(num + 1), Math.max(6, ...shown.map((e) => e.id.length)) + 1],
    wordWrap: false,
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '' },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 1 },
  });
  shown.forEach((e, i) => {
    table.push([
      String(i + 1),
      formatProbability(e.prior),
      e.occurrences === undefined ? '–' : formatOccurrences(e.occurrences),
      formatProbability(e.birnbaum),
      optional(e.criticality, formatProbability),
      optional(e.fussellVesely, formatProbability),
      optional(e.raw, formatRatio),
      optional(e.rrw, formatRatio),
      optional(e.posterior, formatProbability),
      e.id,
    ]);
  });
  lines.push(table.toString().replace(/ +$/gm, ''));
  const rest = ranked.length - shown.length;
  if (rest > 0) lines.push(chalk.dim(`… ${formatCount(rest)} more event${rest === 1 ? '' : 's'} (--limit 0 lists all)`));
  lines.push(chalk.dim('Birnbaum: P(T|x) − P(T|¬x) · critic.: Birnbaum·q/P(T) · FV: P(⋃ cut sets ∋ x)/P(T) · RAW: P(T|x)/P(T) · RRW: P(T)/P(T|¬x)'));
  return lines.join('\n');
}

function optional(x: number | undefined, format: (x: number) => string): string {
  return x === undefined ? '–' : format(x);
}

/** RAW and RRW: ratios ≥ 1 in practice, with four significant digits; ∞ for an event in every cut set. */
function formatRatio(x: number): string {
  if (x === Infinity) return '∞';
  return x >= 1e4 ? x.toExponential(2).replace('e+', 'e') : String(Number(x.toPrecision(4)));
}

function formatOccurrences(n: number): string {
  return n < 1e6 ? formatCount(n) : n.toExponential(2).replace('e+', 'e');
}

