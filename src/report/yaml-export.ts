// Writes a fault tree in ftree's YAML format (report stage; the format is docs/format.md), for
// `ftree import`: ids the format cannot hold are renamed deterministically and listed in a comment,
// as is anything the format cannot express (and which is then given as a point probability).

import { Document, isPair, isScalar, visit } from 'yaml';
import type { BasicEvent, Evidence, FaultTree, Gate, SignalDefaults } from '../model/fault-tree.js';
import { distributionToJson } from './distribution-format.js';
import { budgetToJson } from './model-json.js';

export interface ExportYamlOptions {
  /** Path of schema/ftree.schema.json relative to the written file: adds the yaml-language-server line. */
  readonly schema?: string;
}

/** Ids of gates, events and houses in the format: letters, digits, _ - . : */
const ID = /^[A-Za-z0-9_.:-]+$/;
/** Parameter names: identifiers that expressions can read. */
const PARAMETER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED_PARAMETERS: ReadonlySet<string> = new Set(['mission_time', 'pi', 'e']);

export function exportYaml(tree: FaultTree, options: ExportYamlOptions = {}): string {
  tree = foldPropagation(tree);
  const ids = renameIds([...tree.gates.keys(), ...tree.events.keys(), ...tree.houses.keys()], (id) => ID.test(id), toId);
  const parameterNames = renameIds([...tree.parameters.keys()], (id) => PARAMETER.test(id) && !RESERVED_PARAMETERS.has(id), toParameterName);
  const parametersRenamed = [...parameterNames].some(([from, to]) => from !== to);
  const id = (x: string): string => ids.get(x) ?? x;
  const notes: string[] = [];

  const root = new Map<string, unknown>();
  root.set('ftree', 1);
  root.set('name', slug(tree.name));
  if (tree.title !== undefined) root.set('title', tree.title);
  if (tree.description !== undefined) root.set('description', tree.description);
  root.set('top', id(tree.top));
  root.set('mission_time', tree.missionTime);
  const defaults = tree.defaults === undefined ? undefined : defaultsYaml(tree.defaults);
  if (defaults !== undefined) root.set('defaults', defaults);
  const budget = tree.budget === undefined ? undefined : budgetToJson(tree.budget);
  if (budget !== undefined && Object.keys(budget).length > 0) root.set('budget', budget);

  if (tree.parameters.size > 0) {
    const parameters = new Map<string, unknown>();
    for (const p of tree.parameters.values()) {
      const random = p.distribution && !p.formula && p.source === undefined;
      parameters.set(parameterNames.get(p.id)!, random ? { distribution: distributionToJson(p.distribution!) } : p.source !== undefined && !parametersRenamed ? p.source : p.value);
      if (p.distribution && !random) notes.push(`the distribution of parameter "${p.id}" (it follows another parameter)`);
    }
    root.set('parameters', parameters);
  }
  if (tree.gates.size > 0) {
    const gates = new Map<string, unknown>();
    for (const gate of tree.gates.values()) gates.set(id(gate.id), gateYaml(gate, id));
    root.set('gates', gates);
  }
  if (tree.events.size > 0) {
    const events = new Map<string, unknown>();
    for (const event of tree.events.values()) events.set(id(event.id), eventYaml(event, tree.missionTime, !parametersRenamed, notes));
    root.set('events', events);
  }
  if (tree.houses.size > 0) {
    const houses = new Map<string, unknown>();
    for (const house of tree.houses.values()) houses.set(id(house.id), house.label === undefined ? house.state : new Map<string, unknown>([['state', house.state], ['label', house.label]]));
    root.set('houses', houses);
  }

  const doc = new Document(root);
  // Lists of ids and numbers read best on one line.
  visit(doc, {
    Seq(_key, node, path) {
      const parent = path[path.length - 1];
      const key = isPair(parent) && isScalar(parent.key) ? parent.key.value : undefined;
      if (key === 'inputs' || key === 'bounds' || key === 'weights') node.flow = true;
    },
  });
  const comments: string[] = [];
  if (options.schema !== undefined) comments.push(` yaml-language-server: $schema=${options.schema}`);
  if (tree.file) comments.push(` Written by ftree from ${tree.file}.`);
  const renamed = [...ids, ...parameterNames].filter(([from, to]) => from !== to);
  if (renamed.length > 0) {
    comments.push(' Ids renamed to fit the format:');
    for (const [from, to] of renamed) comments.push(`   ${JSON.stringify(from)} → ${to}`);
  }
  if (notes.length > 0) {
    comments.push(' Given as a point probability or left out, as the format cannot express them:');
    for (const note of notes) comments.push(`   ${note}`);
  }
  if (comments.length > 0) doc.commentBefore = comments.join('\n');
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

/** Gates and events that probabilistic inputs expanded into, written back as `{id, probability}` inputs. */
type FoldedGate = Gate & { readonly inputProbabilities?: readonly (number | undefined)[] };

function foldPropagation(tree: FaultTree): FaultTree {
  if (![...tree.gates.values()].some((g) => g.propagation)) return tree;
  const gates = new Map<string, FoldedGate>();
  for (const g of tree.gates.values()) {
    if (g.propagation) continue;
    const probabilities = g.inputs.map((x) => tree.gates.get(x)?.propagation?.probability);
    const inputs = g.inputs.map((x) => tree.gates.get(x)?.propagation?.from ?? x);
    gates.set(g.id, probabilities.some((p) => p !== undefined) ? { ...g, inputs, inputProbabilities: probabilities } : g);
  }
  const events = new Map([...tree.events].filter(([, e]) => !e.propagation));
  return { ...tree, gates, events };
}

/** The signal defaults, durations in hours (a bare number in the format); none when empty. */
function defaultsYaml(d: SignalDefaults): Map<string, unknown> | undefined {
  const out = new Map<string, unknown>();
  if (d.sensitivity !== undefined) out.set('sensitivity', d.sensitivity);
  if (d.falseAlarm !== undefined) out.set('false_alarm', d.falseAlarm);
  if (d.within !== undefined) out.set('within', d.within);
  if (d.missing !== undefined) out.set('missing', d.missing);
  return out.size > 0 ? out : undefined;
}

function gateYaml(gate: FoldedGate, id: (x: string) => string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (gate.label !== undefined) out.set('label', gate.label);
  if (gate.description !== undefined) out.set('description', gate.description);
  out.set('type', gate.type);
  if (gate.type === 'atleast') out.set('k', gate.k);
  if (gate.type === 'cardinality') {
    out.set('min', gate.k);
    out.set('max', gate.max);
  }
  out.set('inputs', gate.inputs.map((x, i) => {
    const p = gate.inputProbabilities?.[i];
    return p === undefined ? id(x) : new Map<string, unknown>([['id', id(x)], ['probability', p]]);
  }));
  if (gate.evidence) out.set('evidence', evidenceYaml(gate.evidence));
  return out;
}

function eventYaml(event: BasicEvent, missionTime: number, keepExpressions: boolean, notes: string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (event.label !== undefined) out.set('label', event.label);
  if (event.description !== undefined) out.set('description', event.description);
  const model = event.model;
  const ownTime = (t: number): void => {
    if (t !== missionTime) out.set('mission_time', t);
  };
  switch (model.kind) {
    case 'constant':
      out.set('probability', event.probability);
      break;
    case 'expression':
      out.set('probability', keepExpressions ? model.source : event.probability);
      break;
    case 'rate':
      out.set('rate', model.rate);
      ownTime(model.missionTime);
      break;
    case 'repairable':
      if (model.gamma) {
        notes.push(`event "${event.id}": GLM with failure on demand ${model.gamma} (P = ${event.probability})`);
        out.set('probability', event.probability);
        break;
      }
      out.set('rate', model.rate);
      out.set('repair_rate', model.repairRate);
      ownTime(model.missionTime);
      break;
    case 'weibull': {
      const weibull = new Map<string, number>([['scale', model.scale], ['shape', model.shape]]);
      if (model.location) weibull.set('location', model.location);
      out.set('weibull', weibull);
      ownTime(model.missionTime);
      break;
    }
    case 'periodic-test':
      notes.push(`event "${event.id}": periodic test (λ ${model.rate}/h, every ${model.testInterval} h from ${model.firstTest} h), P = ${event.probability} at ${model.missionTime} h`);
      out.set('probability', event.probability);
      break;
  }
  if (event.distribution) out.set('distribution', distributionToJson(event.distribution));
  if (event.formula && model.kind !== 'expression') notes.push(`the formula of event "${event.id}" over parameters or the mission time (given at its point value)`);
  if (event.evidence) out.set('evidence', evidenceYaml(event.evidence));
  if (event.check) out.set('check', event.check.cost === undefined ? { how: event.check.how } : { how: event.check.how, cost: `${event.check.cost}m` });
  if (event.suspect === false) out.set('suspect', false);
  return out;
}

function evidenceYaml(evidence: Evidence): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const rates = (s: { sensitivity?: number; falseAlarm?: number }, into: Map<string, unknown>): Map<string, unknown> => {
    if (s.sensitivity !== undefined) into.set('sensitivity', s.sensitivity);
    if (s.falseAlarm !== undefined) into.set('false_alarm', s.falseAlarm);
    return into;
  };
  if (evidence.logs.length > 0) {
    out.set(
      'logs',
      evidence.logs.map((log) => {
        const m = new Map<string, unknown>([['pattern', log.pattern]]);
        if (log.label !== undefined) m.set('label', log.label);
        if (log.minCount !== undefined) m.set('min_count', log.minCount);
        if (log.alpha !== undefined) m.set('alpha', log.alpha);
        if (log.fields && log.fields.size > 0) m.set('fields', new Map(log.fields));
        if (log.missing !== undefined) m.set('missing', log.missing);
        return rates(log, m);
      }),
    );
  }
  if (evidence.metrics.length > 0) {
    out.set(
      'metrics',
      evidence.metrics.map((metric) => {
        const m = new Map<string, unknown>([['query', metric.query]]);
        if (metric.label !== undefined) m.set('label', metric.label);
        if (metric.above !== undefined) m.set('above', metric.above);
        if (metric.below !== undefined) m.set('below', metric.below);
        if (metric.aggregate !== undefined) m.set('aggregate', metric.aggregate);
        if (metric.score !== undefined) m.set('score', metric.score);
        if (metric.direction !== undefined) m.set('direction', metric.direction);
        if (metric.minSpread !== undefined) m.set('min_spread', metric.minSpread);
        if (metric.minBaseline !== undefined) m.set('min_baseline', metric.minBaseline);
        if (metric.missing !== undefined) m.set('missing', metric.missing);
        return rates(metric, m);
      }),
    );
  }
  if (evidence.changes.length > 0) {
    out.set(
      'changes',
      evidence.changes.map((change) => {
        const m = new Map<string, unknown>();
        if (change.service !== undefined) m.set('service', change.service);
        if (change.kind !== undefined) m.set('kind', change.kind);
        if (change.label !== undefined) m.set('label', change.label);
        if (change.within !== undefined) m.set('within', change.within);
        return rates(change, m);
      }),
    );
  }
  return out;
}

/** Keeps valid ids; repairs the others uniquely, in the order given, so the result is deterministic. */
function renameIds(ids: readonly string[], isValid: (id: string) => boolean, repair: (id: string) => string): Map<string, string> {
  const taken = new Set(ids.filter(isValid));
  const result = new Map<string, string>();
  for (const id of ids) {
    if (isValid(id)) {
      result.set(id, id);
      continue;
    }
    const base = repair(id);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    result.set(id, name);
  }
  return result;
}

/** Other characters become "_"; a CCF event "[A B]" becomes CCF_A_B. */
function toId(id: string): string {
  const ccf = /^\[(.+)\]$/.exec(id);
  const name = (ccf ? `CCF ${ccf[1]}` : id).replace(/[^A-Za-z0-9_.:-]+/g, '_').replace(/^_+|_+$/g, '');
  return name || 'id';
}

function toParameterName(id: string): string {
  let name = id.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (!/^[A-Za-z_]/.test(name)) name = `_${name}`;
  return RESERVED_PARAMETERS.has(name) ? `${name}_parameter` : name;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'tree';
}
