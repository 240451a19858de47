// Turns a tree's log signal into a matcher (evidence stage): substrings match as they are, regexes
// run on re2js, a linear-time engine, so no line can make a pattern backtrack for ever. Each matcher
// carries the literals one of which every matching line must contain, for the prefilter.

import { RE2JS } from 're2js';
import type { LogSignal } from '../model/fault-tree.js';
import { splitRegexLiteral } from '../model/split-regex-literal.js';

export interface TextMatcher {
  test(text: string): boolean;
}

export interface LiteralSet {
  /** A matching line contains at least one of these (ASCII only). */
  readonly literals: readonly string[];
  readonly caseInsensitive: boolean;
}

export interface CompiledLogSignal {
  readonly signal: LogSignal;
  /** Undefined when the pattern cannot run (see `error`). */
  readonly matcher?: TextMatcher;
  /** Undefined when no literal is required: every line is tested. */
  readonly prefilter?: LiteralSet;
  readonly fields: readonly { readonly key: string; readonly matcher: TextMatcher }[];
  /** Why the signal cannot be evaluated. */
  readonly error?: string;
}

/** Literals shorter than this do not help the prefilter. */
const MIN_LITERAL = 3;

export function compileLogSignal(signal: LogSignal): CompiledLogSignal {
  const fields: { key: string; matcher: TextMatcher }[] = [];
  for (const [key, pattern] of signal.fields ?? []) {
    const m = compilePattern(pattern);
    if ('error' in m) return { signal, fields: [], error: `The field filter "${key}" cannot run: ${m.error}` };
    fields.push({ key, matcher: m.matcher });
  }
  const m = compilePattern(signal.pattern);
  if ('error' in m) return { signal, fields, error: m.error };
  return { signal, matcher: m.matcher, fields, ...(m.prefilter ? { prefilter: m.prefilter } : {}) };
}

type Compiled = { matcher: TextMatcher; prefilter?: LiteralSet } | { error: string };

export function compilePattern(pattern: string): Compiled {
  const literal = splitRegexLiteral(pattern);
  if (!literal) {
    const piece = longestSafePiece(pattern);
    return { matcher: { test: (text) => text.includes(pattern) }, ...(piece ? { prefilter: { literals: [piece], caseInsensitive: false } } : {}) };
  }
  let flags = 0;
  if (literal.flags.includes('i')) flags |= RE2JS.CASE_INSENSITIVE;
  if (literal.flags.includes('m')) flags |= RE2JS.MULTILINE;
  if (literal.flags.includes('s')) flags |= RE2JS.DOTALL;
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(literal.body), flags);
  } catch (e) {
    const reason = (e as Error).message.replace(/^error parsing regexp: /, '');
    return { error: `The regex ${pattern} uses syntax that has no linear-time engine (lookarounds, backreferences): ${reason}` };
  }
  const literals = requiredLiterals(literal.body);
  return {
    matcher: { test: (text) => re.test(text) },
    ...(literals ? { prefilter: { literals, caseInsensitive: literal.flags.includes('i') } } : {}),
  };
}

/**
 * The longest run of characters that reads the same in raw JSON, logfmt and text: runs stop at
 * characters an encoder may escape (quote, backslash, slash, control and non-ASCII characters).
 */
function longestSafePiece(text: string): string | undefined {
  let best = '';
  for (const piece of text.split(/["\\/\u0000-\u001f\u007f-\uffff]+/)) if (piece.length > best.length) best = piece;
  return best.length >= MIN_LITERAL ? best : undefined;
}

/**
 * For each top-level alternative of a regex, its longest run of mandatory literal characters.
 * Undefined when some alternative has none (then every line must be tested). Conservative: anything
 * not plainly literal (classes, groups, escapes like \d, quantified characters) ends a run.
 */
export function requiredLiterals(body: string): string[] | undefined {
  const alternatives: string[][] = [[]];
  let run = '';
  const endRun = (): void => {
    alternatives[alternatives.length - 1]!.push(run);
    run = '';
  };
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '|') {
      endRun();
      alternatives.push([]);
      i++;
      continue;
    }
    let lit: string | undefined;
    let next = i + 1;
    if (c === '\\') {
      const e = body[i + 1];
      if (e !== undefined && /[^A-Za-z0-9]/.test(e)) lit = e;
      next = i + 2;
    } else if (c === '[') {
      next = skipClass(body, i);
    } else if (c === '(') {
      next = skipGroup(body, i);
    } else if (!'.^$*+?{}'.includes(c)) {
      lit = c;
    }
    const q = body[next];
    const quantified = q === '*' || q === '+' || q === '?' || q === '{';
    if (lit !== undefined && !quantified && !/["\\/\u0000-\u001f\u007f-\uffff]/.test(lit)) run += lit;
    else endRun();
    i = next;
  }
  endRun();
  const chosen: string[] = [];
  for (const runs of alternatives) {
    const best = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (best.length < MIN_LITERAL) return undefined;
    chosen.push(best);
  }
  return chosen;
}

function skipClass(body: string, i: number): number {
  let j = i + 1;
  if (body[j] === '^') j++;
  if (body[j] === ']') j++;
  while (j < body.length && body[j] !== ']') j += body[j] === '\\' ? 2 : 1;
  return j + 1;
}

function skipGroup(body: string, i: number): number {
  let depth = 0;
  for (let j = i; j < body.length; j++) {
    const c = body[j];
    if (c === '\\') j++;
    else if (c === '[') j = skipClass(body, j) - 1;
    else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return body.length;
}
