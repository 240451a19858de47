// Reads the `ccf_groups:` section of a tree file and expands each common-cause failure group into
// declarations (parse stage): every member becomes an OR gate over the CCF events of the member
// subsets that contain it, as the Open-PSA MEF import does (src/parse/mef/expand-ccf-group.ts).

import type { RawEntry } from './parse-yaml-tree.js';
import { expandCcfGroup } from '../mef/expand-ccf-group.js';
import type { CcfModel } from '../mef/mef-raw.js';
import type { EventDecl, GateDecl, NumberSpec, Ref, Section } from './declarations.js';
import { RawReader, scalarNumberOrString } from './raw-reader.js';
import type { SourceSpan } from '../../model/source-span.js';

const GROUP_KEYS = ['model', 'members', 'probability', 'rate', 'factors', 'label'];
const MODELS: readonly CcfModel[] = ['beta-factor', 'MGL', 'alpha-factor', 'phi-factor'];
const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;
const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export interface CcfDeclarations {
  readonly declared: { id: string; section: Section; span: SourceSpan }[];
  readonly gates: Map<string, GateDecl>;
  readonly events: Map<string, EventDecl>;
}

/** Adds each group's member gates and CCF events to the file's declarations; problems go to the reader. */
export function readCcfGroups(reader: RawReader, entry: RawEntry | undefined, out: CcfDeclarations): void {
  if (!entry || (entry.value.kind === 'scalar' && entry.value.value === null)) return;
  const map = reader.map(entry.value, 'The ccf_groups section', 'write `ccf_groups:` followed by indented `group_id:` entries');
  if (!map) return;
  for (const group of map.entries) {
    if (!ID_PATTERN.test(group.key)) {
      reader.report('INVALID_ID', `Invalid CCF group id "${group.key}"`, group.keySpan, 'ids use letters, digits, _ - . and :');
      continue;
    }
    readGroup(reader, group, out);
  }
}

function readGroup(reader: RawReader, group: RawEntry, out: CcfDeclarations): void {
  const where = `CCF group "${group.key}"`;
  const map = reader.map(group.value, `The ${where}`, 'a CCF group has `model:`, `members:`, `probability:` (or `rate:`) and `factors:`');
  if (!map) return;
  const keys = reader.entries(map, GROUP_KEYS, where);
  let broken = false;
  const missing = (key: string, hint: string): void => {
    reader.report('MISSING_KEY', `The ${where} has no ${key}`, group.keySpan, hint);
    broken = true;
  };

  const modelEntry = keys.get('model');
  let model: CcfModel | undefined;
  if (!modelEntry) missing('model', `add \`model:\` with one of ${MODELS.join(', ')}`);
  else {
    const name = reader.string(modelEntry.value, `The model of ${where}`);
    if (name !== undefined && (MODELS as readonly string[]).includes(name)) model = name as CcfModel;
    else if (name !== undefined) reader.report('INVALID_VALUE', `Unknown CCF model "${name}" of ${where}`, modelEntry.value.span, `use one of ${MODELS.join(', ')}`);
  }

  const members: Ref[] = [];
  const membersEntry = keys.get('members');
  if (!membersEntry) missing('members', 'add `members: [a, b, c]`: the basic events the group defines');
  else if (membersEntry.value.kind !== 'seq') {
    reader.typeError(`The members of ${where}`, 'a list of ids', membersEntry.value, 'write `members: [pump_a, pump_b]`');
    broken = true;
  } else {
    const seen = new Set<string>();
    for (const item of membersEntry.value.items) {
      const id = item.kind === 'scalar' && (typeof item.value === 'string' || typeof item.value === 'number') ? String(item.value) : undefined;
      if (id === undefined || !ID_PATTERN.test(id)) {
        if (id === undefined) reader.typeError(`A member of ${where}`, 'an id', item);
        else reader.report('INVALID_ID', `Invalid member id "${id}" of ${where}`, item.span, 'ids use letters, digits, _ - . and :');
        broken = true;
      } else if (seen.has(id)) {
        reader.report('CCF_INVALID', `The ${where} lists member "${id}" twice`, item.span, 'list each member once');
        broken = true;
      } else {
        seen.add(id);
        members.push({ id, span: item.span });
      }
    }
    if (!broken && members.length < 2) {
      reader.report('CCF_INVALID', `The ${where} needs at least 2 members, has ${members.length}`, membersEntry.value.span, 'a common cause needs two or more basic events');
      broken = true;
    }
  }

  const q = readGroupProbability(reader, keys, where, group.keySpan);
  if (!q) broken = true;

  const factors: { value: number; span: SourceSpan }[] = [];
  const factorsEntry = keys.get('factors');
  if (!factorsEntry) missing('factors', 'add `factors: [...]`: beta-factor [β]; MGL [β, γ, …]; alpha-factor [α1, α2, …]; phi-factor [φ1, φ2, …]');
  else if (factorsEntry.value.kind !== 'seq' || factorsEntry.value.items.length === 0) {
    reader.typeError(`The factors of ${where}`, 'a non-empty list of numbers', factorsEntry.value, 'write `factors: [0.1]`');
    broken = true;
  } else {
    for (const item of factorsEntry.value.items) {
      const value = reader.probability(item, `A factor of ${where}`);
      if (value === undefined) broken = true;
      else factors.push({ value, span: item.span });
    }
  }
  const label = keys.get('label') ? reader.string(keys.get('label')!.value, `The label of ${where}`) : undefined;
  if (broken || !model || !q) return;

  // Every CCF probability is a multiple of Q: expand with Q itself when it is a number (as the MEF
  // import does), else with 1 and multiply the expression.
  const expansion = expandCcfGroup({ model, members: members.map((m) => m.id), probability: q.kind === 'number' ? q.value : 1, factors: factors.map((f) => ({ value: f.value })) });
  if (!expansion.ok) {
    for (const problem of expansion.problems) {
      const span = problem.kind === 'factor' ? (factors[problem.factor]?.span ?? group.keySpan) : problem.kind === 'members' ? membersEntry!.value.span : group.keySpan;
      reader.report('CCF_INVALID', `${capitalise(where)}: ${problem.message}`, span, hintOf(model, members.length));
    }
    return;
  }
  const title = label ?? group.key;
  const inputs: Ref[][] = members.map(() => []);
  for (const spec of expansion.events) {
    const names = spec.members.map((i) => members[i]!.id);
    const id = `[${names.join(' ')}]`;
    const value: NumberSpec = q.kind === 'number' ? { kind: 'number', value: spec.probability } : { kind: 'expression', source: `${spec.probability} * (${q.source})`, span: q.span };
    out.declared.push({ id, section: 'event', span: group.keySpan });
    if (!out.events.has(id)) {
      out.events.set(id, {
        id,
        span: group.keySpan,
        label: `${title}: ${names.length === 1 ? 'independent failure of' : 'common cause failure of'} ${names.join(', ')}`,
        spec: { kind: 'probability', value },
      });
    }
    for (const i of spec.members) inputs[i]!.push({ id, span: members[i]!.span });
  }
  members.forEach((member, i) => {
    out.declared.push({ id: member.id, section: 'gate', span: member.span });
    if (!out.gates.has(member.id)) {
      out.gates.set(member.id, { id: member.id, span: member.span, type: 'or', inputs: inputs[i]!, label: `${member.id} (member of ${where})` });
    }
  });
}

