// Parses a tree file's YAML text into a raw tree of maps, lists and scalars that carry their source
// spans (parse stage). Guards against alias bombs, deep nesting and oversized files.

import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { SourceSpan } from '../../model/source-span.js';
import { parsePlainYaml } from './parse-plain-yaml.js';
import type { RawEntry, RawNode } from './raw-node.js';

export type { RawEntry, RawMap, RawNode, RawScalar, RawSeq } from './raw-node.js';

export interface ParseYamlTreeResult {
  readonly root?: RawNode;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Most nodes that following aliases may add (an alias bomb multiplies them). Nodes written out in
 * the file do not count: the file's size bounds them, and a 100,000-event tree is honest.
 */
export const MAX_EXPANDED_NODES = 100_000;
/** Deepest nesting of maps and lists accepted. */
export const MAX_DEPTH = 64;

class LimitExceeded extends Error {
  constructor(
    readonly code: 'YAML_ALIAS_LIMIT' | 'YAML_TOO_DEEP',
    readonly at: number,
  ) {
    super(code);
  }
}

export interface ParseYamlTreeOptions {
  /** Read plain YAML with the fast reader first (default true; the tests compare both paths). */
  readonly plain?: boolean;
}

export function parseYamlTree(text: string, file: string, options: ParseYamlTreeOptions = {}): ParseYamlTreeResult {
  // Most tree files are plain YAML: read without the `yaml` package, whose start is costly.
  if (options.plain !== false) {
    const root = parsePlainYaml(text, file);
    if (root) return { root, diagnostics: [] };
  }
  const lineCounter = new LineCounter();
  const spanAt = (start: number, end: number): SourceSpan => {
    const pos = lineCounter.linePos(start);
    return { file, line: pos.line, col: pos.col, start, end: Math.max(end, start) };
  };

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, version: '1.2' });
  } catch (e) {
    if (e instanceof RangeError) {
      return { diagnostics: [tooDeep(spanAt(0, 0))] };
    }
    throw e;
  }

  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    // The yaml package reports its own stack overflow on deep nesting as a syntax error.
    if (/Maximum call stack size exceeded/.test(error.message)) return { diagnostics: [tooDeep(spanAt(start, end))] };
    diagnostics.push({
      code: 'YAML_SYNTAX',
      severity: 'error',
      message: `Invalid YAML: ${firstLine(error.message)}`,
      span: spanAt(start, end),
      hint: yamlHint(error.code),
    });
  }
  if (diagnostics.length > 0) return { diagnostics };

  const targets = aliasTargets(doc);
  let expanded = 0;
  const convert = (node: Node | null | undefined, fallback: SourceSpan, depth: number, viaAlias = false): RawNode => {
    if (viaAlias && ++expanded > MAX_EXPANDED_NODES) throw new LimitExceeded('YAML_ALIAS_LIMIT', fallback.start);
    if (depth > MAX_DEPTH) throw new LimitExceeded('YAML_TOO_DEEP', fallback.start);
    if (node === null || node === undefined) return { kind: 'scalar', value: null, span: fallback };
    if (isAlias(node)) {
      const here = node.range ? spanAt(node.range[0], node.range[1]) : fallback;
      return convert(targets.get(node), here, depth + 1, true);
    }
    const span = node.range ? spanAt(node.range[0], node.range[1]) : fallback;
    if (isScalar(node)) {
      const v = node.value;
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v === null ? null : String(v);
      return { kind: 'scalar', value, span };
    }
    if (isSeq(node)) {
      return { kind: 'seq', items: node.items.map((item) => convert(item as Node, span, depth + 1, viaAlias)), span };
    }
    if (isMap(node)) {
      const entries: RawEntry[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keySpan = keyNode?.range ? spanAt(keyNode.range[0], keyNode.range[1]) : span;
        let key: string;
        if (keyNode && isScalar(keyNode) && keyNode.value !== null && typeof keyNode.value !== 'object') {
          key = String(keyNode.value);
        } else if (keyNode && isAlias(keyNode)) {
          const target = targets.get(keyNode);
          key = target && isScalar(target) ? String(target.value) : '';
        } else {
          key = '';
        }
        if (key === '') {
          diagnostics.push({
            code: 'INVALID_KEY',
            severity: 'error',
            message: 'Invalid key: keys must be plain names',
            span: keySpan,
            hint: 'write the key as a plain string, for example `db_slow:`',
          });
          continue;
        }
        const valueFallback: SourceSpan = { ...keySpan, start: keySpan.end, end: keySpan.end };
        entries.push({ key, keySpan, value: convert(pair.value as Node | null, valueFallback, depth + 1, viaAlias) });
      }
      return { kind: 'map', entries, span };
    }
    return { kind: 'scalar', value: null, span };
  };

  try {
    const root = convert(doc.contents as Node | null, spanAt(0, 0), 0);
    return { root, diagnostics };
  } catch (e) {
    if (e instanceof LimitExceeded) {
      const span = spanAt(e.at, e.at);
      return { diagnostics: [e.code === 'YAML_ALIAS_LIMIT' ? aliasLimit(span) : tooDeep(span)] };
    }
    if (e instanceof RangeError) return { diagnostics: [tooDeep(spanAt(0, 0))] };
    throw e;
  }
}

/**
 * The node each alias names, found in one walk of the document: the latest anchor of that name
 * before it (Alias.resolve walks the whole document at every call, quadratic on a large file).
 */
function aliasTargets(doc: Document.Parsed): Map<Alias, Node> {
  const targets = new Map<Alias, Node>();
  const anchors = new Map<string, Node>();
  visit(doc, {
    Alias(_, alias) {
      const target = anchors.get(alias.source);
      if (target) targets.set(alias, target);
    },
    Node(_, node) {
      if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

function aliasLimit(span: SourceSpan): Diagnostic {
  return {
    code: 'YAML_ALIAS_LIMIT',
    severity: 'error',
    message: `YAML aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes`,
    span,
    hint: 'tree files rarely need aliases; write the values out, or reuse them through gates shared by id',
  };
}

function tooDeep(span: SourceSpan): Diagnostic {
  return {
    code: 'YAML_TOO_DEEP',
    severity: 'error',
    message: `YAML nesting is deeper than ${MAX_DEPTH} levels`,
    span,
    hint: 'a tree file nests a few levels only: gates refer to their inputs by id',
  };
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: nested keys need more spaces than their parent, and tabs are not allowed';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'MULTIPLE_DOCS':
      return 'put one tree per file';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must fit on one line and end with a colon';
    case 'UNEXPECTED_TOKEN':
      return 'quote values that contain `: `, `#` or start with `[`, `{`, `*`, `&`, `!`, `|`, `>`';
    default:
      return undefined;
  }
}
