// Reads one MEF definition (gate, basic event, house event, parameter, CCF group) from its captured
// XML element into the raw model (parse stage). Names stay unresolved until build-mef-model.ts.

import type { Diagnostic } from '../../model/diagnostic.js';
import { mefError } from './mef-diagnostic.js';
import type {
  CcfModel,
  MefRole,
  MefScope,
  RawBasicEvent,
  RawCcfFactor,
  RawExpression,
  RawMefModel,
} from './mef-raw.js';
import { readMefExpression } from './read-mef-expression.js';
import { readMefFormula } from './read-mef-formula.js';
import {
  checkAttributes,
  parseBooleanAttribute,
  parseIntAttribute,
  requireAttribute,
  type XmlNode,
} from './mef-xml-node.js';

export const DEFINITION_ELEMENTS: readonly string[] = [
  'define-gate', 'define-basic-event', 'define-house-event', 'define-parameter', 'define-CCF-group',
];

const CCF_MODELS: readonly CcfModel[] = ['beta-factor', 'MGL', 'alpha-factor', 'phi-factor'];
const UNITS: readonly string[] = ['bool', 'int', 'float', 'hours', 'hours-1', 'years', 'years-1', 'fit', 'demands'];

/** Label, attributes, and the remaining (body) children of a definition. */
interface Header {
  readonly label?: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly body: readonly XmlNode[];
}

export function readMefDefinition(node: XmlNode, scope: MefScope, model: RawMefModel): void {
  const diagnostics = model.diagnostics;
  switch (node.name) {
    case 'define-gate':
    case 'define-basic-event':
    case 'define-house-event':
    case 'define-parameter': {
      checkAttributes(node, node.name === 'define-parameter' ? ['name', 'role', 'unit'] : ['name', 'role'], diagnostics);
      const name = requireAttribute(node, 'name', diagnostics);
      const role = readRole(node, scope, diagnostics);
      const header = readHeader(node, diagnostics);
      if (name === undefined) return;
      const own: MefScope = role === scope.role ? scope : { ...scope, role };
      const base = { name, scope: own, attributes: header.attributes, span: node.span, ...labelOf(header) };
      if (node.name === 'define-gate') {
        const formula = readSingle(node, header.body, 'a formula', (n) => readMefFormula(n, diagnostics), diagnostics, true);
        model.events.push(formula ? { kind: 'gate', ...base, formula } : { kind: 'gate', ...base });
      } else if (node.name === 'define-basic-event') {
        const expression = readSingle(node, header.body, 'an expression', (n) => readMefExpression(n, diagnostics), diagnostics, false);
        model.events.push(expression ? { kind: 'basic-event', ...base, expression } : { kind: 'basic-event', ...base });
      } else if (node.name === 'define-house-event') {
        const constant = readSingle(node, header.body, 'a <constant>', readConstant(diagnostics), diagnostics, false);
        model.events.push({ kind: 'house-event', ...base, state: constant ?? false });
      } else {
        const unit = node.attributes['unit']?.trim();
        if (unit !== undefined && !UNITS.includes(unit)) {
          diagnostics.push(mefError('MEF_INVALID', `Unknown unit: ${unit}`, node.span, `use one of ${UNITS.join(', ')}`));
        }
        const expression = readSingle(node, header.body, 'an expression', (n) => readMefExpression(n, diagnostics), diagnostics, true);
        model.parameters.push({ ...base, ...(unit !== undefined ? { unit } : {}), ...(expression ? { expression } : {}) });
      }
      return;
    }
    case 'define-CCF-group':
      readCcfGroup(node, scope, model);
      return;
  }
  throw new Error(`readMefDefinition called with <${node.name}>`);
}