/** Q, each member's total failure probability: `probability:` (a number or an expression) or `rate:` over the mission time. */
function readGroupProbability(reader: RawReader, keys: Map<string, RawEntry>, where: string, span: SourceSpan): NumberSpec | undefined {
  const p = keys.get('probability');
  const r = keys.get('rate');
  if (p && r) {
    reader.report('CONFLICTING_KEYS', `The ${where} has both probability and rate`, r.keySpan, 'give one of them');
    return undefined;
  }
  if (r) {
    const rate = reader.rate(r.value, `The rate of ${where}`);
    if (rate === undefined) return undefined;
    if (rate < 0) {
      reader.report('NEGATIVE_RATE', `The rate of ${where} is negative: ${rate}`, r.value.span);
      return undefined;
    }
    return { kind: 'expression', source: `1 - exp(-${rate} * mission_time)`, span: r.value.span };
  }
  if (!p) {
    reader.report('MISSING_KEY', `The ${where} has no probability`, span, 'add `probability:` (Q, the total failure probability of each member) or `rate:`');
    return undefined;
  }
  const raw = scalarNumberOrString(p.value);
  if (typeof raw === 'string' && !NUMERIC.test(raw) && raw.trim() !== '') return { kind: 'expression', source: raw, span: p.value.span };
  const value = reader.probability(p.value, `The probability of ${where}`);
  return value === undefined ? undefined : { kind: 'number', value };
}

function hintOf(model: CcfModel, n: number): string {
  switch (model) {
    case 'beta-factor':
      return 'beta-factor takes one factor: [β]';
    case 'MGL':
      return `MGL takes [β, γ, δ, …]: the factors of levels 2 to at most ${n}`;
    case 'alpha-factor':
      return `alpha-factor takes [α1, α2, …]: the factors of levels 1 to at most ${n}`;
    case 'phi-factor':
      return `phi-factor takes [φ1, φ2, …], summing to 1, for levels 1 to at most ${n}`;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

