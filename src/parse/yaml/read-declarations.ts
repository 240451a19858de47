// Reads one tree file's raw YAML into declarations: header, parameters, gates, events, houses and
// transfers, checking keys, types and units (parse stage). Cross-references are checked later, by
// build-model.ts, once every file of a tree is read.

import { dirname, isAbsolute, join } from 'node:path';
import type { RawEntry, RawMap, RawNode } from './parse-yaml-tree.js';
import { didYouMean } from '../../model/did-you-mean.js';
import type { Budget, Check, GateType, SignalDefaults } from '../../model/fault-tree.js';
import { GATE_TYPES } from '../../model/fault-tree.js';
import { RawReader, scalarNumberOrString } from './raw-reader.js';
import { distributionMean } from '../../model/distribution-mean.js';
import { readCcfGroups } from './read-ccf-groups.js';
import type { EventDecl, FileDeclarations, GateDecl, HouseDecl, NumberSpec, ParameterDecl, ProbabilitySpec, Ref, Section, TransferDecl } from './declarations.js';
import { readDistribution } from './read-distribution.js';
import { isBaselineRate, MISSING_DATA, readChoice, readEvidence } from './read-evidence.js';
import type { SourceSpan } from '../../model/source-span.js';

export const FORMAT_VERSION = 1;

const TOP_KEYS = ['ftree', 'name', 'title', 'description', 'top', 'mission_time', 'defaults', 'budget', 'parameters', 'gates', 'events', 'houses', 'transfers', 'ccf_groups'];
const BUDGET_KEYS = ['max_probability', 'single_points', 'max_importance'];
const DEFAULTS_KEYS = ['sensitivity', 'false_alarm', 'within', 'missing'];
const GATE_KEYS = ['label', 'description', 'type', 'inputs', 'k', 'min', 'max', 'evidence'];
const EVENT_KEYS = ['label', 'description', 'probability', 'rate', 'mission_time', 'repair_rate', 'mttr', 'weibull', 'distribution', 'evidence', 'check', 'suspect'];
const INPUT_KEYS = ['id', 'probability'];
const WEIBULL_KEYS = ['scale', 'shape', 'location'];
const HOUSE_KEYS = ['state', 'label'];
const PARAMETER_KEYS = ['distribution'];
const TRANSFER_KEYS = ['file', 'gate'];
const CHECK_KEYS = ['how', 'cost'];

const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;
const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const PARAMETER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export type { EventDecl, FileDeclarations, GateDecl, HouseDecl, NumberSpec, ParameterDecl, ProbabilitySpec, Ref, Section, TransferDecl } from './declarations.js';

