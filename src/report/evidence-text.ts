// The terminal summary of `ftree evidence` (report stage): window and what was read, one row per
// signal (state, owner, signal, count or value, baseline, first seen), the reasons behind unknown
// states, and unexplained log templates. Fits an 80-column terminal; times are shown in UTC.

import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { EvidenceResult, SignalResult } from '../evidence/index.js';
import type { EvidenceReport } from './evidence-json.js';
import { formatCount, formatValue } from './format-number.js';
import { clip, escapeControlCharacters } from './terminal-text.js';

export interface EvidenceTextOptions {
  readonly chalk: ChalkInstance;
  readonly width?: number;
}

const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '',
};

export function renderEvidenceText(report: EvidenceReport, options: EvidenceTextOptions): string {
  const { chalk } = options;
  const { tree, evidence: e } = report;
  const width = Math.max(60, options.width ?? 80);
  const lines: string[] = [];
  lines.push(chalk.bold(`Evidence for ${escapeControlCharacters(tree.title ?? tree.name)}`) + chalk.dim(`  (${escapeControlCharacters(tree.file)})`));
  lines.push(`${chalk.dim('Window')}    ${formatRange(e.window.start, e.window.end)}`);
  lines.push(`${chalk.dim('Baseline')}  ${e.baseline ? formatRange(e.baseline.start, e.baseline.end) : 'none'}`);
  lines.push(`${chalk.dim('Read')}      ${describeSources(e)}`);
  lines.push('');

  const stateWidth = 7;
  const countWidth = 6;
  const baseWidth = 8;
  const timeWidth = 8;
  // Event ids are never cut; the signal column takes what is left and wraps.
  const ownerWidth = Math.max(5, ...e.signals.map((s) => s.owner.length));
  const signalWidth = Math.max(12, width - stateWidth - ownerWidth - countWidth - baseWidth - timeWidth - 6);
  const table = new Table({
    head: ['state', 'event', 'signal', 'count', 'baseline', 'first'].map((h) => chalk.dim(h)),
    colAligns: ['left', 'left', 'left', 'right', 'right', 'left'],
    colWidths: [stateWidth + 1, ownerWidth + 1, signalWidth + 1, countWidth + 1, baseWidth + 1, timeWidth + 1],
    wordWrap: true,
    chars: NO_BORDERS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 1 },
  });
  // Fired first, then chronic, silent, unknown; the tree's order within each.
  const order = { fired: 0, chronic: 1, silent: 2, unknown: 3 } as const;
  const rows = e.signals.map((s, i) => ({ s, i })).sort((a, b) => order[a.s.state] - order[b.s.state] || a.i - b.i);
  for (const { s } of rows) {
    const state = s.state === 'fired' ? chalk.red.bold('FIRED') : s.state === 'chronic' ? chalk.magenta('chronic') : s.state === 'silent' ? chalk.green('silent') : chalk.yellow('unknown');
    table.push([state, s.owner, describeSignal(s), formatMain(s), formatBaseline(s), s.firstSeen === undefined ? '' : formatClock(s.firstSeen)]);
  }
  if (e.signals.length === 0) lines.push(chalk.dim('The tree has no evidence signals: add `evidence:` to its events (docs/format.md)'));
  else lines.push(table.toString().replace(/ +$/gm, ''));
  const fired = e.signals.filter((s) => s.state === 'fired').length;
  const unknown = e.signals.filter((s) => s.state === 'unknown');
  const chronic = e.signals.filter((s) => s.state === 'chronic');
  const chronicCount = chronic.length > 0 ? `${chronic.length} chronic, ` : '';
  lines.push(chalk.dim(`${e.signals.length} signals: ${fired} fired, ${chronicCount}${e.signals.length - fired - chronic.length - unknown.length} silent, ${unknown.length} unknown`));
  lines.push(chalk.dim('count: log matches or changes; metrics: the aggregate or the anomaly score'));
  if (e.signals.some((s) => s.direction !== undefined)) lines.push(chalk.dim('↑ ↓: the anomaly score measures a rise above or a fall below the baseline median'));

  if (unknown.length > 0) {
    lines.push('', chalk.bold('Unknown'));
    const reasons = new Map<string, string[]>();
    for (const s of unknown) {
      const r = s.reason ?? 'no data';
      reasons.set(r, [...(reasons.get(r) ?? []), `${s.owner} ${s.kind}`]);
    }
    for (const [reason, who] of reasons) {
      const names = who.length > 3 ? `${who.slice(0, 3).join(', ')} and ${who.length - 3} more` : who.join(', ');
      lines.push(`  ${clip(names, width - 2)}`, chalk.dim(wrap(`    ${reason}`, width)));
    }
  }

  if (chronic.length > 0) {
    lines.push('', chalk.bold('Chronic') + chalk.dim(' (past the threshold in the window and for most of the baseline: not evidence)'));
    for (const s of chronic) {
      lines.push(`  ${s.owner} ${chalk.dim(clip(describeSignal(s), Math.max(10, width - s.owner.length - 3)))}`);
      if (s.reason !== undefined) lines.push(chalk.dim(wrap(`    ${s.reason}`, width)));
    }
  }

  const firedSamples = e.signals.filter((s) => s.state === 'fired' && s.samples.length > 0);
  if (firedSamples.length > 0) {
    lines.push('', chalk.bold('Fired'));
    for (const s of firedSamples) {
      lines.push(`  ${s.owner} ${chalk.dim(clip(describeSignal(s), Math.max(10, width - s.owner.length - 3)))}`);
      for (const sample of s.samples) lines.push(chalk.dim(`    ${clip(sample.replace(/\s+/g, ' '), width - 4)}`));
    }
  }

  if (e.unexplained.length > 0) {
    lines.push('', chalk.bold('Unexplained log templates') + chalk.dim(' (new or surging in the window, matched by no signal)'));
    for (const u of e.unexplained.slice(0, 10)) {
      const head = `${u.why === 'new' ? 'new  ' : 'surge'} ${formatCount(u.window).padStart(6)} vs ${formatCount(u.baseline).padEnd(5)} `;
      lines.push(`  ${head}${clip(u.template, width - head.length - 2)}`);
    }
    if (e.unexplained.length > 10) lines.push(chalk.dim(`  … ${e.unexplained.length - 10} more (--format json lists them)`));
  } else if (e.templates && e.baseline && e.templates.baselineLines > 0) {
    lines.push('', chalk.dim('No unexplained log template: nothing new or surging beyond what the signals match'));
  }
  for (const note of e.notes) lines.push(chalk.dim(wrap(`note: ${note}`, width)));
  return lines.join('\n');
}