function readCcfGroup(node: XmlNode, scope: MefScope, model: RawMefModel): void {
  const diagnostics = model.diagnostics;
  checkAttributes(node, ['name', 'model'], diagnostics);
  const name = requireAttribute(node, 'name', diagnostics);
  const modelName = requireAttribute(node, 'model', diagnostics);
  const header = readHeader(node, diagnostics);
  let ccfModel: CcfModel | undefined;
  if (modelName !== undefined) {
    if ((CCF_MODELS as readonly string[]).includes(modelName)) ccfModel = modelName as CcfModel;
    else diagnostics.push(mefError('MEF_INVALID', `Unknown CCF model: ${modelName}`, node.span, `use one of ${CCF_MODELS.join(', ')}`));
  }
  const index = model.ccfGroups.length;
  const members: RawBasicEvent[] = [];
  let distribution: RawExpression | undefined;
  const factors: RawCcfFactor[] = [];
  const seen = new Set<string>();
  for (const child of header.body) {
    if (child.name === 'members') {
      checkAttributes(child, [], diagnostics);
      if (seen.has('members')) diagnostics.push(mefError('MEF_INVALID', 'Repeated <members> in <define-CCF-group>', child.span));
      seen.add('members');
      for (const member of child.children) {
        if (member.name !== 'basic-event') {
          diagnostics.push(mefError('MEF_INVALID', `Unexpected element in <members>: <${member.name}>`, member.span, 'members are <basic-event name="…"/>'));
          continue;
        }
        checkAttributes(member, ['name'], diagnostics);
        const memberName = requireAttribute(member, 'name', diagnostics);
        if (memberName === undefined) continue;
        members.push({ kind: 'basic-event', name: memberName, scope, attributes: new Map(), span: member.span, ccfGroup: index });
      }
    } else if (child.name === 'distribution') {
      if (seen.has('distribution')) diagnostics.push(mefError('MEF_INVALID', 'Repeated <distribution> in <define-CCF-group>', child.span));
      seen.add('distribution');
      checkAttributes(child, [], diagnostics);
      distribution = readSingle(child, child.children, 'an expression', (n) => readMefExpression(n, diagnostics), diagnostics, true);
    } else if (child.name === 'factors' || child.name === 'factor') {
      if (seen.has('factors')) diagnostics.push(mefError('MEF_INVALID', 'Repeated factors in <define-CCF-group>', child.span));
      seen.add('factors');
      const list = child.name === 'factors' ? child.children : [child];
      if (child.name === 'factors') {
        checkAttributes(child, [], diagnostics);
        if (list.length === 0) diagnostics.push(mefError('MEF_INVALID', 'Empty <factors> in <define-CCF-group>', child.span));
      }
      for (const factor of list) {
        if (factor.name !== 'factor') {
          diagnostics.push(mefError('MEF_INVALID', `Unexpected element in <factors>: <${factor.name}>`, factor.span));
          continue;
        }
        checkAttributes(factor, ['level'], diagnostics);
        const level = factor.attributes['level'] === undefined ? undefined : parseIntAttribute(factor, 'level', diagnostics, 1);
        const expression = readSingle(factor, factor.children, 'an expression', (n) => readMefExpression(n, diagnostics), diagnostics, true);
        factors.push({ span: factor.span, ...(level !== undefined ? { level } : {}), ...(expression ? { expression } : {}) });
      }
    } else {
      diagnostics.push(mefError('MEF_INVALID', `Unexpected element in <define-CCF-group>: <${child.name}>`, child.span, 'a CCF group holds <members>, <distribution> and <factors> (or one <factor>)'));
    }
  }
  for (const part of ['members', 'distribution', 'factors']) {
    if (!seen.has(part)) diagnostics.push(mefError('MEF_INVALID', `Missing ${part === 'factors' ? '<factors> or <factor>' : `<${part}>`} in <define-CCF-group>`, node.span));
  }
  if (name === undefined || ccfModel === undefined) return;
  model.ccfGroups.push({
    name,
    scope,
    model: ccfModel,
    members,
    factors,
    attributes: header.attributes,
    span: node.span,
    ...labelOf(header),
    ...(distribution ? { distribution } : {}),
  });
  for (const member of members) model.events.push(member);
}

