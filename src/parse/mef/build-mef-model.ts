// Resolves a raw MEF model into the validated FaultTree (parse stage): names by role and
// scope, parameters and expressions to values and probability models, CCF groups to events, nested
// formulas to synthetic gates; then the checks the YAML path makes (references, duplicates, arity,
// cycles, probability ranges) and the choice of the top event.

import type { Diagnostic } from '../../model/diagnostic.js';
import type { BasicEvent, FaultTree, Formula, Gate, GateType, HouseEvent, Parameter, ProbabilityModel } from '../../model/fault-tree.js';
import { formulaDependence, type FormulaDependence } from '../../model/formula-dependence.js';
import { formatLocation, type SourceSpan } from '../../model/source-span.js';
import { checkGateGraph } from '../../model/check-gate-graph.js';
import { evaluateMefExpression, type EvaluatedExpression, type ExpressionContext } from './evaluate-mef-expression.js';
import { expandCcfGroup } from './expand-ccf-group.js';
import { mefError, mefWarning } from './mef-diagnostic.js';
import { isCarriedByModel, mefFormula } from './mef-formula.js';
import { chooseMefTop, reachableFrom, restrict } from './choose-mef-top.js';
import { explainMissing, KIND_WORD, redefinition, suggest } from './mef-name-hints.js';
import { MefNameTable, mefIdOf } from './mef-name-table.js';
import type {
  RawBasicEvent,
  RawCcfGroup,
  RawEvent,
  RawFaultTree,
  RawFormula,
  RawGate,
  RawMefModel,
  RawExpression,
  RawParameter,
} from './mef-raw.js';

/** SCRAM's default system mission time, in hours. */
export const DEFAULT_MISSION_TIME = 8760;

/** Model-level attributes ftree writes (src/report/mef-export.ts) to carry its mission time and top. */
export const MISSION_TIME_ATTRIBUTE = 'mission-time';
export { TOP_ATTRIBUTE } from './choose-mef-top.js';

export interface BuildMefModelOptions {
  /** System mission time in hours (default: the model's `mission-time` attribute, else 8760). */
  readonly missionTime?: number;
  /** Id of the top gate (or basic event); by default the model's `top` attribute, else the single root gate of the first fault tree. */
  readonly top?: string;
  /** Probability of basic events without an expression; by default they are an error. */
  readonly defaultProbability?: number;
}

