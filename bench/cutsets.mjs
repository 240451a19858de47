#!/usr/bin/env node
// Benchmark of `ftree cutsets` on the Aralia fault trees (../shared/benchmarks/mef/scram-input/Aralia):
// each tree in its own child process with a time limit, every minimal cut set listed as CSV to
// /dev/null (as SCRAM's report), whole-process wall and CPU time and peak RSS; the number of sets
// (from a second, unmeasured run) checked against SCRAM's where known; SCRAM
// (`scram --bdd -l N -o /dev/null FILE`) on the same run when it is on the PATH. Then the target run:
// CEA9601 at order ≤ 5 (1,615,876 sets) streamed to a CSV file, in under 10 s and 1 GiB.
//
// Usage: npm run build && node bench/cutsets.mjs [--timeout S] [--no-scram] [--to-file] [--json FILE] [tree[:order] …]
// Without trees: the set below, each at SCRAM's default order limit 20 or at a lower limit where a
// full run lists more sets than is reasonable to write. --to-file writes every run's CSV to a file.

import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The shared folder beside the repository, or FTREE_SHARED.
const araliaDir = join(process.env['FTREE_SHARED'] ?? join(root, '..', 'shared'), 'benchmarks', 'mef', 'scram-input', 'Aralia');
const cli = join(root, 'bin', 'ftree.js');

/** Order limit per tree: 20 (SCRAM's default) unless the full list is too large to write. */
const ORDERS = {
  baobab1: 20, baobab2: 20, baobab3: 20, cea9601: 5, chinese: 20,
  das9201: 20, das9202: 20, das9203: 20, das9204: 20, das9205: 20, das9206: 20, das9207: 20, das9208: 20,
  das9209: 10, das9601: 20, das9701: 4,
  edf9201: 20, edf9202: 20, edf9203: 6, edf9204: 6, edf9205: 20, edf9206: 6,
  edfpa14b: 6, edfpa14o: 6, edfpa14p: 20, edfpa14q: 6, edfpa14r: 20,
  edfpa15b: 20, edfpa15o: 20, edfpa15p: 20, edfpa15q: 20, edfpa15r: 20,
  elf9601: 20, ftr10: 20, isp9601: 20, isp9602: 20, isp9603: 20, isp9604: 20, isp9605: 20, isp9606: 20, isp9607: 20,
  jbd9601: 20,
};

/** Number of minimal cut sets by SCRAM (benchmarks/README.md), per tree and order limit. */
const REFERENCE = {
  'baobab1:20': 46188, 'baobab2:20': 4805, 'baobab3:20': 24386, 'cea9601:3': 1144, 'cea9601:4': 54436, 'cea9601:5': 1615876,
  'cea9601:6': 9323572, 'chinese:20': 392, 'das9201:20': 14217, 'das9202:20': 27778, 'das9203:20': 16200, 'das9204:20': 16704,
  'das9205:20': 17280, 'das9206:20': 19518, 'das9207:20': 25988, 'das9208:20': 8060, 'das9601:20': 4259, 'edf9201:20': 579720,
  'edf9202:20': 130112, 'edf9203:20': 20807446, 'edf9205:20': 21308, 'edfpa14p:20': 415500, 'edfpa14r:20': 380412,
  'edfpa15b:20': 2910473, 'edfpa15o:20': 2906753, 'edfpa15p:20': 27870, 'edfpa15q:20': 2910473, 'edfpa15r:20': 26549,
  'elf9601:20': 151348, 'ftr10:20': 305, 'isp9601:20': 276785, 'isp9602:20': 5197647, 'isp9603:20': 3434, 'isp9604:20': 746574,
  'isp9605:20': 5630, 'isp9606:20': 1776, 'isp9607:20': 150436, 'jbd9601:20': 14007,
};

