// Writes a fault tree as Open-PSA MEF XML (report stage): the gates in fault trees (synthetic gates
// of nested formulas written nested again, dotted ids as private elements of components), the basic
// events' probability models (exponential, GLM, Weibull, periodic-test, float) or distributions as
// random deviates, house events and parameters. src/parse/mef reads it back to the same model, and
// the names follow SCRAM's schema, so SCRAM reads it too. Reference: Open-PSA MEF 2.0.

import type { BasicEvent, Distribution, FaultTree, Formula, FormulaFunction, Gate, ProbabilityModel } from '../model/fault-tree.js';
import { MefNameTable, type Named } from '../parse/mef/mef-name-table.js';

/** Model attributes ftree writes and src/parse/mef reads back (SCRAM ignores them). */
const MISSION_TIME_ATTRIBUTE = 'mission-time';
const TOP_ATTRIBUTE = 'top';

/** A name SCRAM accepts: an NCName without dots, hyphens only between other characters. */
const IDENTIFIER = /^[A-Za-z_\u00C0-\u1FFF\u2C00-\uFFEF][A-Za-z0-9_\u00B7\u00C0-\u1FFF\u2C00-\uFFEF]*(-[A-Za-z0-9_\u00B7\u00C0-\u1FFF\u2C00-\uFFEF]+)*$/;

type Kind = 'gate' | 'basic-event' | 'house-event' | 'parameter';

/** Where a node is defined in the MEF file: a container path ('' = model data) and its local name. */
interface Placement extends Named {
  readonly kind: Kind;
  readonly id: string;
}

export function exportMef(tree: FaultTree): string {
  const main = toIdentifier(tree.name);
  const inlined = findInlined(tree);
  const placement = placeNodes(tree, main, inlined);
  const notes: string[] = [];
  const writer = new MefWriter(tree, main, inlined, placement, notes);
  const body = writer.write();

  const header = ['<?xml version="1.0" encoding="UTF-8"?>', comment(`Written by ftree from ${tree.file || 'a fault tree'}.`)];
  if (tree.missionTime !== 8760) {
    header.push(comment(`Mission time ${tree.missionTime} h: SCRAM takes it from its settings (its mission-time option).`));
  }
  const renamed = [...placement.values()].filter((p) => p.scope.role === 'public' && p.name !== p.id);
  if (renamed.length > 0) header.push(comment(`Ids renamed to valid MEF names: ${renamed.map((p) => `"${p.id}" → ${p.name}`).join(', ')}.`));
  if (notes.length > 0) header.push(comment(`Left out: ${notes.join('; ')}.`));
  return `${[...header, ...body].join('\n')}\n`;
}

/**
 * Synthetic gates and constants of nested formulas (`owner.n`, used once, unlabelled) are written
 * nested in their owner again, when reading the file back would give them the same numbers.
 */
function findInlined(tree: FaultTree): Set<string> {
  const parents = new Map<string, number>();
  for (const gate of tree.gates.values()) for (const input of gate.inputs) parents.set(input, (parents.get(input) ?? 0) + 1);
  const inlined = new Set<string>();
  const candidate = (id: string, owner: string): boolean => {
    const match = /^(.*)\.(\d+)$/.exec(id);
    if (!match || match[1] !== owner || parents.get(id) !== 1) return false;
    const gate = tree.gates.get(id);
    if (gate) return gate.label === undefined && gate.description === undefined && !gate.evidence && gate.type !== 'inhibit' && id !== tree.top;
    const house = tree.houses.get(id);
    return house !== undefined && house.label === undefined;
  };
  for (const owner of tree.gates.values()) {
    if (/\.\d+$/.test(owner.id) && parents.get(owner.id) === 1) continue; // itself nested in another
    let counter = 0;
    const visit = (gate: Gate): void => {
      for (const input of gate.inputs) {
        if (!candidate(input, owner.id)) continue;
        // The reader numbers nested formulas in document order under their owner.
        if (input !== `${owner.id}.${counter + 1}`) continue;
        counter++;
        inlined.add(input);
        const nested = tree.gates.get(input);
        if (nested) visit(nested);
      }
    };
    visit(owner);
  }
  return inlined;
}

