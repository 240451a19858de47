// The Markdown report of an incident diagnosis (report stage), for a ticket or a postmortem: the
// verdict, then tables of suspects, cut sets given the evidence, next checks, the timeline and the
// unexplained evidence.

import type { Diagnosis, RatedSignal } from '../diagnose/index.js';
import { formatCount, formatProbability } from './format-number.js';
import { escapeMarkdown, escapeSummary } from './postmortem-markdown.js';
import { describeOnset, describeSignal, describeVerdict, formatClock, formatFactor, formatMinutes, formatOffset, formatPath, formatPosterior, signalFigure } from './diagnosis-summary.js';

export interface DiagnosisMarkdownOptions {
  /** Suspects listed (default 10; all when 0). */
  readonly limit?: number;
}

export function renderDiagnosisMarkdown(d: Diagnosis, options: DiagnosisMarkdownOptions = {}): string {
  const verdict = describeVerdict(d);
  const e = d.evidence;
  const out: string[] = [];
  out.push(`# Diagnosis: ${text(d.tree.title ?? d.tree.name)}`, '');
  out.push(`**${text(d.top.id)}**${d.top.label ? ` (${text(d.top.label)})` : ''}: **${text(verdict.headline)}**`, '');
  out.push(escapeSummary(verdict.explanation), '');
  const count = (state: string): number => d.signals.filter((s) => s.state === state).length;
  out.push(`- Window: ${iso(e.window.start)} → ${iso(e.window.end)}${e.baseline ? ` (baseline ${iso(e.baseline.start)} → ${iso(e.baseline.end)})` : ''}`);
  out.push(`- Onset: ${iso(d.onset.time)} (${text(describeOnset(d))})`);
  out.push(`- Signals: ${count('fired')} fired, ${count('chronic') > 0 ? `${count('chronic')} chronic, ` : ''}${count('silent')} silent, ${count('unknown')} unknown`);
  out.push(`- P(top): ${formatProbability(d.top.prior)} from the tree, ${formatProbability(d.top.givenEvidence)} given the evidence`, '');

  const limit = options.limit === undefined ? 10 : options.limit === 0 ? d.suspects.length : options.limit;
  const post = d.conditioning === 'top' ? 'P(x \\| T, E)' : 'P(x \\| E)';
  out.push(`## ${d.verdict.kind === 'suspects' ? 'Suspects' : 'Events (nothing stands out)'}`, '');
  out.push(`| # | event | ${post} | prior → adjusted | evidence | stands out | fired signals | path |`, '|---:|---|---:|---|---:|---|---|---|');
  d.suspects.slice(0, limit).forEach((s, i) => {
    const fired = s.signals.filter((x) => x.state === 'fired').map((x) => firedText(x)).join('; ');
    out.push(`| ${i + 1} | \`${cell(s.id)}\`${s.label ? ` ${text(s.label)}` : ''} | ${formatPosterior(s.posterior)} | ${formatProbability(s.prior)} → ${formatProbability(s.adjusted)} | ${formatFactor(s.bayesFactor)} | ${s.standsOut ? 'yes' : ''} | ${text(fired)} | ${text(formatPath(s))} |`);
  });
  if (d.suspects.length > limit) out.push('', `${d.suspects.length - limit} more events are in the JSON output.`);
  const order = d.verdict.kind === 'suspects' ? 'Events that stand out come first, by posterior − prior, then the others by posterior.' : 'Nothing stands out: ranked by P(x | T) − prior, without the evidence.';
  out.push('', `*evidence*: the factor by which the evidence multiplied the event's odds. ${order}`, '');

  if (d.cutSets.length > 0) {
    out.push('## Most probable cut sets given the evidence', '', '| posterior | events |', '|---:|---|');
    for (const c of d.cutSets) out.push(`| ${formatPosterior(c.posterior)} | ${c.events.map((x) => `\`${cell(x)}\``).join(' + ')} |`);
    out.push('');
  }
  if (d.nextChecks.length > 0) {
    out.push('## Next checks', '', '| # | event | posterior | cost | gain (bits) | how |', '|---:|---|---:|---:|---:|---|');
    d.nextChecks.forEach((c, i) => out.push(`| ${i + 1} | \`${cell(c.id)}\` | ${formatPosterior(c.posterior)} | ${formatMinutes(c.cost)}${c.costAssumed ? ' (assumed)' : ''} | ${c.informationGain.toFixed(2)} | ${text(c.how)} |`));
    out.push('');
  }
  if (d.timeline.length > 0) {
    out.push('## Timeline', '', `Relative to the onset at ${formatClock(d.onset.time)} UTC.`, '', '| offset | time (UTC) | node | signal | seen | note |', '|---:|---|---|---|---:|---|');
    for (const t of d.timeline) {
      const note = t.isSymptom ? 'symptom' : t.isLikelyEffect ? 'likely effect' : t.phase === 'before' ? 'before onset' : '';
      out.push(`| ${formatOffset(t.offset)} | ${formatClock(t.time)} | \`${cell(t.signal.owner)}\` | ${text(describeSignal(t.signal))} | ${text(signalFigure(t.signal))} | ${note} |`);
    }
    out.push('');
  }
  if (d.unexplained.length > 0) {
    out.push('## Unexplained evidence', '', 'Log templates new or surging in the window that no signal of the tree matches: the tree may be missing a cause.', '', '| why | window | baseline | template |', '|---|---:|---:|---|');
    for (const u of d.unexplained) out.push(`| ${u.why} | ${formatCount(u.window)} | ${formatCount(u.baseline)} | \`${cell(u.template).replace(/`/g, "'")}\` |`);
    out.push('');
  }
  const notes = [...d.notes, ...e.notes];
  if (notes.length > 0) {
    out.push('## Notes', '');
    for (const n of notes) out.push(`- ${text(n)}`);
    out.push('');
  }
  return out.join('\n');
}

function firedText(x: RatedSignal): string {
  return `${describeSignal(x)} ${signalFigure(x)}${x.firstSeen === undefined ? '' : ` from ${formatClock(x.firstSeen)}`}`.replace(/ {2,}/g, ' ');
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Inside a code span (ids, templates): no pipes or line breaks. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Text from the tree or the logs, outside code spans: no HTML, links or emphasis (escapeMarkdown, as report and diff do). */
function text(s: string): string {
  return escapeMarkdown(s);
}
