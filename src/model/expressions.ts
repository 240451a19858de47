// Probability expressions such as "1 - exp(-lambda_db * mission_time)" (model stage).
// Parsed with mathjs (its number-only build: about 0.4 s to load, the full build about 1 s; the CLI
// bundle loads only the parser, compile and the allowed functions, mathjs-subset.ts, in tens of
// milliseconds), and this module is loaded only for trees that use expressions. Only arithmetic is allowed: no assignments, accessors, units or matrices.
// Each expression also becomes a `Formula`, which Monte Carlo and time curves evaluate without mathjs.

import { createRequire } from 'node:module';
import type { MathNode } from 'mathjs';
import type { Formula, FormulaFunction } from './fault-tree.js';
import { parseSimpleExpression } from './simple-expression.js';

export const EXPRESSION_FUNCTIONS = [
  'exp', 'expm1', 'log', 'log1p', 'log10', 'log2', 'sqrt', 'cbrt', 'pow', 'abs', 'min', 'max', 'floor', 'ceil', 'round',
] as const;
export const EXPRESSION_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

const ALLOWED_NODES = new Set(['ConstantNode', 'SymbolNode', 'OperatorNode', 'ParenthesisNode', 'FunctionNode', 'ConditionalNode']);

/**
 * mathjs operators (by function name) and the formula functions they become; others are refused
 * (the element-wise .* ./ .^ too: the number-only build has no such functions).
 */
const OPERATORS: ReadonlyMap<string, FormulaFunction | 'identity' | 'floored-mod' | 'xor'> = new Map([
  // Not the element-wise .* ./ .^: the number-only build of mathjs has no function for them.
  ['add', 'add'], ['subtract', 'sub'], ['multiply', 'mul'], ['divide', 'div'],
  ['pow', 'pow'], ['unaryMinus', 'neg'], ['unaryPlus', 'identity'], ['mod', 'floored-mod'],
  ['larger', 'gt'], ['smaller', 'lt'], ['largerEq', 'geq'], ['smallerEq', 'leq'], ['equal', 'eq'], ['unequal', 'df'],
  ['and', 'and'], ['or', 'or'], ['not', 'not'], ['xor', 'xor'],
] as const);

export interface ParsedExpression {
  /** Names the expression reads (parameters, mission_time), without functions and constants. */
  readonly names: readonly string[];
  evaluate(scope: ReadonlyMap<string, number>): number;
  /** The expression as a formula: `mission_time` is the mission time, other names are parameters. */
  readonly formula: Formula;
}

export type ParseExpressionResult = { readonly ok: true; readonly expression: ParsedExpression } | { readonly ok: false; readonly reason: string };

type MathModule = typeof import('mathjs');
let math: MathModule | undefined;

/**
 * Kept for callers that prepared mathjs before parsing: it is now loaded by `parseExpression` on
 * the first expression that the plain reader (simple-expression.ts) declines.
 */
export function loadExpressionEngine(): Promise<void> {
  return Promise.resolve();
}

function loadMathjs(): MathModule {
  // Required rather than imported: the CLI runs as one CommonJS bundle loaded with a code cache
  // (bin/ftree.js), where a dynamic import() has no loader.
  math ??= requireMathjs(createRequire(import.meta.url));
  return math;
}

/**
 * Beside the CLI bundle, scripts/bundle.mjs writes mathjs-subset.cjs (mathjs-subset.ts bundled
 * with only the factories it names); elsewhere (the library, the tests) there is none, and the
 * whole number-only build serves.
 */
function requireMathjs(req: NodeJS.Require): MathModule {
  try {
    return (req('./mathjs-subset.cjs') as { math: MathModule }).math;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
    return req('mathjs/number') as MathModule;
  }
}

/** Deepest expression tree accepted (operators chained or nested): far beyond any real formula, well within the stack. */
export const MAX_EXPRESSION_DEPTH = 256;

const TOO_DEEP = { ok: false, reason: `it nests deeper than ${MAX_EXPRESSION_DEPTH} levels (operators in a chain count as levels)` } as const;

export function parseExpression(source: string): ParseExpressionResult {
  // Every prefix operator and parenthesis is a level of a recursive parser: refuse long runs before it overflows.
  if (maxPrefixRun(source) > MAX_EXPRESSION_DEPTH) return TOO_DEEP;
  let simple: ParsedExpression | undefined;
  try {
    simple = parseSimpleExpression(source);
  } catch (e) {
    if (e instanceof RangeError) return TOO_DEEP;
    throw e;
  }
  if (simple) return formulaDepth(simple.formula) > MAX_EXPRESSION_DEPTH ? TOO_DEEP : { ok: true, expression: simple };
  return parseWithMathjs(source);
}

