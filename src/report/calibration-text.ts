// `ftree calibrate` as text and JSON (report stage): per event the incidents counted, the rate before
// and after with its credible interval, the probability old → new and the mean time to repair; then
// every record that was not counted, and what was (or would be) written.

import type { Calibration, EventCalibration } from '../diagnose/calibrate-events.js';
import type { SignalRateEstimate } from '../diagnose/estimate-signal-rates.js';
import { formatCount, formatProbability } from './format-number.js';
import { formatHours } from './format-hours.js';

export interface CalibrationWrite {
  /** The tree file, and whether it was written (false: a dry run). */
  readonly file: string;
  readonly wrote: boolean;
  readonly written: ReadonlyMap<string, readonly string[]>;
  readonly notWritten: readonly { readonly id: string; readonly reason: string }[];
  /** The signals' rates from the incidents whose evidence was replayed, if any was. */
  readonly signals?: SignalReplay;
}

export interface SignalReplay {
  readonly replayed: number;
  readonly skipped: readonly { readonly line: number; readonly reason: string }[];
  readonly estimates: readonly SignalRateEstimate[];
}

const HOURS_PER_YEAR = 8760;

export function renderCalibrationText(c: Calibration, meta: { readonly tree: string; readonly history: string }, write: CalibrationWrite): string {
  const lines: string[] = [];
  const day = (ms: number): string => new Date(ms).toISOString().replace(/T00:00:00\.000Z$/, '').replace(/\.000Z$/, 'Z');
  lines.push(`Calibration of ${meta.tree} from ${meta.history}: ${formatCount(c.records)} incident record${c.records === 1 ? '' : 's'}, period ${day(c.period.start)} → ${day(c.period.end)} (${formatHours(c.exposureHours)})`);
  lines.push(`Rates per year: gamma–Poisson posterior mean and ${Math.round(c.level * 100)} % interval, the tree's value as a weak prior`);
  lines.push('');
  const rows: string[][] = [['event', 'n', 'old /y', `new /y (${Math.round(c.level * 100)} %)`, 'P old → new', 'MTTR (n)']];
  for (const e of c.events) rows.push(row(e));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const right = new Set([1, 2]);
  for (const r of rows) lines.push(`  ${r.map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()}`);
  lines.push('');
  for (const u of c.unknown) lines.push(`Unknown event in the history, not counted: ${u.id} (line${u.lines.length === 1 ? '' : 's'} ${u.lines.join(', ')})`);
  if (c.outside.length > 0) lines.push(`Records outside the period, not counted: line${c.outside.length === 1 ? '' : 's'} ${c.outside.join(', ')}`);
  for (const u of c.unreadable) lines.push(`Unreadable record, not counted: line ${u.line}: ${u.reason}`);
  for (const s of c.skipped) lines.push(`Not calibrated: ${s.id} (${s.reason})`);
  for (const n of write.notWritten) lines.push(`Not written: ${n.id} (${n.reason})`);
  if (write.signals) lines.push(...signalLines(write.signals));
  const count = write.written.size;
  lines.push(
    write.wrote
      ? `Wrote ${write.file}: ${count} event${count === 1 ? '' : 's'} updated, comments and layout kept`
      : `Dry run: nothing written (--write updates ${count} event${count === 1 ? '' : 's'} in ${write.file})`,
  );
  return `${lines.join('\n')}\n`;
}

function signalLines(replay: SignalReplay): string[] {
  const lines = ['', `Signals, from the evidence of ${replay.replayed} replayed incident${replay.replayed === 1 ? '' : 's'} (fired / known):`];
  const ratio = (k: number, n: number): string => (n === 0 ? '–' : `${formatProbability(k / n)} (${k}/${n})`);
  const rows = [['node', 'signal', 'sensitivity', 'false alarm'], ...replay.estimates.map((e) => [e.owner, e.signal, ratio(e.firedWhenTrue, e.knownWhenTrue), ratio(e.firedWhenFalse, e.knownWhenFalse)])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) lines.push(`  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}`);
  for (const e of replay.estimates) if (e.warning) lines.push(`warning: ${e.owner} ${e.signal}: ${e.warning}`);
  for (const s of replay.skipped) lines.push(`Not replayed: line ${s.line}: ${s.reason}`);
  lines.push('');
  return lines;
}

function row(e: EventCalibration): string[] {
  const perYear = (perHour: number): string => formatProbability(perHour * HOURS_PER_YEAR);
  return [
    e.id,
    String(e.count),
    e.priorRate === undefined ? '–' : perYear(e.priorRate),
    `${perYear(e.rate)} (${perYear(e.lower)}–${perYear(e.upper)})`,
    `${formatProbability(e.oldProbability)} → ${formatProbability(e.newProbability)}`,
    e.mttr ? `${formatHours(e.mttr.hours)} (${e.mttr.count})` : '–',
  ];
}

export function renderCalibrationJson(c: Calibration, meta: { readonly tree: string; readonly history: string }, write: CalibrationWrite): string {
  const json = {
    ftree: 1,
    tree: meta.tree,
    history: meta.history,
    period: { start: new Date(c.period.start).toISOString(), end: new Date(c.period.end).toISOString(), hours: c.exposureHours },
    level: c.level,
    records: c.records,
    events: c.events.map((e) => ({
      id: e.id,
      model: e.model,
      incidents: e.count,
      prior_rate_per_hour: e.priorRate ?? null,
      rate_per_hour: { mean: e.rate, lower: e.lower, upper: e.upper, gamma_shape: e.shape, gamma_rate: e.rateParameter },
      mission_time_hours: e.missionTime,
      probability: { old: e.oldProbability, new: e.newProbability },
      mttr_hours: e.mttr ? { mean: e.mttr.hours, incidents: e.mttr.count } : null,
      distribution: e.distribution.kind === 'gamma' ? { type: 'gamma', shape: e.distribution.shape, scale: e.distribution.scale } : null,
      written: write.written.get(e.id) ?? [],
    })),
    unknown_events: c.unknown,
    outside_period: c.outside,
    unreadable: c.unreadable,
    not_calibrated: c.skipped,
    not_written: write.notWritten,
    signals: write.signals
      ? {
          replayed: write.signals.replayed,
          not_replayed: write.signals.skipped,
          estimates: write.signals.estimates.map((e) => ({
            owner: e.owner,
            owner_kind: e.ownerKind,
            signal: e.signal,
            sensitivity: e.sensitivity ?? null,
            false_alarm: e.falseAlarm ?? null,
            fired_when_true: e.firedWhenTrue,
            known_when_true: e.knownWhenTrue,
            fired_when_false: e.firedWhenFalse,
            known_when_false: e.knownWhenFalse,
            warning: e.warning ?? null,
          })),
        }
      : null,
    file: write.file,
    wrote: write.wrote,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
