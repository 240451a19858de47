// Probability expressions such as "1 - exp(-lambda_db * mission_time)" (model stage).
// Parsed with mathjs, which costs about a second to import, so this module is loaded only for trees
// that use expressions. Only arithmetic is allowed: no assignments, accessors, units or matrices.

import type { MathNode } from 'mathjs';

export const EXPRESSION_FUNCTIONS = [
  'exp', 'expm1', 'log', 'log1p', 'log10', 'log2', 'sqrt', 'cbrt', 'pow', 'abs', 'min', 'max', 'floor', 'ceil', 'round',
] as const;
export const EXPRESSION_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

const ALLOWED_NODES = new Set(['ConstantNode', 'SymbolNode', 'OperatorNode', 'ParenthesisNode', 'FunctionNode', 'ConditionalNode']);

export interface ParsedExpression {
  /** Names the expression reads (parameters, mission_time), without functions and constants. */
  readonly names: readonly string[];
  evaluate(scope: ReadonlyMap<string, number>): number;
}

export type ParseExpressionResult = { readonly ok: true; readonly expression: ParsedExpression } | { readonly ok: false; readonly reason: string };

type MathModule = typeof import('mathjs');
let math: MathModule | undefined;

/** Loads mathjs; call once before `parseExpression`. */
export async function loadExpressionEngine(): Promise<void> {
  math ??= await import('mathjs');
}

export function parseExpression(source: string): ParseExpressionResult {
  if (!math) throw new Error('loadExpressionEngine() must be awaited before parseExpression()');
  let root: MathNode;
  try {
    root = math.parse(source);
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  const names = new Set<string>();
  let problem: string | undefined;
  root.traverse((node, _path, parent) => {
    if (problem) return;
    if (!ALLOWED_NODES.has(node.type)) {
      problem = `${describe(node.type)} is not allowed in a probability expression`;
      return;
    }
    if (node.type === 'OperatorNode' && (node as unknown as { fn: string }).fn === 'factorial') {
      problem = 'the factorial operator is not allowed';
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
  const compiled = root.compile();
  return {
    ok: true,
    expression: {
      names: [...names],
      evaluate(scope) {
        const s = new Map<string, number>(EXPRESSION_CONSTANTS);
        for (const [k, v] of scope) s.set(k, v);
        const v: unknown = compiled.evaluate(s);
        return typeof v === 'number' ? v : Number.NaN;
      },
    },
  };
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