/**
 * Undotted valid ids stay public names; a dotted id `a.b.c` becomes the private element `c` of
 * component `b` of fault tree `a`, so that it reads back with the same id. Ids that fit neither,
 * or whose references would resolve to another element, are renamed.
 */
function placeNodes(tree: FaultTree, main: string, inlined: ReadonlySet<string>): Map<string, Placement> {
  const nodes: [string, Kind][] = [];
  for (const id of tree.gates.keys()) if (!inlined.has(id)) nodes.push([id, 'gate']);
  for (const id of tree.events.keys()) nodes.push([id, 'basic-event']);
  for (const id of tree.houses.keys()) if (!inlined.has(id)) nodes.push([id, 'house-event']);
  const finish = (placed: Map<string, Placement>): Map<string, Placement> => {
    for (const [id, p] of place([...tree.parameters.keys()].map((pid) => [pid, 'parameter']), main, new Set())) placed.set(`parameter:${id}`, p);
    return placed;
  };

  // Rename (to public names) until names are unique and every reference resolves, under MEF's
  // rules, to the node it stands for; as a last resort, no private elements at all.
  const forced = new Set<string>();
  for (let round = 0; round < 8; round++) {
    const placed = place(nodes, main, forced);
    const table = new MefNameTable<Placement>();
    const wrong = new Set<string>();
    for (const p of placed.values()) if (table.add(p)) wrong.add(p.id);
    for (const gate of tree.gates.values()) {
      let owner = gate.id;
      while (inlined.has(owner)) owner = owner.slice(0, owner.lastIndexOf('.'));
      const from = placed.get(owner)?.scope.basePath ?? main;
      for (const input of gate.inputs) {
        const target = placed.get(input);
        if (target && table.find(referenceTo(target), from) !== target) wrong.add(input);
      }
    }
    if (wrong.size === 0) return finish(placed);
    for (const id of wrong) forced.add(id);
  }
  return finish(place(nodes, main, new Set(nodes.map(([id]) => id))));
}

function place(list: readonly [string, Kind][], main: string, forced: ReadonlySet<string>): Map<string, Placement> {
  const result = new Map<string, Placement>();
  const publicAt = (kind: Kind): Placement['scope'] => ({ basePath: kind === 'gate' ? main : '', role: 'public', tree: 0 });
  const taken = new Set<string>();
  for (const [id] of list) if (!forced.has(id) && IDENTIFIER.test(id)) taken.add(id);
  for (const [id, kind] of list) {
    const segments = id.split('.');
    if (forced.has(id) || !segments.every((s) => IDENTIFIER.test(s))) {
      const base = toIdentifier(id);
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
      taken.add(name);
      result.set(id, { id, kind, name, scope: publicAt(kind) });
    } else if (segments.length === 1) {
      result.set(id, { id, kind, name: id, scope: publicAt(kind) });
    } else {
      const name = segments.pop()!;
      result.set(id, { id, kind, name, scope: { basePath: segments.join('.'), role: 'private', tree: 0 } });
    }
  }
  return result;
}

/** How a reference to a placed node is written: its name if public, its full path if private. */
function referenceTo(p: Placement): string {
  return p.scope.role === 'public' ? p.name : `${p.scope.basePath}.${p.name}`;
}

class MefWriter {
  private readonly out: string[] = [];

  constructor(
    private readonly tree: FaultTree,
    private readonly main: string,
    private readonly inlined: ReadonlySet<string>,
    private readonly placement: ReadonlyMap<string, Placement>,
    private readonly notes: string[],
  ) {}

