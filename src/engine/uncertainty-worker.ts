// Worker thread of a Monte Carlo run (engine stage): takes blocks of trials from a shared counter
// until none is left, writes their results in place in the shared output, and reports each block.

import { parentPort, workerData } from 'node:worker_threads';
import { TrialRunner } from './trial-runner.js';
import type { WorkerTask } from './run-trials.js';

const task = workerData as WorkerTask;
const runner = new TrialRunner(task.plan, { seed: task.seed, trials: task.trials, latinHypercube: task.latinHypercube });
const out = new Float64Array(task.output);
const counter = new Int32Array(task.counter);
let clipped = 0;
for (;;) {
  const block = Atomics.add(counter, 0, 1);
  if (block >= task.blocks) break;
  clipped += runner.runBlock(block, out);
  parentPort!.postMessage({ kind: 'block', block });
}
parentPort!.postMessage({ kind: 'done', clipped });
