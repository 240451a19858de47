// The raw Open-PSA MEF model as read from XML, before names are resolved (parse stage).
// read-mef-file.ts fills a RawMefModel in one streaming pass; build-mef-model.ts resolves it.

import type { Diagnostic } from '../../model/diagnostic.js';
import type { SourceSpan } from '../../model/source-span.js';

export type MefRole = 'public' | 'private';

/** Where a definition sits: its container path (`Tree.Component`), its role, its fault tree. */
export interface MefScope {
  /** Dotted path of the enclosing fault tree and components; empty at model scope. */
  readonly basePath: string;
  readonly role: MefRole;
  /** Index into RawMefModel.faultTrees, or -1 at model scope (model-data, CCF groups outside trees). */
  readonly tree: number;
}

export type FormulaOp = 'and' | 'or' | 'not' | 'xor' | 'iff' | 'nand' | 'nor' | 'imply' | 'atleast' | 'cardinality';

export type EventRefType = 'gate' | 'basic-event' | 'house-event';

export type RawFormula =
  | { readonly kind: 'ref'; readonly name: string; readonly type?: EventRefType; readonly span: SourceSpan }
  | { readonly kind: 'constant'; readonly value: boolean; readonly span: SourceSpan }
  | {
      readonly kind: 'op';
      readonly op: FormulaOp;
      readonly args: readonly RawFormula[];
      /** `atleast`: the vote number; `cardinality`: the minimum. */
      readonly min?: number;
      /** `cardinality`: the maximum. */
      readonly max?: number;
      readonly span: SourceSpan;
    };

/** Expression functions: arithmetic, Boolean, conditional, built-ins and random deviates. */
export type ExpressionFn =
  | 'neg' | 'add' | 'sub' | 'mul' | 'div' | 'pi' | 'abs' | 'acos' | 'asin' | 'atan' | 'cos' | 'cosh'
  | 'exp' | 'log' | 'log10' | 'mod' | 'pow' | 'sin' | 'sinh' | 'tan' | 'tanh' | 'sqrt' | 'ceil' | 'floor'
  | 'min' | 'max' | 'mean'
  | 'not' | 'and' | 'or' | 'eq' | 'df' | 'lt' | 'gt' | 'leq' | 'geq'
  | 'ite' | 'switch' | 'case'
  | 'exponential' | 'GLM' | 'Weibull' | 'periodic-test'
  | 'uniform-deviate' | 'normal-deviate' | 'lognormal-deviate' | 'gamma-deviate' | 'beta-deviate' | 'histogram' | 'bin';

export type RawExpression =
  | { readonly kind: 'number'; readonly value: number; readonly span: SourceSpan }
  | { readonly kind: 'parameter'; readonly name: string; readonly unit?: string; readonly span: SourceSpan }
  | { readonly kind: 'mission-time'; readonly unit?: string; readonly span: SourceSpan }
  | { readonly kind: 'call'; readonly fn: ExpressionFn; readonly args: readonly RawExpression[]; readonly span: SourceSpan };

interface RawDefinitionBase {
  readonly name: string;
  readonly scope: MefScope;
  readonly label?: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly span: SourceSpan;
}

export interface RawGate extends RawDefinitionBase {
  readonly kind: 'gate';
  /** Absent only when the definition was broken (already reported). */
  readonly formula?: RawFormula;
}

export interface RawBasicEvent extends RawDefinitionBase {
  readonly kind: 'basic-event';
  readonly expression?: RawExpression;
  /** Set for the members declared by a CCF group: index into RawMefModel.ccfGroups. */
  readonly ccfGroup?: number;
}

export interface RawHouseEvent extends RawDefinitionBase {
  readonly kind: 'house-event';
  /** MEF: a house event without a constant is false. */
  readonly state: boolean;
}

export type RawEvent = RawGate | RawBasicEvent | RawHouseEvent;

export interface RawParameter extends RawDefinitionBase {
  readonly unit?: string;
  readonly expression?: RawExpression;
}

export type CcfModel = 'beta-factor' | 'MGL' | 'alpha-factor' | 'phi-factor';

export interface RawCcfFactor {
  readonly level?: number;
  readonly expression?: RawExpression;
  readonly span: SourceSpan;
}

export interface RawCcfGroup extends RawDefinitionBase {
  readonly model: CcfModel;
  /** Member basic events, declared by the group, in document order. */
  readonly members: readonly RawBasicEvent[];
  readonly distribution?: RawExpression;
  readonly factors: readonly RawCcfFactor[];
}

export interface RawFaultTree {
  readonly name: string;
  /** Set when the tree's element closes (the tree is listed when it opens, in document order). */
  label?: string;
  attributes: ReadonlyMap<string, string>;
  readonly span: SourceSpan;
}

export interface RawComponent {
  readonly path: string;
  readonly span: SourceSpan;
}

/** Everything read from a set of MEF files, in document order (includes spliced in place). */
export interface RawMefModel {
  name?: string;
  label?: string;
  /** The first file's <opsa-mef> element. */
  span?: SourceSpan;
  readonly attributes: Map<string, string>;
  readonly faultTrees: RawFaultTree[];
  readonly components: RawComponent[];
  readonly events: RawEvent[];
  readonly parameters: RawParameter[];
  readonly ccfGroups: RawCcfGroup[];
  /** Every file read, in the order first read. */
  readonly files: string[];
  readonly diagnostics: Diagnostic[];
}

export function createRawMefModel(): RawMefModel {
  return {
    attributes: new Map(),
    faultTrees: [],
    components: [],
    events: [],
    parameters: [],
    ccfGroups: [],
    files: [],
    diagnostics: [],
  };
}
