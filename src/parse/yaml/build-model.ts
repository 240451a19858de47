// Builds the validated FaultTree from the declarations of a YAML tree's files (parse stage): one
// namespace, references, the gate graph, expressions, reachability. Every problem is collected.

import { checkGateGraph, type GateGraphNode } from '../../model/check-gate-graph.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { didYouMean } from '../../model/did-you-mean.js';
import type { BasicEvent, FaultTree, Formula, Gate, GateType, HouseEvent, Parameter, ProbabilityModel } from '../../model/fault-tree.js';
import { formulaDependence, type FormulaDependence } from '../../model/formula-dependence.js';
import { probabilityAt } from '../../model/probability-at.js';
import type { SourceSpan } from '../../model/source-span.js';
import type { EventDecl, FileDeclarations, GateDecl, HouseDecl, ParameterDecl, Ref, Section, TransferDecl } from './declarations.js';
import { evaluateExpressions, type ExpressionValues } from './evaluate-expressions.js';
import type { RawReader } from './raw-reader.js';
import { slugify } from './read-declarations.js';

/** The tree's default mission time when a file gives none, in hours. */
export const DEFAULT_MISSION_TIME = 24;
/** Rate-based events more likely than this at the mission time are probably in the wrong unit. */
const NEAR_ONE = 0.999;

interface Owner {
  readonly section: Section;
  readonly file: string;
  readonly span: SourceSpan;
}

/** A gate as the model sees it: declared gates and transfers (a one-input OR to the target). */
interface GateNode {
  readonly decl?: GateDecl;
  readonly transfer?: TransferDecl;
  readonly type: GateType | undefined;
  readonly inputs: readonly Ref[];
  readonly file: string;
}

export interface BuildModelOptions {
  /** Files whose loading failed: transfers into them are not checked further. */
  readonly failedFiles?: ReadonlySet<string>;
  /** Analyse this gate or event as the top event instead of the file's `top:` (a subtree). */
  readonly top?: string;
}

/** The ids of every file in one namespace: what each id is, and the gates, events and houses that own it. */
interface Namespace {
  readonly owners: ReadonlyMap<string, Owner>;
  readonly gates: ReadonlyMap<string, GateNode>;
  readonly events: ReadonlyMap<string, EventDecl>;
  readonly houses: ReadonlyMap<string, HouseDecl>;
}

type ParameterDecls = ReadonlyMap<string, { file: string; decl: ParameterDecl }>;

/**
 * The model from the declarations of a tree's files, the main file first; undefined when anything
 * is wrong (every problem goes to `reader`). The steps: one namespace, the top event, references,
 * the gate graph (arity, cycles), parameters and expressions, unused declarations, the model.
 */
