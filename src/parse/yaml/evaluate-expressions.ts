// Evaluates a YAML tree's parameters and probability expressions (parse stage), in dependency
// order, reporting unknown names, cycles and values out of range. mathjs is loaded only here.

import { didYouMean } from '../../model/did-you-mean.js';
import type { Formula } from '../../model/fault-tree.js';
import { findCycle } from '../../model/find-cycle.js';
import type { SourceSpan } from '../../model/source-span.js';
import type { EventDecl, NumberSpec } from './declarations.js';
import type { RawReader } from './raw-reader.js';

export interface ExpressionValues {
  readonly parameters: Map<string, number>;
  readonly events: Map<string, number>;
  /** Formulas of the expression parameters and events (an event's own mission time written in). */
  readonly parameterFormulas: Map<string, Formula>;
  readonly eventFormulas: Map<string, Formula>;
  /** Parameters read by some expression. */
  readonly used: Set<string>;
}

/** The values (and formulas) of every parameter and expression event; problems go to `reader`. */
export async function evaluateExpressions(
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
