// Reads one Open-PSA MEF XML file into the raw model in a single streaming pass (parse stage).
// Containers (opsa-mef, fault trees, components, model-data) set the scope; each definition is
// captured as a small element tree and converted when it closes, so memory stays per definition.

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { didYouMean } from '../../model/did-you-mean.js';
import type { SourceSpan } from '../../model/source-span.js';
import { mefError } from './mef-diagnostic.js';
import type { MefScope, RawFaultTree, RawMefModel } from './mef-raw.js';
import { DEFINITION_ELEMENTS, readHeader, readMefDefinition } from './read-mef-definition.js';
import { checkAttributes, requireAttribute, truncate, type XmlNode } from './mef-xml-node.js';

const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';

/** Deepest element nesting read (formulas and expressions are read recursively). */
export const MAX_DEPTH = 500;

/** MEF elements outside the fault-tree layer: valid MEF that ftree does not read. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  'define-event-tree': 'event trees',
  'define-initiating-event': 'initiating events',
  'define-initiating-event-group': 'initiating events',
  'define-consequence': 'consequences',
  'define-consequence-group': 'consequences',
  'define-rule': 'event-tree rules',
  'define-alignment': 'alignments (mission phases)',
  'define-substitution': 'substitutions',
  'define-extern-library': 'external libraries',
  'define-extern-function': 'external functions',
};

type ContainerKind = 'opsa-mef' | 'define-fault-tree' | 'define-component' | 'model-data';

/** What each container may hold directly (besides <label> and <attributes>). */
const CONTENT: Readonly<Record<ContainerKind, readonly string[]>> = {
  'opsa-mef': ['define-fault-tree', 'define-CCF-group', 'model-data', 'include'],
  'define-fault-tree': ['define-gate', 'define-basic-event', 'define-house-event', 'define-parameter', 'define-component', 'define-CCF-group'],
  'define-component': ['define-gate', 'define-basic-event', 'define-house-event', 'define-parameter', 'define-component', 'define-CCF-group'],
  'model-data': ['define-basic-event', 'define-house-event', 'define-parameter'],
};

interface ContainerFrame {
  readonly kind: 'container';
  readonly container: ContainerKind;
  readonly scope: MefScope;
  /** Collects the container's <label> and <attributes> (definitions are converted, not kept). */
  readonly node: XmlNode;
  readonly tree?: RawFaultTree;
  readonly prefixes: ReadonlyMap<string, string>;
}

interface CaptureFrame {
  readonly kind: 'capture';
  readonly node: XmlNode;
  readonly prefixes: ReadonlyMap<string, string>;
}

interface SkipFrame {
  readonly kind: 'skip';
  readonly prefixes: ReadonlyMap<string, string>;
}

type Frame = ContainerFrame | CaptureFrame | SkipFrame;

export interface ReadMefFileOptions {
  /** Reads an included file into the same model, synchronously, at the point of inclusion. */
  readonly include: (href: string, span: SourceSpan) => void;
}

class StopParsing extends Error {}

