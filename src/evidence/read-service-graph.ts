// Reads a service dependency graph for `ftree generate` (evidence stage): an edge list (CSV with a
// caller and a callee column, or YAML), an adjacency matrix CSV (row calls column, as PetShop's
// graph.csv), or Jaeger's dependencies JSON (`parent`, `child`, `callCount`). The kind is told by
// the content. Edges with a call count of 0 are left out.

import { parse as parseYaml } from 'yaml';
import { FtreeError } from '../model/diagnostic.js';
import type { ServiceEdge, ServiceGraph } from '../model/plan-service-tree.js';
import { splitCsvLine } from './parse-metric-csv.js';
import { readInputText } from '../model/read-input-file.js';

export type ServiceGraphFormat = 'edges' | 'matrix' | 'jaeger';

export interface ReadServiceGraph extends ServiceGraph {
  readonly format: ServiceGraphFormat;
}

const CALLER_COLUMNS = ['caller', 'parent', 'client', 'source', 'from', 'source_workload'];
const CALLEE_COLUMNS = ['callee', 'child', 'server', 'target', 'to', 'destination_workload'];
const COUNT_COLUMNS = ['calls', 'count', 'callcount', 'call_count', 'requests'];

export async function readServiceGraph(file: string): Promise<ReadServiceGraph> {
  const text = await readInputText(file);
  return parseServiceGraph(text, file);
}

function invalid(file: string, message: string, hint?: string, line?: number): FtreeError {
  const where = line === undefined ? file : `${file}:${line}`;
  return new FtreeError({ code: 'SERVICE_GRAPH_INVALID', severity: 'error', message: `Cannot read the service graph ${where}: ${message}`, ...(hint ? { hint } : {}) });
}

export function parseServiceGraph(text: string, file: string): ReadServiceGraph {
  const trimmed = text.trimStart();
  if (/\.json$/i.test(file) || trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw invalid(file, `not JSON (${(e as Error).message})`);
    }
    return fromRecords(file, 'jaeger', Array.isArray(json) ? json : (json as { data?: unknown }).data);
  }
  if (/\.ya?ml$/i.test(file)) {
    let yaml: unknown;
    try {
      yaml = parseYaml(text);
    } catch (e) {
      throw invalid(file, `not YAML (${(e as Error).message.split('\n')[0]})`);
    }
    const list = Array.isArray(yaml) ? yaml : (yaml as { edges?: unknown } | null)?.edges;
    return fromRecords(file, 'edges', list);
  }
  const lines = text.split(/\r?\n/).map((l, i) => ({ cells: splitCsvLine(l).map((c) => c.trim()), line: i + 1, blank: l.trim() === '' || l.startsWith('#') }));
  const rows = lines.filter((l) => !l.blank);
  const header = rows[0];
  if (!header) throw invalid(file, 'the file is empty');
  if (header.cells[0] === '' && header.cells.length > 1) return fromMatrix(file, header.cells.slice(1), rows.slice(1));
  const lower = header.cells.map((c) => c.toLowerCase());
  const caller = lower.findIndex((c) => CALLER_COLUMNS.includes(c));
  const callee = lower.findIndex((c) => CALLEE_COLUMNS.includes(c));
  const count = lower.findIndex((c) => COUNT_COLUMNS.includes(c));
  if (caller < 0 || callee < 0) {
    throw invalid(file, 'the CSV header names no caller and callee columns', 'an edge list has a header `caller,callee[,calls]`; an adjacency matrix starts with an empty cell, then the services', header.line);
  }
  const edges: ServiceEdge[] = [];
  for (const row of rows.slice(1)) {
    const [a, b] = [row.cells[caller] ?? '', row.cells[callee] ?? ''];
    if (a === '' || b === '') throw invalid(file, 'a row without caller or callee', undefined, row.line);
    const calls = count >= 0 && (row.cells[count] ?? '') !== '' ? Number(row.cells[count]) : undefined;
    if (calls !== undefined && !(calls >= 0)) throw invalid(file, `the call count is not a number ≥ 0: ${row.cells[count]}`, undefined, row.line);
    if (calls === 0) continue;
    edges.push({ caller: a, callee: b, ...(calls !== undefined ? { calls } : {}) });
  }
  return { format: 'edges', services: servicesOf(edges, []), edges };
}

function fromMatrix(file: string, columns: readonly string[], rows: readonly { cells: string[]; line: number }[]): ReadServiceGraph {
  const seen = new Set<string>();
  for (const c of columns) {
    if (c === '') throw invalid(file, 'an empty service name in the header', undefined, 1);
    if (seen.has(c)) throw invalid(file, `the service "${c}" is named twice in the header`, undefined, 1);
    seen.add(c);
  }
  const edges: ServiceEdge[] = [];
  const names = [...columns];
  for (const row of rows) {
    const caller = row.cells[0] ?? '';
    if (caller === '') throw invalid(file, 'a row without a service name', undefined, row.line);
    if (!seen.has(caller)) {
      seen.add(caller);
      names.push(caller);
    }
    row.cells.slice(1).forEach((cell, j) => {
      if (cell === '') return;
      const v = Number(cell);
      if (!Number.isFinite(v) || v < 0) throw invalid(file, `a cell that is not a number ≥ 0: ${JSON.stringify(cell)}`, 'cells are 0 (no call) or 1 (a call), or call counts', row.line);
      if (j >= columns.length) throw invalid(file, 'a row with more cells than the header has services', undefined, row.line);
      if (v > 0) edges.push({ caller, callee: columns[j]!, ...(v !== 1 ? { calls: v } : {}) });
    });
  }
  return { format: 'matrix', services: servicesOf(edges, names), edges };
}

function fromRecords(file: string, format: ServiceGraphFormat, list: unknown): ReadServiceGraph {
  if (!Array.isArray(list)) {
    throw invalid(file, 'expected a list of edges', format === 'jaeger' ? 'Jaeger dependencies: [{"parent": "a", "child": "b", "callCount": 3}], or {"data": [...]}' : 'a YAML list of {caller, callee, calls}, or {edges: [...]}');
  }
  const edges: ServiceEdge[] = [];
  list.forEach((item: unknown, i) => {
    const o = (item ?? {}) as Record<string, unknown>;
    const pick = (names: readonly string[]): unknown => names.map((n) => Object.keys(o).find((k) => k.toLowerCase() === n)).filter((k) => k !== undefined).map((k) => o[k!])[0];
    const caller = pick(CALLER_COLUMNS);
    const callee = pick(CALLEE_COLUMNS);
    const count = pick(COUNT_COLUMNS);
    if (typeof caller !== 'string' || caller === '' || typeof callee !== 'string' || callee === '') {
      throw invalid(file, `edge ${i + 1} has no caller (parent) or callee (child)`);
    }
    if (count !== undefined && !(typeof count === 'number' && count >= 0)) throw invalid(file, `edge ${i + 1} has a call count that is not a number ≥ 0`);
    if (count === 0) return;
    edges.push({ caller, callee, ...(typeof count === 'number' ? { calls: count } : {}) });
  });
  return { format, services: servicesOf(edges, []), edges };
}

function servicesOf(edges: readonly ServiceEdge[], listed: readonly string[]): string[] {
  return [...new Set([...listed, ...edges.flatMap((e) => [e.caller, e.callee])])];
}
