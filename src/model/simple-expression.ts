// Plain arithmetic expressions read without mathjs (model stage): numbers, names, + − × ÷ ^, signs,
// parentheses and the functions whose mathjs number implementation is the Math one (exp, log of one
// argument, sqrt, …). It gives what mathjs gives for these — the same names, the same Formula, the same value —
// and declines anything else (implicit multiplication, %, comparisons, min/max, round, floor, ceil,
// keywords, other number syntax), which mathjs then reads: most trees never load mathjs at all.
// Precedence as mathjs: `^` binds tighter than a sign (-2^2 = -4) and takes a signed exponent,
// right to left (2^-3^2 = 2^(-(3^2))).

import type { Formula, FormulaFunction } from './fault-tree.js';
import { TextCursor } from './text-cursor.js';

export interface SimpleExpression {
  readonly names: readonly string[];
  readonly formula: Formula;
  evaluate(scope: ReadonlyMap<string, number>): number;
}

/** Functions read here, with the numbers of arguments mathjs accepts for them. */
const FUNCTIONS: ReadonlyMap<string, readonly number[]> = new Map([
  ['exp', [1]], ['expm1', [1]], ['log', [1]], ['log1p', [1]], ['log10', [1]], ['log2', [1]],
  ['sqrt', [1]], ['cbrt', [1]], ['abs', [1]], ['pow', [2]],
]);
/** Words that mathjs reads as operators or constants of other kinds (true, null, …): declined. */
const RESERVED = new Set(['mod', 'and', 'or', 'not', 'xor', 'to', 'in', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity', 'end']);
const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

/** A syntax tree as mathjs would build it (ParenthesisNode and unary plus dropped, as toFormula drops them). */
type Node =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'name'; readonly name: string }
  | { readonly k: 'op'; readonly fn: 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'neg'; readonly args: readonly Node[] }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Node[] };

/** The expression, or undefined when it is not in the plain subset (mathjs reads it then). */
export function parseSimpleExpression(source: string): SimpleExpression | undefined {
  const p = new Parser(source);
  const root = p.sum();
  if (!root || !p.atEnd()) return undefined;
  const names: string[] = [];
  collectNames(root, names);
  return { names: [...new Set(names)], formula: toFormula(root), evaluate: (scope) => evaluate(root, scope) };
}

/** The plain subset's parser; blanks are spaces and tabs (a newline is a statement break to mathjs: declined). */
class Parser extends TextCursor {
  constructor(s: string) {
    super(s, /[ \t]/);
  }

  /** product (('+' | '-') product)*, left to right. */
  sum(): Node | undefined {
    return this.leftAssociative(() => this.product(), ['+', '-'], (c, left, right): Node => ({ k: 'op', fn: c === '+' ? 'add' : 'sub', args: [left, right] }));
  }

  /** unary (('*' | '/') unary)*, left to right. */
  private product(): Node | undefined {
    return this.leftAssociative(() => this.unary(), ['*', '/'], (c, left, right): Node => ({ k: 'op', fn: c === '*' ? 'mul' : 'div', args: [left, right] }));
  }

  /** ('-' | '+') unary | power. */
  private unary(): Node | undefined {
    const c = this.peek();
    if (c === '-' || c === '+') {
      this.i++;
      const arg = this.unary();
      if (!arg) return undefined;
      return c === '-' ? { k: 'op', fn: 'neg', args: [arg] } : arg;
    }
    return this.power();
  }

  /** primary ('^' unary)? */
  private power(): Node | undefined {
    const base = this.primary();
    if (!base) return undefined;
    if (this.peek() !== '^') return base;
    this.i++;
    const exponent = this.unary();
    return exponent ? { k: 'op', fn: 'pow', args: [base, exponent] } : undefined;
  }

  private primary(): Node | undefined {
    const c = this.peek();
    if (c === '(') {
      this.i++;
      const inner = this.sum();
      if (!inner || this.peek() !== ')') return undefined;
      this.i++;
      return inner;
    }
    const rest = this.s.slice(this.i);
    const num = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      // 2x, 2(…), 1e, 0x1f, 1_000, 3. and 3.^2 (mathjs's .^): its own number syntax, operators or implicit multiplication.
      if (/^[\w.$(]/.test(this.s.slice(this.i))) return undefined;
      return { k: 'num', v: Number(num[0]) };
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (!word || RESERVED.has(word[0])) return undefined;
    this.i += word[0].length;
    if (/^[$\u0080-\uffff]/.test(this.s.slice(this.i))) return undefined;
    if (this.peek() !== '(') return { k: 'name', name: word[0] };
    const arity = FUNCTIONS.get(word[0]);
    if (!arity) return undefined;
    this.i++;
    const args: Node[] = [];
    for (;;) {
      const arg = this.sum();
      if (!arg) return undefined;
      args.push(arg);
      const sep = this.peek();
      this.i++;
      if (sep === ')') break;
      if (sep !== ',') return undefined;
    }
    return arity.includes(args.length) ? { k: 'call', fn: word[0], args } : undefined;
  }
}

function collectNames(node: Node, out: string[]): void {
  if (node.k === 'name') {
    if (!CONSTANTS.has(node.name)) out.push(node.name);
  } else if (node.k === 'op' || node.k === 'call') for (const a of node.args) collectNames(a, out);
}

function toFormula(node: Node): Formula {
  switch (node.k) {
    case 'num':
      return { kind: 'number', value: node.v };
    case 'name': {
      const constant = CONSTANTS.get(node.name);
      if (constant !== undefined) return { kind: 'number', value: constant };
      return node.name === 'mission_time' ? { kind: 'mission-time' } : { kind: 'parameter', id: node.name };
    }
    case 'op':
    case 'call':
      return { kind: 'call', fn: node.fn as FormulaFunction, args: node.args.map(toFormula) };
  }
}

/** mathjs's number implementations of these operators and functions, in the same order of operations. */
function evaluate(node: Node, scope: ReadonlyMap<string, number>): number {
  switch (node.k) {
    case 'num':
      return node.v;
    case 'name':
      // As mathjs's scope: a value given for a name wins over the constant (parameters may not be named e or pi).
      return scope.get(node.name) ?? CONSTANTS.get(node.name) ?? Number.NaN;
    case 'op': {
      const a = evaluate(node.args[0]!, scope);
      if (node.fn === 'neg') return -a;
      const b = evaluate(node.args[1]!, scope);
      if (node.fn === 'add') return a + b;
      if (node.fn === 'sub') return a - b;
      if (node.fn === 'mul') return a * b;
      if (node.fn === 'div') return a / b;
      return power(a, b);
    }
    case 'call': {
      const [x, y] = node.args.map((a) => evaluate(a, scope)) as [number, number | undefined];
      switch (node.fn) {
        case 'exp': return Math.exp(x);
        case 'expm1': return Math.expm1(x);
        case 'log': return logarithm(x);
        case 'log1p': return x >= -1 ? Math.log1p(x) : Number.NaN;
        case 'log10': return x >= 0 ? Math.log10(x) : Number.NaN;
        case 'log2': return x >= 0 ? Math.log2(x) : Number.NaN;
        case 'sqrt': return x >= 0 ? Math.sqrt(x) : Number.NaN;
        case 'cbrt': return Math.cbrt(x);
        case 'abs': return Math.abs(x);
        default: return power(x, y!);
      }
    }
  }
}

/** mathjs's number pow: a negative base with a fractional exponent has no real value (NaN). */
function power(x: number, y: number): number {
  return Math.pow(x, y);
}

function logarithm(x: number): number {
  return x >= 0 ? Math.log(x) : Number.NaN;
}