const args = process.argv.slice(2);
let timeout = 120;
let useScram = true;
let jsonOut;
let toFile = false;
const runs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--timeout') timeout = Number(args[++i]);
  else if (args[i] === '--no-scram') useScram = false;
  else if (args[i] === '--json') jsonOut = args[++i];
  else if (args[i] === '--to-file') toFile = true;
  else {
    const [tree, order] = args[i].split(':');
    runs.push({ tree, order: order === undefined ? ORDERS[tree] ?? 20 : Number(order) });
  }
}
if (runs.length === 0) for (const [tree, order] of Object.entries(ORDERS)) runs.push({ tree, order });
if (!existsSync(join(root, 'dist', 'bundle', 'ftree.cjs'))) {
  console.error('bench/cutsets.mjs: the CLI is not built: run `npm run build` first');
  process.exit(2);
}
if (!existsSync(araliaDir)) {
  console.error(`bench/cutsets.mjs: the Aralia set is absent (${araliaDir})`);
  process.exit(2);
}
const scram = useScram && spawnSync('scram', ['--version']).status === 0;
const timeBin = existsSync('/usr/bin/time');
const work = mkdtempSync(join(tmpdir(), 'ftree-bench-cutsets-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const header = ['tree', 'order ≤', 'cut sets', 'SCRAM ref', 'ftree s', 'CPU s', 'MiB'];
if (scram) header.push('SCRAM s', 'SCRAM CPU', 'SCRAM MiB', 'ratio');
const rows = [];
const results = [];
let failures = 0;
for (const { tree, order } of runs) {
  const file = join(araliaDir, `${tree}.xml`);
  const csv = join(work, `${tree}.csv`);
  const csvArgs = ['cutsets', file, '--max-order', String(order), '--format', 'csv'];
  const ours = runTimed(cli, toFile ? [...csvArgs, '-o', csv, '--force'] : csvArgs, timeout);
  const result = { tree, order, ...ours };
  if (ours.ok) {
    if (toFile) {
      result.count = (await countLines(csv)) - 1;
      result.csvMiB = statSync(csv).size / 2 ** 20;
      rmSync(csv, { force: true });
    } else {
      result.count = countOf(file, order);
    }
    const ref = REFERENCE[`${tree}:${order}`];
    result.agrees = ref === undefined || result.count === undefined ? undefined : ref === result.count;
    if (result.agrees === false) failures++;
  } else failures++;
  if (scram) {
    const run = runTimed('scram', ['--bdd', '-l', String(order), '-o', '/dev/null', file], timeout);
    result.scram = run;
  }
  results.push(result);
  const row = [
    tree,
    String(order),
    ours.ok ? String(result.count) : ours.timedOut ? 'timeout' : 'failed',
    REFERENCE[`${tree}:${order}`] === undefined ? '-' : result.agrees === false ? `NO ${REFERENCE[`${tree}:${order}`]}` : 'same',
    ours.seconds.toFixed(2),
    fmt(ours.cpuSeconds, 2),
    fmt(ours.peakMiB, 0),
  ];
  if (scram) {
    const s = result.scram;
    row.push(s.ok ? s.seconds.toFixed(2) : s.timedOut ? 'timeout' : 'failed', fmt(s.cpuSeconds, 2), fmt(s.peakMiB, 0), s.ok && ours.ok ? (ours.seconds / s.seconds).toFixed(2) : '-');
  }
  rows.push(row);
  process.stderr.write(`${row.join('  ')}\n`);
}
printTable(header, rows);
const solved = results.filter((r) => r.ok);
console.log(`\nruns: ${results.length}, solved: ${solved.length}, counts agreeing with SCRAM's where known: ${results.filter((r) => r.agrees === true).length}/${results.filter((r) => r.agrees !== undefined).length}`);
if (scram) {
  const both = results.filter((r) => r.ok && r.scram.ok);
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `on the ${both.length} runs both finished within ${timeout} s: ftree ${sum(both.map((r) => r.seconds)).toFixed(2)} s, SCRAM ${sum(both.map((r) => r.scram.seconds)).toFixed(2)} s; ` +
      `SCRAM timed out or failed on ${results.filter((r) => !r.scram.ok).length}, ftree on ${results.filter((r) => !r.ok).length}`,
  );
} else {
  console.log('SCRAM not run (not on the PATH, or --no-scram)');
}

// The target: CEA9601 at order ≤ 5 streamed to a CSV file.
const cea = join(araliaDir, 'cea9601.xml');
const target = runTimed(cli, ['cutsets', cea, '--max-order', '5', '--format', 'csv', '-o', join(work, 'cea9601.csv'), '--force'], timeout);
if (target.ok) {
  const lines = (await countLines(join(work, 'cea9601.csv'))) - 1;
  const mib = statSync(join(work, 'cea9601.csv')).size / 2 ** 20;
  const met = target.seconds < 10 && (target.peakMiB ?? 0) < 1024 && lines === REFERENCE['cea9601:5'];
  console.log(
    `target: cea9601 order ≤ 5 to a CSV file: ${lines} sets (${mib.toFixed(0)} MiB) in ${target.seconds.toFixed(2)} s wall, ` +
      `${fmt(target.cpuSeconds, 2)} s CPU, ${fmt(target.peakMiB, 0)} MiB peak — ${met ? 'met' : 'NOT met'} (< 10 s, < 1 GiB, 1,615,876 sets)`,
  );
  if (!met) process.exitCode = 1;
} else {
  console.log(`target: cea9601 order ≤ 5 to a CSV file: ${target.timedOut ? 'timeout' : 'failed'}`);
  process.exitCode = 1;
}
results.push({ tree: 'cea9601', order: 5, target: true, ...target });

if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
if (failures > 0) process.exitCode = 1;

/**
 * Runs a command under `timeout -s KILL` (so the command itself is ended, not a wrapper), its
 * standard output to /dev/null, through
 * /usr/bin/time for CPU time and peak RSS when available; whole-process wall time.
 */
function runTimed(command, commandArgs, seconds) {
  const limited = ['-s', 'KILL', String(seconds), command, ...commandArgs];
  const start = process.hrtime.bigint();
  const run = timeBin
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'timeout', ...limited], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'ignore', 'pipe'] })
    : spawnSync('timeout', limited, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const result = { ok: run.status === 0, timedOut: run.status === 137 || run.status === 124 || wall >= seconds, seconds: wall };
  if (timeBin) {
    const last = (run.stderr ?? '').trim().split('\n').pop() ?? '';
    const [kib, user, sys] = last.split(' ').map(Number);
    if (Number.isFinite(kib)) result.peakMiB = kib / 1024;
    if (Number.isFinite(user) && Number.isFinite(sys)) result.cpuSeconds = user + sys;
  }
  if (!result.ok && !result.timedOut) result.stderr = (run.stderr ?? '').slice(0, 500);
  return result;
}

/** The number of sets, from `--format json --limit 1` (not timed). */
function countOf(file, order) {
  const run = spawnSync(cli, ['cutsets', file, '--max-order', String(order), '--format', 'json', '--limit', '1'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: timeout * 1000,
  });
  try {
    return JSON.parse(run.stdout).count;
  } catch {
    return undefined;
  }
}

async function countLines(file) {
  let lines = 0;
  for await (const chunk of createReadStream(file)) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

function fmt(x, digits) {
  return x === undefined ? '-' : x.toFixed(digits);
}

function printTable(head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r));
}
