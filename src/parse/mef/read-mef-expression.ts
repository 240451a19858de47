// Reads an MEF expression (constants, parameters, arithmetic, Boolean and conditional operations,
// built-ins and random deviates) from its XML element, checking each function's arity (parse stage).

import type { Diagnostic } from '../../model/diagnostic.js';
import { didYouMean } from '../../model/did-you-mean.js';
import { mefError } from './mef-diagnostic.js';
import type { ExpressionFn, RawExpression } from './mef-raw.js';
import {
  checkAttributes,
  parseBooleanAttribute,
  parseFloatAttribute,
  parseIntAttribute,
  requireAttribute,
  type XmlNode,
} from './mef-xml-node.js';

const MANY = Number.POSITIVE_INFINITY;

/** Number of arguments each function takes: [minimum, maximum], or a list of three or more counts. */
const ARITY: Readonly<Record<ExpressionFn, readonly [number, number] | readonly number[]>> = {
  neg: [1, 1], add: [2, MANY], sub: [2, MANY], mul: [2, MANY], div: [2, MANY], pi: [0, 0],
  abs: [1, 1], acos: [1, 1], asin: [1, 1], atan: [1, 1], cos: [1, 1], cosh: [1, 1], exp: [1, 1],
  log: [1, 1], log10: [1, 1], mod: [2, 2], pow: [2, 2], sin: [1, 1], sinh: [1, 1], tan: [1, 1],
  tanh: [1, 1], sqrt: [1, 1], ceil: [1, 1], floor: [1, 1], min: [2, MANY], max: [2, MANY], mean: [2, MANY],
  not: [1, 1], and: [2, MANY], or: [2, MANY], eq: [2, 2], df: [2, 2], lt: [2, 2], gt: [2, 2], leq: [2, 2], geq: [2, 2],
  ite: [3, 3], switch: [1, MANY], case: [2, 2],
  exponential: [2, 2], GLM: [4, 4], Weibull: [4, 4], 'periodic-test': [4, 5, 11],
  'uniform-deviate': [2, 2], 'normal-deviate': [2, 2], 'lognormal-deviate': [2, 3], 'gamma-deviate': [2, 2],
  'beta-deviate': [2, 2], histogram: [2, MANY], bin: [2, 2],
};

const UNSUPPORTED: ReadonlySet<string> = new Set(['extern-function', 'test-initiating-event', 'test-functional-event']);
const LEAVES: readonly string[] = ['float', 'int', 'bool', 'parameter', 'system-mission-time'];
export const EXPRESSION_ELEMENTS: readonly string[] = [...LEAVES, ...Object.keys(ARITY)];

const VALUE_ATTRIBUTE = ['value'];

export function isExpressionElement(name: string): boolean {
  return LEAVES.includes(name) || Object.hasOwn(ARITY, name) || UNSUPPORTED.has(name);
}

