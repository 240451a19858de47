// Words and numbers shared by the diagnosis renderers (report stage): the verdict in one line and
// its explanation, signal descriptions, evidence factors, clock times and offsets from the onset.

import type { Diagnosis, EventDiagnosis, RatedSignal } from '../diagnose/index.js';
import { formatCount, formatFactor, formatPosterior, formatProbability, formatValue } from './format-number.js';

export interface VerdictText {
  /** After the top event's name on the first line. */
  readonly headline: string;
  /** One or two sentences. */
  readonly explanation: string;
}

export function describeVerdict(d: Diagnosis): VerdictText {
  const fired = d.signals.filter((s) => s.state === 'fired').length;
  const silent = d.signals.filter((s) => s.state === 'silent').length;
  const unknown = d.signals.filter((s) => s.state === 'unknown').length;
  const risk = d.conditioning === 'evidence-only' ? `risk now ${formatProbability(d.top.givenEvidence)} (normally ${formatProbability(d.top.prior)})` : '';
  if (d.verdict.kind === 'suspects') {
    const standing = d.verdict.suspects.map((id) => d.suspects.find((e) => e.id === id)!);
    const first = standing[0]!;
    const lead = `${d.conditioning === 'top' ? 'most likely' : 'the evidence points at'} ${first.id} (${formatPosterior(first.posterior)})`;
    const headline = risk ? `${risk}; ${lead}` : lead;
    const others = standing.slice(1, 3).map((e) => `${e.id} (${formatPosterior(e.posterior)})`);
    const also = standing.length > 1 ? ` Also standing out: ${others.join(', ')}${standing.length > 3 ? ` and ${standing.length - 3} more` : ''}.` : '';
    const explanation =
      `${plural(fired, 'signal')} fired; the evidence multiplied the odds of ${first.id} by ${formatFactor(first.bayesFactor)}.${also} ` +
      (d.conditioning === 'top' ? 'Posteriors are P(event | top occurred, evidence), exact on the BDD.' : 'Posteriors are P(event | evidence): the top event is not taken as observed.');
    return { headline, explanation };
  }
  if (d.verdict.reason === 'symptom-not-seen') {
    const own = d.signals.filter((s) => s.owner === d.top.id && s.state === 'silent').length;
    return {
      headline: 'the symptom is not seen in the data, nothing to blame',
      explanation:
        `The top event's own ${own === 1 ? 'signal is' : `${own} signals are`} silent: P(top | evidence) = ${formatProbability(d.top.givenEvidence)} against ${formatProbability(d.top.prior)} from the tree alone. ` +
        'No incident is seen in this window; if the symptom did occur, pass --top-observed true to diagnose it anyway.',
    };
  }
  const headline = `${risk ? `${risk}; ` : ''}no signal stands out, nothing to blame`;
  const baseline = d.conditioning === 'top' ? "what the symptom alone makes likely (P(x | top) − prior)" : "the events' priors";
  let explanation: string;
  switch (d.verdict.reason) {
    case 'no-data':
      explanation = `No signal has data for the window, so there is no evidence to weigh. The events below are ranked by ${baseline}: this is not a diagnosis.`;
      break;
    case 'nothing-fired':
      explanation =
        fired > 0
          ? `Only the top event's own signals fired (${fired}; ${silent} silent, ${unknown} unknown): they confirm the symptom but point at no cause. The events below are ranked by ${baseline}: this is not a diagnosis.`
          : `No signal fired in the window (${silent} silent, ${unknown} unknown): the evidence does not point at a cause. The events below are ranked by ${baseline}: this is not a diagnosis.`;
      break;
    case 'weak-evidence':
      explanation = `${plural(fired, 'signal')} fired, but none moves any event's odds by ×3 or more: no cause stands out. The events below are ranked by ${baseline}: this is not a diagnosis.`;
      break;
    default:
      explanation = "The evidence contradicts the top event under the tree's probabilities: check the signals' sensitivity and false-alarm rates, or whether the symptom really occurred.";
  }
  if (d.conditioning === 'top' && d.verdict.reason !== 'no-data' && d.verdict.reason !== 'contradiction') {
    if (d.top.givenEvidence < d.top.prior / 5) {
      explanation += ` The evidence makes the symptom itself unlikely: P(top | evidence) = ${formatProbability(d.top.givenEvidence)} against ${formatProbability(d.top.prior)} from the tree alone; check that it is real (--top-observed false weighs the risk instead).`;
    }
    const raised = [...d.suspects].filter((e) => e.posterior - e.posteriorWithoutEvidence >= 0.1).sort((a, b) => b.posterior - b.posteriorWithoutEvidence - (a.posterior - a.posteriorWithoutEvidence))[0];
    if (raised) {
      explanation += ` If it is, silent signals leave what the data cannot see: ${raised.id} rises by elimination from ${formatProbability(raised.posteriorWithoutEvidence)} to ${formatProbability(raised.posterior)} without any signal for it.`;
    }
  }
  return { headline, explanation };
}

/** formatPosterior and formatFactor live in format-number.ts, shared with the postmortem renderers. */
export { formatFactor, formatPosterior };

/** "log Lock wait timeouts", "metric max(hikaricp…)", "change payments-api deploy". */
export function describeSignal(s: RatedSignal): string {
  const text = s.label ?? (s.kind === 'log' ? `"${s.pattern}"` : s.kind === 'metric' ? s.query! : [s.service, s.changeKind].filter(Boolean).join(' '));
  return `${s.kind} ${text}`;
}

/** What the signal saw: "42×" for logs and changes; for metrics the aggregate, or "rose (score 22)". */
export function signalFigure(s: RatedSignal): string {
  if (s.kind === 'metric') {
    if (s.value === undefined) return '';
    return s.direction === undefined ? formatValue(s.value) : `${s.direction} (score ${formatValue(s.value)})`;
  }
  return s.count === undefined ? '' : `${formatCount(s.count)}×`;
}


/** HH:MM:SS in UTC. */
export function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** −4m12s, +0s, +1h02m. */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  let s = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h > 0) return `${sign}${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${sign}${m}m${String(s).padStart(2, '0')}s`;
  return `${sign}${s}s`;
}

/** 5 min, 1.5 min, 2 h. */
export function formatMinutes(minutes: number): string {
  if (minutes >= 120 && minutes % 60 === 0) return `${minutes / 60} h`;
  return `${Number(minutes.toPrecision(3))} min`;
}

export function describeOnset(d: Diagnosis): string {
  switch (d.onset.source) {
    case 'option':
      return 'given with --onset';
    case 'symptom':
      return 'first signal of the top event';
    case 'signal':
      return `first fired signal: ${d.onset.owner}`;
    default:
      return 'no signal fired: the window start';
  }
}

/** The path from the event to the top, joined with arrows. */
export function formatPath(e: EventDiagnosis): string {
  return e.path.join(' → ');
}

export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}