export function readMefFile(input: string, file: string, model: RawMefModel, options: ReadMefFileOptions): void {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const diagnostics = model.diagnostics;
  const firstDiagnostic = diagnostics.length;
  // Positions come from offsets (spanAt), so the parser need not track lines.
  const parser = new SaxesParser<{ xmlns: false; position: false; fileName: string }>({ xmlns: false, fileName: file, position: false });
  const stack: Frame[] = [];
  const noPrefixes: ReadonlyMap<string, string> = new Map();
  let sawRoot = false;
  // Namespace prefixes need a colon somewhere; most models have none, and skip the checks.
  const mayHavePrefixes = text.includes(':');

  // Line and column of offsets that only grow: one pass over the text in total.
  let lineOffset = 0;
  let line = 1;
  let lineStart = 0;
  const spanAt = (start: number, end: number): SourceSpan => {
    if (start < lineOffset) {
      lineOffset = 0;
      line = 1;
      lineStart = 0;
    }
    let nl = text.indexOf('\n', lineOffset);
    while (nl !== -1 && nl < start) {
      line++;
      lineStart = nl + 1;
      nl = text.indexOf('\n', lineStart);
    }
    lineOffset = start;
    return { file, line, col: start - lineStart + 1, start, end };
  };

  let tagStart = 0;
  parser.on('opentagstart', () => {
    tagStart = text.lastIndexOf('<', parser.position - 1);
  });

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const parent = stack[stack.length - 1];
    const span = spanAt(tagStart, parser.position);
    if (stack.length >= MAX_DEPTH) {
      diagnostics.push(mefError('MEF_INVALID', `Elements nested deeper than ${MAX_DEPTH} levels: <${tag.name}>`, span, 'flatten the formula into several gates'));
      throw new StopParsing();
    }
    let prefixes = parent?.prefixes ?? noPrefixes;
    if (mayHavePrefixes && hasPrefixedName(tag)) {
      prefixes = declarePrefixes(tag, prefixes);
      if (!checkPrefixes(tag, prefixes, span)) throw new StopParsing();
    }

    if (!parent) {
      sawRoot = true;
      if (tag.name !== 'opsa-mef') {
        diagnostics.push(
          mefError(
            'MEF_INVALID',
            `Expected <opsa-mef> as the root element, got <${tag.name}>`,
            span,
            tag.name === 'scram' ? 'this is a SCRAM configuration file: pass the model files it names' : 'an Open-PSA MEF model starts with <opsa-mef>',
          ),
        );
        stack.push({ kind: 'skip', prefixes });
        return;
      }
      const node = makeNode(tag, span);
      checkAttributes(node, ['name'], diagnostics);
      if (model.name === undefined && tag.attributes['name']) model.name = tag.attributes['name'];
      model.span ??= span;
      stack.push({ kind: 'container', container: 'opsa-mef', scope: { basePath: '', role: 'public', tree: -1 }, node, prefixes });
      return;
    }

    if (parent.kind === 'skip') {
      stack.push(parent);
      return;
    }
    if (parent.kind === 'capture') {
      const node = makeNode(tag, span);
      parent.node.children.push(node);
      stack.push({ kind: 'capture', node, prefixes });
      if (tag.name === 'label') listenToText(true);
      return;
    }
    openInContainer(parent, tag, span, prefixes);
  });

  const openInContainer = (parent: ContainerFrame, tag: SaxesTagPlain, span: SourceSpan, prefixes: ReadonlyMap<string, string>): void => {
    const name = tag.name;
    const node = makeNode(tag, span);
    if (name === 'label' || name === 'attributes') {
      parent.node.children.push(node);
      stack.push({ kind: 'capture', node, prefixes });
      if (name === 'label') listenToText(true);
      return;
    }
    const include = includeHref(tag, prefixes);
    if (include !== undefined) {
      stack.push({ kind: 'skip', prefixes });
      if (parent.container !== 'opsa-mef') {
        diagnostics.push(mefError('MEF_UNSUPPORTED', `Include inside <${parent.container}>`, span, 'ftree reads includes placed directly in <opsa-mef>'));
        return;
      }
      if (include) options.include(include, span);
      return;
    }
    if (!CONTENT[parent.container].includes(name)) {
      stack.push({ kind: 'skip', prefixes });
      const unsupported = UNSUPPORTED[name];
      if (unsupported) {
        diagnostics.push(mefError('MEF_UNSUPPORTED', `Unsupported element: <${name}>`, span, `ftree reads the fault-tree layer of MEF; ${unsupported} are not supported`));
      } else {
        const allowed = [...CONTENT[parent.container], 'label', 'attributes'];
        const guess = didYouMean(name, allowed);
        const known = DEFINITION_ELEMENTS.includes(name) || Object.hasOwn(CONTENT, name);
        diagnostics.push(
          mefError(
            'MEF_INVALID',
            known ? `Misplaced element in <${parent.container}>: <${name}>` : `Unknown element in <${parent.container}>: <${name}>`,
            span,
            guess ? `did you mean <${guess}>?` : `<${parent.container}> holds ${allowed.map((a) => `<${a}>`).join(', ')}`,
          ),
        );
      }
      return;
    }
    if (name === 'define-fault-tree' || name === 'define-component') {
      const treeName = requireAttribute(node, 'name', diagnostics);
      checkAttributes(node, name === 'define-component' ? ['name', 'role'] : ['name'], diagnostics);
      if (treeName === undefined) {
        stack.push({ kind: 'skip', prefixes });
        return;
      }
      if (name === 'define-fault-tree') {
        const tree: RawFaultTree = { name: treeName, attributes: new Map(), span };
        model.faultTrees.push(tree);
        const scope: MefScope = { basePath: treeName, role: 'public', tree: model.faultTrees.length - 1 };
        stack.push({ kind: 'container', container: name, scope, node, tree, prefixes });
        return;
      }
      const role = tag.attributes['role'];
      if (role !== undefined && role !== 'public' && role !== 'private') {
        diagnostics.push(mefError('MEF_INVALID', `Unknown role: ${role}`, span, 'use public or private'));
      }
      const scope: MefScope = {
        basePath: `${parent.scope.basePath}.${treeName}`,
        role: role === 'private' || role === 'public' ? role : parent.scope.role,
        tree: parent.scope.tree,
      };
      model.components.push({ path: scope.basePath, span });
      stack.push({ kind: 'container', container: name, scope, node, prefixes });
      return;
    }
    if (name === 'model-data') {
      checkAttributes(node, [], diagnostics);
      stack.push({ kind: 'container', container: name, scope: { basePath: '', role: 'public', tree: -1 }, node, prefixes });
      return;
    }
    stack.push({ kind: 'capture', node, prefixes });
  };

  // Text matters only inside <label>: the text handler is attached there alone, so the parser does
  // not cut out the whitespace between all other elements. Stray text elsewhere is ignored.
  const appendText = (chunk: string): void => {
    const top = stack[stack.length - 1];
    if (top && top.kind !== 'skip') top.node.text += chunk;
  };

  const listenToText = (on: boolean): void => {
    if (on) {
      parser.on('text', appendText);
      parser.on('cdata', appendText);
    } else {
      parser.off('text');
      parser.off('cdata');
    }
  };

  parser.on('closetag', () => {
    const frame = stack.pop();
    if (!frame || frame.kind === 'skip') return;
    const parent = stack[stack.length - 1];
    if (frame.kind === 'capture') {
      if (frame.node.name === 'label') listenToText(false);
      if (parent?.kind === 'container' && frame.node.name !== 'label' && frame.node.name !== 'attributes') {
        readMefDefinition(frame.node, parent.scope, model);
      }
      return;
    }
    // A container closes: its label and attributes are complete.
    const header = readHeader(frame.node, diagnostics);
    if (frame.tree) {
      if (header.label !== undefined) frame.tree.label = header.label;
      frame.tree.attributes = header.attributes;
    } else if (frame.container === 'opsa-mef') {
      if (header.label !== undefined && model.label === undefined) model.label = header.label;
      for (const [key, value] of header.attributes) if (!model.attributes.has(key)) model.attributes.set(key, value);
    }
    // Component labels and attributes are accepted and not kept.
  });

  // Malformed XML: the file's other problems are likely consequences, so only this one is kept.
  parser.on('error', (error: Error) => {
    const message = error.message.replace(/^.*?:\d+:\d+: /, '').replace(/\.$/, '');
    const offset = Math.min(parser.position, text.length);
    // A problem with a tag is shown at the tag's "<"; anything else where the parser stopped.
    const start = /tag/i.test(message) ? Math.max(0, text.lastIndexOf('<', Math.max(0, offset - 1))) : offset;
    diagnostics.length = firstDiagnostic;
    diagnostics.push(mefError('MEF_XML_SYNTAX', `Malformed XML: ${message}`, spanAt(start, offset)));
    throw new StopParsing();
  });

  const checkPrefixes = (tag: SaxesTagPlain, prefixes: ReadonlyMap<string, string>, span: SourceSpan): boolean => {
    for (const name of [tag.name, ...Object.keys(tag.attributes)]) {
      const colon = name.indexOf(':');
      if (colon < 0) continue;
      const prefix = name.slice(0, colon);
      if (prefix === 'xmlns' || prefix === 'xml' || prefixes.has(prefix)) continue;
      diagnostics.length = firstDiagnostic;
      diagnostics.push(mefError('MEF_XML_SYNTAX', `Undeclared namespace prefix: ${prefix} (in ${name})`, span, `declare it with xmlns:${prefix}="…" or remove the prefix`));
      return false;
    }
    return true;
  };

  const includeHref = (tag: SaxesTagPlain, prefixes: ReadonlyMap<string, string>): string | undefined | '' => {
    const colon = tag.name.indexOf(':');
    const local = colon < 0 ? tag.name : tag.name.slice(colon + 1);
    if (local !== 'include') return undefined;
    const span = spanAt(tagStart, parser.position);
    const node = makeNode(tag, span);
    if (colon < 0) {
      checkAttributes(node, ['file'], diagnostics);
      return requireAttribute(node, 'file', diagnostics) ?? '';
    }
    if (prefixes.get(tag.name.slice(0, colon)) !== XINCLUDE_NS) return undefined;
    checkAttributes(node, ['href', 'xpointer', 'parse'], diagnostics);
    const xpointer = tag.attributes['xpointer'];
    if (xpointer !== undefined && xpointer.replace(/\s+/g, '') !== 'xpointer(/opsa-mef/*)') {
      diagnostics.push(mefError('MEF_UNSUPPORTED', `Unsupported XInclude pointer: ${truncate(xpointer)}`, span, 'ftree includes whole models: xpointer="xpointer(/opsa-mef/*)"'));
      return '';
    }
    if (tag.attributes['parse'] !== undefined && tag.attributes['parse'] !== 'xml') {
      diagnostics.push(mefError('MEF_UNSUPPORTED', `Unsupported XInclude parse mode: ${tag.attributes['parse']}`, span));
      return '';
    }
    return requireAttribute(node, 'href', diagnostics) ?? '';
  };

  try {
    parser.write(text).close();
    if (!sawRoot) diagnostics.push(mefError('MEF_XML_SYNTAX', 'Empty document: no root element', spanAt(0, 0)));
  } catch (error) {
    if (!(error instanceof StopParsing)) throw error;
  }
}

function hasPrefixedName(tag: SaxesTagPlain): boolean {
  if (tag.name.includes(':')) return true;
  for (const key in tag.attributes) if (key.includes(':')) return true;
  return false;
}

function makeNode(tag: SaxesTagPlain, span: SourceSpan): XmlNode {
  return { name: tag.name, attributes: tag.attributes, span, children: [], text: '' };
}

function declarePrefixes(tag: SaxesTagPlain, inherited: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  let result: Map<string, string> | undefined;
  for (const key in tag.attributes) {
    if (key.startsWith('xmlns:')) {
      result ??= new Map(inherited);
      result.set(key.slice(6), tag.attributes[key]!);
    }
  }
  return result ?? inherited;
}
