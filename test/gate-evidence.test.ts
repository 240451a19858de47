// Evidence on every gate of call-graph trees (diagnose and engine stages, issue 13 item 7): the
// conditioned BDD T ∧ ⋀(y_k ↔ G_k) stays within a bound of the plain BDD's size (each y_k placed
// right after the variables of G_k), and its posteriors agree with a brute-force enumeration on
// random small call graphs. Timing is in `npm run bench:gate-evidence`, not here.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { computePosteriors, computeTopGivenEvidence, conditionOnEvidence, type GateEvidenceInput } from '../src/diagnose/condition-on-evidence.js';
import { buildGateBdd, compileProbabilityModel, type Bdd, type BddRef } from '../src/engine/index.js';
import type { FaultTree } from '../src/model/fault-tree.js';
import { callGraphTree, randomCallGraph, readCallGraph, type CallGraph } from './helpers/call-graph-tree.js';
import { SHARED } from './helpers/paths.js';

const PETSHOP_GRAPH = join(SHARED, 'datasets', 'petshop', 'dataset', 'low_traffic', 'graph.csv');

/** Nodes reachable from `f`, the terminal included. */
function diagramSize(bdd: Bdd, f: BddRef): number {
  const seen = new Set<number>([1]);
  const stack = [f < 0 ? -f : f];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const c of [bdd.low(n), bdd.high(n)]) stack.push(c < 0 ? -c : c);
  }
  return seen.size;
}

/** Evidence on every gate: fired on about a third (likelihoods 0.9 / 0.05), silent on the others. */
function evidenceOnEveryGate(tree: FaultTree, seed: number): GateEvidenceInput[] {
  let state = seed;
  return [...tree.gates.keys()].map((gate) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const fired = state % 3 === 0;
    return { gate, likelihood: fired ? { ifTrue: 0.9, ifFalse: 0.05 } : { ifTrue: 0.1, ifFalse: 0.95 } };
  });
}

function priors(tree: FaultTree): Float64Array {
  return Float64Array.from([...tree.events.values()], (e) => e.probability);
}

describe('evidence on every gate of a call-graph tree', () => {
  // The PetShop call graph (42 services, 44 calls) when ../shared is there, else a generated one
  // of the same size; and generated ones with more shared callees.
  const petshop: [string, CallGraph] = existsSync(PETSHOP_GRAPH) ? ['PetShop graph.csv', readCallGraph(PETSHOP_GRAPH)] : ['generated 42 services, 44 calls', randomCallGraph(42, 3, 42)];
  const graphs: [string, CallGraph][] = [petshop, ['generated 40 services, 49 calls', randomCallGraph(40, 10, 7)], ['generated 40 services, 49 calls', randomCallGraph(40, 10, 8)]];

  it.each(graphs)('costs a bounded multiple of the plain BDD (%s)', (_, graph) => {
    const tree = callGraphTree(graph);
    const plain = compileProbabilityModel(tree, { modularize: false });
    const plainSize = diagramSize(plain.bdd, buildGateBdd(plain, tree.top));
    const gates = evidenceOnEveryGate(tree, 3);
    expect(gates.length).toBeGreaterThanOrEqual(40);
    for (const conditioning of ['top', 'evidence-only'] as const) {
      // The node limit makes a regression fail fast (before the fix: BDD_NODE_LIMIT at 30 million nodes).
      const em = conditionOnEvidence(tree, priors(tree), gates, { conditioning, maxNodes: 2_000_000 });
      const size = diagramSize(em.model.bdd, em.joint);
      // Measured: PetShop 3,878 (4,261 without T observed) against 472 nodes for T alone, 65 gates
      // with evidence; the generated graphs, with more shared callees, 18,400–19,900 against 965 and
      // 1,897 (a sifted order gains under 2×: every gate's value now matters, so fewer paths merge).
      // Before the fix: over a million nodes, or the node limit.
      const bound = 10 * plainSize + 200 * gates.length;
      expect(size).toBeLessThanOrEqual(bound);
      expect(em.model.bdd.nodeCount).toBeLessThanOrEqual(4 * bound);
    }
  });
});

describe('evidence on every gate agrees with enumeration', () => {
  const arbCase = fc.record({
    services: fc.integer({ min: 2, max: 6 }),
    extraEdges: fc.integer({ min: 0, max: 4 }),
    seed: fc.integer({ min: 1, max: 0x7fffffff }),
    faults: fc.array(fc.double({ min: 0.01, max: 0.6, noNaN: true }), { minLength: 6, maxLength: 6 }),
    likelihoods: fc.array(fc.record({ ifTrue: fc.double({ min: 0, max: 1, noNaN: true }), ifFalse: fc.double({ min: 0.01, max: 1, noNaN: true }) }), { minLength: 20, maxLength: 20 }),
    topObserved: fc.boolean(),
  });

  it('posteriors and P(T | E) to 1e-9 (random DAGs of up to 6 services)', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const graph = randomCallGraph(c.services, c.extraEdges, c.seed);
        const tree = callGraphTree(graph, (i) => c.faults[i]!);
        const ids = [...tree.events.keys()];
        fc.pre(ids.length <= 14);
        const gates: GateEvidenceInput[] = [...tree.gates.keys()].map((gate, k) => ({ gate, likelihood: c.likelihoods[k % c.likelihoods.length]! }));
        const em = conditionOnEvidence(tree, priors(tree), gates, { conditioning: c.topObserved ? 'top' : 'evidence-only' });
        const { posterior } = computePosteriors(em);
        // Brute force: every state of the events, weighed by its probability and every gate's likelihood.
        const q = priors(tree);
        const index = new Map(ids.map((id, i) => [id, i]));
        let total = 0;
        let withTop = 0;
        const kept = new Float64Array(ids.length);
        let keptTotal = 0;
        for (let x = 0; x < 1 << ids.length; x++) {
          const memo = new Map<string, boolean>();
          const value = (id: string): boolean => {
            const i = index.get(id);
            if (i !== undefined) return ((x >> i) & 1) === 1;
            let v = memo.get(id);
            if (v === undefined) {
              const g = tree.gates.get(id)!;
              v = g.type === 'and' ? g.inputs.every(value) : g.inputs.some(value);
              memo.set(id, v);
            }
            return v;
          };
          let w = 1;
          for (let i = 0; i < ids.length; i++) w *= (x >> i) & 1 ? q[i]! : 1 - q[i]!;
          for (const g of gates) w *= value(g.gate) ? g.likelihood.ifTrue : g.likelihood.ifFalse;
          total += w;
          const top = value(tree.top);
          if (top) withTop += w;
          if (c.topObserved && !top) continue;
          keptTotal += w;
          for (let i = 0; i < ids.length; i++) if ((x >> i) & 1) kept[i] = kept[i]! + w;
        }
        if (total > 1e-300) expect(Math.abs(computeTopGivenEvidence(em) - withTop / total)).toBeLessThan(1e-9);
        if (!(keptTotal > 1e-300)) return;
        for (let i = 0; i < ids.length; i++) expect(Math.abs(posterior[i]! - kept[i]! / keptTotal)).toBeLessThan(1e-9);
      }),
      { numRuns: 200 },
    );
  });
});
