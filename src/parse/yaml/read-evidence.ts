// Reads the `evidence:` block of an event or gate: log patterns, metric rules, change signals
// (parse stage). Regexes are compiled once here so that bad ones are caught before any log is read.

import safeRegex from 'safe-regex2';
import type { RawEntry, RawMap, RawNode } from './parse-yaml-tree.js';
import { didYouMean } from '../../model/did-you-mean.js';
import type { Aggregate, ChangeSignal, Evidence, LogSignal, MetricSignal, MissingData, ScoreDirection } from '../../model/fault-tree.js';
import type { RawReader } from './raw-reader.js';
import { splitRegexLiteral } from '../../model/split-regex-literal.js';

const EVIDENCE_KEYS = ['logs', 'metrics', 'changes'] as const;
const RATE_KEYS = ['sensitivity', 'false_alarm'] as const;
const LOG_KEYS = ['pattern', 'label', 'min_count', 'alpha', 'fields', 'missing', ...RATE_KEYS];
const METRIC_KEYS = ['query', 'label', 'above', 'below', 'aggregate', 'score', 'direction', 'min_spread', 'min_baseline', 'missing', 'additive', ...RATE_KEYS];
/** Keys that only an anomaly score reads. */
const SCORE_ONLY_KEYS = ['direction', 'min_spread', 'additive'] as const;
const CHANGE_KEYS = ['service', 'kind', 'label', 'within', ...RATE_KEYS];
const AGGREGATES: readonly Aggregate[] = ['max', 'min', 'mean', 'p95', 'last'];
const DIRECTIONS: readonly ScoreDirection[] = ['rose', 'fell', 'both'];
export const MISSING_DATA: readonly MissingData[] = ['unknown', 'silent'];

const ALLOWED_FLAGS = 'imsu';

export function readEvidence(reader: RawReader, node: RawNode, owner: string): Evidence | undefined {
  const map = reader.map(node, `The evidence of "${owner}"`);
  if (!map) return undefined;
  const keys = reader.entries(map, EVIDENCE_KEYS, `the evidence of "${owner}"`);
  const logs = readList(reader, keys.get('logs')?.value, `logs of "${owner}"`, (m) => readLog(reader, m, owner));
  const metrics = readList(reader, keys.get('metrics')?.value, `metrics of "${owner}"`, (m) => readMetric(reader, m, owner));
  const changes = readList(reader, keys.get('changes')?.value, `changes of "${owner}"`, (m) => readChange(reader, m, owner));
  return { logs, metrics, changes };
}