export interface BuildMefModelResult {
  readonly tree?: FaultTree;
  /** Errors; the tree is built only when there are none. */
  readonly diagnostics: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

export function buildMefModel(raw: RawMefModel, options: BuildMefModelOptions = {}): BuildMefModelResult {
  return new MefModelBuilder(raw, options).build();
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Reference = Extract<RawFormula, { kind: 'ref' }>;

/** Suggestions cost a scan of the names; past this many unknown references, none are computed. */
const MAX_HINTED_REFERENCES = 50;
const PLACEHOLDER = {} as Gate;
/** Longest chain of parameters using parameters (they are evaluated recursively). */
const MAX_PARAMETER_DEPTH = 1000;
/** Above this, a rate-based event is reported as almost certain (as the YAML path does). */
const NEAR_ONE = 0.999;

class MefModelBuilder {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly warnings: Diagnostic[] = [];
  private readonly missionTime: number;
  private readonly events = new MefNameTable<RawEvent>();
  private readonly parameters = new MefNameTable<RawParameter>();
  /** Model id of each registered event definition (absent for redefinitions). */
  private readonly idOf = new Map<RawEvent, string>();
  private readonly owner = new Map<string, RawEvent>();
  private readonly parameterValues = new Map<RawParameter, EvaluatedExpression | null>();
  private readonly usedParameters = new Set<RawParameter>();
  private readonly evaluating: RawParameter[] = [];
  private readonly contexts = new Map<string, ExpressionContext>();
  private readonly houses = new Map<string, HouseEvent>();
  private readonly basicEvents = new Map<string, BasicEvent>();
  private readonly gateList: Gate[] = [];
  private readonly proxyGates = new Set<string>();
  private readonly syntheticGates = new Set<string>();
  /** Fault tree (index) of each gate, for choosing the top. */
  private readonly gateTree = new Map<string, number>();
  /** Gates with an input that did not resolve (already reported): their arity is not checked. */
  private readonly brokenGates = new Set<string>();
  /** Last synthetic number used under each gate: ids stay stable when other gates change. */
  private readonly syntheticCounters = new Map<string, number>();
  /** The model's parameters, once built (formulas of events read them). */
  private parameterMap: ReadonlyMap<string, Parameter> = new Map();
  private hinted = 0;

  constructor(
    private readonly raw: RawMefModel,
    private readonly options: BuildMefModelOptions,
  ) {
    this.missionTime = this.chooseMissionTime();
  }

  build(): BuildMefModelResult {
    this.register();
    const parameters = this.buildParameters();
    for (const def of this.raw.events) {
      const id = this.idOf.get(def);
      if (id === undefined) continue;
      if (def.kind === 'house-event') {
        const house: Mutable<HouseEvent> = { id, state: def.state, span: def.span };
        if (def.label !== undefined) house.label = def.label;
        this.houses.set(id, house);
      } else if (def.kind === 'basic-event' && def.ccfGroup === undefined) this.buildBasicEvent(def, id);
    }
    for (const def of this.raw.events) {
      const id = this.idOf.get(def);
      if (def.kind === 'gate' && id !== undefined && def.formula) this.buildGate(id, def.formula, def, true);
    }
    for (const group of this.raw.ccfGroups) this.expandGroup(group);
    const gates = new Map<string, Gate>();
    for (const gate of this.gateList) gates.set(gate.id, gate);
    this.diagnostics.push(...checkGateGraph(gates, { cycles: 'every', skipArity: this.brokenGates }).diagnostics);

    // A missing top is only news when nothing else is wrong (not, say, after a cycle).
    const topProblems: Diagnostic[] = [];
    const top = chooseMefTop(gates, {
      raw: this.raw,
      ...(this.options.top !== undefined ? { top: this.options.top } : {}),
      basicEvents: this.basicEvents,
      owner: this.owner,
      isGenerated: (id) => this.proxyGates.has(id) || this.syntheticGates.has(id),
      treeOf: (id) => this.gateTree.get(id),
    }, topProblems);
    for (const d of topProblems) if (d.code !== 'MISSING_TOP' || this.diagnostics.length === 0) this.diagnostics.push(d);
    if (this.diagnostics.length > 0 || top === undefined) return { diagnostics: this.diagnostics, warnings: this.warnings };

    // As the YAML path does: the model is the top event's cone; the rest is reported unused.
    const cone = reachableFrom(top, gates);
    this.warnUnused(cone, parameters);
    const topTree = this.raw.faultTrees[this.gateTree.get(top) ?? 0];
    const tree: FaultTree = {
      name: slugify(topTree?.name ?? this.raw.name ?? 'model'),
      ...titleOf(this.raw, topTree),
      file: this.raw.files[0] ?? '',
      files: this.raw.files,
      top,
      missionTime: this.missionTime,
      parameters,
      gates: restrict(gates, cone),
      events: restrict(this.basicEvents, cone),
      houses: restrict(this.houses, cone),
    };
    return { tree, diagnostics: this.diagnostics, warnings: this.warnings };
  }

  private chooseMissionTime(): number {
    const given = this.options.missionTime;
    if (given !== undefined) {
      if (Number.isFinite(given) && given >= 0) return given;
      this.diagnostics.push(mefError('INVALID_NUMBER', `Mission time must be a non-negative number of hours: ${given}`));
      return DEFAULT_MISSION_TIME;
    }
    const written = this.raw.attributes.get(MISSION_TIME_ATTRIBUTE);
    if (written !== undefined) {
      const value = Number(written);
      if (written.trim() !== '' && Number.isFinite(value) && value >= 0) return value;
      this.diagnostics.push(mefError('MEF_INVALID', `Model attribute ${MISSION_TIME_ATTRIBUTE} is not a number of hours: ${written}`));
    }
    return DEFAULT_MISSION_TIME;
  }

  /** Registers every definition by role and path; reports redefinitions. */
  private register(): void {
    const firstOf = new Map<string, SourceSpan>();
    for (const tree of this.raw.faultTrees) {
      const first = firstOf.get(tree.name);
      if (first) this.diagnostics.push(mefError('DUPLICATE_ID', `Fault tree defined twice: ${tree.name}`, tree.span, `first defined at ${formatLocation(first)}`));
      else firstOf.set(tree.name, tree.span);
    }
    firstOf.clear();
    for (const component of this.raw.components) {
      const first = firstOf.get(component.path);
      if (first) this.diagnostics.push(mefError('DUPLICATE_ID', `Component defined twice: ${component.path}`, component.span, `first defined at ${formatLocation(first)}`));
      else firstOf.set(component.path, component.span);
    }
    for (const def of this.raw.events) {
      const clash = this.events.add(def);
      const id = mefIdOf(def);
      const other = clash ?? this.owner.get(id);
      if (other) {
        this.diagnostics.push(redefinition('Event', def, other));
        continue;
      }
      this.idOf.set(def, id);
      this.owner.set(id, def);
    }
    for (const def of this.raw.parameters) {
      const clash = this.parameters.add(def);
      if (clash) this.diagnostics.push(redefinition('Parameter', def, clash));
    }
    const groups = new MefNameTable<RawCcfGroup>();
    for (const def of this.raw.ccfGroups) {
      const clash = groups.add(def);
      if (clash) this.diagnostics.push(redefinition('CCF group', def, clash));
    }
  }

  /** Expression context for definitions in the container `basePath` (one per container). */
  private contextFor(basePath: string): ExpressionContext {
    let context = this.contexts.get(basePath);
    if (!context) {
      context = {
        missionTime: this.missionTime,
        diagnostics: this.diagnostics,
        parameter: (name, unit, span) => this.parameterValue(name, unit, span, basePath),
      };
      this.contexts.set(basePath, context);
    }
    return context;
  }

  private parameterValue(name: string, unit: string | undefined, span: SourceSpan, basePath: string): EvaluatedExpression | undefined {
    const def = this.parameters.find(name, basePath);
    if (!def) {
      const hint = this.hinted++ < MAX_HINTED_REFERENCES ? suggest(name, this.parameters, basePath) : undefined;
      this.diagnostics.push(mefError('UNDEFINED_REFERENCE', `Reference to unknown parameter "${name}"`, span, hint));
      return undefined;
    }
    this.usedParameters.add(def);
    if (unit !== undefined && unit !== (def.unit ?? 'unitless')) {
      this.diagnostics.push(
        mefError('MEF_UNIT_MISMATCH', `Parameter "${name}" is used in ${unit} but defined in ${def.unit ?? 'no unit'}`, span, def.unit ? `write unit="${def.unit}" or convert the value` : 'remove the unit or declare it on the parameter'),
      );
      return undefined;
    }
    return this.evaluateParameter(def);
  }

  /** A parameter's value, computed once; a parameter reached again while being computed is a cycle. */
  private evaluateParameter(def: RawParameter): EvaluatedExpression | undefined {
    const known = this.parameterValues.get(def);
    if (known !== undefined) return known ?? undefined;
    const at = this.evaluating.indexOf(def);
    if (at >= 0) {
      const cycle = [...this.evaluating.slice(at), def].map((p) => mefIdOf(p));
      this.diagnostics.push(mefError('CYCLE', `The parameters form a cycle: ${cycle.join(' → ')}`, def.span, 'a parameter cannot use its own value'));
      for (const p of this.evaluating.slice(at)) this.parameterValues.set(p, null);
      return undefined;
    }
    if (!def.expression) {
      this.parameterValues.set(def, null);
      return undefined;
    }
    if (this.evaluating.length >= MAX_PARAMETER_DEPTH) {
      this.diagnostics.push(mefError('INVALID_EXPRESSION', `Parameters refer to parameters more than ${MAX_PARAMETER_DEPTH} deep: ${mefIdOf(def)}`, def.span, 'shorten the chain of parameters'));
      this.parameterValues.set(def, null);
      return undefined;
    }
    this.evaluating.push(def);
    const value = evaluateMefExpression(def.expression, this.contextFor(def.scope.basePath));
    this.evaluating.pop();
    if (!this.parameterValues.has(def)) this.parameterValues.set(def, value ?? null);
    return value;
  }

  private buildParameters(): Map<string, Parameter> {
    const parameters = new Map<string, Parameter>();
    for (const def of this.raw.parameters) {
      const value = this.evaluateParameter(def);
      const id = mefIdOf(def);
      if (!value || parameters.has(id)) continue;
      const parameter: Mutable<Parameter> = { id, value: value.value, span: def.span };
      if (value.distribution) parameter.distribution = value.distribution;
      // A formula where the value is more than a number or one deviate (another parameter, the mission time, …).
      const formula = def.expression && def.expression.kind !== 'number' ? this.formulaOf(def.expression, def.scope.basePath, id, def.span) : undefined;
      if (formula && formula.kind !== 'deviate' && formula.kind !== 'number') parameter.formula = formula;
      parameters.set(id, parameter);
    }
    // Keep the formulas of what varies only (time or randomness), now that every parameter is known.
    const dependence = new Map<string, FormulaDependence>();
    for (const [id, p] of parameters) {
      if (!p.formula) continue;
      const d = formulaDependence(p.formula, parameters, dependence);
      if (!d.time && !d.random) {
        const { formula, ...rest } = p;
        void formula;
        parameters.set(id, rest);
      }
    }
    this.parameterMap = parameters;
    return parameters;
  }

  /** The formula of an expression in the container `basePath`; warns when a deviate's uncertainty is lost. */
  private formulaOf(expression: RawExpression, basePath: string, owner: string, span: SourceSpan): Formula | undefined {
    const context = this.contextFor(basePath);
    const result = mefFormula(expression, {
      parameterId: (name) => {
        const def = this.parameters.find(name, basePath);
        return def ? mefIdOf(def) : undefined;
      },
      evaluate: (e) => evaluateMefExpression(e, context),
    });
    if (result?.dropped) {
      this.warnings.push(
        mefWarning('UNCERTAINTY_DROPPED', `Uncertainty of "${owner}" is not carried over: a random deviate has random arguments`, span, "the deviate is taken at its mean in every Monte Carlo trial"),
      );
    }
    return result?.formula;
  }

  /** The formula to keep on an event: only when it varies and the model and distribution do not already say it. */
  private eventFormula(expression: RawExpression, basePath: string, id: string, span: SourceSpan): Formula | undefined {
    const formula = this.formulaOf(expression, basePath, id, span);
    if (!formula || isCarriedByModel(formula, this.parameterMap)) return undefined;
    const d = formulaDependence(formula, this.parameterMap);
    return d.time || d.random ? formula : undefined;
  }

  private buildBasicEvent(def: RawBasicEvent, id: string): void {
    const expression = def.expression;
    let value: EvaluatedExpression | undefined;
    if (!expression) {
      const fallback = this.options.defaultProbability;
      if (fallback === undefined) {
        this.diagnostics.push(mefError('MISSING_PROBABILITY', `Basic event "${id}" has no probability`, def.span, 'add an expression such as <float value="0.01"/> inside <define-basic-event>'));
        return;
      }
      value = { value: fallback, random: false };
    } else if (expression.kind === 'number') {
      value = { value: expression.value, random: false }; // most events: no context needed
    } else {
      value = evaluateMefExpression(expression, this.contextFor(def.scope.basePath));
      if (!value) return;
    }
    if (!(value.value >= 0 && value.value <= 1)) {
      this.diagnostics.push(mefError('PROBABILITY_RANGE', `Probability of "${id}" outside [0, 1]: ${value.value}`, expression?.span ?? def.span));
      return;
    }
    const model: ProbabilityModel = value.model ?? { kind: 'constant', value: value.value };
    const event: Mutable<BasicEvent> = { id, probability: value.value, model, span: def.span };
    withLabel(event, def);
    if (value.distribution) event.distribution = value.distribution;
    const formula = expression && expression.kind !== 'number' ? this.eventFormula(expression, def.scope.basePath, id, def.span) : undefined;
    if (formula) event.formula = formula;
    this.basicEvents.set(id, event);
  }

  /** Members become OR gates over the CCF events of every member subset that contains them. */
  private expandGroup(group: RawCcfGroup): void {
    const where = `CCF group "${mefIdOf(group)}"`;
    const context = this.contextFor(group.scope.basePath);
    let broken = false;
    const names = new Set<string>();
    for (const member of group.members) {
      if (names.has(member.name)) {
        this.diagnostics.push(mefError('CCF_INVALID', `${where} lists member "${member.name}" twice`, member.span));
        broken = true;
      }
      names.add(member.name);
      if (!this.idOf.has(member)) broken = true; // redefinition, reported
    }
    let probability: number | undefined;
    let groupFormula: Formula | undefined;
    if (group.distribution) {
      const value = evaluateMefExpression(group.distribution, context);
      if (value && !(value.value >= 0 && value.value <= 1)) {
        this.diagnostics.push(mefError('PROBABILITY_RANGE', `Distribution of ${where} outside [0, 1]: ${value.value}`, group.distribution.span));
      } else if (value) {
        probability = value.value;
        // A random or time-dependent Q: every CCF event is a constant multiple of it.
        const formula = group.distribution.kind !== 'number' ? this.formulaOf(group.distribution, group.scope.basePath, mefIdOf(group), group.span) : undefined;
        const d = formula && formulaDependence(formula, this.parameterMap);
        if (formula && d && (d.time || d.random) && probability > 0) groupFormula = formula;
      }
    }
    const factors: { level?: number; value: number }[] = [];
    for (const factor of group.factors) {
      const value = factor.expression && evaluateMefExpression(factor.expression, context);
      if (!value) {
        broken = true;
      } else if (!(value.value >= 0 && value.value <= 1)) {
        this.diagnostics.push(mefError('PROBABILITY_RANGE', `Factor of ${where} outside [0, 1]: ${value.value}`, factor.span));
        broken = true;
      } else {
        factors.push(factor.level === undefined ? { value: value.value } : { level: factor.level, value: value.value });
      }
    }
    if (group.members.length < 2) {
      this.diagnostics.push(mefError('CCF_INVALID', `${where} needs at least 2 members, has ${group.members.length}`, group.span, 'a common cause needs two or more basic events'));
      return;
    }
    if (broken || probability === undefined || factors.length === 0) return;

    const expansion = expandCcfGroup({ model: group.model, members: group.members.map((m) => m.name), probability, factors });
    if (!expansion.ok) {
      for (const problem of expansion.problems) {
        const span = problem.kind === 'factor' ? (group.factors[problem.factor]?.span ?? group.span) : group.span;
        this.diagnostics.push(mefError('CCF_INVALID', `${where}: ${problem.message}`, span));
      }
      return;
    }
    const inputs: string[][] = group.members.map(() => []);
    const title = group.label ?? mefIdOf(group);
    for (const spec of expansion.events) {
      const memberNames = spec.members.map((i) => group.members[i]!.name);
      const id = mefIdOf({ name: `[${memberNames.join(' ')}]`, scope: group.scope });
      if (this.owner.has(id) || this.basicEvents.has(id)) {
        this.diagnostics.push(mefError('DUPLICATE_ID', `CCF event of ${where} clashes with an existing id: ${id}`, group.span));
        return;
      }
      const label = `${title}: ${spec.members.length === 1 ? 'independent failure of' : 'common cause failure of'} ${memberNames.join(', ')}`;
      const event: Mutable<BasicEvent> = { id, label, probability: spec.probability, model: { kind: 'constant', value: spec.probability }, span: group.span };
      if (groupFormula) event.formula = { kind: 'call', fn: 'mul', args: [{ kind: 'number', value: spec.probability / probability }, groupFormula] };
      this.basicEvents.set(id, event);
      for (const i of spec.members) inputs[i]!.push(id);
    }
    group.members.forEach((member, i) => {
      const id = this.idOf.get(member)!;
      this.proxyGates.add(id);
      const memberInputs = inputs[i]!;
      this.gateList.push({ id, type: 'or', inputs: memberInputs, inputSpans: memberInputs.map(() => group.span), span: member.span, label: `${member.name} (member of ${where})` });
    });
  }

  /** Builds a gate from a formula; nested formulas and constants become synthetic gates and house events. */
  private buildGate(id: string, formula: RawFormula, def: RawGate, own: boolean): void {
    const slot = this.gateList.length;
    this.gateList.push(PLACEHOLDER); // keeps parents before their synthetic children
    const inputs: string[] = [];
    const inputSpans: SourceSpan[] = [];
    let type: GateType = 'or'; // a formula that is one event or constant: a pass-through OR
    if (formula.kind === 'op') {
      type = formula.op;
      const seen = formula.args.length > 16 ? new Set<string>() : undefined;
      for (const arg of formula.args) this.addInput(id, arg, def, inputs, inputSpans, seen);
    } else {
      this.addInput(id, formula, def, inputs, inputSpans, undefined);
    }
    if (own && type === 'and' && def.attributes.get('flavor') === 'inhibit') type = 'inhibit';
    const gate: Mutable<Gate> = { id, type, inputs, inputSpans, span: own ? def.span : formula.span };
    if (formula.kind === 'op' && formula.min !== undefined) gate.k = formula.min;
    if (formula.kind === 'op' && formula.max !== undefined) gate.max = formula.max;
    if (own) withLabel(gate, def);
    this.gateTree.set(id, def.scope.tree);
    this.gateList[slot] = gate;
  }

  private addInput(id: string, arg: RawFormula, def: RawGate, inputs: string[], inputSpans: SourceSpan[], seen: Set<string> | undefined): void {
    const input = this.inputOf(arg, def);
    if (input === undefined) {
      this.brokenGates.add(id);
      return;
    }
    if (seen ? seen.has(input) : inputs.includes(input)) {
      // As in the YAML path: a warning, and the input stays listed twice.
      this.warnings.push(mefWarning('DUPLICATE_INPUT', `Gate "${id}" lists input "${input}" twice`, arg.span, 'remove the repeated input'));
    }
    seen?.add(input);
    inputs.push(input);
    inputSpans.push(arg.span);
  }

  private inputOf(arg: RawFormula, def: RawGate): string | undefined {
    if (arg.kind === 'ref') return this.resolve(arg, def);
    const id = this.syntheticId(this.idOf.get(def)!);
    if (arg.kind === 'constant') {
      this.houses.set(id, { id, state: arg.value, span: arg.span });
    } else {
      this.syntheticGates.add(id);
      this.buildGate(id, arg, def, false);
    }
    return id;
  }

  /**
   * `gate.n`, numbered in document order within each gate: never an MEF id, since a name segment
   * cannot start with a digit — unless a public name holds dots; such a taken id is skipped.
   */
  private syntheticId(owner: string): string {
    let n = this.syntheticCounters.get(owner) ?? 0;
    let id: string;
    do id = `${owner}.${++n}`;
    while (this.owner.has(id) || this.houses.has(id) || this.basicEvents.has(id) || this.syntheticGates.has(id));
    this.syntheticCounters.set(owner, n);
    return id;
  }

  private resolve(ref: Reference, gate: RawGate): string | undefined {
    const type = ref.type;
    const def = this.events.find(ref.name, gate.scope.basePath, type ? (d) => d.kind === type : undefined);
    if (def) return this.idOf.get(def);
    const hint = this.hinted++ < MAX_HINTED_REFERENCES ? explainMissing(ref.name, type, gate.scope.basePath, this.events) : undefined;
    this.diagnostics.push(
      mefError('UNDEFINED_REFERENCE', `Gate "${this.idOf.get(gate) ?? gate.name}" references unknown ${type ? KIND_WORD[type] : 'event'} "${ref.name}"`, ref.span, hint),
    );
    return undefined;
  }

  /** Warnings for definitions outside the top event's cone, parameters no expression reads, near-certain events. */
  private warnUnused(cone: ReadonlySet<string>, parameters: ReadonlyMap<string, Parameter>): void {
    for (const def of this.raw.events) {
      const id = this.idOf.get(def);
      if (id === undefined || cone.has(id)) continue;
      if (def.kind === 'gate') {
        this.warnings.push(mefWarning('UNUSED_GATE', `Gate "${id}" is not reachable from the top event`, def.span, 'use it as an input of another gate, or remove it'));
      } else if (def.kind === 'basic-event') {
        this.warnings.push(mefWarning('UNUSED_EVENT', `Event "${id}" is not an input of any gate reachable from the top event`, def.span, 'add it to the inputs of a gate, or remove it'));
      } else {
        this.warnings.push(mefWarning('UNUSED_HOUSE', `House event "${id}" is not an input of any gate reachable from the top event`, def.span, 'add it to the inputs of a gate, or remove it'));
      }
    }
    for (const def of this.raw.parameters) {
      if (!this.usedParameters.has(def) && parameters.has(mefIdOf(def))) {
        this.warnings.push(mefWarning('UNUSED_PARAMETER', `Parameter "${mefIdOf(def)}" is not used by any expression`, def.span, 'use it in an expression, or remove it'));
      }
    }
    for (const event of this.basicEvents.values()) {
      const kind = event.model.kind;
      if (event.probability > NEAR_ONE && cone.has(event.id) && (kind === 'rate' || kind === 'repairable' || kind === 'weibull')) {
        const missionTime = 'missionTime' in event.model ? event.model.missionTime : this.missionTime;
        this.warnings.push(
          mefWarning('PROBABILITY_NEAR_ONE', `Event "${event.id}" is almost certain: P = ${event.probability.toPrecision(6)} over the mission time of ${missionTime} h`, event.span, 'check the units: MEF rates are per hour'),
        );
      }
    }
  }

}

/** Copies a definition's label, and its `description` attribute, onto a gate or basic event. */
function withLabel(target: { label?: string; description?: string }, def: RawEvent): void {
  if (def.label !== undefined) target.label = def.label;
  const description = def.attributes.size > 0 ? def.attributes.get('description') : undefined;
  if (description !== undefined) target.description = description;
}

/** A tree name as a slug: lower-case letters, digits, - and _. */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'model';
}

function titleOf(raw: RawMefModel, tree: RawFaultTree | undefined): { title?: string; description?: string } {
  const title = tree?.label ?? raw.label ?? (tree && slugify(tree.name) !== tree.name ? tree.name : undefined);
  const description = tree?.attributes.get('description') ?? raw.attributes.get('description');
  return { ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}) };
}
