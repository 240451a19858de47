// Builds the validated FaultTree from the declarations of a tree's files (model stage): one
// namespace, references, arity, cycles, expressions, reachability. Every problem is collected.

import type { Diagnostic } from '../../model/diagnostic.js';
import { didYouMean } from '../../model/did-you-mean.js';
import type { BasicEvent, FaultTree, Formula, Gate, GateType, HouseEvent, Parameter, ProbabilityModel } from '../../model/fault-tree.js';
import { findCycle } from '../../model/find-cycle.js';
import { formulaDependence, type FormulaDependence } from '../../model/formula-dependence.js';
import { probabilityAt } from '../../model/probability-at.js';
import type { RawReader } from './raw-reader.js';
import type { EventDecl, FileDeclarations, GateDecl, HouseDecl, NumberSpec, Ref, Section, TransferDecl } from './read-declarations.js';
import { slugify } from './read-declarations.js';
import type { SourceSpan } from '../../model/source-span.js';

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

export async function buildModel(files: readonly FileDeclarations[], reader: RawReader, options: BuildModelOptions = {}): Promise<FaultTree | undefined> {
  const main = files[0];
  if (!main || !main.isTree) return undefined;
  const byFile = new Map(files.map((f) => [f.file, f]));
  const failed = options.failedFiles ?? new Set<string>();

  // 1. One namespace across gates, events, houses and transfers of every file.
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
    for (const [id, g] of f.gates) if (owners.get(id)?.file === f.file && owners.get(id)?.section === 'gate') gates.set(id, { decl: g, type: g.type, inputs: g.inputs, file: f.file });
    for (const [id, e] of f.events) if (owners.get(id)?.file === f.file && owners.get(id)?.section === 'event') events.set(id, e);
    for (const [id, h] of f.houses) if (owners.get(id)?.file === f.file && owners.get(id)?.section === 'house') houses.set(id, h);
    for (const [id, t] of f.transfers) {
      if (owners.get(id)?.file !== f.file || owners.get(id)?.section !== 'transfer') continue;
      const target = byFile.get(t.file);
      const targetGate = t.gate ?? target?.top;
      gates.set(id, { transfer: t, type: 'or', inputs: targetGate ? [{ id: targetGate.id, span: t.gate?.span ?? t.fileSpan }] : [], file: f.file });
    }
  }
  const isKnown = (id: string) => owners.has(id);
  const allIds = () => owners.keys();

  // 2. The top event.
  let top: string | undefined;
  const topRef = options.top !== undefined ? { id: options.top, span: undefined } : main.top;
  if (topRef) {
    const owner = owners.get(topRef.id);
    if (!owner) {
      const guess = didYouMean(topRef.id, allIds());
      reader.report('UNKNOWN_TOP', `The top event "${topRef.id}" is not defined`, topRef.span, guess ? `did you mean "${guess}"?` : topRef.span ? 'define it under `gates:`' : 'give the id of a gate of the tree');
    } else if (owner.section === 'house') {
      reader.report('INVALID_TOP', `The top event "${topRef.id}" is a house event`, topRef.span, 'the top is a gate (or a basic event for a one-event tree)');
    } else {
      top = topRef.id;
    }
  }

  // 3. References and arity. Ids suggested for a misspelt reference are not also reported unused.
  const suggested = new Set<string>();
  // Reachability means little once references are broken: unused warnings are then left out.
  // With another top chosen, the rest of the file is not "unused": those warnings are left out too.
  let structureBroken = top === undefined || options.top !== undefined;
  for (const [id, g] of gates) {
    if (g.transfer) {
      checkTransfer(reader, g.transfer, byFile, owners, failed);
      continue;
    }
    const decl = g.decl!;
    const seen = new Set<string>();
    for (const input of g.inputs) {
      if (!isKnown(input.id)) {
        const guess = didYouMean(input.id, allIds());
        if (guess) suggested.add(guess);
        structureBroken = true;
        reader.report('UNDEFINED_REFERENCE', `Gate "${id}" references unknown id "${input.id}"`, input.span, guess ? `did you mean "${guess}"?` : 'define it under `gates:`, `events:` or `houses:`');
      }
      if (seen.has(input.id)) reader.warn('DUPLICATE_INPUT', `Gate "${id}" lists input "${input.id}" twice`, input.span, 'remove the repeated input');
      seen.add(input.id);
      if (input.id === id) reader.report('CYCLE', `Gate "${id}" is its own input`, input.span, 'a fault tree has no cycles: remove the self-reference');
    }
    if (decl.inputsInvalid) structureBroken = true;
    if (decl.type && !decl.inputsInvalid) checkArity(reader, decl);
  }

  // 4. Cycles.
  const successors = (id: string): string[] => (gates.get(id)?.inputs ?? []).map((r) => r.id).filter((x) => x !== id && gates.has(x));
  const cycle = findCycle([...gates.keys()], successors);
  if (cycle) {
    const first = gates.get(cycle[0]!)!;
    const span = first.decl?.span ?? first.transfer?.span;
    structureBroken = true;
    reader.report('CYCLE', `The gates form a cycle: ${[...cycle, cycle[0]].join(' → ')}`, span, 'a fault tree is acyclic: remove one of these inputs');
  }

  // 5. Parameters and expressions.
  const parameterDecls = new Map<string, { file: string; decl: FileDeclarations['parameters'] extends ReadonlyMap<string, infer P> ? P : never }>();
  for (const f of files) {
    for (const [id, p] of f.parameters) {
      const prior = parameterDecls.get(id);
      if (prior) {
        if ((!(prior.decl.value.kind === 'number' && p.value.kind === 'number' && prior.decl.value.value === p.value.value) &&
          !(prior.decl.value.kind === 'expression' && p.value.kind === 'expression' && prior.decl.value.source === p.value.source)) ||
          JSON.stringify(prior.decl.distribution) !== JSON.stringify(p.distribution)) {
          reader.report('DUPLICATE_ID', `The parameter "${id}" is defined twice with different values`, p.span, `first defined at ${prior.file}:${prior.decl.span.line}`);
        }
        continue;
      }
      parameterDecls.set(id, { file: f.file, decl: p });
    }
  }
  const missionTime = main.missionTime ?? DEFAULT_MISSION_TIME;
  const hasExpressions = [...parameterDecls.values()].some((p) => p.decl.value.kind === 'expression') ||
    [...events.values()].some((e) => e.spec?.kind === 'probability' && e.spec.value.kind === 'expression');
  const expressionValues = hasExpressions
    ? await evaluateExpressions(reader, parameterDecls, events, missionTime)
    : {
      parameters: new Map([...parameterDecls].map(([id, p]) => [id, (p.decl.value as { value: number }).value])),
      events: new Map<string, number>(),
      used: new Set<string>(),
      parameterFormulas: new Map<string, Formula>(),
      eventFormulas: new Map<string, Formula>(),
    };

  // 6. Reachability: from the main top and from each file's own top; the rest is unused.
  const reachable = (start: string | undefined): Set<string> => {
    const out = new Set<string>();
    const stack = start && isKnown(start) ? [start] : [];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      for (const r of gates.get(id)?.inputs ?? []) if (isKnown(r.id) && !out.has(r.id)) stack.push(r.id);
    }
    return out;
  };
  const fromTop = reachable(top);
  const used = new Set([...fromTop, ...suggested]);
  for (const f of files.slice(1)) for (const id of reachable(f.top?.id)) used.add(id);
  if (top && !structureBroken) {
    for (const f of files) {
      if (f !== main && !f.top) continue;
      for (const [id, g] of f.gates) if (!used.has(id) && owners.get(id)?.file === f.file) reader.warn('UNUSED_GATE', `Gate "${id}" is not reachable from the top event`, g.span, 'use it as an input of another gate, or remove it');
      for (const [id, e] of f.events) if (!used.has(id) && owners.get(id)?.file === f.file) reader.warn('UNUSED_EVENT', `Event "${id}" is not an input of any gate reachable from the top event`, e.span, 'add it to the inputs of a gate, or remove it');
      for (const [id, h] of f.houses) if (!used.has(id) && owners.get(id)?.file === f.file) reader.warn('UNUSED_HOUSE', `House event "${id}" is not an input of any gate reachable from the top event`, h.span, 'add it to the inputs of a gate, or remove it');
    }
    for (const [id, p] of parameterDecls) {
      if (!expressionValues.used.has(id)) reader.warn('UNUSED_PARAMETER', `Parameter "${id}" is not used by any expression`, p.decl.span, 'use it in a probability expression, or remove it');
    }
  }

  if (reader.diagnostics.some((d: Diagnostic) => d.severity === 'error') || !top) return undefined;

  // 7. The model, pruned to what the top event depends on.
  const modelGates = new Map<string, Gate>();
  const modelEvents = new Map<string, BasicEvent>();
  const modelHouses = new Map<string, HouseEvent>();
  for (const id of fromTop) {
    const g = gates.get(id);
    if (g) {
      modelGates.set(id, toGate(id, g));
      if (g.decl?.inputs.some((r) => r.probability !== undefined)) expandProbabilisticInputs(modelGates.get(id)!, g.decl.inputs, modelGates, modelEvents);
      continue;
    }
    const e = events.get(id);
    if (e) {
      const event = toEvent(e, missionTime, expressionValues.events.get(id));
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
      modelEvents.set(id, event);
      continue;
    }
    const h = houses.get(id);
    if (h) modelHouses.set(id, { id, state: h.state, span: h.span, ...(h.label !== undefined ? { label: h.label } : {}) });
  }
  const parameters = new Map<string, Parameter>();
  for (const [id, p] of parameterDecls) {
    const value = expressionValues.parameters.get(id);
    if (value === undefined) continue;
    const formula = expressionValues.parameterFormulas.get(id);
    parameters.set(id, {
      id,
      value,
      span: p.decl.span,
      ...(p.decl.value.kind === 'expression' ? { source: p.decl.value.source } : {}),
      ...(p.decl.distribution ? { distribution: p.decl.distribution } : {}),
      ...(formula ? { formula } : {}),
    });
  }
  // Formulas stay only where Monte Carlo or a time curve needs them: on what varies.
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
  for (const [id, event] of modelEvents) {
    const formula = expressionValues.eventFormulas.get(id);
    if (formula && varies(formula)) modelEvents.set(id, { ...event, formula });
  }
  const tree: FaultTree = {
    name: main.name ?? slugify(baseName(main.file)),
    file: main.file,
    files: files.map((f) => f.file),
    top,
    missionTime,
    parameters,
    gates: modelGates,
    events: modelEvents,
    houses: modelHouses,
    ...(main.title !== undefined ? { title: main.title } : {}),
    ...(main.description !== undefined ? { description: main.description } : {}),
    ...(main.defaults !== undefined ? { defaults: main.defaults } : {}),
    ...(main.top !== undefined && main.top.id === top ? { topSpan: main.top.span } : {}),
    ...(main.budget !== undefined ? { budget: main.budget } : {}),
  };
  return tree;
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

