// The terminal report of an incident diagnosis (report stage), in the order an on-call engineer
// reads it: the verdict in one line, the suspects, the most probable cut sets given the evidence,
// next checks, the timeline around the onset, and unexplained evidence. Fits 80 columns.

import type { ChalkInstance } from 'chalk';
import type { Diagnosis, EventDiagnosis, RatedSignal } from '../diagnose/index.js';
import { formatCount, formatProbability } from './format-number.js';
import { describeOnset, describeSignal, describeVerdict, formatClock, formatFactor, formatMinutes, formatOffset, formatPath, formatPosterior, plural, signalFigure } from './diagnosis-summary.js';
import { clip, escapeControlCharacters } from './terminal-text.js';

export interface DiagnosisTextOptions {
  readonly chalk: ChalkInstance;
  /** Suspects listed (default 5; all when 0). */
  readonly limit?: number;
  readonly width?: number;
}

export function renderDiagnosisText(d: Diagnosis, options: DiagnosisTextOptions): string {
  const { chalk } = options;
  const width = Math.max(60, options.width ?? 80);
  const lines: string[] = [];
  const verdict = describeVerdict(d);
  const colour = d.verdict.kind === 'suspects' ? chalk.bold.red : chalk.bold.green;
  lines.push(colour(wrap(`${d.top.id}: ${verdict.headline}`, width)));
  lines.push(wrapText(verdict.explanation, width));
  lines.push('');
  const e = d.evidence;
  if (d.top.label) lines.push(`${chalk.dim('Top')}       ${clip(d.top.label, width - 10)}`);
  const count = (state: string): number => d.signals.filter((s) => s.state === state).length;
  lines.push(`${chalk.dim('Window')}    ${formatClockRange(e.window.start, e.window.end)}${e.baseline && e.baseline.end === e.window.start ? chalk.dim(` · baseline: ${formatLength(e.baseline.end - e.baseline.start)} before`) : ''}`);
  if (e.baseline && e.baseline.end !== e.window.start) lines.push(`${chalk.dim('Baseline')}  ${formatClockRange(e.baseline.start, e.baseline.end)}`);
  lines.push(`${chalk.dim('Onset')}     ${formatClock(d.onset.time)} UTC ${chalk.dim(clip(`(${describeOnset(d)})`, width - 23))}`);
  lines.push(`${chalk.dim('Signals')}   ${count('fired')} fired, ${count('chronic') > 0 ? `${count('chronic')} chronic, ` : ''}${count('silent')} silent, ${count('unknown')} unknown`);
  lines.push(`${chalk.dim('P(top)')}    ${formatProbability(d.top.prior)} from the tree, ${chalk.bold(formatProbability(d.top.givenEvidence))} given the evidence`);

  // Suspects.
  const limit = options.limit === undefined ? 5 : options.limit === 0 ? d.suspects.length : options.limit;
  const shown = d.suspects.slice(0, Math.max(limit, d.verdict.suspects.length > limit ? Math.min(d.verdict.suspects.length, 10) : 0));
  lines.push('');
  const title = d.verdict.kind === 'suspects' ? 'Suspects' : 'Events as the tree ranks them without evidence (nothing stands out)';
  lines.push(chalk.bold(title));
  const idWidth = Math.min(32, Math.max(10, ...shown.map((s) => s.id.length)));
  const postHead = d.conditioning === 'top' ? 'P(x|T,E)' : 'P(x|E)';
  lines.push(chalk.dim(`  # ${'event'.padEnd(idWidth)} ${postHead.padStart(9)}  ${'prior → adjusted'.padEnd(17)} evidence`));
  let separated = false;
  shown.forEach((s, i) => {
    if (!s.standsOut && d.verdict.kind === 'suspects' && !separated) {
      lines.push(chalk.dim('  — not standing out —'));
      separated = true;
    }
    lines.push(...renderSuspect(s, i + 1, idWidth, width, chalk, d));
  });
  const rest = d.suspects.length - shown.length;
  if (rest > 0) lines.push(chalk.dim(`  … ${plural(rest, 'more event')} (--limit 0 lists all, --format json gives everything)`));
  const order = d.verdict.kind === 'suspects' ? 'Events that stand out come first, by posterior − prior, then the others by posterior' : `Ranked by ${d.conditioning === 'top' ? 'P(x|T) − prior, without the evidence' : 'prior'}`;
  lines.push(chalk.dim(wrapText(`  ${postHead}: probability that the event occurred${d.conditioning === 'top' ? ' given the top event and the evidence' : ' given the evidence'}; adjusted: the prior with the event's own signals; evidence: the factor by which the evidence multiplied the event's odds (×1: unchanged). ${order}; JSON is sorted by posterior.`, width)));

  // Cut sets.
  if (d.cutSets.length > 0) {
    lines.push('', chalk.bold('Most probable cut sets given the evidence'));
    for (const c of d.cutSets.slice(0, 5)) {
      lines.push(wrap(`  ${formatPosterior(c.posterior).padStart(8)}  ${c.events.join(' + ')}`, width, 12));
    }
  }

  // Next checks.
  if (d.nextChecks.length > 0) {
    lines.push('', chalk.bold(d.verdict.kind === 'suspects' ? 'Next checks' : 'Next checks, if the symptom is real'), chalk.dim(wrapText('  most likely per minute of checking first; gain: the bits of uncertainty about the suspects the result is expected to remove', width)));
    d.nextChecks.slice(0, 5).forEach((c, i) => {
      const figures = `${formatPosterior(c.posterior)} · ${formatMinutes(c.cost)}${c.costAssumed ? '?' : ''} · gain ${c.informationGain.toFixed(2)} bits`;
      lines.push(`  ${String(i + 1).padStart(1)} ${chalk.bold(clip(c.id, width - figures.length - 6))}  ${chalk.dim(figures)}`);
      lines.push(wrapText(`    ${escapeControlCharacters(c.how)}`, width));
    });
  } else if (!d.tree.events.size || [...d.tree.events.values()].every((ev) => !ev.check)) {
    lines.push('', chalk.dim('Next checks: no event declares `check: {how, cost}` in the tree'));
  }

  // Timeline.
  if (d.timeline.length > 0) {
    lines.push('', chalk.bold('Timeline') + chalk.dim(` (fired signals, from the onset ${formatClock(d.onset.time)} UTC)`));
    for (const t of d.timeline.slice(0, 15)) {
      const mark = t.isSymptom ? 'symptom' : t.isLikelyEffect ? 'likely effect' : t.phase === 'before' ? 'before onset' : '';
      const left = `  ${formatOffset(t.offset).padStart(7)} ${formatClock(t.time)} ${t.signal.kind.padEnd(6)} `;
      const right = mark ? ` ${mark}` : '';
      const body = escapeControlCharacters(`${t.signal.owner} ${(t.signal.label ?? describeSignal(t.signal).replace(/^\w+ /, ''))} ${signalFigure(t.signal)}`.trim());
      lines.push(`${left}${clip(body, width - left.length - right.length)}${chalk.dim(right)}`);
    }
    if (d.timeline.length > 15) lines.push(chalk.dim(`  … ${d.timeline.length - 15} more (--format json lists them)`));
  }

  // Unexplained evidence.
  if (d.unexplained.length > 0) {
    lines.push('', chalk.bold('Unexplained evidence'), chalk.dim(wrapText('  log templates new or surging in the window that no signal matches: is the tree missing a cause?', width)));
    for (const u of d.unexplained.slice(0, 5)) {
      const left = `  ${u.why === 'new' ? 'new  ' : 'surge'} ${formatCount(u.window).padStart(6)} vs ${formatCount(u.baseline).padEnd(5)} `;
      lines.push(`${left}${clip(u.template, width - left.length)}`);
    }
    if (d.unexplained.length > 5) lines.push(chalk.dim(`  … ${d.unexplained.length - 5} more (--format json lists them)`));
  }
  const notes = [...d.notes, ...d.evidence.notes];
  if (notes.length > 0) lines.push('');
  for (const note of notes) lines.push(chalk.dim(wrapText(`note: ${note}`, width)));
  return lines.join('\n');
}