export async function buildModel(files: readonly FileDeclarations[], reader: RawReader, options: BuildModelOptions = {}): Promise<FaultTree | undefined> {
  const main = files[0];
  if (!main || !main.isTree) return undefined;
  const byFile = new Map(files.map((f) => [f.file, f]));
  const names = collectNamespace(files, byFile, reader);
  const top = resolveTop(options.top !== undefined ? { id: options.top, span: undefined } : main.top, names.owners, reader);
  const references = checkReferences(names, byFile, options.failedFiles ?? new Set(), reader);
  const graph = checkGateGraph(gateGraphOf(names.gates), { cycles: 'first', skipArity: gatesWithoutArity(names.gates) });
  reader.diagnostics.push(...graph.diagnostics);
  // Reachability means little once references are broken: unused warnings are then left out.
  // With another top chosen, the rest of the file is not "unused": those warnings are left out too.
  const structureBroken = top === undefined || options.top !== undefined || references.broken || graph.hasCycle;

  const parameterDecls = mergeParameters(files, reader);
  const missionTime = main.missionTime ?? DEFAULT_MISSION_TIME;
  const expressionValues = await valuesOf(parameterDecls, names.events, missionTime, reader);

  const fromTop = reachable(top, names);
  if (top && !structureBroken) {
    const used = new Set([...fromTop, ...references.suggested]);
    for (const f of files.slice(1)) for (const id of reachable(f.top?.id, names)) used.add(id);
    warnUnused(files, main, used, names.owners, reader);
    for (const [id, p] of parameterDecls) {
      if (!expressionValues.used.has(id)) reader.warn('UNUSED_PARAMETER', `Parameter "${id}" is not used by any expression`, p.decl.span, 'use it in a probability expression, or remove it');
    }
  }
  if (reader.diagnostics.some((d: Diagnostic) => d.severity === 'error') || !top) return undefined;

  // The model, pruned to what the top event depends on.
  const elements = buildElements(fromTop, names, missionTime, expressionValues, reader);
  const parameters = buildParameters(parameterDecls, expressionValues);
  keepVaryingFormulas(parameters, elements.events, expressionValues);
  return {
    name: main.name ?? slugify(baseName(main.file)),
    file: main.file,
    files: files.map((f) => f.file),
    top,
    missionTime,
    parameters,
    gates: elements.gates,
    events: elements.events,
    houses: elements.houses,
    ...(main.title !== undefined ? { title: main.title } : {}),
    ...(main.description !== undefined ? { description: main.description } : {}),
    ...(main.defaults !== undefined ? { defaults: main.defaults } : {}),
    ...(main.top !== undefined && main.top.id === top ? { topSpan: main.top.span } : {}),
    ...(main.budget !== undefined ? { budget: main.budget } : {}),
  };
}

/** One namespace across gates, events, houses and transfers of every file; a clash is DUPLICATE_ID unless both files agree. */
function collectNamespace(files: readonly FileDeclarations[], byFile: ReadonlyMap<string, FileDeclarations>, reader: RawReader): Namespace {
  const owners = new Map<string, Owner>();
  const gates = new Map<string, GateNode>();
  const events = new Map<string, EventDecl>();
  const houses = new Map<string, HouseDecl>();
  for (const f of files) {
    for (const d of f.declared) {
      const prior = owners.get(d.id);
      if (prior) {
        if (prior.file !== f.file && sameDefinition(byFile.get(prior.file)!, f, d.id, prior.section, d.section)) continue;
        reader.report(
          'DUPLICATE_ID',
          `The id "${d.id}" is defined twice: as ${article(prior.section)} and as ${article(d.section)}`,
          d.span,
          `first defined at ${prior.file === f.file ? `line ${prior.span.line}` : `${prior.file}:${prior.span.line}`}; ids are one namespace across gates, events, houses and transfers`,
        );
        continue;
      }
      owners.set(d.id, { section: d.section, file: f.file, span: d.span });
    }
    const owns = (id: string, section: Section) => owners.get(id)?.file === f.file && owners.get(id)?.section === section;
    for (const [id, g] of f.gates) if (owns(id, 'gate')) gates.set(id, { decl: g, type: g.type, inputs: g.inputs, file: f.file });
    for (const [id, e] of f.events) if (owns(id, 'event')) events.set(id, e);
    for (const [id, h] of f.houses) if (owns(id, 'house')) houses.set(id, h);
    for (const [id, t] of f.transfers) {
      if (!owns(id, 'transfer')) continue;
      const targetGate = t.gate ?? byFile.get(t.file)?.top;
      gates.set(id, { transfer: t, type: 'or', inputs: targetGate ? [{ id: targetGate.id, span: t.gate?.span ?? t.fileSpan }] : [], file: f.file });
    }
  }
  return { owners, gates, events, houses };
}

