// Runs the trials of an uncertainty plan (engine stage): in this thread, or split over worker
// threads that take fixed blocks of trials from a shared counter. Each block has its own random
// stream and its results land at their trial indices, so the samples are the same whatever the
// number of workers and whichever worker runs which block.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BLOCK_SIZE, TrialRunner } from './trial-runner.js';
import { SWEEP_STRIDE, type UncertaintyPlan } from './uncertainty-plan.js';

export interface RunTrialsOptions {
  readonly trials: number;
  readonly seed: number;
  readonly latinHypercube?: boolean;
  /** Worker threads; 'auto' (default): the cores (at most 8) when the run is long enough to gain from them. */
  readonly workers?: number | 'auto';
  /** The worker script (default: uncertainty-worker.js beside this module or one folder up, as in the bundle). */
  readonly workerUrl?: URL;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface TrialResults {
  /** P(top) of each trial, by trial index. */
  readonly samples: Float64Array;
  /** Event draws clipped to [0, 1] over all trials. */
  readonly clipped: number;
  /** Threads that ran trials (1: this thread). */
  readonly workers: number;
}

/** What a worker receives. */
export interface WorkerTask {
  readonly plan: UncertaintyPlan;
  readonly seed: number;
  readonly trials: number;
  readonly latinHypercube: boolean;
  readonly blocks: number;
  readonly output: SharedArrayBuffer;
  readonly counter: SharedArrayBuffer;
}

const MAX_AUTO_WORKERS = 8;
/** Below this much work (node steps and draws over all trials, about 0.3 s), threads cost more than they save. */
const AUTO_WORKER_THRESHOLD = 1e8;

export async function runTrials(plan: UncertaintyPlan, options: RunTrialsOptions): Promise<TrialResults> {
  const { trials, seed } = options;
  const blocks = Math.ceil(trials / BLOCK_SIZE);
  const url = options.workerUrl ?? findWorkerScript();
  let workers = options.workers === undefined || options.workers === 'auto' ? autoWorkers(plan, trials) : options.workers;
  workers = Math.max(1, Math.min(workers, blocks));
  if (workers > 1 && url !== undefined && typeof SharedArrayBuffer === 'function') return runInWorkers(plan, options, blocks, workers, url);

  const samples = new Float64Array(trials);
  const runner = new TrialRunner(plan, { seed, trials, latinHypercube: options.latinHypercube === true });
  let clipped = 0;
  for (let b = 0; b < blocks; b++) {
    clipped += runner.runBlock(b, samples);
    options.onProgress?.(Math.min(trials, (b + 1) * BLOCK_SIZE), trials);
  }
  return { samples, clipped, workers: 1 };
}

function autoWorkers(plan: UncertaintyPlan, trials: number): number {
  const perTrial = plan.sweep.length / SWEEP_STRIDE + 20 * plan.inputs.length + 10 * plan.formulas.length;
  if (perTrial * trials < AUTO_WORKER_THRESHOLD) return 1;
  return Math.min(MAX_AUTO_WORKERS, availableParallelism());
}

function runInWorkers(plan: UncertaintyPlan, options: RunTrialsOptions, blocks: number, workers: number, url: URL): Promise<TrialResults> {
  const { trials } = options;
  const output = new SharedArrayBuffer(trials * 8);
  const counter = new SharedArrayBuffer(4);
  const task: WorkerTask = { plan, seed: options.seed, trials, latinHypercube: options.latinHypercube === true, blocks, output, counter };
  return new Promise((resolve, reject) => {
    const threads: Worker[] = [];
    let finished = 0;
    let clipped = 0;
    let done = 0;
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      for (const t of threads) void t.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    for (let w = 0; w < workers; w++) {
      const thread = new Worker(url, { workerData: task });
      threads.push(thread);
      thread.on('message', (message: { kind: 'block'; block: number } | { kind: 'done'; clipped: number }) => {
        if (message.kind === 'block') {
          done += Math.min(BLOCK_SIZE, trials - message.block * BLOCK_SIZE);
          options.onProgress?.(done, trials);
          return;
        }
        clipped += message.clipped;
        if (++finished === workers && !failed) resolve({ samples: new Float64Array(output), clipped, workers });
      });
      thread.on('error', fail);
      thread.on('exit', (code) => {
        if (code !== 0) fail(new Error(`Internal error: an uncertainty worker stopped with exit code ${code}`));
      });
    }
  });
}

/** The worker script beside this module (tsc output) or one folder up (the CLI bundle's chunks); none under ts sources. */
function findWorkerScript(): URL | undefined {
  for (const candidate of ['./uncertainty-worker.js', '../uncertainty-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}