export function readDeclarations(root: RawNode, file: string, reader: RawReader): FileDeclarations {
  const empty: FileDeclarations = {
    file, isTree: false, parameters: new Map(), gates: new Map(), events: new Map(), houses: new Map(), transfers: new Map(), declared: [],
  };
  if (root.kind !== 'map') {
    reader.report('NOT_A_TREE', 'This file is not an ftree tree: it is not a mapping of keys', root.span, 'a tree file starts with `ftree: 1`, then `top:`, `gates:` and `events:`');
    return empty;
  }
  if (!root.entries.some((e) => e.key === 'ftree')) {
    reader.report('NOT_A_TREE', 'This file is not an ftree tree: it has no `ftree:` version key', root.span, 'add `ftree: 1` as the first line of a tree file');
    return empty;
  }
  const keys = reader.entries(root, TOP_KEYS, 'the tree');
  const versionEntry = keys.get('ftree')!;
  const version = reader.number(versionEntry.value, 'The format version `ftree`');
  if (version !== undefined && version !== FORMAT_VERSION) {
    reader.report('UNSUPPORTED_VERSION', `Unsupported format version ftree: ${version}`, versionEntry.value.span, `this ftree reads format version ${FORMAT_VERSION}`);
  }

  const str = (k: string): string | undefined => {
    const e = keys.get(k);
    return e ? reader.string(e.value, `The tree's ${k}`) : undefined;
  };
  const name = str('name');
  if (name !== undefined && !NAME_PATTERN.test(name)) {
    reader.report('INVALID_NAME', `The tree name "${name}" is not a slug`, keys.get('name')!.value.span, `use lower-case letters, digits, - and _, for example "${slugify(name)}"`);
  }
  const topEntry = keys.get('top');
  let top: Ref | undefined;
  if (!topEntry) {
    reader.report('MISSING_TOP', 'The tree has no top event', root.span, 'add `top: <id of the top gate>`');
  } else {
    const id = reader.string(topEntry.value, 'The top event');
    if (id !== undefined) top = { id, span: topEntry.value.span };
  }
  const mtEntry = keys.get('mission_time');
  const missionTime = mtEntry ? reader.duration(mtEntry.value, 'The mission time') : undefined;
  const defaultsEntry = keys.get('defaults');
  const defaults = defaultsEntry ? readDefaults(reader, defaultsEntry.value) : undefined;
  const budgetEntry = keys.get('budget');
  const budget = budgetEntry ? readBudget(reader, budgetEntry.value) : undefined;

  const declared: { id: string; section: Section; span: SourceSpan }[] = [];
  const parameters = new Map<string, ParameterDecl>();
  for (const [id, entry] of idEntries(reader, keys.get('parameters'), 'parameters', 'parameter')) {
    if (!PARAMETER_PATTERN.test(id) || id === 'mission_time' || id === 'pi' || id === 'e') {
      const reserved = id === 'mission_time' || id === 'pi' || id === 'e';
      reader.report(
        'INVALID_ID',
        reserved ? `The parameter name "${id}" is reserved` : `Invalid parameter name "${id}": expressions could not read it`,
        entry.keySpan,
        reserved ? '`mission_time`, `pi` and `e` are predefined in expressions: choose another name' : 'parameter names start with a letter or _ and hold letters, digits and _ only',
      );
      continue;
    }
    if (entry.value.kind === 'map') {
      const decl = readRandomParameter(reader, id, entry);
      if (decl) parameters.set(id, decl);
      continue;
    }
    const value = readNumberSpec(reader, entry.value, `The parameter "${id}"`, true);
    if (value) parameters.set(id, { id, span: entry.keySpan, value });
  }
  const readSection = <T>(section: Section, key: string, what: string, read: (id: string, entry: RawEntry) => T | undefined): Map<string, T> => {
    const out = new Map<string, T>();
    for (const [id, entry] of idEntries(reader, keys.get(key), key, what)) {
      declared.push({ id, section, span: entry.keySpan });
      const decl = read(id, entry);
      if (decl !== undefined && !out.has(id)) out.set(id, decl);
    }
    return out;
  };
  const gates = readSection('gate', 'gates', 'gate', (id, entry) => readGate(reader, id, entry));
  const events = readSection('event', 'events', 'event', (id, entry) => readEvent(reader, id, entry));
  const houses = readSection('house', 'houses', 'house event', (id, entry) => readHouse(reader, id, entry));
  const transfers = readSection('transfer', 'transfers', 'transfer', (id, entry) => readTransfer(reader, id, entry, file));
  readCcfGroups(reader, keys.get('ccf_groups'), { declared, gates, events });

  const result: FileDeclarations = {
    file,
    isTree: true,
    parameters, gates, events, houses, transfers, declared,
    ...(name !== undefined ? { name } : {}),
    ...(str('title') !== undefined ? { title: str('title') } : {}),
    ...(str('description') !== undefined ? { description: str('description') } : {}),
    ...(top ? { top } : {}),
    ...(missionTime !== undefined ? { missionTime } : {}),
    ...(defaults !== undefined ? { defaults } : {}),
    ...(budget !== undefined ? { budget } : {}),
  };
  return result;
}