function describeSignal(s: SignalResult): string {
  const text = s.label ?? (s.kind === 'log' ? `"${s.pattern}"` : s.kind === 'metric' ? s.query! : [s.service, s.changeKind].filter(Boolean).join(' '));
  return `${s.kind === 'metric' ? 'metric' : s.kind} ${escapeControlCharacters(text)}`;
}

function formatMain(s: SignalResult): string {
  if (s.kind === 'metric') return s.value === undefined ? '' : `${s.direction === 'rose' ? '↑' : s.direction === 'fell' ? '↓' : ''}${formatValue(s.value)}`;
  return s.count === undefined ? '' : formatCount(s.count);
}

function formatBaseline(s: SignalResult): string {
  if (s.baseline === undefined) return '';
  return s.kind === 'metric' ? formatValue(s.baseline) : formatCount(s.baseline);
}

function describeSources(e: EvidenceResult): string {
  const parts: string[] = [];
  if (e.logs.length > 0) {
    const lines = e.logs.reduce((a, s) => a + s.lines, 0);
    const unparsed = e.logs.reduce((a, s) => a + s.untimed + s.malformed, 0);
    const truncated = e.logs.reduce((a, s) => a + s.truncated, 0);
    const extra = [unparsed > 0 ? `${formatCount(unparsed)} unparsed` : '', truncated > 0 ? `${formatCount(truncated)} cut at 1 MiB` : ''].filter(Boolean).join(', ');
    parts.push(`${e.logs.length} log source${e.logs.length > 1 ? 's' : ''}, ${formatCount(lines)} lines${extra ? ` (${extra})` : ''}`);
  }
  if (e.metricFiles.length > 0) {
    const series = e.metricFiles.reduce((a, f) => a + f.series, 0);
    parts.push(`${e.metricFiles.length} metric file${e.metricFiles.length > 1 ? 's' : ''}, ${formatCount(series)} series`);
  }
  if (e.prometheus) parts.push(`Prometheus ${e.prometheus.url} (${e.prometheus.queries} queries${e.prometheus.failed > 0 ? `, ${e.prometheus.failed} failed` : ''})`);
  if (e.changes) parts.push(`${formatCount(e.changes.changes)} changes`);
  return parts.length > 0 ? parts.join(' · ') : 'no data (give --logs, --metrics, --prometheus or --changes)';
}

function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

function formatRange(start: number, end: number): string {
  const a = new Date(start).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  const sameDay = new Date(start).toISOString().slice(0, 10) === new Date(end).toISOString().slice(0, 10);
  const b = new Date(end).toISOString().slice(sameDay ? 11 : 0).replace('T', ' ').replace(/\.000Z$|Z$/, '');
  return `${a} → ${b} UTC (${formatLength(end - start)})`;
}

function formatLength(ms: number): string {
  const m = Math.round(ms / 60000);
  if (m < 120) return `${m}m`;
  const h = ms / 3_600_000;
  return Number.isInteger(h) ? `${h}h` : `${h.toFixed(1)}h`;
}

/** Wraps at spaces; continuation lines are indented two more than the first. */
function wrap(text: string, width: number): string {
  const indent = /^ */.exec(text)![0];
  const out: string[] = [];
  let line = indent;
  for (const word of text.slice(indent.length).split(' ')) {
    if (line.trim() !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = `${indent}  ${word}`;
    } else line = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
  }
  out.push(line);
  return out.join('\n');
}

