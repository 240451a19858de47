// Reads a Galileo dynamic fault tree (the text format of Storm and DFTCalc) into the validated
// FaultTree, for its static subset only: and, or, k-of-n voting, basic events with prob= or lambda=
// (parse stage). Dynamic gates (pand, por, spare, fdep, pdep, seq, mutex) are reported, not analysed.

import { basename } from 'node:path';
import { FtreeError, sortDiagnostics, type Diagnostic } from '../../model/diagnostic.js';
import type { ErrorCode } from '../../model/error-codes.js';
import type { BasicEvent, FaultTree, Gate, ProbabilityModel } from '../../model/fault-tree.js';
import { checkGateGraph } from '../../model/check-gate-graph.js';
import { probabilityAt } from '../../model/probability-at.js';
import type { SourceSpan } from '../../model/source-span.js';
import { INPUT_LIMITS, readInputText } from '../../model/read-input-file.js';

export interface LoadGalileoOptions {
  /** Hours; Galileo rates are per time unit, read as per hour. Default 1 (Storm's `--timebound 1`). */
  readonly missionTime?: number;
  /** Analyse this element as the top event instead of the `toplevel`. */
  readonly top?: string;
  /** Receives UNUSED_GATE and UNUSED_EVENT warnings. */
  readonly onWarning?: (warning: Diagnostic) => void;
}

export const DEFAULT_GALILEO_MISSION_TIME = 1;

/** Gate keywords of the dynamic fault trees, matched as prefixes (`pand-inclusive`, `pdep=0.5`, `wsp`). */
const DYNAMIC = /^(pand|por|spare|wsp|hsp|csp|fdep|pdep|seq|mutex)/i;
/** Basic-event attributes that a static analysis can ignore: dormancy only matters inside spares. */
const IGNORED_ATTRIBUTES = new Set(['dorm']);

interface Token {
  readonly text: string;
  readonly kind: 'name' | 'quoted' | '=' | ';';
  readonly span: SourceSpan;
}

export async function loadGalileo(file: string, options: LoadGalileoOptions = {}): Promise<FaultTree> {
  const text = await readInputText(file, file, INPUT_LIMITS.treeBytes);
  return parseGalileoText(text, file, options);
}

/** Parses Galileo text; throws one FtreeError with every problem found (and the text, for snippets). */
export function parseGalileoText(text: string, file: string, options: LoadGalileoOptions = {}): FaultTree {
  const { tree, errors, warnings } = readGalileoText(text, file, options);
  for (const warning of warnings) options.onWarning?.(warning);
  if (!tree) throw new FtreeError(errors, { sources: new Map([[file, text]]) });
  return tree;
}