/** `budget: {max_probability, single_points, max_importance}`: the limits `ftree check` enforces. */
function readBudget(reader: RawReader, node: RawNode): Budget | undefined {
  if (node.kind === 'scalar' && node.value === null) return undefined;
  const map = reader.map(node, 'The budget', 'write `budget:` followed by indented `max_probability:`, `single_points:` or `max_importance:`');
  if (!map) return undefined;
  const keys = reader.entries(map, BUDGET_KEYS, 'the budget');
  const maxP = keys.get('max_probability');
  const single = keys.get('single_points');
  const maxI = keys.get('max_importance');
  const maxProbability = maxP ? reader.probability(maxP.value, 'The budget\'s max_probability') : undefined;
  const singlePoints = single ? reader.boolean(single.value, 'The budget\'s single_points') : undefined;
  const maxImportance = maxI ? reader.probability(maxI.value, 'The budget\'s max_importance') : undefined;
  return {
    ...(maxProbability !== undefined ? { maxProbability } : {}),
    ...(singlePoints !== undefined ? { singlePoints } : {}),
    ...(maxImportance !== undefined ? { maxImportance } : {}),
    spans: {
      ...(maxP ? { maxProbability: maxP.keySpan } : {}),
      ...(single ? { singlePoints: single.keySpan } : {}),
      ...(maxI ? { maxImportance: maxI.keySpan } : {}),
    },
  };
}

/** `defaults: {sensitivity, false_alarm, within, missing}`: rates, window and missing-data rule of signals that set none. */
function readDefaults(reader: RawReader, node: RawNode): SignalDefaults | undefined {
  const map = reader.map(node, 'The defaults', 'write `defaults:` followed by indented `sensitivity:`, `false_alarm:` `within:` or `missing:`');
  if (!map) return undefined;
  const keys = reader.entries(map, DEFAULTS_KEYS, 'the defaults');
  const s = keys.get('sensitivity');
  const f = keys.get('false_alarm');
  const w = keys.get('within');
  const sensitivity = s ? reader.probability(s.value, 'The default sensitivity') : undefined;
  const fromBaseline = isBaselineRate(f?.value);
  const falseAlarm = f && !fromBaseline ? reader.probability(f.value, 'The default false-alarm rate') : undefined;
  const within = w ? reader.duration(w.value, 'The default `within` of change signals') : undefined;
  const missing = readChoice(reader, keys.get('missing')?.value, MISSING_DATA, 'The default missing-data rule');
  if (sensitivity !== undefined && falseAlarm !== undefined && sensitivity <= falseAlarm) {
    reader.warn(
      'SIGNAL_NOT_INFORMATIVE',
      `The default sensitivity ${sensitivity} is not above the default false-alarm rate ${falseAlarm}: a firing signal would make its event less likely`,
      s!.value.span,
      'sensitivity is P(fired | event true) and should exceed false_alarm, P(fired | event false)',
    );
  }
  return {
    ...(sensitivity !== undefined ? { sensitivity } : {}),
    ...(falseAlarm !== undefined ? { falseAlarm } : {}),
    ...(fromBaseline ? { falseAlarmFromBaseline: true } : {}),
    ...(within !== undefined ? { within } : {}),
    ...(missing !== undefined ? { missing } : {}),
  };
}

export function slugify(s: string): string {
  const slug = s.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'tree' : slug;
}

/** The entries of an id-keyed section, checking each id; duplicates are yielded so they can be reported once. */
function* idEntries(reader: RawReader, entry: RawEntry | undefined, section: string, what: string): Generator<[string, RawEntry]> {
  if (!entry) return;
  const node = entry.value;
  if (node.kind === 'scalar' && node.value === null) return;
  const map = reader.map(node, `The ${section} section`, `write \`${section}:\` followed by indented \`id:\` entries`);
  if (!map) return;
  for (const e of map.entries) {
    if (!ID_PATTERN.test(e.key)) {
      reader.report('INVALID_ID', `Invalid ${what} id "${e.key}"`, e.keySpan, 'ids use letters, digits, _ - . and :');
      continue;
    }
    yield [e.key, e];
  }
}