  write(): string[] {
    const { tree, out } = this;
    out.push(`<opsa-mef name="${attr(this.main)}">`);
    out.push(...attributes([[MISSION_TIME_ATTRIBUTE, String(tree.missionTime), 'hours'], [TOP_ATTRIBUTE, this.referenceTo(tree.top)]], '  '));

    // Containers: the main fault tree first, then the fault trees and components of dotted ids.
    const children = new Map<string, Set<string>>();
    const members = new Map<string, Placement[]>();
    const roots = [this.main];
    for (const p of this.placement.values()) {
      const container = p.scope.role === 'private' ? p.scope.basePath : p.kind === 'gate' ? this.main : '';
      if (!container) continue;
      (members.get(container) ?? members.set(container, []).get(container)!).push(p);
      const segments = container.split('.');
      for (let i = 1; i <= segments.length; i++) {
        const path = segments.slice(0, i).join('.');
        if (i === 1 && !roots.includes(path)) roots.push(path);
        if (i > 1) {
          const parent = segments.slice(0, i - 1).join('.');
          (children.get(parent) ?? children.set(parent, new Set()).get(parent)!).add(path);
        }
      }
    }
    for (const root of roots) this.container(root, 1, children, members);

    out.push('  <model-data>');
    for (const p of this.placement.values()) {
      if (p.scope.role === 'public' && p.kind !== 'gate') this.definition(p, '    ');
    }
    out.push('  </model-data>');
    out.push('</opsa-mef>');

    let withEvidence = 0;
    for (const event of tree.events.values()) if (event.evidence || event.check) withEvidence++;
    if (withEvidence > 0) this.notes.push(`evidence and checks of ${withEvidence} event${withEvidence === 1 ? '' : 's'} (not part of MEF)`);
    if ([...tree.gates.values()].some((g) => g.evidence)) this.notes.push('evidence on gates (not part of MEF)');
    return out;
  }

  private container(path: string, depth: number, children: ReadonlyMap<string, Set<string>>, members: ReadonlyMap<string, Placement[]>): void {
    const indent = '  '.repeat(depth);
    const local = path.slice(path.lastIndexOf('.') + 1);
    if (depth === 1) {
      this.out.push(`${indent}<define-fault-tree name="${attr(local)}">`);
      if (path === this.main) {
        if (hasText(this.tree.title)) this.out.push(`${indent}  <label>${text(this.tree.title)}</label>`);
        if (hasText(this.tree.description)) this.out.push(...attributes([['description', this.tree.description]], `${indent}  `));
      }
    } else {
      this.out.push(`${indent}<define-component name="${attr(local)}" role="private">`);
    }
    for (const p of members.get(path) ?? []) this.definition(p, `${indent}  `);
    for (const child of children.get(path) ?? []) this.container(child, depth + 1, children, members);
    this.out.push(`${indent}</${depth === 1 ? 'define-fault-tree' : 'define-component'}>`);
  }

  private definition(p: Placement, indent: string): void {
    const role = p.scope.role === 'private' ? ' role="private"' : '';
    const open = (element: string): string => `${indent}<${element} name="${attr(p.name)}"${role}>`;
    const inner = `${indent}  `;
    switch (p.kind) {
      case 'gate': {
        const gate = this.tree.gates.get(p.id)!;
        this.out.push(open('define-gate'));
        if (hasText(gate.label)) this.out.push(`${inner}<label>${text(gate.label)}</label>`);
        const extra: [string, string][] = [];
        if (hasText(gate.description)) extra.push(['description', gate.description]);
        if (gate.type === 'inhibit') extra.push(['flavor', 'inhibit']);
        this.out.push(...attributes(extra, inner));
        this.formula(gate, inner);
        this.out.push(`${indent}</define-gate>`);
        return;
      }
      case 'basic-event': {
        const event = this.tree.events.get(p.id)!;
        this.out.push(open('define-basic-event'));
        if (hasText(event.label)) this.out.push(`${inner}<label>${text(event.label)}</label>`);
        if (hasText(event.description)) this.out.push(...attributes([['description', event.description]], inner));
        this.out.push(...this.eventValue(event, inner));
        this.out.push(`${indent}</define-basic-event>`);
        return;
      }
      case 'house-event': {
        const house = this.tree.houses.get(p.id)!;
        this.out.push(open('define-house-event'));
        if (hasText(house.label)) this.out.push(`${inner}<label>${text(house.label)}</label>`);
        this.out.push(`${inner}<constant value="${house.state}"/>`, `${indent}</define-house-event>`);
        return;
      }
      case 'parameter': {
        const parameter = this.tree.parameters.get(p.id)!;
        this.out.push(open('define-parameter'));
        if (parameter.source !== undefined) this.out.push(`${inner}${comment(`expression: ${parameter.source}`)}`);
        const formula = parameter.formula && this.formulaXml(parameter.formula);
        this.out.push(`${inner}${formula ?? valueXml(parameter.value, parameter.distribution, this.notes, `parameter "${parameter.id}"`)}`);
        this.out.push(`${indent}</define-parameter>`);
      }
    }
  }