/** The top event: the file's `top:` or the one asked for; a house event or an unknown id is an error. */
function resolveTop(topRef: { id: string; span: SourceSpan | undefined } | undefined, owners: ReadonlyMap<string, Owner>, reader: RawReader): string | undefined {
  if (!topRef) return undefined;
  const owner = owners.get(topRef.id);
  if (!owner) {
    const guess = didYouMean(topRef.id, owners.keys());
    reader.report('UNKNOWN_TOP', `The top event "${topRef.id}" is not defined`, topRef.span, guess ? `did you mean "${guess}"?` : topRef.span ? 'define it under `gates:`' : 'give the id of a gate of the tree');
    return undefined;
  }
  if (owner.section === 'house') {
    reader.report('INVALID_TOP', `The top event "${topRef.id}" is a house event`, topRef.span, 'the top is a gate (or a basic event for a one-event tree)');
    return undefined;
  }
  return topRef.id;
}

/**
 * Every gate input names a declared id, once; every transfer names a gate its file defines. Ids
 * suggested for a misspelt reference are returned, so that they are not also reported unused.
 */
function checkReferences(names: Namespace, byFile: ReadonlyMap<string, FileDeclarations>, failed: ReadonlySet<string>, reader: RawReader): { suggested: Set<string>; broken: boolean } {
  const suggested = new Set<string>();
  let broken = false;
  for (const [id, g] of names.gates) {
    if (g.transfer) {
      checkTransfer(reader, g.transfer, byFile, names.owners, failed);
      continue;
    }
    const seen = new Set<string>();
    for (const input of g.inputs) {
      if (!names.owners.has(input.id)) {
        const guess = didYouMean(input.id, names.owners.keys());
        if (guess) suggested.add(guess);
        broken = true;
        reader.report('UNDEFINED_REFERENCE', `Gate "${id}" references unknown id "${input.id}"`, input.span, guess ? `did you mean "${guess}"?` : 'define it under `gates:`, `events:` or `houses:`');
      }
      if (seen.has(input.id)) reader.warn('DUPLICATE_INPUT', `Gate "${id}" lists input "${input.id}" twice`, input.span, 'remove the repeated input');
      seen.add(input.id);
    }
    if (g.decl!.inputsInvalid) broken = true;
  }
  return { suggested, broken };
}

/** The gates as the shared gate-graph check sees them (transfers are one-input ORs). */
function gateGraphOf(gates: ReadonlyMap<string, GateNode>): Map<string, GateGraphNode> {
  const out = new Map<string, GateGraphNode>();
  for (const [id, g] of gates) {
    const d = g.decl;
    out.set(id, {
      id,
      type: g.type ?? 'or',
      inputs: g.inputs.map((r) => r.id),
      inputSpans: g.inputs.map((r) => r.span),
      span: d?.span ?? g.transfer?.span,
      ...(d ? { inputsSpan: d.inputsSpan, kSpan: d.kSpan, hasK: d.hasK, k: d.k, max: d.max } : {}),
    });
  }
  return out;
}

/** Transfers, gates without a valid type and gates whose inputs are not a list: no arity to check. */
function gatesWithoutArity(gates: ReadonlyMap<string, GateNode>): Set<string> {
  return new Set([...gates].filter(([, g]) => !g.decl || !g.decl.type || g.decl.inputsInvalid).map(([id]) => id));
}

/** The parameters of every file; two files may define one parameter only with the same value. */
function mergeParameters(files: readonly FileDeclarations[], reader: RawReader): ParameterDecls {
  const parameterDecls = new Map<string, { file: string; decl: ParameterDecl }>();
  for (const f of files) {
    for (const [id, p] of f.parameters) {
      const prior = parameterDecls.get(id);
      if (!prior) {
        parameterDecls.set(id, { file: f.file, decl: p });
        continue;
      }
      const sameValue =
        (prior.decl.value.kind === 'number' && p.value.kind === 'number' && prior.decl.value.value === p.value.value) ||
        (prior.decl.value.kind === 'expression' && p.value.kind === 'expression' && prior.decl.value.source === p.value.source);
      if (!sameValue || JSON.stringify(prior.decl.distribution) !== JSON.stringify(p.distribution)) {
        reader.report('DUPLICATE_ID', `The parameter "${id}" is defined twice with different values`, p.span, `first defined at ${prior.file}:${prior.decl.span.line}`);
      }
    }
  }
  return parameterDecls;
}

