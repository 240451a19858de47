// Rewrites values of basic events in a YAML tree file's text, keeping every other byte: comments,
// layout, quoting and key order (report stage). Used by `ftree calibrate --write`. Each change
// replaces one scalar's source range, or inserts one key, found through the `yaml` package's
// parsed document; nothing is re-serialised.

import { isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Distribution } from '../model/fault-tree.js';

export interface EventUpdate {
  readonly id: string;
  /** Written to `probability:` when the event has a number there. */
  readonly probability?: number;
  /** Per hour; written to `rate:` in the unit the file uses. */
  readonly rate?: number;
  /** Hours; written to `mttr:` (a duration) or `repair_rate:` (its inverse), whichever the event has. */
  readonly mttr?: number;
  /** Replaces or adds `distribution:`. */
  readonly distribution?: Distribution;
}

export interface TreeYamlUpdate {
  readonly text: string;
  /** Per event, the keys written. */
  readonly written: ReadonlyMap<string, readonly string[]>;
  /** Events that could not be written, with why. */
  readonly notWritten: readonly { readonly id: string; readonly reason: string }[];
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const HOURS_PER_UNIT: Readonly<Record<string, number>> = { s: 1 / 3600, m: 1 / 60, h: 1, d: 24, w: 168, y: 8760 };

export function updateTreeYaml(text: string, updates: readonly EventUpdate[]): TreeYamlUpdate {
  const doc = parseDocument(text);
  const edits: Edit[] = [];
  const written = new Map<string, string[]>();
  const notWritten: { id: string; reason: string }[] = [];
  const events = doc.get('events', true);
  for (const update of updates) {
    const node = isMap(events) ? events.get(update.id, true) : undefined;
    if (!isMap(node) || !node.range) {
      notWritten.push({ id: update.id, reason: 'not under `events:` of this file' });
      continue;
    }
    const keys: string[] = [];
    const scalarOf = (key: string): (Node & { range: [number, number, number]; source?: string; value?: unknown }) | undefined => {
      const v = node.get(key, true);
      return isScalar(v) && v.range ? (v as never) : undefined;
    };
    const probability = scalarOf('probability');
    const rate = scalarOf('rate');
    if (update.probability !== undefined && probability) {
      if (typeof probability.value !== 'number' && !(typeof probability.value === 'string' && Number.isFinite(Number(probability.value)))) {
        notWritten.push({ id: update.id, reason: 'its probability is an expression' });
        continue;
      }
      edits.push({ start: probability.range[0], end: probability.range[1], text: formatNumber(update.probability) });
      keys.push('probability');
    } else if (update.rate !== undefined && rate) {
      edits.push({ start: rate.range[0], end: rate.range[1], text: formatRate(update.rate, rate.value) });
      keys.push('rate');
    } else {
      notWritten.push({ id: update.id, reason: 'it has no probability or rate number to replace' });
      continue;
    }
    if (update.mttr !== undefined && update.mttr > 0) {
      const mttr = scalarOf('mttr');
      const repairRate = scalarOf('repair_rate');
      if (mttr) {
        edits.push({ start: mttr.range[0], end: mttr.range[1], text: formatDuration(update.mttr) });
        keys.push('mttr');
      } else if (repairRate) {
        edits.push({ start: repairRate.range[0], end: repairRate.range[1], text: formatRate(1 / update.mttr, repairRate.value) });
        keys.push('repair_rate');
      }
    }
    if (update.distribution) {
      const flow = distributionFlow(update.distribution);
      const existing = node.get('distribution', true) as Node | undefined;
      if (existing?.range) edits.push({ start: existing.range[0], end: existing.range[1], text: flow });
      else edits.push(insertKey(text, node, `distribution: ${flow}`));
      keys.push('distribution');
    }
    written.set(update.id, keys);
  }
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { text: out, written, notWritten };
}

/** Adds `key: value` as the map's last entry: inside the braces of a flow map, on a new line of a block map. */
function insertKey(text: string, map: YAMLMap, entry: string): Edit {
  const range = map.range!;
  if (map.flow) {
    let at = text.lastIndexOf('}', range[1] - 1);
    while (at > 0 && /\s/.test(text[at - 1]!)) at--;
    return { start: at, end: at, text: map.items.length > 0 ? `, ${entry}` : entry };
  }
  const first = map.items[0] as Pair<Node, Node> | undefined;
  const last = map.items[map.items.length - 1] as Pair<Node, Node> | undefined;
  const keyStart = first?.key.range?.[0] ?? range[0];
  const indent = ' '.repeat(keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1));
  const end = last?.value?.range?.[1] ?? last?.key.range?.[1] ?? range[1];
  if (text[end - 1] === '\n') return { start: end, end, text: `${indent}${entry}\n` };
  const newline = text.indexOf('\n', end);
  const at = newline < 0 ? text.length : newline;
  return { start: at, end: at, text: `\n${indent}${entry}` };
}

function distributionFlow(d: Distribution): string {
  switch (d.kind) {
    case 'gamma':
      return `{ type: gamma, shape: ${formatNumber(d.shape, 4)}, scale: ${formatNumber(d.scale, 4)} }`;
    case 'lognormal':
      return `{ type: lognormal, mean: ${formatNumber(d.mean, 4)}, error_factor: ${formatNumber(d.errorFactor, 4)} }`;
    default:
      throw new RangeError(`updateTreeYaml writes gamma and lognormal distributions, not ${d.kind}`);
  }
}

/** A number with `digits` significant digits, as YAML reads it back. */
export function formatNumber(x: number, digits = 3): string {
  const n = Number(x.toPrecision(digits));
  return n !== 0 && (Math.abs(n) < 1e-3 || Math.abs(n) >= 1e6) ? n.toExponential() : String(n);
}

/** A rate per hour, in the unit the old value used (`3/y`, `2e-5/h`, `100 fit`), else per hour as a number. */
function formatRate(perHour: number, old: unknown): string {
  const unit = typeof old === 'string' ? /\/\s*([smhdwy])\s*$/i.exec(old)?.[1]?.toLowerCase() : undefined;
  if (unit) return `${formatNumber(perHour * HOURS_PER_UNIT[unit]!)}/${unit}`;
  if (typeof old === 'string' && /fit\s*$/i.test(old)) return `${formatNumber(perHour * 1e9)} fit`;
  return formatNumber(perHour);
}

/** Hours as a duration: minutes below an hour, hours below two days, else days. */
function formatDuration(hours: number): string {
  if (hours < 1) return `${formatNumber(hours * 60)}m`;
  if (hours < 48) return `${formatNumber(hours)}h`;
  return `${formatNumber(hours / 24)}d`;
}