function readNumberSpec(reader: RawReader, node: RawNode, what: string, unitsAllowed: boolean): NumberSpec | undefined {
  const raw = scalarNumberOrString(node);
  if (raw === undefined) {
    reader.typeError(what, 'a number or an expression', node);
    return undefined;
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) {
      reader.report('INVALID_NUMBER', `${what} must be a finite number, not ${raw}`, node.span);
      return undefined;
    }
    return { kind: 'number', value: raw };
  }
  if (NUMERIC.test(raw)) return { kind: 'number', value: Number(raw) };
  if (unitsAllowed && /^\s*[+-]?[\d.]+(e[+-]?\d+)?\s*(\/\s*[smhdwy]|fit|[smhdwy](\s*[\d.]+\s*[smhdwy])*)\s*$/i.test(raw)) {
    const v = /\/|fit/i.test(raw) ? reader.rate(node, what) : reader.duration(node, what);
    return v === undefined ? undefined : { kind: 'number', value: v };
  }
  if (raw.trim() === '') {
    reader.report('INVALID_EXPRESSION', `${what} is empty`, node.span, 'write a number or an expression such as "1 - exp(-lambda * mission_time)"');
    return undefined;
  }
  return { kind: 'expression', source: raw, span: node.span };
}

/** `name: {distribution: {…}}`: a random parameter, whose point value is the distribution's mean. */
function readRandomParameter(reader: RawReader, id: string, entry: RawEntry): ParameterDecl | undefined {
  const map = entry.value as RawMap;
  const keys = reader.entries(map, PARAMETER_KEYS, `parameter "${id}"`);
  const distEntry = keys.get('distribution');
  if (!distEntry) {
    reader.report('MISSING_KEY', `The parameter "${id}" has no distribution`, entry.keySpan, 'write a number, an expression, or `{distribution: {type: lognormal, mean: 2e-5, error_factor: 3}}`');
    return undefined;
  }
  const distribution = readDistribution(reader, distEntry.value, id);
  if (!distribution) return undefined;
  return { id, span: entry.keySpan, value: { kind: 'number', value: distributionMean(distribution) }, distribution };
}

