// Fault trees written from a service call graph, for the tests of evidence on gates: a service is
// slow when its own fault occurs or when a callee is slow and the slowness passes up that edge
// (a basic event of probability 0.5, a probabilistic edge). Graphs come from an adjacency matrix in
// CSV (the PetShop benchmark's graph.csv: row calls column) or from a seeded generator.

import { readFileSync } from 'node:fs';
import type { BasicEvent, FaultTree, Gate } from '../../src/model/fault-tree.js';

export interface CallGraph {
  readonly names: readonly string[];
  /** [caller, callee] index pairs. */
  readonly edges: readonly (readonly [number, number])[];
}

/** Reads an adjacency matrix: a header row of names, then one row per caller (name, then 0/1 per callee). */
export function readCallGraph(file: string): CallGraph {
  const rows = readFileSync(file, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
  const names = rows[0]!.slice(1);
  const edges: [number, number][] = [];
  rows.slice(1).forEach((row, caller) => row.slice(1).forEach((cell, callee) => Number(cell) !== 0 && edges.push([caller, callee])));
  return { names, edges };
}

/**
 * A random DAG of `services` nodes: every service but the first is called by an earlier one (so
 * service 0 is the entry), then `extraEdges` more calls from earlier to later services (shared callees).
 */
export function randomCallGraph(services: number, extraEdges: number, seed: number): CallGraph {
  let state = seed >>> 0 || 1;
  const random = (): number => {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
  const names = Array.from({ length: services }, (_, i) => `service ${i}`);
  const keys = new Set<string>();
  const edges: [number, number][] = [];
  const add = (a: number, b: number): void => {
    if (keys.has(`${a},${b}`)) return;
    keys.add(`${a},${b}`);
    edges.push([a, b]);
  };
  for (let i = 1; i < services; i++) add(Math.floor(random() * i), i);
  for (let e = 0; e < extraEdges && services > 1; e++) {
    const a = Math.floor(random() * (services - 1));
    add(a, a + 1 + Math.floor(random() * (services - 1 - a)));
  }
  return { names, edges };
}

/**
 * The tree of a call graph: event `s<i>_fault` per service (probability `faultProbability(i)`),
 * event `pass_s<i>_s<c>` (0.5) per call, gate `s<i>_via_s<c>` = callee slow ∧ pass, gate
 * `s<i>_slow` = fault ∨ its via gates for a service with callees (a service without callees is
 * slow exactly when its fault occurs); the top `any_slow` is the or of the services nobody calls.
 */
export function callGraphTree(graph: CallGraph, faultProbability: (service: number) => number = (i) => 0.01 + 0.0005 * i): FaultTree {
  const n = graph.names.length;
  const callees = Array.from({ length: n }, () => [] as number[]);
  const called = new Uint8Array(n);
  for (const [a, b] of graph.edges) {
    callees[a]!.push(b);
    called[b] = 1;
  }
  const events = new Map<string, BasicEvent>();
  const gates = new Map<string, Gate>();
  const event = (id: string, p: number): void => void events.set(id, { id, probability: p, model: { kind: 'constant', value: p } });
  const slow = (i: number): string => (callees[i]!.length === 0 ? `s${i}_fault` : `s${i}_slow`);
  for (let i = 0; i < n; i++) event(`s${i}_fault`, faultProbability(i));
  for (let i = 0; i < n; i++) {
    if (callees[i]!.length === 0) continue;
    const inputs = [`s${i}_fault`];
    for (const c of callees[i]!) {
      const pass = `pass_s${i}_s${c}`;
      event(pass, 0.5);
      const via = `s${i}_via_s${c}`;
      gates.set(via, { id: via, type: 'and', inputs: [slow(c), pass] });
      inputs.push(via);
    }
    gates.set(`s${i}_slow`, { id: `s${i}_slow`, type: 'or', label: graph.names[i]!, inputs });
  }
  const entries = Array.from({ length: n }, (_, i) => i).filter((i) => called[i] === 0);
  gates.set('any_slow', { id: 'any_slow', type: 'or', inputs: entries.map(slow) });
  return { name: 'call-graph', file: 'call-graph.yaml', files: ['call-graph.yaml'], top: 'any_slow', missionTime: 24, parameters: new Map(), gates, events, houses: new Map() };
}