function checkArity(reader: RawReader, g: GateDecl): void {
  const n = g.inputs.length;
  const span = g.inputsSpan ?? g.span;
  const arity = (need: string) => reader.report('ARITY', `Gate "${g.id}" of type ${g.type} takes ${need} input${need.endsWith(' 1') || need === '1' ? '' : 's'}, not ${n}`, span, arityHint(g.type!));
  switch (g.type) {
    case 'not':
      if (n !== 1) arity('1');
      break;
    case 'iff':
    case 'imply':
      if (n !== 2) arity('2');
      break;
    case 'xor':
    case 'inhibit':
      if (n < 2) arity('at least 2');
      break;
    default:
      if (n < 1) arity('at least 1');
  }
  if (g.type === 'atleast') {
    if (g.k === undefined && !g.hasK) reader.report('MISSING_KEY', `The atleast gate "${g.id}" has no k`, g.span, 'add `k:`, the number of inputs that must be true');
    else if (g.k !== undefined && n >= 1 && (g.k < 1 || g.k > n)) reader.report('INVALID_K', `Gate "${g.id}" needs 1 ≤ k ≤ ${n}, not k = ${g.k}`, g.kSpan ?? g.span, 'k counts how many of the inputs must be true');
  } else if (g.type === 'cardinality') {
    if ((g.k === undefined && !g.hasK) || g.max === undefined) reader.report('MISSING_KEY', `The cardinality gate "${g.id}" needs min and max`, g.span, 'add `min:` and `max:`');
    else if (g.k === undefined) return;
    else if (g.k < 0 || g.k > g.max || g.max > n) reader.report('INVALID_K', `Gate "${g.id}" needs 0 ≤ min ≤ max ≤ ${n}, not min = ${g.k}, max = ${g.max}`, g.kSpan ?? g.span);
  } else if (g.k !== undefined || g.max !== undefined) {
    reader.report('INVALID_K', `Gate "${g.id}" of type ${g.type} takes no k, min or max`, g.kSpan ?? g.span, 'k is for atleast gates, min/max for cardinality gates');
  }
}

