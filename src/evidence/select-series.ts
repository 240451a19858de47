// Which series read from files answer a tree's metric query (evidence stage). First, series named
// exactly by the query text (a CSV column headed with the PromQL, a saved response with "query");
// else, when the query is a plain selector, series of that name whose labels match; else, when it
// is in the small part of PromQL that evaluatePromql knows (rate, sum, max, a ratio…), its result.

import { LIBRARY_OPTION_NAMES, type OptionNames } from '../model/option-names.js';
import type { MetricSeries } from './metric-series.js';
import { EVALUATED_FORMS, evaluatePromql } from './evaluate-promql.js';
import { parseSeriesSelector } from './parse-series-selector.js';

/** The series, or why there are none; `noData` when the query is understood but the files hold no data for it. */
export type SeriesSelection = { readonly series: readonly MetricSeries[] } | { readonly reason: string; readonly noData?: true };

export interface SelectSeriesOptions {
  /** How a reason names the Prometheus option (default: its key). */
  readonly optionNames?: OptionNames;
}

export function selectSeries(query: string, all: readonly MetricSeries[], options: SelectSeriesOptions = {}): SeriesSelection {
  const text = normalizeQuery(query);
  const exact = all.filter((s) => s.name !== '' && normalizeQuery(s.name) === text);
  if (exact.length > 0) return { series: exact };
  const selector = parseSeriesSelector(query);
  if (!selector) {
    const evaluated = evaluatePromql(query, all);
    if (evaluated === undefined) {
      return { reason: `The query is PromQL beyond what ftree evaluates on files (${EVALUATED_FORMS}): only Prometheus can evaluate it (${(options.optionNames ?? LIBRARY_OPTION_NAMES).prometheus}), or name a series in the files exactly "${query}"` };
    }
    if ('missing' in evaluated) return { reason: `No series in the metric files matches ${evaluated.missing} (in ${query})`, noData: true };
    if (evaluated.series.every((s) => s.times.length === 0)) return { reason: `${query} has no value on the files' series (rate and increase need two samples within their range)`, noData: true };
    return { series: evaluated.series };
  }
  const matched = all.filter((s) => selector.matches(s));
  if (matched.length > 0) return { series: matched };
  return { reason: `No series in the metric files matches ${query}`, noData: true };
}

/** Whitespace does not count: `sum(rate(x[5m]))` and `sum( rate(x[5m]) )` are the same query. */
export function normalizeQuery(query: string): string {
  return query.replace(/\s+/g, '');
}
