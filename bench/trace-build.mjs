#!/usr/bin/env node
// Where a BDD grows: builds one MEF fault tree as `ftree analyze` does and prints each operator node
// whose step creates many nodes, with the size and level span of its diagram (a diagnosis aid for
// trees that pass the node limit, such as nus9601; docs/algorithms.md, "Limits").
//
// Usage: npm run build && node bench/trace-build.mjs FILE [--min-created N] [--max-nodes N] [--levels NODE]
// --min-created: report steps creating at least N nodes (default 100000). --max-nodes: the manager's
// node limit (default the engine's). --levels NODE: after graph node NODE is built, the 20 levels
// holding most of its diagram's nodes (the graph node at each level and its event id).

import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = join(fileURLToPath(new URL('..', import.meta.url)), 'dist');
const { loadMefSync } = await import(pathToFileURL(join(dist, 'parse', 'mef', 'index.js')).href);
const { compileBooleanGraph, buildBdd } = await import(pathToFileURL(join(dist, 'engine', 'index.js')).href);

const args = process.argv.slice(2);
let file;
let minCreated = 100_000;
let maxNodes;
let levelsOf = -1;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--min-created') minCreated = Number(args[++i]);
  else if (args[i] === '--max-nodes') maxNodes = Number(args[++i]);
  else if (args[i] === '--levels') levelsOf = Number(args[++i]);
  else file = args[i];
}
if (file === undefined) {
  console.error('usage: node bench/trace-build.mjs FILE [--min-created N] [--max-nodes N] [--levels NODE]');
  process.exit(2);
}

const graph = compileBooleanGraph(loadMefSync([file]));
const start = performance.now();
const seconds = () => ((performance.now() - start) / 1000).toFixed(1).padStart(6);

/** Nodes of `f` and its lowest and highest level; with `histogram`, nodes per level. */
function diagram(bdd, f, histogram) {
  const seen = new Set();
  const stack = [Math.abs(f)];
  let low = Infinity;
  let high = -1;
  while (stack.length > 0) {
    const n = stack.pop();
    if (n <= 1 || seen.has(n)) continue;
    seen.add(n);
    const level = bdd.level(n);
    low = Math.min(low, level);
    high = Math.max(high, level);
    histogram?.set(level, (histogram.get(level) ?? 0) + 1);
    stack.push(Math.abs(bdd.low(n)), bdd.high(n));
  }
  return seen.size === 0 ? 'constant' : `${seen.size} nodes, levels ${low}–${high}`;
}

const describe = (step, n) => {
  const operator = step.graph.operators[n];
  return operator === undefined ? `event ${graph.variables[n - 2]}` : `${operator}${operator === 'atleast' ? ` ${step.graph.thresholds[n]}` : ''}`;
};

const onStep = (step) => {
  const histogram = step.node === levelsOf ? new Map() : undefined;
  if (step.createdNodes < minCreated && histogram === undefined) return;
  const { node, graph: g, bdd } = step;
  const size = diagram(bdd, step.result, histogram);
  console.log(
    `${seconds()} s  node ${node} ${describe(step, node)}/${g.args[node].length}${step.isModule ? ' (module)' : ''}: ` +
      `created ${step.createdNodes}, manager ${bdd.nodeCount}, result ${size}`,
  );
  if (histogram !== undefined) {
    const heaviest = [...histogram].sort((a, b) => b[1] - a[1]).slice(0, 20);
    for (const [level, count] of heaviest) {
      const n = step.order.levelNodes[level];
      console.log(`         level ${level}: ${count} nodes, graph node ${n} (${g.args[n] === undefined ? describe(step, n) : 'module proxy'})`);
    }
  }
};

try {
  const model = buildBdd(graph, { onStep, ...(maxNodes === undefined ? {} : { maxNodes }) });
  console.log(`${seconds()} s  built: ${model.bdd.nodeCount} nodes`);
} catch (error) {
  console.log(`${seconds()} s  stopped: ${error.message}`);
}