function arityHint(type: GateType): string {
  switch (type) {
    case 'not':
      return 'a not gate negates exactly one input; use nor or nand for several';
    case 'iff':
    case 'imply':
      return `an ${type} gate relates exactly two inputs`;
    case 'xor':
      return 'xor is true when an odd number of its inputs is true: give it at least two';
    case 'inhibit':
      return 'inhibit is an AND whose last input is the conditioning event: give it at least two';
    default:
      return 'add inputs, or remove the gate';
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

interface ExpressionValues {
  readonly parameters: Map<string, number>;
  readonly events: Map<string, number>;
  /** Formulas of the expression parameters and events (an event's own mission time written in). */
  readonly parameterFormulas: Map<string, Formula>;
  readonly eventFormulas: Map<string, Formula>;
  /** Parameters read by some expression. */
  readonly used: Set<string>;
}

async function evaluateExpressions(
  reader: RawReader,
  parameterDecls: ReadonlyMap<string, { file: string; decl: { id: string; span: SourceSpan; value: NumberSpec } }>,
  events: ReadonlyMap<string, EventDecl>,
  missionTime: number,
): Promise<ExpressionValues> {
  const { loadExpressionEngine, parseExpression } = await import('../../model/expressions.js');
  await loadExpressionEngine();
  const values = new Map<string, number>();
  const used = new Set<string>();
  const parsed = new Map<string, { names: readonly string[]; evaluate: (s: ReadonlyMap<string, number>) => number; formula: Formula; span: SourceSpan }>();
  const parameterFormulas = new Map<string, Formula>();
  const eventFormulas = new Map<string, Formula>();
  const known = (name: string) => parameterDecls.has(name) || name === 'mission_time';

  const parse = (owner: string, source: string, span: SourceSpan) => {
    const r = parseExpression(source);
    if (!r.ok) {
      reader.report('INVALID_EXPRESSION', `The expression of ${owner} does not parse: ${r.reason}`, span, 'write arithmetic over parameters and mission_time, for example "1 - exp(-lambda * mission_time)"');
      return undefined;
    }
    let ok = true;
    for (const name of r.expression.names) {
      used.add(name);
      if (!known(name)) {
        ok = false;
        const guess = didYouMean(name, [...parameterDecls.keys(), 'mission_time']);
        reader.report('EXPRESSION_UNKNOWN_NAME', `The expression of ${owner} uses unknown name "${name}"`, span, guess ? `did you mean "${guess}"?` : 'define it under `parameters:`');
      }
    }
    return ok ? { names: r.expression.names, evaluate: r.expression.evaluate, formula: r.expression.formula, span } : undefined;
  };

  for (const [id, p] of parameterDecls) {
    if (p.decl.value.kind === 'number') values.set(id, p.decl.value.value);
    else {
      const e = parse(`parameter "${id}"`, p.decl.value.source, p.decl.value.span);
      if (e) parsed.set(id, e);
    }
  }
  // Parameters may read each other: evaluate in dependency order, reporting cycles.
  const deps = (id: string) => (parsed.get(id)?.names ?? []).filter((n) => parsed.has(n));
  const cycle = findCycle([...parsed.keys()], deps);
  if (cycle) {
    reader.report('CYCLE', `The parameters form a cycle: ${[...cycle, cycle[0]].join(' → ')}`, parameterDecls.get(cycle[0]!)!.decl.span, 'a parameter cannot depend on itself');
  } else {
    const state = new Map<string, 'busy' | 'done'>();
    const visit = (id: string): void => {
      if (state.get(id) === 'done') return;
      state.set(id, 'busy');
      for (const d of deps(id)) visit(d);
      const e = parsed.get(id)!;
      if (e.names.every((n) => n === 'mission_time' || values.has(n))) {
        const scope = new Map(values);
        scope.set('mission_time', missionTime);
        const v = e.evaluate(scope);
        if (!Number.isFinite(v)) reader.report('INVALID_EXPRESSION', `The parameter "${id}" evaluates to ${v}`, e.span, 'the value must be a finite real number');
        else {
          values.set(id, v);
          parameterFormulas.set(id, e.formula);
        }
      }
      state.set(id, 'done');
    };
    for (const id of parsed.keys()) visit(id);
  }

  const eventValues = new Map<string, number>();
  for (const [id, ev] of events) {
    if (ev.spec?.kind !== 'probability' || ev.spec.value.kind !== 'expression') continue;
    const { source, span } = ev.spec.value;
    const e = parse(`event "${id}"`, source, span);
    if (!e || !e.names.every((n) => n === 'mission_time' || values.has(n))) continue;
    const scope = new Map(values);
    scope.set('mission_time', ev.missionTime ?? missionTime);
    const v = e.evaluate(scope);
    if (!(v >= 0 && v <= 1)) {
      reader.report('PROBABILITY_RANGE', `The probability of event "${id}" evaluates to ${v}, outside [0, 1]`, span, 'check the parameters and units (rates are per hour, mission_time is in hours)');
      continue;
    }
    eventValues.set(id, v);
    eventFormulas.set(id, ev.missionTime === undefined ? e.formula : withTime(e.formula, ev.missionTime));
  }
  return { parameters: values, events: eventValues, used, parameterFormulas, eventFormulas };
}

/** The formula with the mission time fixed (an event with a mission time of its own). */
function withTime(f: Formula, t: number): Formula {
  if (f.kind === 'mission-time') return { kind: 'number', value: t };
  return f.kind === 'call' ? { ...f, args: f.args.map((a) => withTime(a, t)) } : f;
}
