// Reads a gate's Boolean formula from its XML element (parse stage): references, constants and
// the MEF connectives, nested to any depth. Arity is checked later, on the built gates.

import type { Diagnostic } from '../../model/diagnostic.js';
import { didYouMean } from '../../model/did-you-mean.js';
import { mefError } from './mef-diagnostic.js';
import type { EventRefType, FormulaOp, RawFormula } from './mef-raw.js';
import {
  checkAttributes,
  parseBooleanAttribute,
  parseIntAttribute,
  requireAttribute,
  type XmlNode,
} from './mef-xml-node.js';

const CONNECTIVES: ReadonlySet<string> = new Set<FormulaOp>([
  'and', 'or', 'not', 'xor', 'iff', 'nand', 'nor', 'imply', 'atleast', 'cardinality',
]);
const REFERENCES: ReadonlySet<string> = new Set(['event', 'gate', 'basic-event', 'house-event']);
const EVENT_TYPES: readonly EventRefType[] = ['gate', 'basic-event', 'house-event'];
export const FORMULA_ELEMENTS: readonly string[] = [...CONNECTIVES, ...REFERENCES, 'constant'];

export function isFormulaElement(name: string): boolean {
  return CONNECTIVES.has(name) || REFERENCES.has(name) || name === 'constant';
}

const EVENT_ATTRIBUTES = ['name', 'type'];
const NAME_ATTRIBUTE = ['name'];
const VALUE_ATTRIBUTE = ['value'];
const NO_ATTRIBUTES: readonly string[] = [];
const MIN_ATTRIBUTE = ['min'];
const MIN_MAX_ATTRIBUTES = ['min', 'max'];

export function readMefFormula(node: XmlNode, diagnostics: Diagnostic[]): RawFormula | undefined {
  const { name, span } = node;
  if (REFERENCES.has(name)) {
    checkAttributes(node, name === 'event' ? EVENT_ATTRIBUTES : NAME_ATTRIBUTE, diagnostics);
    checkChildless(node, diagnostics);
    const ref = requireAttribute(node, 'name', diagnostics);
    if (ref === undefined) return undefined;
    let type: EventRefType | undefined = name === 'event' ? undefined : (name as EventRefType);
    if (name === 'event' && node.attributes['type'] !== undefined) {
      const given = node.attributes['type'].trim();
      if ((EVENT_TYPES as readonly string[]).includes(given)) type = given as EventRefType;
      else diagnostics.push(mefError('MEF_INVALID', `Unknown event type: ${given}`, span, `use ${EVENT_TYPES.join(', ')}`));
    }
    return type ? { kind: 'ref', name: ref, type, span } : { kind: 'ref', name: ref, span };
  }
  if (name === 'constant') {
    checkAttributes(node, VALUE_ATTRIBUTE, diagnostics);
    checkChildless(node, diagnostics);
    const value = parseBooleanAttribute(node, 'value', diagnostics);
    return value === undefined ? undefined : { kind: 'constant', value, span };
  }
  if (CONNECTIVES.has(name)) {
    const op = name as FormulaOp;
    checkAttributes(node, op === 'atleast' ? MIN_ATTRIBUTE : op === 'cardinality' ? MIN_MAX_ATTRIBUTES : NO_ATTRIBUTES, diagnostics);
    const args: RawFormula[] = [];
    let broken = false;
    for (const child of node.children) {
      const arg = readMefFormula(child, diagnostics);
      if (arg) args.push(arg);
      else broken = true;
    }
    if (op === 'atleast') {
      const min = parseIntAttribute(node, 'min', diagnostics, 0);
      if (min === undefined || broken) return undefined;
      return { kind: 'op', op, args, min, span };
    }
    if (op === 'cardinality') {
      const min = parseIntAttribute(node, 'min', diagnostics, 0);
      const max = parseIntAttribute(node, 'max', diagnostics, 0);
      if (min === undefined || max === undefined || broken) return undefined;
      return { kind: 'op', op, args, min, max, span };
    }
    return broken ? undefined : { kind: 'op', op, args, span };
  }
  const guess = didYouMean(name, FORMULA_ELEMENTS);
  diagnostics.push(
    mefError(
      'MEF_INVALID',
      `Unknown formula element: <${name}>`,
      span,
      guess ? `did you mean <${guess}>?` : `a formula is one of ${FORMULA_ELEMENTS.map((e) => `<${e}>`).join(', ')}`,
    ),
  );
  return undefined;
}

function checkChildless(node: XmlNode, diagnostics: Diagnostic[]): void {
  const child = node.children[0];
  if (child) diagnostics.push(mefError('MEF_INVALID', `Unexpected element in <${node.name}>: <${child.name}>`, child.span));
}