export function readMefExpression(node: XmlNode, diagnostics: Diagnostic[]): RawExpression | undefined {
  const { name, span } = node;
  switch (name) {
    case 'float':
    case 'int':
    case 'bool': {
      checkAttributes(node, VALUE_ATTRIBUTE, diagnostics);
      checkLeaf(node, diagnostics);
      const value =
        name === 'float'
          ? parseFloatAttribute(node, 'value', diagnostics)
          : name === 'int'
            ? parseIntAttribute(node, 'value', diagnostics)
            : toNumber(parseBooleanAttribute(node, 'value', diagnostics));
      return value === undefined ? undefined : { kind: 'number', value, span };
    }
    case 'parameter': {
      checkAttributes(node, ['name', 'unit'], diagnostics);
      checkLeaf(node, diagnostics);
      const ref = requireAttribute(node, 'name', diagnostics);
      if (ref === undefined) return undefined;
      const unit = node.attributes['unit']?.trim();
      return unit === undefined ? { kind: 'parameter', name: ref, span } : { kind: 'parameter', name: ref, unit, span };
    }
    case 'system-mission-time': {
      checkAttributes(node, ['unit'], diagnostics);
      checkLeaf(node, diagnostics);
      const unit = node.attributes['unit']?.trim();
      return unit === undefined ? { kind: 'mission-time', span } : { kind: 'mission-time', unit, span };
    }
  }
  if (UNSUPPORTED.has(name)) {
    diagnostics.push(mefError('MEF_UNSUPPORTED', `Unsupported expression: <${name}>`, span, 'ftree reads fault trees without external functions or event-tree tests'));
    return undefined;
  }
  if (!Object.hasOwn(ARITY, name)) {
    const guess = didYouMean(name, EXPRESSION_ELEMENTS);
    diagnostics.push(
      mefError('MEF_INVALID', `Unknown expression element: <${name}>`, span, guess ? `did you mean <${guess}>?` : undefined),
    );
    return undefined;
  }
  const fn = name as ExpressionFn;
  checkAttributes(node, [], diagnostics);
  const args: RawExpression[] = [];
  let broken = false;
  for (const child of node.children) {
    const arg = readMefExpression(child, diagnostics);
    if (arg) args.push(arg);
    else broken = true;
  }
  if (!broken && !checkArity(fn, args, node, diagnostics)) broken = true;
  return broken ? undefined : { kind: 'call', fn, args, span };
}

function checkArity(fn: ExpressionFn, args: readonly RawExpression[], node: XmlNode, diagnostics: Diagnostic[]): boolean {
  const arity = ARITY[fn];
  const n = args.length;
  const ok = arity.length === 2 ? n >= arity[0]! && n <= arity[1]! : arity.includes(n);
  if (!ok) {
    diagnostics.push(mefError('MEF_INVALID', `Wrong number of arguments for <${fn}>: ${n}`, node.span, `<${fn}> takes ${describeArity(arity)}`));
    return false;
  }
  // Structure inside switch and histogram: cases then a default; a lower bound then bins.
  if (fn === 'switch') {
    const misplaced = args.findIndex((a, i) => (i < n - 1) !== isCall(a, 'case'));
    if (misplaced >= 0) {
      diagnostics.push(mefError('MEF_INVALID', '<switch> takes <case> elements followed by one default expression', args[misplaced]!.span));
      return false;
    }
  } else if (fn === 'histogram') {
    const misplaced = args.findIndex((a, i) => (i > 0) !== isCall(a, 'bin'));
    if (misplaced >= 0) {
      diagnostics.push(mefError('MEF_INVALID', '<histogram> takes a lower bound followed by <bin> elements', args[misplaced]!.span));
      return false;
    }
  } else {
    const stray = args.find((a) => isCall(a, 'case') || isCall(a, 'bin'));
    if (stray && stray.kind === 'call') {
      diagnostics.push(mefError('MEF_INVALID', `<${stray.fn}> outside its parent: in <${fn}>`, stray.span));
      return false;
    }
  }
  return true;
}

function describeArity(arity: readonly number[]): string {
  if (arity.length === 2 && arity[1] === MANY) return `${arity[0]} or more arguments`;
  if (arity.length === 2 && arity[0] === arity[1]) return `${arity[0]} argument${arity[0] === 1 ? '' : 's'}`;
  if (arity.length === 2) return `${arity[0]} or ${arity[1]} arguments`;
  return `${arity.slice(0, -1).join(', ')} or ${arity[arity.length - 1]} arguments`;
}

function isCall(expr: RawExpression, fn: ExpressionFn): boolean {
  return expr.kind === 'call' && expr.fn === fn;
}

function checkLeaf(node: XmlNode, diagnostics: Diagnostic[]): void {
  const child = node.children[0];
  if (child) diagnostics.push(mefError('MEF_INVALID', `Unexpected element in <${node.name}>: <${child.name}>`, child.span));
}

function toNumber(value: boolean | undefined): number | undefined {
  return value === undefined ? undefined : value ? 1 : 0;
}