/** Parses Galileo text into the model; never throws for bad input: errors sorted by position, warnings in the order found. */
export function readGalileoText(text: string, file: string, options: Omit<LoadGalileoOptions, 'onWarning'> = {}): { tree?: FaultTree; errors: readonly Diagnostic[]; warnings: readonly Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (code: ErrorCode, message: string, span: SourceSpan | undefined, hint?: string): void => {
    diagnostics.push({ code, severity: 'error', message, ...(span ? { span } : {}), ...(hint ? { hint } : {}) });
  };
  const missionTime = options.missionTime ?? DEFAULT_GALILEO_MISSION_TIME;
  const gates = new Map<string, Gate>();
  const events = new Map<string, BasicEvent>();
  const defined = new Map<string, SourceSpan>();
  let top: { id: string; span: SourceSpan } | undefined;

  for (const statement of splitStatements(tokenize(text, file, error), error)) {
    const [first, second] = statement;
    if (!first) continue;
    if (first.kind === 'name' && first.text.toLowerCase() === 'toplevel') {
      const name = second;
      if (!name || statement.length !== 2 || !isName(name)) {
        error('GALILEO_SYNTAX', 'Expected one element name after `toplevel`', (name ?? first).span, 'write: toplevel "System";');
      } else if (top) {
        error('GALILEO_SYNTAX', 'A second `toplevel` statement', first.span, `the top is already "${top.id}"`);
      } else {
        top = { id: name.text, span: name.span };
      }
      continue;
    }
    if (!isName(first)) {
      error('GALILEO_SYNTAX', `Expected an element name, found "${first.text}"`, first.span);
      continue;
    }
    if (!second) {
      error('GALILEO_SYNTAX', `Element "${first.text}" has neither a gate type nor attributes`, first.span, 'a gate: "G" or "A" "B"; a basic event: "A" prob=0.01; or "A" lambda=1e-3;');
      continue;
    }
    const prior = defined.get(first.text);
    if (prior) {
      error('DUPLICATE_ID', `The element "${first.text}" is defined twice`, first.span, `first defined at line ${prior.line}`);
      continue;
    }
    if (second.kind === 'name' && DYNAMIC.test(second.text)) {
      const keyword = DYNAMIC.exec(second.text)![1]!.toLowerCase();
      error('GALILEO_DYNAMIC', `Gate "${first.text}" is a dynamic gate (${keyword}): ftree analyses static fault trees only`, second.span, 'and, or and k-of-n voting are supported; model the dynamic behaviour with Storm or DFTCalc');
      defined.set(first.text, first.span);
      continue;
    }
    if (statement.length >= 3 && statement[2]!.kind === '=') {
      const event = readBasicEvent(first, statement.slice(1), missionTime, error);
      defined.set(first.text, first.span);
      if (event) events.set(event.id, event);
      continue;
    }
    const gate = readGate(first, second, statement.slice(2), error);
    defined.set(first.text, first.span);
    if (gate) gates.set(gate.id, gate);
  }

  if (diagnostics.length === 0) {
    for (const gate of gates.values()) {
      gate.inputs.forEach((input, i) => {
        if (!defined.has(input)) error('UNDEFINED_REFERENCE', `Gate "${gate.id}" references unknown element "${input}"`, gate.inputSpans?.[i], 'define it as a gate or a basic event');
      });
    }
    diagnostics.push(...checkGateGraph(gates, { cycles: 'first' }).diagnostics);
  }
  const topId = options.top ?? top?.id;
  if (diagnostics.length === 0) {
    if (topId === undefined) error('MISSING_TOP', 'The model has no `toplevel` statement', undefined, 'add: toplevel "System";');
    else if (!defined.has(topId)) error('UNKNOWN_TOP', `The top event "${topId}" is not defined`, options.top === undefined ? top?.span : undefined);
  }
  if (diagnostics.length > 0) return { errors: sortDiagnostics(diagnostics), warnings: [] };

  const reachable = reach(topId!, gates);
  const warnings: Diagnostic[] = [];
  if (options.top === undefined) {
    for (const [id, gate] of gates) if (!reachable.has(id)) warnings.push({ code: 'UNUSED_GATE', severity: 'warning', message: `Gate "${id}" is not reachable from the top event`, ...(gate.span ? { span: gate.span } : {}) });
    for (const [id, event] of events) if (!reachable.has(id)) warnings.push({ code: 'UNUSED_EVENT', severity: 'warning', message: `Basic event "${id}" is not reachable from the top event`, ...(event.span ? { span: event.span } : {}) });
  }
  const tree: FaultTree = {
    name: slugOf(basename(file).replace(/\.[^.]*$/, '')),
    file,
    files: [file],
    top: topId!,
    missionTime,
    parameters: new Map(),
    gates: new Map([...gates].filter(([id]) => reachable.has(id))),
    events: new Map([...events].filter(([id]) => reachable.has(id))),
    houses: new Map(),
  };
  return { tree, errors: [], warnings };
}

function readGate(name: Token, type: Token, inputTokens: readonly Token[], error: (code: ErrorCode, message: string, span: SourceSpan | undefined, hint?: string) => void): Gate | undefined {
  const keyword = type.text.toLowerCase();
  const inputs: string[] = [];
  const inputSpans: SourceSpan[] = [];
  for (const token of inputTokens) {
    if (!isName(token)) {
      error('GALILEO_SYNTAX', `Expected an input name of gate "${name.text}", found "${token.text}"`, token.span);
      return undefined;
    }
    inputs.push(token.text);
    inputSpans.push(token.span);
  }
  const base = { id: name.text, inputs, inputSpans, span: name.span };
  if (inputs.length === 0) {
    error('ARITY', `Gate "${name.text}" has no inputs`, type.span);
    return undefined;
  }
  if (keyword === 'and' || keyword === 'or') return { ...base, type: keyword };
  const kOfN = /^(\d+)of(\d+)$/.exec(keyword);
  const vot = /^vot(\d+)$/.exec(keyword);
  if (type.kind !== 'name' || (!kOfN && !vot)) {
    error('GALILEO_SYNTAX', `Unknown gate type "${type.text}" of "${name.text}"`, type.span, 'static gates: and, or, kofn (2of3) or votk (vot2)');
    return undefined;
  }
  const k = Number((kOfN ?? vot)![1]);
  if (kOfN && Number(kOfN[2]) !== inputs.length) {
    error('ARITY', `Gate "${name.text}" is ${keyword} but has ${inputs.length} inputs`, type.span, `list ${kOfN[2]} inputs, or write ${k}of${inputs.length}`);
    return undefined;
  }
  if (k < 1 || k > inputs.length) {
    error('INVALID_K', `Gate "${name.text}" votes ${k} out of ${inputs.length} inputs`, type.span, `k is between 1 and ${inputs.length}`);
    return undefined;
  }
  return { ...base, type: 'atleast', k };
}