function readRole(node: XmlNode, scope: MefScope, diagnostics: Diagnostic[]): MefRole {
  const role = node.attributes['role']?.trim();
  let result: MefRole = scope.role;
  if (role === 'public' || role === 'private') result = role;
  else if (role !== undefined) diagnostics.push(mefError('MEF_INVALID', `Unknown role: ${role}`, node.span, 'use public or private'));
  if (result === 'private' && scope.basePath === '') {
    diagnostics.push(mefError('MEF_INVALID', `Private element at model scope: ${node.attributes['name'] ?? node.name}`, node.span, 'only elements inside a fault tree or component can be private'));
    return 'public';
  }
  return result;
}

/** Splits off <label> and <attributes>; reports repeats and malformed attributes. */
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

export function readHeader(node: XmlNode, diagnostics: Diagnostic[]): Header {
  // Most definitions have neither: no copies then.
  if (!node.children.some((c) => c.name === 'label' || c.name === 'attributes')) return { attributes: NO_ATTRIBUTES, body: node.children };
  let label: string | undefined;
  let sawLabel = false;
  let sawAttributes = false;
  const attributes = new Map<string, string>();
  const body: XmlNode[] = [];
  for (const child of node.children) {
    if (child.name === 'label') {
      if (sawLabel) diagnostics.push(mefError('MEF_INVALID', `Repeated <label> in <${node.name}>`, child.span));
      sawLabel = true;
      checkAttributes(child, [], diagnostics);
      const first = child.children[0];
      if (first) diagnostics.push(mefError('MEF_INVALID', `Unexpected element in <label>: <${first.name}>`, first.span));
      const text = child.text.trim();
      if (text === '') diagnostics.push(mefError('MEF_INVALID', `Empty <label> in <${node.name}>`, child.span, 'remove the label or give it text'));
      else label = text;
    } else if (child.name === 'attributes') {
      if (sawAttributes) diagnostics.push(mefError('MEF_INVALID', `Repeated <attributes> in <${node.name}>`, child.span));
      sawAttributes = true;
      checkAttributes(child, [], diagnostics);
      for (const attribute of child.children) {
        if (attribute.name !== 'attribute') {
          diagnostics.push(mefError('MEF_INVALID', `Unexpected element in <attributes>: <${attribute.name}>`, attribute.span));
          continue;
        }
        checkAttributes(attribute, ['name', 'value', 'type'], diagnostics);
        const key = requireAttribute(attribute, 'name', diagnostics);
        const value = requireAttribute(attribute, 'value', diagnostics);
        if (key === undefined || value === undefined) continue;
        if (attributes.has(key)) {
          diagnostics.push(mefError('MEF_INVALID', `Repeated attribute in <${node.name}>: ${key}`, attribute.span));
          continue;
        }
        attributes.set(key, value);
      }
    } else {
      body.push(child);
    }
  }
  return label === undefined ? { attributes, body } : { label, attributes, body };
}

/** The one body element a definition allows, read with `read`; reports extras and (if required) absence. */
function readSingle<T>(
  node: XmlNode,
  body: readonly XmlNode[],
  what: string,
  read: (node: XmlNode) => T | undefined,
  diagnostics: Diagnostic[],
  required: boolean,
): T | undefined {
  const first = body[0];
  if (!first) {
    if (required) diagnostics.push(mefError('MEF_INVALID', `Missing ${what} in <${node.name}>`, node.span));
    return undefined;
  }
  for (const extra of body.slice(1)) {
    diagnostics.push(mefError('MEF_INVALID', `Unexpected element in <${node.name}>: <${extra.name}>`, extra.span, `<${node.name}> holds one ${what.replace(/^an? /, '')}`));
  }
  return read(first);
}

function readConstant(diagnostics: Diagnostic[]): (node: XmlNode) => boolean | undefined {
  return (node) => {
    if (node.name !== 'constant') {
      diagnostics.push(mefError('MEF_INVALID', `Expected <constant> in <define-house-event>, got <${node.name}>`, node.span, 'write <constant value="true"/> or <constant value="false"/>'));
      return undefined;
    }
    checkAttributes(node, ['value'], diagnostics);
    return parseBooleanAttribute(node, 'value', diagnostics);
  };
}

function labelOf(header: Header): { label?: string } {
  return header.label === undefined ? {} : { label: header.label };
}

