// The validated, immutable fault-tree model: what every analysis consumes (model stage).
// Built by src/parse/yaml/build-model.ts from YAML, by src/parse/mef from Open-PSA MEF XML and by src/parse/galileo.

import type { SourceSpan } from './source-span.js';

/** Gate types. `iff`, `imply` and `cardinality` come from Open-PSA MEF and are accepted in YAML too. */
export type GateType =
  | 'and'
  | 'or'
  | 'atleast'
  | 'cardinality'
  | 'not'
  | 'xor'
  | 'iff'
  | 'imply'
  | 'nand'
  | 'nor'
  | 'inhibit';

export const GATE_TYPES: readonly GateType[] = [
  'and', 'or', 'atleast', 'cardinality', 'not', 'xor', 'iff', 'imply', 'nand', 'nor', 'inhibit',
];

/** Probability models. Times are in hours, rates per hour. */
export type ProbabilityModel =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'expression'; readonly source: string }
  | { readonly kind: 'rate'; readonly rate: number; readonly missionTime: number }
  | { readonly kind: 'repairable'; readonly rate: number; readonly repairRate: number; readonly missionTime: number; readonly gamma?: number }
  | { readonly kind: 'weibull'; readonly scale: number; readonly shape: number; readonly missionTime: number; readonly location?: number }
  | { readonly kind: 'periodic-test'; readonly rate: number; readonly testInterval: number; readonly firstTest: number; readonly missionTime: number };

/** Uncertainty distribution of an event's probability (used by Monte Carlo). */
export type Distribution =
  | { readonly kind: 'lognormal'; readonly mean: number; readonly errorFactor: number }
  | { readonly kind: 'lognormal-mu-sigma'; readonly mu: number; readonly sigma: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'loguniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'beta'; readonly alpha: number; readonly beta: number }
  | { readonly kind: 'gamma'; readonly shape: number; readonly scale: number }
  | { readonly kind: 'histogram'; readonly bounds: readonly number[]; readonly weights: readonly number[] };

/** Functions of a `Formula`: the MEF's arithmetic, logic and time built-ins, and the YAML expressions' functions. */
export type FormulaFunction =
  | 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'pow' | 'mod' | 'abs' | 'min' | 'max' | 'mean'
  | 'exp' | 'expm1' | 'log' | 'log1p' | 'log10' | 'log2' | 'sqrt' | 'cbrt' | 'floor' | 'ceil' | 'round'
  | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan' | 'sinh' | 'cosh' | 'tanh'
  | 'not' | 'and' | 'or' | 'eq' | 'df' | 'lt' | 'gt' | 'leq' | 'geq' | 'ite'
  | 'exponential' | 'GLM' | 'Weibull' | 'periodic-test';

/**
 * A number computed from parameters, random deviates and the mission time (hours), kept where
 * Monte Carlo or a time curve must compute it again: each trial samples every deviate and every
 * parameter with a distribution once, and `mission-time` stands for the time t of a curve.
 */
export type Formula =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'mission-time' }
  | { readonly kind: 'parameter'; readonly id: string }
  | { readonly kind: 'deviate'; readonly distribution: Distribution }
  | { readonly kind: 'call'; readonly fn: FormulaFunction; readonly args: readonly Formula[] };

export type Aggregate = 'max' | 'min' | 'mean' | 'p95' | 'last';

/** Shared by every signal: how much a fired or silent signal says about its event. */
export interface SignalRates {
  /** P(fired | event true); the tree's or the CLI's default when absent. */
  readonly sensitivity?: number;
  /** P(fired | event false). */
  readonly falseAlarm?: number;
  /** `false_alarm: baseline`: estimate P(fired | event false) from the baseline (anomaly scores). */
  readonly falseAlarmFromBaseline?: boolean;
}

export interface LogSignal extends SignalRates {
  /** A substring, or `/regex/flags`. */
  readonly pattern: string;
  readonly label?: string;
  readonly minCount?: number;
  readonly alpha?: number;
  /** Field filters for structured lines: field name → substring or /regex/. */
  readonly fields?: ReadonlyMap<string, string>;
  /** What no log line in the window means: `unknown` (default) or `silent`. */
  readonly missing?: MissingData;
  readonly span?: SourceSpan;
}

/** What "no data in the window" means for a signal: no evidence (`unknown`), or normal (`silent`). */
export type MissingData = 'unknown' | 'silent';

/** Which departures from the baseline an anomaly score counts. */
export type ScoreDirection = 'rose' | 'fell' | 'both';

export interface MetricSignal extends SignalRates {
  /** A metric name or PromQL expression. */
  readonly query: string;
  readonly label?: string;
  readonly above?: number;
  readonly below?: number;
  readonly aggregate?: Aggregate;
  /** Robust anomaly score threshold (|x − median| / spread of the baseline). */
  readonly score?: number;
  /**
   * Anomaly scores: the metric adds up along calls (a latency): a callee's departure can explain
   * only as much of its caller's (docs/diagnosis.md, "Propagation magnitude").
   */
  readonly additive?: boolean;
  /** Anomaly scores: count rises, falls or both (default `both`). */
  readonly direction?: ScoreDirection;
  /** Anomaly scores: the least baseline spread, in the metric's unit. */
  readonly minSpread?: number;
  /** Fewest baseline points for an anomaly score or the chronic test (default 8). */
  readonly minBaseline?: number;
  /** What no point in the window means: `unknown` (default) or `silent`. */
  readonly missing?: MissingData;
  readonly span?: SourceSpan;
}

