// A minimal XML element captured by the streaming reader for one MEF definition, and the checks
// every element reader shares: attributes, numbers, text (parse stage).

import type { Diagnostic } from '../../model/diagnostic.js';
import { didYouMean } from '../../model/did-you-mean.js';
import type { SourceSpan } from '../../model/source-span.js';
import { mefError } from './mef-diagnostic.js';

export interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly span: SourceSpan;
  readonly children: XmlNode[];
  /** Character data directly inside the element; collected for <label> only. */
  text: string;
}

/** Reports attributes the element does not define (namespace declarations are always allowed). */
export function checkAttributes(node: XmlNode, allowed: readonly string[], diagnostics: Diagnostic[]): void {
  for (const name in node.attributes) {
    if (allowed.includes(name) || name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const guess = didYouMean(name, allowed);
    diagnostics.push(
      mefError(
        'MEF_INVALID',
        `Unknown attribute on <${node.name}>: ${name}`,
        node.span,
        guess ? `did you mean "${guess}"?` : allowed.length ? `allowed: ${allowed.join(', ')}` : `<${node.name}> takes no attributes`,
      ),
    );
  }
}

/** The value of a required attribute, or undefined after reporting it missing or empty. */
export function requireAttribute(node: XmlNode, name: string, diagnostics: Diagnostic[]): string | undefined {
  const value = node.attributes[name];
  if (value === undefined) {
    diagnostics.push(mefError('MEF_INVALID', `Missing attribute on <${node.name}>: ${name}`, node.span));
    return undefined;
  }
  if (value.trim() === '') {
    diagnostics.push(mefError('MEF_INVALID', `Empty attribute on <${node.name}>: ${name}`, node.span));
    return undefined;
  }
  return value.trim();
}

const FLOAT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** xsd:float as a finite number. */
export function parseFloatAttribute(node: XmlNode, name: string, diagnostics: Diagnostic[]): number | undefined {
  const text = requireAttribute(node, name, diagnostics);
  if (text === undefined) return undefined;
  const value = FLOAT.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) {
    diagnostics.push(mefError('MEF_INVALID', `Not a finite number in <${node.name} ${name}>: "${truncate(text)}"`, node.span));
    return undefined;
  }
  return value;
}

/** xsd:integer within 32 bits (as SCRAM reads it). */
export function parseIntAttribute(node: XmlNode, name: string, diagnostics: Diagnostic[], minimum = INT32_MIN): number | undefined {
  const text = requireAttribute(node, name, diagnostics);
  if (text === undefined) return undefined;
  if (!INTEGER.test(text)) {
    diagnostics.push(mefError('MEF_INVALID', `Not an integer in <${node.name} ${name}>: "${truncate(text)}"`, node.span));
    return undefined;
  }
  const value = Number(text);
  if (value < INT32_MIN || value > INT32_MAX) {
    diagnostics.push(
      mefError('MEF_INVALID', `Integer out of range in <${node.name} ${name}>: ${text}`, node.span, 'integers are 32-bit in MEF; use <float> for large numbers'),
    );
    return undefined;
  }
  if (value < minimum) {
    diagnostics.push(mefError('MEF_INVALID', `Integer below ${minimum} in <${node.name} ${name}>: ${text}`, node.span));
    return undefined;
  }
  return value;
}

/** xsd:boolean. */
export function parseBooleanAttribute(node: XmlNode, name: string, diagnostics: Diagnostic[]): boolean | undefined {
  const text = requireAttribute(node, name, diagnostics);
  if (text === undefined) return undefined;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  diagnostics.push(mefError('MEF_INVALID', `Not a Boolean in <${node.name} ${name}>: "${truncate(text)}"`, node.span, 'use true or false'));
  return undefined;
}

export function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
