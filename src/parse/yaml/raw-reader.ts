// Reads typed values out of the raw YAML tree and collects a diagnostic for every misfit (parse stage).

import type { RawEntry, RawMap, RawNode, RawScalar } from './parse-yaml-tree.js';
import type { Diagnostic, Severity } from '../../model/diagnostic.js';
import type { ErrorCode } from '../../model/error-codes.js';
import { didYouMean } from '../../model/did-you-mean.js';
import type { SourceSpan } from '../../model/source-span.js';
import { parseDuration, parseRate } from '../../model/units.js';

const KIND_NAMES = { map: 'a mapping', seq: 'a list', scalar: 'a value' } as const;

export function describeNode(node: RawNode): string {
  if (node.kind !== 'scalar') return KIND_NAMES[node.kind];
  if (node.value === null) return 'nothing';
  if (typeof node.value === 'string') return `the text "${truncate(node.value)}"`;
  return `${typeof node.value} ${String(node.value)}`;
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

export class RawReader {
  readonly diagnostics: Diagnostic[] = [];

  report(code: ErrorCode, message: string, span: SourceSpan | undefined, hint?: string, severity: Severity = 'error'): void {
    this.diagnostics.push({ code, severity, message, ...(span ? { span } : {}), ...(hint ? { hint } : {}) });
  }

  warn(code: ErrorCode, message: string, span: SourceSpan | undefined, hint?: string): void {
    this.report(code, message, span, hint, 'warning');
  }

  typeError(what: string, expected: string, node: RawNode, hint?: string): void {
    this.report('INVALID_TYPE', `${what} must be ${expected}, not ${describeNode(node)}`, node.span, hint);
  }

  map(node: RawNode, what: string, hint?: string): RawMap | undefined {
    if (node.kind === 'map') return node;
    this.typeError(what, 'a mapping of keys to values', node, hint);
    return undefined;
  }

  /** Reports keys not in `allowed` (with a suggestion) and returns the entries by key, first occurrence. */
  entries(map: RawMap, allowed: readonly string[], what: string): Map<string, RawEntry> {
    const out = new Map<string, RawEntry>();
    for (const entry of map.entries) {
      if (!allowed.includes(entry.key)) {
        const guess = didYouMean(entry.key, allowed);
        this.report(
          'UNKNOWN_KEY',
          `Unknown key "${entry.key}" in ${what}`,
          entry.keySpan,
          guess ? `did you mean "${guess}"?` : `allowed keys: ${allowed.join(', ')}`,
        );
        continue;
      }
      if (out.has(entry.key)) {
        this.report('DUPLICATE_KEY', `Duplicate key "${entry.key}" in ${what}`, entry.keySpan, 'remove one of the two');
        continue;
      }
      out.set(entry.key, entry);
    }
    return out;
  }

  string(node: RawNode, what: string): string | undefined {
    if (node.kind === 'scalar' && typeof node.value === 'string') return node.value;
    if (node.kind === 'scalar' && typeof node.value === 'number') return String(node.value);
    this.typeError(what, 'text', node);
    return undefined;
  }

  boolean(node: RawNode, what: string): boolean | undefined {
    if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
    this.typeError(what, 'true or false', node);
    return undefined;
  }

  /** A finite number. */
  number(node: RawNode, what: string): number | undefined {
    if (node.kind === 'scalar' && typeof node.value === 'number') {
      if (Number.isFinite(node.value)) return node.value;
      this.report('INVALID_NUMBER', `${what} must be a finite number, not ${String(node.value)}`, node.span);
      return undefined;
    }
    // A quoted number ("2") is text, as the schema says: refused, so that editors and ftree agree.
    const quoted = node.kind === 'scalar' && typeof node.value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(node.value);
    this.typeError(what, 'a number', node, quoted ? `write the number without quotes: ${node.value.trim()}` : undefined);
    return undefined;
  }

  integer(node: RawNode, what: string): number | undefined {
    const n = this.number(node, what);
    if (n === undefined) return undefined;
    if (Number.isInteger(n)) return n;
    this.report('INVALID_NUMBER', `${what} must be a whole number, not ${n}`, node.span);
    return undefined;
  }

  /** A probability in [0, 1] given as a number. */
  probability(node: RawNode, what: string): number | undefined {
    const n = this.number(node, what);
    if (n === undefined) return undefined;
    if (n >= 0 && n <= 1) return n;
    this.report('PROBABILITY_RANGE', `${what} must lie in [0, 1], not ${n}`, node.span, hintForRange(n));
    return undefined;
  }

  duration(node: RawNode, what: string): number | undefined {
    const raw = scalarNumberOrString(node);
    if (raw === undefined) {
      this.typeError(what, 'a duration such as 24h or a number of hours', node);
      return undefined;
    }
    const r = parseDuration(raw);
    if (!r.ok) {
      this.report('INVALID_UNIT', `${what} is not a duration: ${r.reason}`, node.span, 'write 30s, 5m, 24h, 7d, 2w, 1y or 1h30m; a bare number means hours');
      return undefined;
    }
    if (r.value < 0) {
      this.report('NEGATIVE_VALUE', `${what} must not be negative, not ${r.value} h`, node.span);
      return undefined;
    }
    return r.value;
  }

  rate(node: RawNode, what: string): number | undefined {
    const raw = scalarNumberOrString(node);
    if (raw === undefined) {
      this.typeError(what, 'a rate such as 2e-5/h or a number per hour', node);
      return undefined;
    }
    const r = parseRate(raw);
    if (!r.ok) {
      this.report('INVALID_UNIT', `${what} is not a rate: ${r.reason}`, node.span, 'write 2e-5/h, 3/d, 0.5/y or 100 fit; a bare number means per hour');
      return undefined;
    }
    if (r.value < 0) {
      this.report('NEGATIVE_RATE', `${what} must not be negative, not ${r.value}`, node.span, 'a rate counts failures per unit of time: 0 or more');
      return undefined;
    }
    return r.value;
  }
}

export function scalarNumberOrString(node: RawNode): number | string | undefined {
  if (node.kind !== 'scalar') return undefined;
  return typeof node.value === 'number' || typeof node.value === 'string' ? node.value : undefined;
}

export function isScalar(node: RawNode): node is RawScalar {
  return node.kind === 'scalar';
}

function hintForRange(n: number): string | undefined {
  if (n > 1 && n <= 100) return `if ${n} is a percentage, write ${n / 100}`;
  if (n < 0) return 'probabilities are never negative';
  return undefined;
}
