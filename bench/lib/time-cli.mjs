// Times whole `ftree` processes for the benchmark scripts: wall time, CPU time and peak memory of
// each run (the child reports its own resource usage on exit), and the JSON it printed last.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'ftree.js');

/** The median of some numbers. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs `ftree ...args` `runs` times (its stdout must be JSON), with the scratch files in `dir`.
 * Returns the wall and CPU times in ms, the peak memory in MiB of each run, and the last JSON.
 */
export function timeFtree(dir, args, runs) {
  const hook = join(dir, 'peak-memory.mjs');
  writeFileSync(hook, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.FTREE_BENCH_RSS, `${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1000}`); });\n");
  const rssFile = join(dir, 'rss');
  const times = [];
  const cpu = [];
  const peaks = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    // Node is started here (for the memory hook), so without NODE_EXTRA_CA_CERTS as bin/ftree.js starts it.
    const { NODE_EXTRA_CA_CERTS: _ca, ...env } = process.env;
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, bin, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...env, FTREE_BENCH_RSS: rssFile } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`ftree ${args[0]} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
    const [rss, ms] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
    peaks.push(rss / 1024);
    cpu.push(ms);
    last = JSON.parse(r.stdout);
  }
  return { times, cpu, peaks, last };
}

/** "Whole process, N runs: median … ms wall (min, max), … ms CPU · peak memory … MiB". */
export function describeRuns({ times, cpu, peaks }) {
  const sorted = [...times].sort((a, b) => a - b);
  return `Whole process, ${times.length} runs: median ${median(times).toFixed(0)} ms wall (min ${sorted[0].toFixed(0)}, max ${sorted[sorted.length - 1].toFixed(0)}), ${median(cpu).toFixed(0)} ms CPU · peak memory ${Math.max(...peaks).toFixed(0)} MiB`;
}

/** The machine's load, which wall times grow with. */
export function describeLoad() {
  return `Machine load average now: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs (wall times grow with it)`;
}