function renderSuspect(s: EventDiagnosis, rank: number, idWidth: number, width: number, chalk: ChalkInstance, d: Diagnosis): string[] {
  const out: string[] = [];
  const posterior = formatPosterior(s.posterior).padStart(9);
  const priors = `${formatProbability(s.prior)} → ${formatProbability(s.adjusted)}`.padEnd(17);
  const factor = formatFactor(s.bayesFactor);
  const id = clip(s.id, idWidth).padEnd(idWidth);
  const row = `${String(rank).padStart(3)} ${s.standsOut ? chalk.bold(id) : id} ${s.standsOut ? chalk.bold(posterior) : posterior}  ${chalk.dim(priors)} ${s.standsOut ? chalk.bold(factor) : chalk.dim(factor)}`;
  out.push(row);
  const indent = '    ';
  if (s.label) out.push(chalk.dim(clip(`${indent}${s.label}`, width)));
  const fired = s.signals.filter((x) => x.state === 'fired');
  fired.slice(0, 3).forEach((x, i) => out.push(clip(`${indent}${i === 0 ? 'fired ' : '      '}${firedText(x, d)}`, width)));
  if (fired.length > 3) out.push(chalk.dim(`${indent}      … ${fired.length - 3} more fired`));
  const silent = s.signals.filter((x) => x.state === 'silent').length;
  const unknown = s.signals.filter((x) => x.state === 'unknown').length;
  const chronic = s.signals.filter((x) => x.state === 'chronic').length;
  if (silent + unknown + chronic > 0) out.push(chalk.dim(`${indent}${[chronic > 0 ? `${chronic} chronic` : '', silent > 0 ? `${silent} silent` : '', unknown > 0 ? `${unknown} unknown` : ''].filter(Boolean).join(', ')}`));
  const gateFired = s.path.slice(1).flatMap((g) => d.gates.find((x) => x.id === g)?.signals.filter((x) => x.state === 'fired' && g !== d.top.id) ?? []);
  for (const x of gateFired.slice(0, 2)) out.push(clip(`${indent}via   ${x.owner}: ${firedText(x, d)}`, width));
  if (s.path.length > 1) out.push(chalk.dim(wrap(`${indent}path  ${formatPath(s)}`, width, indent.length + 6)));
  return out;
}

