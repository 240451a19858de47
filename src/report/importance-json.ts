// The JSON document of `ftree importance` (report stage): DESIGN §5 keys `ftree`, `tree`, `top`,
// `events` (sorted by the chosen measure), `warnings`, and the definition of every measure.

import type { Diagnostic } from '../model/diagnostic.js';
import type { FaultTree } from '../model/fault-tree.js';
import type { ImportanceAnalysis, ImportanceMeasures } from '../engine/index.js';
import { diagnosticToJson } from './render-diagnostics.js';

export type ImportanceSort = 'birnbaum' | 'criticality' | 'fv' | 'raw' | 'rrw' | 'posterior' | 'prior';

export const IMPORTANCE_SORTS: readonly ImportanceSort[] = ['birnbaum', 'criticality', 'fv', 'raw', 'rrw', 'posterior', 'prior'];

export interface ImportanceReport {
  readonly tree: FaultTree;
  readonly analysis: ImportanceAnalysis;
  readonly sort: ImportanceSort;
  readonly warnings: readonly Diagnostic[];
  readonly seconds: number;
}

/** What each measure is, word for word as in docs/algorithms.md. */
export const IMPORTANCE_DEFINITIONS = {
  birnbaum: 'P(T|x=1) - P(T|x=0)',
  criticality: 'birnbaum * q / P(T), equal to (P(T) - P(T|x=0)) / P(T)',
  fussell_vesely: 'P(union of the minimal cut sets containing x) / P(T)',
  raw: 'P(T|x=1) / P(T)',
  rrw: 'P(T) / P(T|x=0), null with rrw_infinite when P(T|x=0) = 0',
  posterior: 'P(x|T) = q * P(T|x=1) / P(T)',
  occurrences: 'number of minimal cut sets (all orders) containing x',
} as const;

export interface RankedImportance extends ImportanceMeasures {
  readonly label?: string;
}

/** Every basic event, by the chosen measure (highest first; missing values last; ties by id). */
export function rankImportance(report: ImportanceReport): RankedImportance[] {
  const key = (e: ImportanceMeasures): number | undefined => {
    switch (report.sort) {
      case 'birnbaum':
        return e.birnbaum;
      case 'criticality':
        return e.criticality;
      case 'fv':
        return e.fussellVesely;
      case 'raw':
        return e.raw;
      case 'rrw':
        return e.rrw;
      case 'posterior':
        return e.posterior;
      case 'prior':
        return e.prior;
    }
  };
  return report.analysis.events
    .map((e) => {
      const label = report.tree.events.get(e.id)?.label;
      return { ...e, ...(label !== undefined ? { label } : {}) };
    })
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka !== kb) {
        if (ka === undefined) return 1;
        if (kb === undefined) return -1;
        if (ka > kb) return -1;
        if (ka < kb) return 1;
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
}

export function importanceToJson(report: ImportanceReport): Record<string, unknown> {
  const { tree, analysis } = report;
  const top = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  const finite = (x: number | undefined): number | null => (x === undefined || !Number.isFinite(x) ? null : x);
  return {
    ftree: 1,
    tree: tree.name,
    ...(tree.title !== undefined ? { title: tree.title } : {}),
    top: { id: tree.top, ...(top?.label !== undefined ? { label: top.label } : {}), probability: analysis.pTop, method: 'bdd' },
    definitions: IMPORTANCE_DEFINITIONS,
    sort: report.sort,
    cut_sets: analysis.cutSets ?? null,
    ...(analysis.cutSetsSkipped !== undefined ? { cut_sets_skipped: analysis.cutSetsSkipped } : {}),
    ...(analysis.fussellVeselySkipped !== undefined ? { fussell_vesely_skipped: analysis.fussellVeselySkipped } : {}),
    events: rankImportance(report).map((e) => ({
      id: e.id,
      ...(e.label !== undefined ? { label: e.label } : {}),
      prior: e.prior,
      occurrences: e.occurrences ?? null,
      birnbaum: e.birnbaum,
      criticality: finite(e.criticality),
      fussell_vesely: finite(e.fussellVesely),
      raw: finite(e.raw),
      rrw: finite(e.rrw),
      rrw_infinite: e.rrw === Infinity,
      posterior: finite(e.posterior),
      p_top_given_true: e.pGivenTrue,
      p_top_given_false: e.pGivenFalse,
    })),
    warnings: report.warnings.map(diagnosticToJson),
    seconds: report.seconds,
  };
}