function readGate(reader: RawReader, id: string, entry: RawEntry): GateDecl | undefined {
  const map = reader.map(entry.value, `The gate "${id}"`, 'a gate has `type:` and `inputs:`');
  if (!map) return undefined;
  const keys = reader.entries(map, GATE_KEYS, `gate "${id}"`);
  let type: GateType | undefined;
  const typeEntry = keys.get('type');
  if (!typeEntry) {
    reader.report('MISSING_KEY', `The gate "${id}" has no type`, entry.keySpan, `add \`type:\` with one of ${GATE_TYPES.join(', ')}`);
  } else {
    const t = reader.string(typeEntry.value, `The type of gate "${id}"`);
    if (t !== undefined) {
      if ((GATE_TYPES as readonly string[]).includes(t)) type = t as GateType;
      else {
        const guess = didYouMean(t, GATE_TYPES);
        reader.report('UNKNOWN_GATE_TYPE', `Unknown gate type "${t}" for gate "${id}"`, typeEntry.value.span, guess ? `did you mean "${guess}"?` : `use one of ${GATE_TYPES.join(', ')}`);
      }
    }
  }
  const inputs: Ref[] = [];
  let inputsInvalid = false;
  const inputsEntry = keys.get('inputs');
  if (!inputsEntry) {
    reader.report('MISSING_KEY', `The gate "${id}" has no inputs`, entry.keySpan, 'add `inputs: [id, id, …]`');
  } else if (inputsEntry.value.kind !== 'seq') {
    reader.typeError(`The inputs of gate "${id}"`, 'a list of ids', inputsEntry.value, 'write `inputs: [a, b]`');
    inputsInvalid = true;
  } else {
    for (const item of inputsEntry.value.items) {
      if (item.kind === 'scalar' && (typeof item.value === 'string' || typeof item.value === 'number')) {
        inputs.push({ id: String(item.value), span: item.span });
      } else if (item.kind === 'map') {
        const input = readProbabilisticInput(reader, item, id);
        if (input) inputs.push(input);
        else inputsInvalid = true;
      } else {
        reader.typeError(`An input of gate "${id}"`, 'an id, or `{id: …, probability: …}`', item);
        inputsInvalid = true;
      }
    }
  }
  const kEntry = keys.get('k') ?? keys.get('min');
  const k = kEntry ? reader.integer(kEntry.value, `The ${kEntry.key} of gate "${id}"`) : undefined;
  const maxEntry = keys.get('max');
  const max = maxEntry ? reader.integer(maxEntry.value, `The max of gate "${id}"`) : undefined;
  if (keys.has('k') && keys.has('min')) {
    reader.report('CONFLICTING_KEYS', `The gate "${id}" has both k and min`, keys.get('min')!.keySpan, '`k` is for atleast gates, `min`/`max` for cardinality gates');
  }
  const evidenceEntry = keys.get('evidence');
  const evidence = evidenceEntry ? readEvidence(reader, evidenceEntry.value, id) : undefined;
  const label = keys.get('label') ? reader.string(keys.get('label')!.value, `The label of gate "${id}"`) : undefined;
  const description = keys.get('description') ? reader.string(keys.get('description')!.value, `The description of gate "${id}"`) : undefined;
  return {
    id,
    span: entry.keySpan,
    inputs,
    ...(label !== undefined ? { label } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(type ? { type, typeSpan: typeEntry!.value.span } : {}),
    ...(inputsEntry ? { inputsSpan: inputsEntry.value.span } : {}),
    ...(inputsInvalid || !inputsEntry ? { inputsInvalid: true } : {}),
    ...(kEntry ? { hasK: true } : {}),
    ...(k !== undefined ? { k, kSpan: kEntry!.value.span } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(evidence ? { evidence } : {}),
  };
}

/** `{id: callee_slow, probability: 0.5}`: an input that counts for its gate only with that probability. */
function readProbabilisticInput(reader: RawReader, map: RawMap, gate: string): Ref | undefined {
  const keys = reader.entries(map, INPUT_KEYS, `an input of gate "${gate}"`);
  const idEntry = keys.get('id');
  const pEntry = keys.get('probability');
  if (!idEntry) {
    reader.report('MISSING_KEY', `An input of gate "${gate}" has no id`, map.span, 'write `{id: other_gate, probability: 0.5}`');
    return undefined;
  }
  if (idEntry.value.kind !== 'scalar' || (typeof idEntry.value.value !== 'string' && typeof idEntry.value.value !== 'number')) {
    reader.typeError(`The id of an input of gate "${gate}"`, 'an id', idEntry.value);
    return undefined;
  }
  const ref: Ref = { id: String(idEntry.value.value), span: idEntry.value.span };
  if (!pEntry) return ref;
  const probability = reader.probability(pEntry.value, `The probability of input "${ref.id}" of gate "${gate}"`);
  if (probability === undefined) return undefined;
  return probability === 1 ? ref : { ...ref, probability };
}

function readEvent(reader: RawReader, id: string, entry: RawEntry): EventDecl | undefined {
  const map = reader.map(entry.value, `The event "${id}"`, 'an event has a probability model, for example `probability: 0.001` or `rate: 2e-5/h`');
  if (!map) return undefined;
  const keys = reader.entries(map, EVENT_KEYS, `event "${id}"`);
  const spec = readProbabilitySpec(reader, id, keys, entry);
  const mtEntry = keys.get('mission_time');
  const missionTime = mtEntry ? reader.duration(mtEntry.value, `The mission time of event "${id}"`) : undefined;
  const distEntry = keys.get('distribution');
  const distribution = distEntry ? readDistribution(reader, distEntry.value, id) : undefined;
  const evidenceEntry = keys.get('evidence');
  const evidence = evidenceEntry ? readEvidence(reader, evidenceEntry.value, id) : undefined;
  const checkEntry = keys.get('check');
  const check = checkEntry ? readCheck(reader, checkEntry.value, id) : undefined;
  const label = keys.get('label') ? reader.string(keys.get('label')!.value, `The label of event "${id}"`) : undefined;
  const description = keys.get('description') ? reader.string(keys.get('description')!.value, `The description of event "${id}"`) : undefined;
  const suspectEntry = keys.get('suspect');
  const suspect = suspectEntry ? reader.boolean(suspectEntry.value, `The suspect flag of event "${id}"`) : undefined;
  return {
    id,
    span: entry.keySpan,
    ...(suspect === false ? { suspect: false } : {}),
    ...(label !== undefined ? { label } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(spec ? { spec } : {}),
    ...(missionTime !== undefined ? { missionTime } : {}),
    ...(distribution ? { distribution } : {}),
    ...(evidence ? { evidence } : {}),
    ...(check ? { check } : {}),
  };
}

function readProbabilitySpec(reader: RawReader, id: string, keys: Map<string, RawEntry>, entry: RawEntry): ProbabilitySpec | undefined {
  const models = ['probability', 'rate', 'weibull'].filter((k) => keys.has(k));
  if (models.length === 0) {
    reader.report('MISSING_PROBABILITY', `The event "${id}" has no probability model`, entry.keySpan, 'add one of `probability: 0.001`, `rate: 2e-5/h` (with `mttr:` if it is repaired) or `weibull: {scale: 1y, shape: 1.5}`');
    return undefined;
  }
  if (models.length > 1) {
    reader.report('CONFLICTING_KEYS', `The event "${id}" has more than one probability model: ${models.join(', ')}`, keys.get(models[1]!)!.keySpan, 'keep exactly one of probability, rate, weibull');
    return undefined;
  }
  const repairKeys = ['repair_rate', 'mttr'].filter((k) => keys.has(k));
  if (repairKeys.length > 0 && models[0] !== 'rate') {
    reader.report('CONFLICTING_KEYS', `The event "${id}" has ${repairKeys[0]} without a failure rate`, keys.get(repairKeys[0]!)!.keySpan, 'repair applies to rate-based events: add `rate:` or remove the repair key');
    return undefined;
  }
  if (repairKeys.length > 1) {
    reader.report('CONFLICTING_KEYS', `The event "${id}" has both repair_rate and mttr`, keys.get('mttr')!.keySpan, 'keep one: mttr is 1 / repair_rate');
    return undefined;
  }
  switch (models[0]) {
    case 'probability': {
      const node = keys.get('probability')!.value;
      const value = readNumberSpec(reader, node, `The probability of event "${id}"`, false);
      if (!value) return undefined;
      if (value.kind === 'number' && !(value.value >= 0 && value.value <= 1)) {
        reader.report('PROBABILITY_RANGE', `The probability of event "${id}" must lie in [0, 1], not ${value.value}`, node.span, value.value > 1 && value.value <= 100 ? `if ${value.value} is a percentage, write ${value.value / 100}` : undefined);
        return undefined;
      }
      return { kind: 'probability', value };
    }
    case 'rate': {
      const rate = reader.rate(keys.get('rate')!.value, `The rate of event "${id}"`);
      if (rate === undefined) return undefined;
      const rr = keys.get('repair_rate');
      const mttr = keys.get('mttr');
      if (rr) {
        const repairRate = reader.rate(rr.value, `The repair rate of event "${id}"`);
        return repairRate === undefined ? undefined : { kind: 'repairable', rate, repairRate };
      }
      if (mttr) {
        const hours = reader.duration(mttr.value, `The MTTR of event "${id}"`);
        if (hours === undefined) return undefined;
        if (hours <= 0) {
          reader.report('INVALID_NUMBER', `The MTTR of event "${id}" must be positive`, mttr.value.span);
          return undefined;
        }
        return { kind: 'repairable', rate, repairRate: 1 / hours };
      }
      return { kind: 'rate', rate };
    }
    default: {
      const wEntry = keys.get('weibull')!;
      const wmap = reader.map(wEntry.value, `The Weibull model of event "${id}"`, 'write `weibull: {scale: 2y, shape: 1.5}`');
      if (!wmap) return undefined;
      const w = reader.entries(wmap, WEIBULL_KEYS, `the Weibull model of "${id}"`);
      const scaleE = w.get('scale');
      const shapeE = w.get('shape');
      if (!scaleE || !shapeE) {
        reader.report('MISSING_KEY', `The Weibull model of event "${id}" needs scale and shape`, wmap.span, 'write `weibull: {scale: 2y, shape: 1.5}`');
        return undefined;
      }
      const scale = reader.duration(scaleE.value, `The Weibull scale of event "${id}"`);
      const shape = reader.number(shapeE.value, `The Weibull shape of event "${id}"`);
      const locE = w.get('location');
      const location = locE ? reader.duration(locE.value, `The Weibull location of event "${id}"`) : 0;
      if (scale === undefined || shape === undefined || location === undefined) return undefined;
      if (scale <= 0 || shape <= 0) {
        reader.report('INVALID_NUMBER', `The Weibull scale and shape of event "${id}" must be positive`, wmap.span);
        return undefined;
      }
      return { kind: 'weibull', scale, shape, location };
    }
  }
}

function readCheck(reader: RawReader, node: RawNode, id: string): Check | undefined {
  const map = reader.map(node, `The check of event "${id}"`, 'write `check: {how: "…", cost: 5m}`');
  if (!map) return undefined;
  const keys = reader.entries(map, CHECK_KEYS, `the check of "${id}"`);
  const howE = keys.get('how');
  if (!howE) {
    reader.report('MISSING_KEY', `The check of event "${id}" does not say how`, map.span, 'add `how: "what to run or look at"`');
    return undefined;
  }
  const how = reader.string(howE.value, `How to check event "${id}"`);
  const costE = keys.get('cost');
  const hours = costE ? reader.duration(costE.value, `The cost of checking event "${id}"`) : undefined;
  if (how === undefined) return undefined;
  return { how, ...(hours !== undefined ? { cost: hours * 60 } : {}) };
}

function readHouse(reader: RawReader, id: string, entry: RawEntry): HouseDecl | undefined {
  const node = entry.value;
  if (node.kind === 'scalar') {
    const state = reader.boolean(node, `The house event "${id}"`);
    return state === undefined ? undefined : { id, span: entry.keySpan, state };
  }
  const map = reader.map(node, `The house event "${id}"`, 'write `id: true`, `id: false` or `id: {state: true, label: …}`');
  if (!map) return undefined;
  const keys = reader.entries(map, HOUSE_KEYS, `house event "${id}"`);
  const stateE = keys.get('state');
  if (!stateE) {
    reader.report('MISSING_KEY', `The house event "${id}" has no state`, entry.keySpan, 'add `state: true` or `state: false`');
    return undefined;
  }
  const state = reader.boolean(stateE.value, `The state of house event "${id}"`);
  const label = keys.get('label') ? reader.string(keys.get('label')!.value, `The label of house event "${id}"`) : undefined;
  return state === undefined ? undefined : { id, span: entry.keySpan, state, ...(label !== undefined ? { label } : {}) };
}

/** A transfer's file, relative to the naming file's folder, in the same style (relative or absolute) as that file. */
function targetPath(here: string, target: string): string {
  return isAbsolute(target) ? target : join(here, target);
}

function readTransfer(reader: RawReader, id: string, entry: RawEntry, file: string): TransferDecl | undefined {
  const node = entry.value;
  const here = dirname(file);
  if (node.kind === 'scalar') {
    const target = reader.string(node, `The transfer "${id}"`);
    return target === undefined ? undefined : { id, span: entry.keySpan, file: targetPath(here, target), fileSpan: node.span };
  }
  const map = reader.map(node, `The transfer "${id}"`, 'write `id: other.yaml` or `id: {file: other.yaml, gate: some_gate}`');
  if (!map) return undefined;
  const keys = reader.entries(map as RawMap, TRANSFER_KEYS, `transfer "${id}"`);
  const fileE = keys.get('file');
  if (!fileE) {
    reader.report('MISSING_KEY', `The transfer "${id}" names no file`, entry.keySpan, 'add `file: other-tree.yaml`');
    return undefined;
  }
  const target = reader.string(fileE.value, `The file of transfer "${id}"`);
  const gateE = keys.get('gate');
  const gate = gateE ? reader.string(gateE.value, `The gate of transfer "${id}"`) : undefined;
  if (target === undefined) return undefined;
  return {
    id,
    span: entry.keySpan,
    file: targetPath(here, target),
    fileSpan: fileE.value.span,
    ...(gate !== undefined && gateE ? { gate: { id: gate, span: gateE.value.span } } : {}),
  };
}