/** Parameter and event values: plain numbers as they are; expressions (when any) through mathjs. */
async function valuesOf(parameterDecls: ParameterDecls, events: ReadonlyMap<string, EventDecl>, missionTime: number, reader: RawReader): Promise<ExpressionValues> {
  const hasExpressions = [...parameterDecls.values()].some((p) => p.decl.value.kind === 'expression') ||
    [...events.values()].some((e) => e.spec?.kind === 'probability' && e.spec.value.kind === 'expression');
  if (hasExpressions) return evaluateExpressions(reader, parameterDecls, events, missionTime);
  return {
    parameters: new Map([...parameterDecls].map(([id, p]) => [id, (p.decl.value as { value: number }).value])),
    events: new Map<string, number>(),
    used: new Set<string>(),
    parameterFormulas: new Map<string, Formula>(),
    eventFormulas: new Map<string, Formula>(),
  };
}

/** The ids reachable from `start` through gate inputs. */
function reachable(start: string | undefined, names: Namespace): Set<string> {
  const out = new Set<string>();
  const stack = start && names.owners.has(start) ? [start] : [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const r of names.gates.get(id)?.inputs ?? []) if (names.owners.has(r.id) && !out.has(r.id)) stack.push(r.id);
  }
  return out;
}

/** Warnings for the gates, events and houses of the main file (and of files with a top) that nothing uses. */
function warnUnused(files: readonly FileDeclarations[], main: FileDeclarations, used: ReadonlySet<string>, owners: ReadonlyMap<string, Owner>, reader: RawReader): void {
  for (const f of files) {
    if (f !== main && !f.top) continue;
    const unused = (id: string) => !used.has(id) && owners.get(id)?.file === f.file;
    for (const [id, g] of f.gates) if (unused(id)) reader.warn('UNUSED_GATE', `Gate "${id}" is not reachable from the top event`, g.span, 'use it as an input of another gate, or remove it');
    for (const [id, e] of f.events) if (unused(id)) reader.warn('UNUSED_EVENT', `Event "${id}" is not an input of any gate reachable from the top event`, e.span, 'add it to the inputs of a gate, or remove it');
    for (const [id, h] of f.houses) if (unused(id)) reader.warn('UNUSED_HOUSE', `House event "${id}" is not an input of any gate reachable from the top event`, h.span, 'add it to the inputs of a gate, or remove it');
  }
}

/** The model's gates, events and houses for the ids the top depends on; an event whose probability does not compute is an error. */
function buildElements(fromTop: ReadonlySet<string>, names: Namespace, missionTime: number, values: ExpressionValues, reader: RawReader): { gates: Map<string, Gate>; events: Map<string, BasicEvent>; houses: Map<string, HouseEvent> } {
  const gates = new Map<string, Gate>();
  const events = new Map<string, BasicEvent>();
  const houses = new Map<string, HouseEvent>();
  for (const id of fromTop) {
    const g = names.gates.get(id);
    if (g) {
      gates.set(id, toGate(id, g));
      if (g.decl?.inputs.some((r) => r.probability !== undefined)) expandProbabilisticInputs(gates.get(id)!, g.decl.inputs, gates, events);
      continue;
    }
    const e = names.events.get(id);
    if (e) {
      const event = toEvent(e, missionTime, values.events.get(id));
      if (!(event.probability >= 0 && event.probability <= 1)) {
        // Extreme values (mttr: 1e-320 is a repair rate of infinity) can compute to NaN: never an analysis of "n/a".
        reader.report('PROBABILITY_RANGE', `The probability of event "${id}" computes to ${event.probability}, not a probability`, e.span, 'a rate, mttr or scale too small or too large to compute with: check the values and their units');
        continue;
      }
      if (event.probability > NEAR_ONE && (event.model.kind === 'rate' || event.model.kind === 'repairable' || event.model.kind === 'weibull')) {
        reader.warn(
          'PROBABILITY_NEAR_ONE',
          `Event "${id}" is almost certain: P = ${event.probability.toPrecision(6)} over the mission time of ${event.model.missionTime} h`,
          e.span,
          'check the units: a bare rate is per hour and `/m` means per minute (monthly is 12/y)',
        );
      }
      events.set(id, event);
      continue;
    }
    const h = names.houses.get(id);
    if (h) houses.set(id, { id, state: h.state, span: h.span, ...(h.label !== undefined ? { label: h.label } : {}) });
  }
  return { gates, events, houses };
}