/** Any expression, read by mathjs (exported for the test that compares it with the plain reader). */
export function parseWithMathjs(source: string): ParseExpressionResult {
  if (maxPrefixRun(source) > MAX_EXPRESSION_DEPTH) return TOO_DEEP;
  const tooDeep = TOO_DEEP;
  let root: MathNode;
  try {
    root = loadMathjs().parse(source);
  } catch (e) {
    if (e instanceof RangeError) return tooDeep;
    return { ok: false, reason: (e as Error).message };
  }
  if (treeDepth(root) > MAX_EXPRESSION_DEPTH) return tooDeep;
  const names = new Set<string>();
  let problem: string | undefined;
  root.traverse((node, _path, parent) => {
    if (problem) return;
    if (!ALLOWED_NODES.has(node.type)) {
      problem = `${describe(node.type)} is not allowed in a probability expression`;
      return;
    }
    if (node.type === 'OperatorNode') {
      const { fn, op } = node as unknown as { fn: string; op: string };
      if (fn === 'factorial') problem = 'the factorial operator is not allowed';
      else if (!OPERATORS.has(fn)) problem = `the operator "${op}" is not allowed`;
    }
    if (node.type === 'ConstantNode' && typeof (node as unknown as { value: unknown }).value !== 'number') {
      problem = 'only numbers are allowed as constants';
    }
    if (node.type === 'FunctionNode') {
      const fnNode = (node as unknown as { fn: MathNode }).fn;
      const fname = fnNode.type === 'SymbolNode' ? (fnNode as unknown as { name: string }).name : '';
      if (!(EXPRESSION_FUNCTIONS as readonly string[]).includes(fname)) {
        problem = `unknown function "${fname || '?'}" (allowed: ${EXPRESSION_FUNCTIONS.join(', ')})`;
      }
    }
    if (node.type === 'SymbolNode') {
      const isCallee = parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === node;
      const name = (node as unknown as { name: string }).name;
      if (!isCallee && !EXPRESSION_CONSTANTS.has(name)) names.add(name);
    }
  });
  if (problem) return { ok: false, reason: problem };
  let compiled: ReturnType<MathNode['compile']>;
  try {
    compiled = root.compile();
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  return {
    ok: true,
    expression: {
      names: [...names],
      formula: toFormula(root),
      evaluate(scope) {
        const s = new Map<string, number>(EXPRESSION_CONSTANTS);
        for (const [k, v] of scope) s.set(k, v);
        const v: unknown = compiled.evaluate(s);
        return typeof v === 'number' ? v : Number.NaN;
      },
    },
  };
}

/** The longest run of `(`, `-`, `+`, `!` and spaces: each opens a level of the parser. */
function maxPrefixRun(source: string): number {
  let run = 0;
  let max = 0;
  let depth = 0;
  for (const c of source) {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    if (c === '-' || c === '+' || c === '!' || c === '(') max = Math.max(max, ++run, depth);
    else if (c !== ' ') run = 0;
  }
  return Math.max(max, depth);
}

/** Depth of a formula, walked without recursion. */
function formulaDepth(root: Formula): number {
  let max = 0;
  const stack: [Formula, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [f, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > MAX_EXPRESSION_DEPTH) break;
    if (f.kind === 'call') for (const a of f.args) stack.push([a, depth + 1]);
  }
  return max;
}

/** Depth of the parsed tree, walked without recursion. */
function treeDepth(root: MathNode): number {
  let max = 0;
  const stack: [MathNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > MAX_EXPRESSION_DEPTH) break;
    node.forEach((child) => stack.push([child, depth + 1]));
  }
  return max;
}

/** The formula of a checked expression tree (only the allowed node types and operators reach here). */
function toFormula(node: MathNode): Formula {
  const n = node as unknown as {
    type: string; value: unknown; name: string; fn: string | MathNode; args: MathNode[]; content: MathNode;
    condition: MathNode; trueExpr: MathNode; falseExpr: MathNode;
  };
  const call = (fn: FormulaFunction, args: Formula[]): Formula => ({ kind: 'call', fn, args });
  switch (n.type) {
    case 'ConstantNode':
      return { kind: 'number', value: n.value as number };
    case 'SymbolNode': {
      const constant = EXPRESSION_CONSTANTS.get(n.name);
      if (constant !== undefined) return { kind: 'number', value: constant };
      return n.name === 'mission_time' ? { kind: 'mission-time' } : { kind: 'parameter', id: n.name };
    }
    case 'ParenthesisNode':
      return toFormula(n.content);
    case 'ConditionalNode':
      return call('ite', [toFormula(n.condition), toFormula(n.trueExpr), toFormula(n.falseExpr)]);
    case 'FunctionNode': {
      const name = (n.fn as unknown as { name: string }).name as FormulaFunction;
      return call(name, n.args.map(toFormula));
    }
    default: {
      const args = n.args.map(toFormula);
      const op = OPERATORS.get(n.fn as string)!;
      if (op === 'identity') return args[0]!;
      // mathjs's mod is floored (the sign of the divisor): x − y·floor(x/y).
      if (op === 'floored-mod') return call('sub', [args[0]!, call('mul', [args[1]!, call('floor', [call('div', [args[0]!, args[1]!])])])]);
      if (op === 'xor') return call('df', [call('not', [args[0]!]), call('not', [args[1]!])]);
      return call(op, args);
    }
  }
}

function describe(type: string): string {
  switch (type) {
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return 'an assignment';
    case 'AccessorNode':
    case 'IndexNode':
      return 'indexing';
    case 'ArrayNode':
    case 'RangeNode':
      return 'a matrix or range';
    case 'ObjectNode':
      return 'an object';
    case 'BlockNode':
      return 'more than one statement';
    default:
      return type;
  }
}
