// The raw tree a YAML tree file parses into (parse stage): maps, lists and scalars, each with its
// source span, read by the declaration readers.

import type { SourceSpan } from '../../model/source-span.js';

export type RawNode = RawScalar | RawMap | RawSeq;

export interface RawScalar {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly span: SourceSpan;
}

export interface RawEntry {
  readonly key: string;
  readonly keySpan: SourceSpan;
  readonly value: RawNode;
}

export interface RawMap {
  readonly kind: 'map';
  /** In source order; duplicate keys are kept so that the model can report them. */
  readonly entries: readonly RawEntry[];
  readonly span: SourceSpan;
}

export interface RawSeq {
  readonly kind: 'seq';
  readonly items: readonly RawNode[];
  readonly span: SourceSpan;
}