function buildParameters(parameterDecls: ParameterDecls, values: ExpressionValues): Map<string, Parameter> {
  const parameters = new Map<string, Parameter>();
  for (const [id, p] of parameterDecls) {
    const value = values.parameters.get(id);
    if (value === undefined) continue;
    const formula = values.parameterFormulas.get(id);
    parameters.set(id, {
      id,
      value,
      span: p.decl.span,
      ...(p.decl.value.kind === 'expression' ? { source: p.decl.value.source } : {}),
      ...(p.decl.distribution ? { distribution: p.decl.distribution } : {}),
      ...(formula ? { formula } : {}),
    });
  }
  return parameters;
}

/** Formulas stay only where Monte Carlo or a time curve needs them: on what varies. */
function keepVaryingFormulas(parameters: Map<string, Parameter>, events: Map<string, BasicEvent>, values: ExpressionValues): void {
  const dependence = new Map<string, FormulaDependence>();
  const varies = (f: Formula): boolean => {
    const d = formulaDependence(f, parameters, dependence);
    return d.time || d.random;
  };
  for (const [id, p] of parameters) {
    if (p.formula && !varies(p.formula)) {
      const { formula, ...rest } = p;
      void formula;
      parameters.set(id, rest);
    }
  }
  for (const [id, event] of events) {
    const formula = values.eventFormulas.get(id);
    if (formula && varies(formula)) events.set(id, { ...event, formula });
  }
}

function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.(ya?ml)$/i, '');
}

function article(section: Section): string {
  return section === 'event' ? 'an event' : section === 'house' ? 'a house event' : `a ${section}`;
}

/** Two files may both define an event or gate when the definitions agree (a shared cause). */
function sameDefinition(a: FileDeclarations, b: FileDeclarations, id: string, sa: Section, sb: Section): boolean {
  if (sa !== sb) return false;
  if (sa === 'event') return JSON.stringify(stripSpans(a.events.get(id))) === JSON.stringify(stripSpans(b.events.get(id)));
  if (sa === 'gate') {
    const ga = a.gates.get(id);
    const gb = b.gates.get(id);
    return !!ga && !!gb && ga.type === gb.type && ga.k === gb.k && ga.max === gb.max && ga.inputs.map((r) => r.id).join('\u0000') === gb.inputs.map((r) => r.id).join('\u0000');
  }
  if (sa === 'house') return a.houses.get(id)?.state === b.houses.get(id)?.state;
  return false;
}

function stripSpans(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null, (k, v: unknown) => (k === 'span' || k === 'id' ? undefined : v instanceof Map ? [...v] : v)));
}

function checkTransfer(reader: RawReader, t: TransferDecl, byFile: ReadonlyMap<string, FileDeclarations>, owners: ReadonlyMap<string, Owner>, failed: ReadonlySet<string>): void {
  if (failed.has(t.file)) return;
  const target = byFile.get(t.file);
  if (!target) return;
  if (!t.gate) {
    if (!target.top) reader.report('UNDEFINED_REFERENCE', `The transfer "${t.id}" points to a file without a top event`, t.fileSpan, 'name the gate: `{file: …, gate: some_gate}`');
    return;
  }
  const owner = owners.get(t.gate.id);
  if (!owner || owner.file !== t.file || (owner.section !== 'gate' && owner.section !== 'event')) {
    const guess = didYouMean(t.gate.id, target.gates.keys());
    reader.report('UNDEFINED_REFERENCE', `The transfer "${t.id}" names gate "${t.gate.id}", which ${t.file} does not define`, t.gate.span, guess ? `did you mean "${guess}"?` : undefined);
  }
}