function firedText(x: RatedSignal, d: Diagnosis): string {
  const when = x.firstSeen === undefined ? '' : ` from ${formatClock(x.firstSeen)}`;
  const effect = x.firstSeen !== undefined && x.kind !== 'change' && x.firstSeen - d.onset.time > 120_000 ? ' (after onset)' : '';
  return `${describeSignal(x)} ${signalFigure(x)}${when}${effect}`.replace(/ {2,}/g, ' ');
}

function formatLength(ms: number): string {
  const m = Math.round(ms / 60000);
  if (m < 120) return `${m}m`;
  const h = ms / 3_600_000;
  return Number.isInteger(h) ? `${h}h` : `${h.toFixed(1)}h`;
}

function formatClockRange(start: number, end: number): string {
  const a = new Date(start).toISOString();
  const b = new Date(end).toISOString();
  const sameDay = a.slice(0, 10) === b.slice(0, 10);
  return `${a.slice(0, 10)} ${a.slice(11, 19)} → ${sameDay ? '' : `${b.slice(0, 10)} `}${b.slice(11, 19)} UTC`;
}

/** Wraps plain text at spaces to the width; continuation lines keep the indentation plus two. */
function wrapText(text: string, width: number): string {
  return wrap(text, width);
}

/** Wraps plain text at spaces; continuation lines are indented by `hang` (default: the first line's indentation plus two). */
function wrap(text: string, width: number, hang?: number): string {
  if (text.length <= width) return text;
  const indent = /^ */.exec(text)![0];
  const pad = ' '.repeat(hang ?? indent.length + 2);
  const out: string[] = [];
  let line = indent;
  for (const word of text.slice(indent.length).split(' ')) {
    if (line.trim() !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = `${pad}${word}`;
    } else line = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
  }
  out.push(line);
  return out.join('\n');
}