  /** A gate's formula; an OR or AND of one input is written as that input alone (SCRAM wants two). */
  private formula(gate: Gate, indent: string): void {
    if ((gate.type === 'or' || gate.type === 'and') && gate.inputs.length === 1) {
      this.argument(gate.inputs[0]!, indent);
      return;
    }
    const type = gate.type === 'inhibit' ? 'and' : gate.type;
    const bounds = gate.type === 'atleast' ? ` min="${gate.k}"` : gate.type === 'cardinality' ? ` min="${gate.k}" max="${gate.max}"` : '';
    this.out.push(`${indent}<${type}${bounds}>`);
    for (const input of gate.inputs) this.argument(input, `${indent}  `);
    this.out.push(`${indent}</${type}>`);
  }

  private argument(input: string, indent: string): void {
    const nested = this.inlined.has(input) ? this.tree.gates.get(input) : undefined;
    if (nested) {
      this.formula(nested, indent);
    } else if (this.inlined.has(input)) {
      this.out.push(`${indent}<constant value="${this.tree.houses.get(input)!.state}"/>`);
    } else {
      const kind = this.tree.gates.has(input) ? 'gate' : this.tree.houses.has(input) ? 'house-event' : 'basic-event';
      this.out.push(`${indent}<${kind} name="${attr(this.referenceTo(input))}"/>`);
    }
  }

  private referenceTo(id: string): string {
    const p = this.placement.get(id);
    return p ? referenceTo(p) : id;
  }

  /** A formula as an MEF expression; undefined when it calls a function the MEF lacks (expm1, round, …). */
  private formulaXml(f: Formula): string | undefined {
    switch (f.kind) {
      case 'number':
        return float(f.value);
      case 'mission-time':
        return '<system-mission-time/>';
      case 'parameter': {
        const p = this.placement.get(`parameter:${f.id}`);
        return `<parameter name="${attr(p ? referenceTo(p) : f.id)}"/>`;
      }
      case 'deviate':
        return deviateXml(f.distribution)?.xml;
      case 'call': {
        if (!MEF_FUNCTIONS.has(f.fn) || (f.fn === 'log' && f.args.length !== 1) || (f.fn === 'round' && f.args.length !== 1)) return undefined;
        const args = f.args.map((a) => this.formulaXml(a));
        if (args.some((a) => a === undefined)) return undefined;
        return `<${f.fn}>${args.join('')}</${f.fn}>`;
      }
    }
  }

  private eventValue(event: BasicEvent, indent: string): string[] {
    const formula = event.formula && this.formulaXml(event.formula);
    if (formula !== undefined) return [`${indent}${formula}`];
    const model = event.model;
    if (model.kind === 'constant' || model.kind === 'expression') {
      const lines = model.kind === 'expression' ? [`${indent}${comment(`expression: ${model.source}`)}`] : [];
      lines.push(`${indent}${valueXml(event.probability, event.distribution, this.notes, `event "${event.id}"`)}`);
      return lines;
    }
    if (event.distribution) this.notes.push(`the distribution of event "${event.id}" (its probability follows a time model)`);
    return [`${indent}${timeModelXml(model, this.tree.missionTime)}`];
  }
}

/** Formula functions the MEF defines under the same name. */
const MEF_FUNCTIONS: ReadonlySet<FormulaFunction> = new Set([
  'add', 'sub', 'mul', 'div', 'neg', 'pow', 'mod', 'abs', 'min', 'max', 'mean', 'exp', 'log', 'log10', 'sqrt', 'floor', 'ceil',
  'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'not', 'and', 'or', 'eq', 'df', 'lt', 'gt', 'leq', 'geq', 'ite',
  'exponential', 'GLM', 'Weibull', 'periodic-test',
]);

function timeModelXml(model: Exclude<ProbabilityModel, { kind: 'constant' | 'expression' }>, missionTime: number): string {
  const time = model.missionTime === missionTime ? '<system-mission-time/>' : float(model.missionTime);
  switch (model.kind) {
    case 'rate':
      return `<exponential>${float(model.rate)}${time}</exponential>`;
    case 'repairable':
      return `<GLM>${float(model.gamma ?? 0)}${float(model.rate)}${float(model.repairRate)}${time}</GLM>`;
    case 'weibull':
      return `<Weibull>${float(model.scale)}${float(model.shape)}${float(model.location ?? 0)}${time}</Weibull>`;
    case 'periodic-test':
      return `<periodic-test>${float(model.rate)}${float(model.testInterval)}${float(model.firstTest)}${time}</periodic-test>`;
  }
}

