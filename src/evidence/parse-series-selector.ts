// PromQL instant-vector selectors, `name{label="v", other=~"re.*"}` (evidence stage): how a tree's
// metric query is matched against series read from files. Regex matchers are anchored and run on
// re2js, the RE2 semantics Prometheus itself uses. Anything else in PromQL is not a selector.

import { RE2JS } from 're2js';
import type { MetricSeries } from './metric-series.js';

export interface LabelMatcher {
  readonly label: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

export interface SeriesSelector {
  readonly name?: string;
  readonly matchers: readonly LabelMatcher[];
  matches(series: Pick<MetricSeries, 'name' | 'labels'>): boolean;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;

/** The selector, or undefined when the query is any other PromQL (a function, an operator, a range). */
export function parseSeriesSelector(query: string): SeriesSelector | undefined {
  let s = query.trim();
  let name: string | undefined;
  const m = NAME.exec(s);
  if (m) {
    name = m[0];
    s = s.slice(name.length).trimStart();
  }
  const matchers: LabelMatcher[] = [];
  if (s.startsWith('{')) {
    s = s.slice(1).trimStart();
    while (!s.startsWith('}')) {
      const l = LABEL.exec(s);
      if (!l) return undefined;
      s = s.slice(l[0].length).trimStart();
      const op = ['=~', '!~', '!=', '='].find((o) => s.startsWith(o)) as LabelMatcher['op'] | undefined;
      if (!op) return undefined;
      s = s.slice(op.length).trimStart();
      const v = readQuoted(s);
      if (!v) return undefined;
      s = s.slice(v.length).trimStart();
      matchers.push({ label: l[0], op, value: v.value });
      if (s.startsWith(',')) s = s.slice(1).trimStart();
      else if (!s.startsWith('}')) return undefined;
    }
    s = s.slice(1).trimStart();
  }
  if (s !== '' || (name === undefined && matchers.length === 0)) return undefined;
  const nameMatcher = matchers.find((x) => x.label === '__name__' && x.op === '=');
  if (!name && nameMatcher) name = nameMatcher.value;
  const tests: ((labels: ReadonlyMap<string, string>, seriesName: string) => boolean)[] = [];
  for (const x of matchers) {
    const get = (labels: ReadonlyMap<string, string>, seriesName: string): string => (x.label === '__name__' ? seriesName : labels.get(x.label) ?? '');
    if (x.op === '=' || x.op === '!=') {
      const want = x.op === '=';
      tests.push((labels, n) => (get(labels, n) === x.value) === want);
    } else {
      let re: RE2JS;
      try {
        re = RE2JS.compile(`^(?:${x.value})$`);
      } catch {
        return undefined;
      }
      const want = x.op === '=~';
      tests.push((labels, n) => re.test(get(labels, n)) === want);
    }
  }
  return {
    ...(name !== undefined ? { name } : {}),
    matchers,
    matches(series) {
      if (name !== undefined && series.name !== name) return false;
      return tests.every((t) => t(series.labels, series.name));
    },
  };
}

/** A PromQL string literal ("…", '…' or `…`) at the start of `s`: its value and source length. */
function readQuoted(s: string): { value: string; length: number } | undefined {
  const q = s[0];
  if (q !== '"' && q !== "'" && q !== '`') return undefined;
  let value = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === q) return { value, length: i + 1 };
    if (c === '\\' && q !== '`') {
      const e = s[++i];
      value += e === 'n' ? '\n' : e === 't' ? '\t' : (e ?? '');
    } else value += c;
  }
  return undefined;
}