function readBasicEvent(name: Token, tokens: readonly Token[], missionTime: number, error: (code: ErrorCode, message: string, span: SourceSpan | undefined, hint?: string) => void): BasicEvent | undefined {
  const values = new Map<string, { value: number; span: SourceSpan }>();
  for (let i = 0; i < tokens.length; i += 3) {
    const [key, eq, value] = [tokens[i]!, tokens[i + 1], tokens[i + 2]];
    if (key.kind !== 'name' || eq?.kind !== '=' || !value || value.kind === '=' || value.kind === ';') {
      error('GALILEO_SYNTAX', `Expected attribute=value for basic event "${name.text}"`, key.span, 'for example: "A" lambda=1e-3;');
      return undefined;
    }
    const attribute = key.text.toLowerCase();
    const number = Number(value.text);
    if (!['lambda', 'prob', 'repair', ...IGNORED_ATTRIBUTES].includes(attribute)) {
      error('GALILEO_SYNTAX', `Unsupported basic-event attribute "${key.text}" of "${name.text}"`, key.span, 'supported: prob, lambda, repair (dorm is ignored: it matters inside spares only)');
      return undefined;
    }
    if (value.text.trim() === '' || !Number.isFinite(number)) {
      error('GALILEO_SYNTAX', `The ${attribute} of "${name.text}" is not a number: ${value.text}`, value.span);
      return undefined;
    }
    values.set(attribute, { value: number, span: value.span });
  }
  const lambda = values.get('lambda');
  const prob = values.get('prob');
  const repair = values.get('repair');
  if (lambda && prob) {
    error('GALILEO_SYNTAX', `Basic event "${name.text}" has both prob= and lambda=`, prob.span, 'give one of them');
    return undefined;
  }
  if (prob) {
    if (!(prob.value >= 0 && prob.value <= 1)) {
      error('PROBABILITY_RANGE', `Probability of "${name.text}" outside [0, 1]: ${prob.value}`, prob.span);
      return undefined;
    }
    if (repair) {
      error('GALILEO_SYNTAX', `Basic event "${name.text}" has repair= without lambda=`, repair.span);
      return undefined;
    }
    return { id: name.text, probability: prob.value, model: { kind: 'constant', value: prob.value }, span: name.span };
  }
  if (!lambda) {
    error('MISSING_PROBABILITY', `Basic event "${name.text}" has neither prob= nor lambda=`, name.span, 'for example: "A" lambda=1e-3;');
    return undefined;
  }
  for (const v of [lambda, repair]) {
    if (v && v.value < 0) {
      error('NEGATIVE_RATE', `Negative rate of "${name.text}": ${v.value}`, v.span);
      return undefined;
    }
  }
  const model: ProbabilityModel =
    repair && repair.value > 0
      ? { kind: 'repairable', rate: lambda.value, repairRate: repair.value, missionTime }
      : { kind: 'rate', rate: lambda.value, missionTime };
  return { id: name.text, probability: probabilityAt(model, missionTime), model, span: name.span };
}

function isName(token: Token): boolean {
  return token.kind === 'name' || token.kind === 'quoted';
}

/** Tokens: "quoted names" (with \" escapes), bare words, = and ;. Comments: // to the line end and /* … *\/. */
function tokenize(text: string, file: string, error: (code: ErrorCode, message: string, span: SourceSpan | undefined, hint?: string) => void): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const spanOf = (start: number, end: number, startLine: number, startLineStart: number): SourceSpan => ({ file, line: startLine, col: start - startLineStart + 1, start, end });
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = ++i;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let j = i; j < stop; j++) {
        if (text[j] === '\n') {
          line++;
          lineStart = j + 1;
        }
      }
      if (end < 0) error('GALILEO_SYNTAX', 'A /* comment is never closed', spanOf(i, i + 2, line, lineStart));
      i = stop;
      continue;
    }
    const start = i;
    if (c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
      if (text[i] !== '"') {
        error('GALILEO_SYNTAX', 'A quoted name is not closed on its line', spanOf(start, i, line, lineStart));
        continue;
      }
      i++;
      tokens.push({ text: value, kind: 'quoted', span: spanOf(start, i, line, lineStart) });
      continue;
    }
    if (c === '=' || c === ';') {
      i++;
      tokens.push({ text: c, kind: c, span: spanOf(start, i, line, lineStart) });
      continue;
    }
    while (i < text.length && !/[\s=;"]/.test(text[i]!)) i++;
    tokens.push({ text: text.slice(start, i), kind: 'name', span: spanOf(start, i, line, lineStart) });
  }
  return tokens;
}

function splitStatements(tokens: readonly Token[], error: (code: ErrorCode, message: string, span: SourceSpan | undefined, hint?: string) => void): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.kind === ';') {
      if (current.length > 0) statements.push(current);
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) error('GALILEO_SYNTAX', 'The last statement has no closing `;`', current[current.length - 1]!.span, 'end every statement with ;');
  return statements;
}

function reach(top: string, gates: ReadonlyMap<string, Gate>): Set<string> {
  const seen = new Set<string>([top]);
  const stack = [top];
  while (stack.length > 0) {
    for (const input of gates.get(stack.pop()!)?.inputs ?? []) {
      if (!seen.has(input)) {
        seen.add(input);
        stack.push(input);
      }
    }
  }
  return seen;
}

function slugOf(s: string): string {
  const slug = s.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'tree' : slug;
}
