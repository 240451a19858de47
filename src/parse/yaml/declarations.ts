// What the YAML reader declares per file (parse stage): gates, events, houses, transfers and
// parameters with their spans, before the model is built from them.

import type { Budget, Check, Distribution, Evidence, GateType, SignalDefaults } from '../../model/fault-tree.js';
import type { SourceSpan } from '../../model/source-span.js';

export type Section = 'gate' | 'event' | 'house' | 'transfer';

export interface Ref {
  readonly id: string;
  readonly span: SourceSpan;
  /** A probabilistic input `{id, probability}`: the input counts for the gate only with this probability. */
  readonly probability?: number;
}

/** A number or an expression still to be evaluated (expressions need mathjs, loaded lazily). */
export type NumberSpec = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'expression'; readonly source: string; readonly span: SourceSpan };

export type ProbabilitySpec =
  | { readonly kind: 'probability'; readonly value: NumberSpec }
  | { readonly kind: 'rate'; readonly rate: number }
  | { readonly kind: 'repairable'; readonly rate: number; readonly repairRate: number }
  | { readonly kind: 'weibull'; readonly scale: number; readonly shape: number; readonly location: number };

export interface ParameterDecl {
  readonly id: string;
  readonly span: SourceSpan;
  /** For a random parameter, its distribution's mean. */
  readonly value: NumberSpec;
  readonly distribution?: Distribution;
}

export interface GateDecl {
  readonly id: string;
  readonly span: SourceSpan;
  readonly label?: string;
  readonly description?: string;
  readonly type?: GateType;
  readonly typeSpan?: SourceSpan;
  readonly inputs: readonly Ref[];
  readonly inputsSpan?: SourceSpan;
  /** The inputs were not a list of ids: arity and reachability are not checked further. */
  readonly inputsInvalid?: boolean;
  readonly k?: number;
  /** A k (or min) key was given, even if its value was invalid. */
  readonly hasK?: boolean;
  readonly kSpan?: SourceSpan;
  readonly max?: number;
  readonly evidence?: Evidence;
}

export interface EventDecl {
  readonly id: string;
  readonly span: SourceSpan;
  readonly label?: string;
  readonly description?: string;
  readonly spec?: ProbabilitySpec;
  readonly missionTime?: number;
  readonly distribution?: Distribution;
  readonly evidence?: Evidence;
  readonly check?: Check;
  /** `suspect: false`: a modelling event (a condition, a propagation), never listed as a suspect. */
  readonly suspect?: false;
}

export interface HouseDecl {
  readonly id: string;
  readonly span: SourceSpan;
  readonly label?: string;
  readonly state: boolean;
}

export interface TransferDecl {
  readonly id: string;
  readonly span: SourceSpan;
  /** Path of the target file, joined to the naming file's folder. */
  readonly file: string;
  readonly fileSpan: SourceSpan;
  /** The target gate; undefined means the target file's top. */
  readonly gate?: Ref;
}

export interface FileDeclarations {
  readonly file: string;
  readonly isTree: boolean;
  readonly name?: string;
  readonly title?: string;
  readonly description?: string;
  readonly top?: Ref;
  readonly missionTime?: number;
  readonly defaults?: SignalDefaults;
  readonly budget?: Budget;
  readonly parameters: ReadonlyMap<string, ParameterDecl>;
  readonly gates: ReadonlyMap<string, GateDecl>;
  readonly events: ReadonlyMap<string, EventDecl>;
  readonly houses: ReadonlyMap<string, HouseDecl>;
  readonly transfers: ReadonlyMap<string, TransferDecl>;
  /** Every id declared in the file with its section, in source order (duplicates included). */
  readonly declared: readonly { readonly id: string; readonly section: Section; readonly span: SourceSpan }[];
}
