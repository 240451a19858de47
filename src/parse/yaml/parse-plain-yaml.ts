// A fast reader for the plain YAML most tree files are written in (parse stage): block mappings and
// sequences, flow collections on one line, plain and quoted scalars, folded and literal block
// scalars, comments. It builds the same raw tree, spans included, as the `yaml` package path of
// parseYamlTree, and gives up (undefined) on anything else — tabs, CRLF, anchors, tags, directives,
// multi-line flow or plain scalars, escapes — which the `yaml` package then reads, with its errors.
// test/parse-plain-yaml.test.ts checks it against that path on every tree in the repository and on
// generated documents.

import type { SourceSpan } from '../../model/source-span.js';
import type { RawEntry, RawNode } from './raw-node.js';

/** Same limits as parseYamlTree: beyond them the `yaml` path reports the problem. */
const MAX_NODES = 100_000;
const MAX_DEPTH = 64;
const MAX_KEY = 1000;

class GiveUp extends Error {}

/** The raw tree of `text`, or undefined when the text is not in the plain subset. */
export function parsePlainYaml(text: string, file: string): RawNode | undefined {
  // Tabs, CRLF, a byte-order mark, document markers: the `yaml` package's business.
  if (/[\t\r\uFEFF]/.test(text) || /^(?:---|\.\.\.)(?:[ \n]|$)/m.test(text)) return undefined;
  try {
    return new PlainReader(text, file).document();
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}

/** Double-quoted escapes read as the `yaml` package reads them (others give up). */
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', ' ': ' ' };
const FLOW_END = new Set([',', ']', '}']);
/** Characters a plain scalar cannot start with here (`-` can, unless a space follows: see plainStart). */
const NOT_PLAIN_START = new Set(['?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

class PlainReader {
  /** Offsets where lines start; the last entry is text.length + 1 (a sentinel). */
  private readonly starts: number[] = [0];
  private nodes = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  document(): RawNode {
    const first = this.nextContentLine(0);
    if (first < 0 || this.indent(first) !== 0) throw new GiveUp();
    const { node, nextLine } = this.block(first, 0, this.starts[first]!, 0);
    if (this.nextContentLine(nextLine) >= 0) throw new GiveUp();
    return node;
  }

  // --- lines ---

  private lineEnd(l: number): number {
    const next = this.starts[l + 1];
    return next === undefined ? this.text.length : next - 1;
  }

  /** Offset after the line's newline (the text's end for the last line). */
  private afterLine(l: number): number {
    return Math.min(this.lineEnd(l) + 1, this.text.length);
  }

  private indent(l: number): number {
    const s = this.starts[l]!;
    let i = s;
    while (this.text.charCodeAt(i) === 32) i++;
    return i - s;
  }

  /** Blank or comment only. */
  private isEmpty(l: number): boolean {
    const i = this.starts[l]! + this.indent(l);
    return i >= this.lineEnd(l) || this.text[i] === '#';
  }

  private nextContentLine(l: number): number {
    for (; l < this.starts.length; l++) if (!this.isEmpty(l)) return l;
    return -1;
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private span(start: number, end: number): SourceSpan {
    const l = this.lineOf(start);
    return { file: this.file, line: l + 1, col: start - this.starts[l]! + 1, start, end };
  }

  private count(depth: number): void {
    if (++this.nodes > MAX_NODES || depth > MAX_DEPTH) throw new GiveUp();
  }

  /** Skips spaces; then only a comment or the line's end may follow. */
  private expectLineEnd(pos: number, l: number): void {
    while (this.text.charCodeAt(pos) === 32) pos++;
    if (pos < this.lineEnd(l) && this.text[pos] !== '#') throw new GiveUp();
  }

  // --- block collections ---

  /** A block mapping or sequence whose first entry starts at `pos` on line `l`, entries at column `col`. */
  private block(l: number, col: number, pos: number, depth: number): { node: RawNode; nextLine: number; end: number } {
    const t = this.text;
    if (t[pos] === '-' && (pos + 1 >= this.lineEnd(l) || t[pos + 1] === ' ')) return this.sequence(l, col, depth);
    return this.mapping(l, col, pos, depth);
  }

  private mapping(l: number, col: number, pos: number, depth: number): { node: RawNode; nextLine: number; end: number } {
    this.count(depth);
    const entries: RawEntry[] = [];
    const start = pos;
    let end = pos;
    for (;;) {
      const colon = this.keyEnd(pos, this.lineEnd(l));
      if (colon < 0) throw new GiveUp();
      const key = this.plainKey(pos, colon, depth + 1);
      const keySpan = this.span(pos, colon);
      const value = this.value(l, colon + 1, col, depth + 1, true);
      entries.push({ key, keySpan, value: value.node });
      end = value.end;
      const next = this.nextContentLine(value.nextLine);
      if (next < 0 || this.indent(next) < col) return { node: { kind: 'map', entries, span: this.span(start, lastEnd(end)) }, nextLine: value.nextLine, end };
      if (this.indent(next) > col) throw new GiveUp();
      l = next;
      pos = this.starts[l]! + col;
      if (this.text[pos] === '-' && (pos + 1 >= this.lineEnd(l) || this.text[pos + 1] === ' ')) throw new GiveUp();
    }
  }

  private sequence(l: number, col: number, depth: number): { node: RawNode; nextLine: number; end: number } {
    this.count(depth);
    const items: RawNode[] = [];
    const start = this.starts[l]! + col;
    let end = start;
    for (;;) {
      const dash = this.starts[l]! + col;
      const item = this.value(l, dash + 1, col, depth + 1, false);
      items.push(item.node);
      end = item.end;
      const next = this.nextContentLine(item.nextLine);
      if (next < 0 || this.indent(next) < col) return { node: { kind: 'seq', items, span: this.span(start, lastEnd(end)) }, nextLine: item.nextLine, end };
      if (this.indent(next) > col) throw new GiveUp();
      const p = this.starts[next]! + col;
      if (!(this.text[p] === '-' && (p + 1 >= this.lineEnd(next) || this.text[p + 1] === ' '))) return { node: { kind: 'seq', items, span: this.span(start, lastEnd(end)) }, nextLine: item.nextLine, end };
      l = next;
    }
  }

  /**
   * The value after a mapping's `:` or a sequence's `-` at `pos` on line `l`, in a collection at
   * column `col`: on the same line, or a nested block on the following lines, or null.
   */
  private value(l: number, pos: number, col: number, depth: number, inMap: boolean): { node: RawNode; nextLine: number; end: number } {
    const t = this.text;
    const lineEnd = this.lineEnd(l);
    while (t.charCodeAt(pos) === 32) pos++;
    if (pos >= lineEnd || t[pos] === '#') {
      const next = this.nextContentLine(l + 1);
      if (next >= 0) {
        const ind = this.indent(next);
        const p = this.starts[next]! + ind;
        const dash = t[p] === '-' && (p + 1 >= this.lineEnd(next) || t[p + 1] === ' ');
        if (ind > col || (inMap && ind === col && dash)) return this.block(next, ind, p, depth);
      }
      this.count(depth);
      // Where the `yaml` package ends a collection whose last value is empty depends on the comments
      // that follow: such a collection is left to it (end -1, see lastEnd).
      return { node: { kind: 'scalar', value: null, span: this.span(pos, pos) }, nextLine: l + 1, end: -1 };
    }
    const c = t[pos]!;
    if (c === '>' || c === '|') return this.blockScalar(l, pos, col, depth);
    let node: RawNode;
    let after: number;
    if (c === '[' || c === '{' || c === '"' || c === "'") {
      const r = this.flowNode(pos, lineEnd, depth);
      node = r.node;
      after = r.end;
    } else {
      if (!inMap) {
        // A compact mapping in a sequence item: `- key: value`, its keys at this column.
        const colon = this.keyEnd(pos, lineEnd);
        if (colon >= 0) return this.mapping(l, pos - this.starts[l]!, pos, depth);
      }
      const r = this.blockPlain(pos, lineEnd, depth);
      node = r.node;
      after = r.end;
    }
    this.expectLineEnd(after, l);
    // A deeper line after a value on this line would continue it (or be an error): not plain.
    const next = this.nextContentLine(l + 1);
    if (next >= 0 && this.indent(next) > col) throw new GiveUp();
    return { node, nextLine: l + 1, end: this.afterLine(l) };
  }

  /** Where a plain key starting at `pos` ends (its `:`), or -1 when the line holds no key there. */
  private keyEnd(pos: number, lineEnd: number): number {
    const t = this.text;
    if (!this.plainStart(pos)) return -1;
    for (let i = pos; i < lineEnd; i++) {
      const c = t[i]!;
      if (c === ':' && (i + 1 >= lineEnd || t[i + 1] === ' ')) return i;
      if (c === '#' && t[i - 1] === ' ') return -1;
      if (c === '"' || c === "'" || c === '{' || c === '[' || c === ']' || c === '}' || c === ',') return -1;
    }
    return -1;
  }

  private plainKey(start: number, colon: number, depth: number): string {
    this.count(depth);
    if (colon - start > MAX_KEY || this.text[colon - 1] === ' ') throw new GiveUp();
    const value = resolvePlain(this.text.slice(start, colon));
    if (value === null) throw new GiveUp();
    return String(value);
  }

  private blockPlain(pos: number, lineEnd: number, depth: number): { node: RawNode; end: number } {
    this.count(depth);
    const t = this.text;
    if (!this.plainStart(pos)) throw new GiveUp();
    let end = pos;
    for (let i = pos; i < lineEnd; i++) {
      const c = t[i]!;
      if (c === '#' && t[i - 1] === ' ') break;
      if (c === ':' && (i + 1 >= lineEnd || t[i + 1] === ' ')) throw new GiveUp();
      if (c !== ' ') end = i + 1;
    }
    return { node: { kind: 'scalar', value: resolvePlain(t.slice(pos, end)), span: this.span(pos, end) }, end };
  }

  /** `>` or `|`, optionally `-`; content more indented than the collection, folded or kept. */
  private blockScalar(l: number, pos: number, col: number, depth: number): { node: RawNode; nextLine: number; end: number } {
    this.count(depth);
    const t = this.text;
    const folded = t[pos] === '>';
    let p = pos + 1;
    const strip = t[p] === '-';
    if (strip) p++;
    if (p < this.lineEnd(l) && t[p] !== ' ') throw new GiveUp();
    this.expectLineEnd(p, l);
    const lines: string[] = [];
    let contentIndent = -1;
    let last = -1;
    let k = l + 1;
    for (; k < this.starts.length; k++) {
      const s = this.starts[k]!;
      const e = this.lineEnd(k);
      const ind = this.indent(k);
      if (s + ind >= e) {
        // An empty line: kept as a line break; one with spaces beyond the indentation is content.
        if (contentIndent >= 0 && ind > contentIndent) throw new GiveUp();
        if (contentIndent < 0 && ind > 0) throw new GiveUp();
        lines.push('');
        continue;
      }
      if (contentIndent < 0) {
        if (ind <= col) break;
        contentIndent = ind;
      } else if (ind < contentIndent) break;
      if (ind > contentIndent && folded) throw new GiveUp();
      lines.push(t.slice(s + contentIndent, e));
      last = k;
    }
    if (last < 0) throw new GiveUp();
    const content = lines.slice(0, last - l);
    if (content[0] === '') throw new GiveUp();
    let value = '';
    if (folded) {
      let breaks = 0;
      content.forEach((line, i) => {
        if (line === '') {
          breaks++;
          return;
        }
        if (i > 0) value += breaks > 0 ? '\n'.repeat(breaks) : ' ';
        breaks = 0;
        value += line;
      });
    } else value = content.join('\n');
    if (!strip) value += '\n';
    const end = this.afterLine(last);
    return { node: { kind: 'scalar', value, span: this.span(pos, end) }, nextLine: last + 1, end };
  }

  // --- flow ---

  private flowNode(pos: number, lineEnd: number, depth: number): { node: RawNode; end: number } {
    const t = this.text;
    const c = t[pos];
    if (c === '"' || c === "'") {
      this.count(depth);
      let value = '';
      let i = pos + 1;
      for (;; i++) {
        if (i >= lineEnd) throw new GiveUp();
        const d = t[i]!;
        if (c === '"' && d === '\\') {
          const e = ESCAPES[t[i + 1]!];
          if (e !== undefined) {
            value += e;
            i++;
            continue;
          }
          const hex = t[i + 1] === 'x' ? 2 : t[i + 1] === 'u' ? 4 : 0;
          const digits = t.slice(i + 2, i + 2 + hex);
          if (hex === 0 || !/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) throw new GiveUp();
          const code = parseInt(digits, 16);
          if (code >= 0xd800 && code <= 0xdfff) throw new GiveUp();
          value += String.fromCharCode(code);
          i += 1 + hex;
          continue;
        }
        if (d === c) {
          if (c === "'" && t[i + 1] === "'") {
            value += "'";
            i++;
            continue;
          }
          break;
        }
        value += d;
      }
      return { node: { kind: 'scalar', value, span: this.span(pos, i + 1) }, end: i + 1 };
    }
    if (c === '[' || c === '{') {
      this.count(depth);
      const isMap = c === '{';
      const close = isMap ? '}' : ']';
      const items: RawNode[] = [];
      const entries: RawEntry[] = [];
      let i = this.skipSpaces(pos + 1, lineEnd);
      if (t[i] === close) return { node: isMap ? { kind: 'map', entries, span: this.span(pos, i + 1) } : { kind: 'seq', items, span: this.span(pos, i + 1) }, end: i + 1 };
      for (;;) {
        if (isMap) {
          const key = this.flowPlain(i, lineEnd, depth + 1, true);
          if (t[key.end] !== ':' || t[key.end + 1] !== ' ') throw new GiveUp();
          if (key.node.kind !== 'scalar' || key.node.value === null || key.end - i > MAX_KEY) throw new GiveUp();
          const v = this.flowItem(this.skipSpaces(key.end + 1, lineEnd), lineEnd, depth + 1);
          entries.push({ key: String(key.node.value), keySpan: key.node.span, value: v.node });
          i = v.end;
        } else {
          const v = this.flowItem(i, lineEnd, depth + 1);
          items.push(v.node);
          i = v.end;
        }
        i = this.skipSpaces(i, lineEnd);
        if (t[i] === close) break;
        if (t[i] !== ',') throw new GiveUp();
        i = this.skipSpaces(i + 1, lineEnd);
        if (t[i] === close || t[i] === ',') throw new GiveUp();
      }
      const span = this.span(pos, i + 1);
      return { node: isMap ? { kind: 'map', entries, span } : { kind: 'seq', items, span }, end: i + 1 };
    }
    throw new GiveUp();
  }

  private flowItem(pos: number, lineEnd: number, depth: number): { node: RawNode; end: number } {
    const c = this.text[pos];
    if (c === '[' || c === '{' || c === '"' || c === "'") return this.flowNode(pos, lineEnd, depth);
    const r = this.flowPlain(pos, lineEnd, depth, false);
    // `[a: b]` is a single-pair mapping inside a sequence: not plain.
    if (this.text[r.end] === ':') throw new GiveUp();
    return r;
  }

  /** A plain scalar inside a flow collection: up to `,` `]` `}`, or `: ` for a key. */
  private flowPlain(pos: number, lineEnd: number, depth: number, isKey: boolean): { node: RawNode; end: number } {
    this.count(depth);
    const t = this.text;
    if (pos >= lineEnd || !this.plainStart(pos)) throw new GiveUp();
    let end = pos;
    let i = pos;
    for (; i < lineEnd; i++) {
      const c = t[i]!;
      if (FLOW_END.has(c) || c === '[' || c === '{') break;
      if (c === '#' && t[i - 1] === ' ') throw new GiveUp();
      if (c === ':' && (t[i + 1] === ' ' || FLOW_END.has(t[i + 1]!) || i + 1 >= lineEnd)) break;
      if (c === '"' || c === "'") throw new GiveUp();
      if (c !== ' ') end = i + 1;
    }
    if (i >= lineEnd || end === pos) throw new GiveUp();
    if (t[i] === '[' || t[i] === '{') throw new GiveUp();
    if (isKey && end !== i) throw new GiveUp(); // a space before the colon
    return { node: { kind: 'scalar', value: resolvePlain(t.slice(pos, end)), span: this.span(pos, end) }, end: isKey ? i : end };
  }

  private plainStart(pos: number): boolean {
    const c = this.text[pos]!;
    if (c === '-') return pos + 1 < this.text.length && this.text[pos + 1] !== ' ' && this.text[pos + 1] !== '\n';
    return !NOT_PLAIN_START.has(c);
  }

  private skipSpaces(i: number, lineEnd: number): number {
    while (i < lineEnd && this.text.charCodeAt(i) === 32) i++;
    return i;
  }
}

/** A collection's end after its last value; -1 (an empty last value) gives up. */
function lastEnd(end: number): number {
  if (end < 0) throw new GiveUp();
  return end;
}

const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/**
 * A plain scalar as the YAML 1.2 core schema reads it (null, booleans, integers, floats, else
 * text). Forms the fast path does not read the same way for sure (octal, hex, .inf, .nan, long
 * integers) give up.
 */
function resolvePlain(s: string): string | number | boolean | null {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT.test(s)) {
    if (s.replace(/^[-+]/, '').length > 15) throw new GiveUp();
    return Number(s);
  }
  if (FLOAT.test(s)) return Number(s);
  if (/^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(s) || /^0[ox]/.test(s)) throw new GiveUp();
  return s;
}