/** A point value, as its distribution's deviate when the value is that distribution's mean. */
function valueXml(value: number, distribution: Distribution | undefined, notes: string[], what: string): string {
  if (!distribution) return float(value);
  const deviate = deviateXml(distribution);
  if (!deviate) {
    notes.push(`the ${distribution.kind} distribution of ${what} (no MEF deviate)`);
    return float(value);
  }
  if (Math.abs(deviate.mean - value) > 1e-9 * Math.abs(value)) {
    notes.push(`the distribution of ${what} (its mean ${deviate.mean} is not the point value ${value})`);
    return float(value);
  }
  return deviate.xml;
}

function deviateXml(d: Distribution): { xml: string; mean: number } | undefined {
  switch (d.kind) {
    case 'lognormal':
      return { xml: `<lognormal-deviate>${float(d.mean)}${float(d.errorFactor)}${float(0.95)}</lognormal-deviate>`, mean: d.mean };
    case 'lognormal-mu-sigma':
      return { xml: `<lognormal-deviate>${float(d.mu)}${float(d.sigma)}</lognormal-deviate>`, mean: Math.exp(d.mu + (d.sigma * d.sigma) / 2) };
    case 'uniform':
      return { xml: `<uniform-deviate>${float(d.min)}${float(d.max)}</uniform-deviate>`, mean: (d.min + d.max) / 2 };
    case 'normal':
      return { xml: `<normal-deviate>${float(d.mean)}${float(d.sd)}</normal-deviate>`, mean: d.mean };
    case 'beta':
      return { xml: `<beta-deviate>${float(d.alpha)}${float(d.beta)}</beta-deviate>`, mean: d.alpha / (d.alpha + d.beta) };
    case 'gamma':
      return { xml: `<gamma-deviate>${float(d.shape)}${float(d.scale)}</gamma-deviate>`, mean: d.shape * d.scale };
    case 'histogram': {
      const total = d.weights.reduce((s, w) => s + w, 0);
      const mean = d.weights.reduce((s, w, i) => s + (w * (d.bounds[i]! + d.bounds[i + 1]!)) / 2, 0) / total;
      const bins = d.weights.map((w, i) => `<bin>${float(d.bounds[i + 1]!)}${float(w)}</bin>`).join('');
      return { xml: `<histogram>${float(d.bounds[0]!)}${bins}</histogram>`, mean };
    }
    case 'loguniform':
      return undefined;
  }
}

/** An id repaired into a SCRAM identifier: other characters (dots too) become "_"; CCF events "[A B]" become CCF_A_B. */
function toIdentifier(id: string): string {
  if (IDENTIFIER.test(id)) return id;
  const ccf = /^\[(.+)\]$/.exec(id);
  let name = (ccf ? `CCF ${ccf[1]}` : id)
    .replace(/[^A-Za-z0-9_\-\u00B7\u00C0-\u1FFF\u2C00-\uFFEF]+/g, '_')
    .replace(/-{2,}/g, '-')
    .replace(/^[_-]+|[_-]+$/g, '')
    .replace(/_?-_?/g, '-');
  if (!/^[A-Za-z_\u00C0-\u1FFF\u2C00-\uFFEF]/.test(name)) name = `_${name}`;
  return IDENTIFIER.test(name) ? name : `_${name.replace(/-/g, '_')}`;
}

function attributes(list: readonly (readonly [string, string, string?])[], indent: string): string[] {
  if (list.length === 0) return [];
  const lines = [`${indent}<attributes>`];
  for (const [n, v, type] of list) lines.push(`${indent}  <attribute name="${attr(n)}" value="${attr(v)}"${type ? ` type="${attr(type)}"` : ''}/>`);
  lines.push(`${indent}</attributes>`);
  return lines;
}

/** MEF refuses empty labels and attribute values: those are left out. */
function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function float(value: number): string {
  return `<float value="${String(value)}"/>`;
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;');
}

function comment(value: string): string {
  return `<!-- ${value.replace(/--/g, '- -').replace(/-$/, '- ')} -->`;
}