export interface ChangeSignal extends SignalRates {
  readonly service?: string;
  readonly kind?: string;
  readonly label?: string;
  /** How long before the symptom a change still counts, in hours. */
  readonly within?: number;
  readonly span?: SourceSpan;
}

/** Tree-wide defaults of the evidence signals (`defaults:`), used by signals that set none. */
export interface SignalDefaults {
  readonly sensitivity?: number;
  readonly falseAlarm?: number;
  /** `false_alarm: baseline`: signals estimate their false-alarm rate from the baseline where they can. */
  readonly falseAlarmFromBaseline?: boolean;
  /** Change signals: how long before the symptom a change still counts, in hours. */
  readonly within?: number;
  /** Log and metric signals: what no data in the window means. */
  readonly missing?: MissingData;
}

export interface Evidence {
  readonly logs: readonly LogSignal[];
  readonly metrics: readonly MetricSignal[];
  readonly changes: readonly ChangeSignal[];
}

/** How an on-call engineer checks an event by hand, and what it costs (minutes). */
export interface Check {
  readonly how: string;
  readonly cost?: number;
}

/** A probabilistic gate input `{id: from, probability}` of gate `to`, expanded into a gate and an event (build-model.ts). */
export interface Propagation {
  readonly from: string;
  readonly to: string;
  readonly probability: number;
}

export interface Gate {
  readonly id: string;
  readonly label?: string;
  readonly description?: string;
  readonly type: GateType;
  /** Ids of gates, basic events or house events. Order matters for `inhibit` and `imply`. */
  readonly inputs: readonly string[];
  /** `atleast`: the vote threshold k; `cardinality`: the minimum. */
  readonly k?: number;
  /** `cardinality`: the maximum number of true inputs. */
  readonly max?: number;
  readonly evidence?: Evidence;
  readonly span?: SourceSpan;
  /** Span of each input reference, parallel to `inputs`. */
  readonly inputSpans?: readonly (SourceSpan | undefined)[];
  /** Set on the gate `from→to` that a probabilistic input expands into. */
  readonly propagation?: Propagation;
}

export interface BasicEvent {
  readonly id: string;
  readonly label?: string;
  readonly description?: string;
  /** Point probability at the tree's mission time, in [0, 1]. */
  readonly probability: number;
  readonly model: ProbabilityModel;
  readonly distribution?: Distribution;
  /**
   * Set when the probability depends on the mission time or on random quantities in a way that
   * `model` and `distribution` do not carry (an expression, a deviate reached through a parameter or
   * nested in a larger expression). Evaluated with deviates at their means, it gives `probability`.
   */
  readonly formula?: Formula;
  readonly evidence?: Evidence;
  readonly check?: Check;
  readonly span?: SourceSpan;
  /** `suspect: false`: a modelling event (a condition, a propagation), never listed as a suspect. */
  readonly suspect?: false;
  /** Set on the event `from⇢to` of a probabilistic input: P(from's failure passes to gate to). */
  readonly propagation?: Propagation;
}

export interface HouseEvent {
  readonly id: string;
  readonly label?: string;
  readonly state: boolean;
  readonly span?: SourceSpan;
}

export interface Parameter {
  readonly id: string;
  readonly value: number;
  readonly source?: string;
  /** The parameter is a random deviate: `value` is its mean. */
  readonly distribution?: Distribution;
  /** Set when the value depends on the mission time or on random quantities (see `BasicEvent.formula`). */
  readonly formula?: Formula;
  readonly span?: SourceSpan;
}

/** Limits a tree must meet, checked by `ftree check` (the `budget:` block of a YAML tree). */
export interface Budget {
  /** Largest acceptable P(top). */
  readonly maxProbability?: number;
  /** `false`: no basic event may cause the top event on its own. */
  readonly singlePoints?: boolean;
  /** Largest acceptable Birnbaum importance P(T|x=1) − P(T|x=0) of any basic event. */
  readonly maxImportance?: number;
  /** Where each limit is written. */
  readonly spans?: { readonly maxProbability?: SourceSpan; readonly singlePoints?: SourceSpan; readonly maxImportance?: SourceSpan };
}

export interface FaultTree {
  /** Slug of the tree. */
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  /** Path of the main file the tree was read from. */
  readonly file: string;
  /** Every file the tree was assembled from (the main file first, then transfers/includes). */
  readonly files: readonly string[];
  /** Id of the top event: a gate, or (for one-event trees) a basic event. */
  readonly top: string;
  /** Where the main file names the top event (its `top:` value). */
  readonly topSpan?: SourceSpan;
  /** Default exposure time for rate-based events, in hours. */
  readonly missionTime: number;
  /** Defaults of the evidence signals (`defaults:` in YAML). */
  readonly defaults?: SignalDefaults;
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly gates: ReadonlyMap<string, Gate>;
  readonly events: ReadonlyMap<string, BasicEvent>;
  readonly houses: ReadonlyMap<string, HouseEvent>;
  /** The main file's budget, if it has one. */
  readonly budget?: Budget;
}

export type NodeKind = 'gate' | 'event' | 'house';

/** What an id names in a tree, if anything. */
export function kindOf(tree: FaultTree, id: string): NodeKind | undefined {
  if (tree.gates.has(id)) return 'gate';
  if (tree.events.has(id)) return 'event';
  if (tree.houses.has(id)) return 'house';
  return undefined;
}
