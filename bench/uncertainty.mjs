#!/usr/bin/env node
// Benchmark of `ftree uncertainty` against SCRAM's uncertainty analysis on Baobab1 and CEA9601
// (../shared/benchmarks/mef/scram-input): the models as given (point values: nothing random), and
// with a lognormal deviate of error factor 3 around every basic event's value (written to a temporary
// copy of the basic-event file), so that every BDD node changes from one trial to the next.
// Each run is one child process (the built CLI, JSON output): wall time, CPU time, peak RSS.
// SCRAM (`scram --bdd --uncertainty true --num-trials N --seed 1 -l 0`) runs beside it when on the
// PATH; a SCRAM run that would exceed --scram-budget is timed at two smaller trial counts and
// extrapolated linearly (its time per trial is constant), and the table says so.
//
// Usage: npm run build && node bench/uncertainty.mjs [--trials N] [--workers N|auto] [--no-scram]
//        [--scram-budget S] [--timeout S] [--json FILE] [baobab1|cea9601 …]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const input = join(root, '..', 'shared', 'benchmarks', 'mef', 'scram-input');
const MODELS = {
  baobab1: { tree: join(input, 'Baobab', 'baobab1.xml'), data: join(input, 'Baobab', 'baobab1-basic-events.xml') },
  cea9601: { tree: join(input, 'CEA9601', 'CEA9601.xml'), data: join(input, 'CEA9601', 'CEA9601-basic-events.xml') },
};