function readList<T>(reader: RawReader, node: RawNode | undefined, what: string, readItem: (m: RawMap) => T | undefined): T[] {
  if (!node) return [];
  if (node.kind !== 'seq') {
    reader.typeError(`The ${what}`, 'a list of signals (each item starts with `- `)', node);
    return [];
  }
  const out: T[] = [];
  for (const item of node.items) {
    const m = reader.map(item, `A signal in the ${what}`);
    if (!m) continue;
    const v = readItem(m);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** `false_alarm: baseline`, the estimate from the baseline, rather than a number. */
export function isBaselineRate(node: RawNode | undefined): boolean {
  return node?.kind === 'scalar' && node.value === 'baseline';
}

function readRates(reader: RawReader, keys: Map<string, { value: RawNode }>, what: string): { sensitivity?: number; falseAlarm?: number; falseAlarmFromBaseline?: boolean } {
  const s = keys.get('sensitivity');
  const f = keys.get('false_alarm');
  const sensitivity = s ? reader.probability(s.value, `The sensitivity of ${what}`) : undefined;
  if (isBaselineRate(f?.value)) return { ...(sensitivity !== undefined ? { sensitivity } : {}), falseAlarmFromBaseline: true };
  const falseAlarm = f ? reader.probability(f.value, `The false-alarm rate of ${what}`) : undefined;
  if (sensitivity !== undefined && falseAlarm !== undefined && sensitivity <= falseAlarm && s) {
    reader.warn(
      'SIGNAL_NOT_INFORMATIVE',
      `The signal ${what} has sensitivity ${sensitivity} ≤ false-alarm rate ${falseAlarm}: firing would make the event less likely`,
      s.value.span,
      'sensitivity is P(fired | event true) and should exceed false_alarm, P(fired | event false)',
    );
  }
  return { ...(sensitivity !== undefined ? { sensitivity } : {}), ...(falseAlarm !== undefined ? { falseAlarm } : {}) };
}

function optionalString(reader: RawReader, node: RawNode | undefined, what: string): string | undefined {
  return node ? reader.string(node, what) : undefined;
}

/** The string at `key` of a signal, which must be there (MISSING_KEY with `hint` on the signal when it is not). */
function requiredString(reader: RawReader, map: RawMap, keys: ReadonlyMap<string, RawEntry>, key: string, about: { signal: string; hint: string }): { value: string; node: RawNode } | undefined {
  const entry = keys.get(key);
  if (!entry) {
    reader.report('MISSING_KEY', `${about.signal[0]!.toUpperCase()}${about.signal.slice(1)} has no ${key}`, map.span, about.hint);
    return undefined;
  }
  const value = reader.string(entry.value, `The ${key} of ${about.signal}`);
  return value === undefined ? undefined : { value, node: entry.value };
}

/** A whole number of at least 1 at `key`, when given (INVALID_NUMBER below 1, and undefined). */
function readPositiveInteger(reader: RawReader, keys: ReadonlyMap<string, RawEntry>, key: string, what: string): number | undefined {
  const entry = keys.get(key);
  const n = entry ? reader.integer(entry.value, `The ${key} of ${what}`) : undefined;
  if (n === undefined || n >= 1) return n;
  reader.report('INVALID_NUMBER', `The ${key} of ${what} must be at least 1, not ${n}`, entry!.value.span);
  return undefined;
}

function readLog(reader: RawReader, map: RawMap, owner: string): LogSignal | undefined {
  const keys = reader.entries(map, LOG_KEYS, `a log signal of "${owner}"`);
  const read = requiredString(reader, map, keys, 'pattern', { signal: `a log signal of "${owner}"`, hint: 'add `pattern: "text to find"` or `pattern: /regex/i`' });
  if (!read) return undefined;
  const pattern = read.value;
  if (pattern === '') {
    reader.report('INVALID_PATTERN', `A log signal of "${owner}" has an empty pattern`, read.node.span, 'an empty pattern matches every line');
    return undefined;
  }
  checkPattern(reader, pattern, read.node, `the pattern of "${owner}"`);
  const what = `"${pattern}" of "${owner}"`;
  const fields = new Map<string, string>();
  const fieldsEntry = keys.get('fields');
  if (fieldsEntry) {
    const fm = reader.map(fieldsEntry.value, `The field filters of ${what}`, 'write `fields: { service: payments }`');
    for (const e of fm?.entries ?? []) {
      const v = reader.string(e.value, `The field filter "${e.key}" of ${what}`);
      if (v === undefined) continue;
      checkPattern(reader, v, e.value, `the field filter "${e.key}" of "${owner}"`);
      fields.set(e.key, v);
    }
  }
  const minCount = readPositiveInteger(reader, keys, 'min_count', what);
  const alphaEntry = keys.get('alpha');
  const alpha = alphaEntry ? reader.probability(alphaEntry.value, `The alpha of ${what}`) : undefined;
  const label = optionalString(reader, keys.get('label')?.value, `The label of ${what}`);
  const missing = readChoice(reader, keys.get('missing')?.value, MISSING_DATA, `The missing-data rule of ${what}`);
  return {
    pattern,
    ...(label !== undefined ? { label } : {}),
    ...(minCount !== undefined ? { minCount } : {}),
    ...(alpha !== undefined ? { alpha } : {}),
    ...(fields.size > 0 ? { fields } : {}),
    ...(missing !== undefined ? { missing } : {}),
    ...readRates(reader, keys, what),
    span: map.span,
  };
}

function checkPattern(reader: RawReader, pattern: string, node: RawNode, what: string): void {
  const literal = splitRegexLiteral(pattern);
  if (!literal) return;
  const badFlag = [...literal.flags].find((f) => !ALLOWED_FLAGS.includes(f));
  if (badFlag) {
    reader.report('INVALID_REGEX', `The regex flag "${badFlag}" in ${what} is not supported`, node.span, `use flags from "${ALLOWED_FLAGS}"`);
    return;
  }
  let re: RegExp;
  try {
    re = new RegExp(literal.body, literal.flags);
  } catch (e) {
    const reason = (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    reader.report('INVALID_REGEX', `Invalid regex in ${what}: ${reason}`, node.span, 'quote the pattern, and escape special characters such as ( [ . * + ? with a backslash');
    return;
  }
  if (!safeRegex(re)) {
    reader.warn(
      'UNSAFE_REGEX',
      `The regex in ${what} risks catastrophic backtracking`,
      node.span,
      'avoid nested quantifiers such as (a+)+ or (.*)*: match a fixed substring, or make the repetition unambiguous',
    );
  }
}

function readMetric(reader: RawReader, map: RawMap, owner: string): MetricSignal | undefined {
  const keys = reader.entries(map, METRIC_KEYS, `a metric signal of "${owner}"`);
  const query = requiredString(reader, map, keys, 'query', { signal: `a metric signal of "${owner}"`, hint: 'add `query: metric_name` or a PromQL expression' })?.value;
  if (query === undefined) return undefined;
  const what = `"${query}" of "${owner}"`;
  const num = (k: string) => {
    const e = keys.get(k);
    return e ? reader.number(e.value, `The ${k} threshold of ${what}`) : undefined;
  };
  const above = num('above');
  const below = num('below');
  const score = num('score');
  if (!keys.has('above') && !keys.has('below') && !keys.has('score')) {
    reader.report('INVALID_SIGNAL', `The metric signal ${what} has no rule`, map.span, 'add `above: N`, `below: N` or an anomaly `score: 5`');
  }
  if (keys.has('score') && (keys.has('above') || keys.has('below') || keys.has('aggregate'))) {
    const other = ['above', 'below', 'aggregate'].find((k) => keys.has(k))!;
    reader.report('CONFLICTING_KEYS', `The metric signal ${what} mixes an anomaly score with ${other}`, keys.get('score')!.keySpan, 'a signal is either a threshold (above/below with an aggregate) or an anomaly score: split it into two signals');
  }
  if (score !== undefined && score <= 0) {
    reader.report('INVALID_NUMBER', `The anomaly score of ${what} must be positive, not ${score}`, keys.get('score')!.value.span);
  }
  let aggregate: Aggregate | undefined;
  const aggEntry = keys.get('aggregate');
  if (aggEntry) {
    const a = reader.string(aggEntry.value, `The aggregate of ${what}`);
    if (a !== undefined) {
      if ((AGGREGATES as readonly string[]).includes(a)) aggregate = a as Aggregate;
      else {
        const guess = didYouMean(a, AGGREGATES);
        reader.report('INVALID_VALUE', `Unknown aggregate "${a}" in ${what}`, aggEntry.value.span, guess ? `did you mean "${guess}"?` : `use one of ${AGGREGATES.join(', ')}`);
      }
    }
  }
  const label = optionalString(reader, keys.get('label')?.value, `The label of ${what}`);
  if (!keys.has('score')) {
    const scoreOnly = SCORE_ONLY_KEYS.find((k) => keys.has(k));
    if (scoreOnly) {
      reader.report('CONFLICTING_KEYS', `The metric signal ${what} sets ${scoreOnly} without an anomaly score`, keys.get(scoreOnly)!.keySpan, `${scoreOnly} applies to \`score:\` signals only; a threshold's direction is its \`above\` or \`below\``);
    }
  }
  const direction = readChoice(reader, keys.get('direction')?.value, DIRECTIONS, `The direction of ${what}`);
  const minSpreadEntry = keys.get('min_spread');
  const minSpread = minSpreadEntry ? reader.number(minSpreadEntry.value, `The min_spread of ${what}`) : undefined;
  if (minSpread !== undefined && minSpread < 0) reader.report('INVALID_NUMBER', `The min_spread of ${what} must not be negative, not ${minSpread}`, minSpreadEntry!.value.span);
  const minBaseline = readPositiveInteger(reader, keys, 'min_baseline', what);
  const missing = readChoice(reader, keys.get('missing')?.value, MISSING_DATA, `The missing-data rule of ${what}`);
  const additiveEntry = keys.get('additive');
  const additive = additiveEntry ? reader.boolean(additiveEntry.value, `The additive flag of ${what}`) : undefined;
  return {
    query,
    ...(additive === true ? { additive: true } : {}),
    ...(label !== undefined ? { label } : {}),
    ...(above !== undefined ? { above } : {}),
    ...(below !== undefined ? { below } : {}),
    ...(aggregate ? { aggregate } : {}),
    ...(score !== undefined ? { score } : {}),
    ...(direction !== undefined ? { direction } : {}),
    ...(minSpread !== undefined && minSpread >= 0 ? { minSpread } : {}),
    ...(minBaseline !== undefined ? { minBaseline } : {}),
    ...(missing !== undefined ? { missing } : {}),
    ...readRates(reader, keys, what),
    span: map.span,
  };
}

/** One of a fixed set of words, with a did-you-mean hint for others. */
export function readChoice<T extends string>(reader: RawReader, node: RawNode | undefined, allowed: readonly T[], what: string): T | undefined {
  if (!node) return undefined;
  const v = reader.string(node, what);
  if (v === undefined) return undefined;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  const guess = didYouMean(v, allowed);
  reader.report('INVALID_VALUE', `${what} is "${v}", not one of ${allowed.join(', ')}`, node.span, guess ? `did you mean "${guess}"?` : `use one of ${allowed.join(', ')}`);
  return undefined;
}

function readChange(reader: RawReader, map: RawMap, owner: string): ChangeSignal | undefined {
  const keys = reader.entries(map, CHANGE_KEYS, `a change signal of "${owner}"`);
  const service = optionalString(reader, keys.get('service')?.value, `The service of a change signal of "${owner}"`);
  const kind = optionalString(reader, keys.get('kind')?.value, `The kind of a change signal of "${owner}"`);
  if (!keys.has('service') && !keys.has('kind')) {
    reader.report('INVALID_SIGNAL', `A change signal of "${owner}" names neither a service nor a kind`, map.span, 'add `service: payments-api` and/or `kind: deploy`');
    return undefined;
  }
  const what = `"${service ?? kind ?? ''}" of "${owner}"`;
  const withinEntry = keys.get('within');
  const within = withinEntry ? reader.duration(withinEntry.value, `The window of the change signal ${what}`) : undefined;
  const label = optionalString(reader, keys.get('label')?.value, `The label of ${what}`);
  return {
    ...(service !== undefined ? { service } : {}),
    ...(kind !== undefined ? { kind } : {}),
    ...(label !== undefined ? { label } : {}),
    ...(within !== undefined ? { within } : {}),
    ...readRates(reader, keys, what),
    span: map.span,
  };
}