function toGate(id: string, g: GateNode): Gate {
  if (g.transfer) {
    const t = g.transfer;
    return { id, type: 'or', inputs: g.inputs.map((r) => r.id), label: `Transfer to ${t.gate?.id ?? 'top'} in ${baseName(t.file)}`, span: t.span };
  }
  const d = g.decl!;
  return {
    id,
    type: d.type!,
    inputs: d.inputs.map((r) => r.id),
    inputSpans: d.inputs.map((r) => r.span),
    span: d.span,
    ...(d.label !== undefined ? { label: d.label } : {}),
    ...(d.description !== undefined ? { description: d.description } : {}),
    ...(d.k !== undefined ? { k: d.k } : {}),
    ...(d.max !== undefined ? { max: d.max } : {}),
    ...(d.evidence ? { evidence: d.evidence } : {}),
  };
}

function toEvent(e: EventDecl, treeMissionTime: number, expressionValue: number | undefined): BasicEvent {
  const missionTime = e.missionTime ?? treeMissionTime;
  const spec = e.spec!;
  let model: ProbabilityModel;
  switch (spec.kind) {
    case 'probability':
      model = spec.value.kind === 'number' ? { kind: 'constant', value: spec.value.value } : { kind: 'expression', source: spec.value.source };
      break;
    case 'rate':
      model = { kind: 'rate', rate: spec.rate, missionTime };
      break;
    case 'repairable':
      model = { kind: 'repairable', rate: spec.rate, repairRate: spec.repairRate, missionTime };
      break;
    case 'weibull':
      model = { kind: 'weibull', scale: spec.scale, shape: spec.shape, missionTime, ...(spec.location ? { location: spec.location } : {}) };
      break;
  }
  return {
    id: e.id,
    probability: probabilityAt(model, missionTime, expressionValue),
    model,
    span: e.span,
    ...(e.label !== undefined ? { label: e.label } : {}),
    ...(e.description !== undefined ? { description: e.description } : {}),
    ...(e.distribution ? { distribution: e.distribution } : {}),
    ...(e.evidence ? { evidence: e.evidence } : {}),
    ...(e.check ? { check: e.check } : {}),
    ...(e.suspect === false ? { suspect: false } : {}),
  };
}

/**
 * A probabilistic input `{id: b, probability: p}` of gate g becomes the gate `b→g` = AND(b, `b⇢g`)
 * in g's inputs, where `b⇢g` is a modelling event of probability p ("b's failure passes to g"):
 * exact, noisy-OR style propagation. The arrows keep these ids apart from any id a user can write.
 */
function expandProbabilisticInputs(gate: Gate, refs: readonly Ref[], gates: Map<string, Gate>, events: Map<string, BasicEvent>): void {
  const inputs = [...gate.inputs];
  refs.forEach((r, i) => {
    if (r.probability === undefined) return;
    let edge = `${r.id}→${gate.id}`;
    for (let k = 2; gates.has(edge); k++) edge = `${r.id}→${gate.id}~${k}`;
    const pass = edge.replace('→', '⇢');
    const propagation = { from: r.id, to: gate.id, probability: r.probability };
    events.set(pass, {
      id: pass,
      label: `${r.id} passes to ${gate.id}`,
      probability: r.probability,
      model: { kind: 'constant', value: r.probability },
      span: r.span,
      suspect: false,
      propagation,
    });
    gates.set(edge, { id: edge, type: 'and', inputs: [r.id, pass], label: `${r.id} reaches ${gate.id}`, span: r.span, propagation });
    inputs[i] = edge;
  });
  gates.set(gate.id, { ...gate, inputs });
}