const args = process.argv.slice(2);
let trials = 100_000;
let workers = 'auto';
let useScram = true;
let scramBudget = 300;
let timeout = 3600;
let jsonOut;
const names = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--trials') trials = Number(args[++i]);
  else if (a === '--workers') workers = args[++i];
  else if (a === '--no-scram') useScram = false;
  else if (a === '--scram-budget') scramBudget = Number(args[++i]);
  else if (a === '--timeout') timeout = Number(args[++i]);
  else if (a === '--json') jsonOut = args[++i];
  else names.push(a);
}
if (!existsSync(join(root, 'dist', 'bundle', 'ftree.cjs'))) {
  console.error('bench/uncertainty.mjs: dist/ is missing: run `npm run build` first');
  process.exit(2);
}
if (!existsSync(input)) {
  console.error(`bench/uncertainty.mjs: the SCRAM models are absent (${input})`);
  process.exit(2);
}
const scram = useScram && spawnSync('scram', ['--version']).status === 0;
const timeBin = existsSync('/usr/bin/time');
const dir = mkdtempSync(join(tmpdir(), 'ftree-bench-uncertainty-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const rows = [];
const results = [];
for (const name of names.length > 0 ? names : Object.keys(MODELS)) {
  const m = MODELS[name];
  if (!m) {
    console.error(`bench/uncertainty.mjs: unknown model ${name} (${Object.keys(MODELS).join(', ')})`);
    process.exit(2);
  }
  const lognormal = join(dir, `${name}-lognormal.xml`);
  writeFileSync(lognormal, withLognormals(readFileSync(m.data, 'utf8')));
  for (const [variant, data] of [['as given', m.data], ['lognormal EF 3', lognormal]]) {
    const ours = runFtree([m.tree, data]);
    const result = { model: name, variant, trials, ftree: ours };
    if (scram) result.scram = runScram([m.tree, data]);
    results.push(result);
    const s = result.scram;
    const row = [
      name,
      variant,
      trials.toLocaleString('en-US'),
      ours.ok ? ours.sweptNodes.toLocaleString('en-US') : '-',
      ours.ok ? ours.seconds.toFixed(2) : ours.status,
      ours.ok ? ours.cpu.toFixed(2) : '-',
      ours.peakMiB === undefined ? '-' : ours.peakMiB.toFixed(0),
      ours.ok ? ours.mean.toPrecision(4) : '-',
      ours.ok ? ours.meanZ.toFixed(1) : '-',
    ];
    if (scram) {
      const mark = s.extrapolated ? '*' : '';
      row.push(
        s.ok ? `${s.seconds.toFixed(s.seconds < 100 ? 2 : 0)}${mark}` : s.status,
        s.ok ? `${s.cpu.toFixed(s.cpu < 100 ? 2 : 0)}${mark}` : '-',
        s.peakMiB === undefined ? '-' : s.peakMiB.toFixed(0),
        s.mean === undefined ? '-' : s.mean.toPrecision(4),
        s.ok && ours.ok ? `${(s.seconds / ours.seconds).toFixed(1)}×` : '-',
      );
    }
    rows.push(row);
    process.stderr.write(`${row.join('  ')}\n`);
  }
}
const header = ['model', 'variant', 'trials', 'swept nodes', 'ftree s', 'ftree CPU s', 'ftree MiB', 'ftree mean', 'z'];
if (scram) header.push('SCRAM s', 'SCRAM CPU s', 'SCRAM MiB', 'SCRAM mean', 'SCRAM/ftree');
printTable(header, rows);
console.log(`\nWall and CPU seconds of the whole process (loading, BDD, trials, output); ftree with --workers ${workers}, seed 1.`);
console.log('z: (ftree mean − exact mean)/standard error; with independent events P(top) is multilinear in their probabilities,');
console.log('so the exact mean is P(top) with every probability at its mean (|z| < 4 expected).');
if (scram) {
  if (results.some((r) => r.scram?.extrapolated)) {
    console.log(`* SCRAM extrapolated: timed at two smaller trial counts (--json lists them), as ${trials.toLocaleString('en-US')} trials would exceed --scram-budget ${scramBudget} s.`);
  }
} else {
  console.log('SCRAM not run (not on the PATH, or --no-scram)');
}
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
if (results.some((r) => !r.ftree.ok)) process.exitCode = 1;

/** Every `<float value="x"/>` of a basic event becomes a lognormal deviate with mean x and error factor 3. */
function withLognormals(xml) {
  return xml.replace(/<float value="([^"]+)"\/>/g, '<lognormal-deviate><float value="$1"/><float value="3"/><float value="0.95"/></lognormal-deviate>');
}

function runFtree(files) {
  const cli = join(root, 'bin', 'ftree.js');
  const argv = ['uncertainty', ...files, '--trials', String(trials), '--seed', '1', '--workers', String(workers), '--no-sensitivity', '--format', 'json'];
  const run = timed(cli, argv, timeout);
  if (!run.ok) return { ok: false, status: run.timedOut ? 'timeout' : 'failed', seconds: run.seconds, stderr: run.stderr.slice(0, 2000) };
  const json = JSON.parse(run.stdout);
  return {
    ok: true,
    seconds: run.seconds,
    cpu: run.cpu,
    peakMiB: run.peakMiB,
    engineSeconds: json.seconds,
    workers: json.uncertainty.workers,
    mean: json.uncertainty.mean,
    sd: json.uncertainty.sd,
    exactMean: json.top.probability_at_means,
    meanZ: json.uncertainty.standard_error > 0 ? (json.uncertainty.mean - json.top.probability_at_means) / json.uncertainty.standard_error : 0,
    bddNodes: json.model.bdd_nodes,
    sweptNodes: json.model.swept_nodes,
  };
}

/** SCRAM at `trials`, or, when that would take longer than the budget, at two smaller counts, extrapolated. */
function runScram(files) {
  const once = (n) => {
    const out = join(dir, 'scram-report.xml');
    const run = timed('scram', ['--bdd', '--uncertainty', 'true', '--num-trials', String(n), '--seed', '1', '-l', '0', '-o', out, ...files], timeout);
    if (!run.ok) return { ok: false, status: run.timedOut ? 'timeout' : 'failed', seconds: run.seconds };
    const report = readFileSync(out, 'utf8');
    const mean = /<measure[^>]*>\s*<mean value="([^"]+)"/.exec(report);
    return { ok: true, trials: n, seconds: run.seconds, cpu: run.cpu, peakMiB: run.peakMiB, mean: mean ? Number(mean[1]) : undefined };
  };
  // A probe of 20 trials (or 1% of them if fewer), then a run sized to half the budget, give
  // SCRAM's fixed cost and its time per trial; the full run is made when it fits the budget.
  const probeTrials = Math.min(trials, Math.max(10, Math.min(20, Math.round(trials / 100))));
  const probe = once(probeTrials);
  if (!probe.ok || probeTrials === trials) return probe;
  const larger = Math.max(probeTrials * 2, Math.min(trials, Math.floor(scramBudget / 2 / (probe.seconds / probeTrials))));
  const second = once(larger);
  if (!second.ok || larger === trials) return second;
  const extrapolate = (a, b) => a + ((b - a) / (larger - probeTrials)) * (trials - probeTrials);
  if (extrapolate(probe.seconds, second.seconds) <= scramBudget) return once(trials);
  return {
    ok: true,
    extrapolated: true,
    measured: [probe, second],
    seconds: extrapolate(probe.seconds, second.seconds),
    cpu: extrapolate(probe.cpu, second.cpu),
    peakMiB: second.peakMiB,
    mean: second.mean,
  };
}

/** Runs a command under /usr/bin/time when present: wall seconds, CPU seconds (user + system), peak RSS. */
function timed(command, argv, timeoutSeconds) {
  const start = process.hrtime.bigint();
  const wrapped = timeBin ? ['/usr/bin/time', ['-f', '%U %S %M', command, ...argv]] : [command, argv];
  const run = spawnSync(wrapped[0], wrapped[1], { encoding: 'utf8', timeout: timeoutSeconds * 1000, maxBuffer: 256 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const timedOut = run.error?.code === 'ETIMEDOUT' || run.signal === 'SIGTERM';
  let cpu = Number.NaN;
  let peakMiB;
  let stderr = run.stderr ?? '';
  if (timeBin) {
    const lines = stderr.trimEnd().split('\n');
    const [user, system, kib] = (lines.pop() ?? '').split(' ').map(Number);
    cpu = user + system;
    peakMiB = kib / 1024;
    stderr = lines.join('\n');
  }
  return { ok: run.status === 0, timedOut, seconds, cpu, peakMiB, stdout: run.stdout ?? '', stderr };
}

function printTable(head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r));
}
