#!/usr/bin/env node
// Benchmark of the BDD engine on the Aralia fault trees (../shared/benchmarks/mef/scram-input/Aralia):
// one child process per tree (whole-process wall time, peak RSS), exact P(top) checked against the
// reference, and SCRAM (`scram --bdd --probability 1 -l 0`) side by side when it is on the PATH.
//
// Usage: npm run build && node bench/engine.mjs [--timeout S] [--no-scram] [--cli] [--json FILE] [tree …]
// --cli runs the command a user runs, `ftree analyze FILE --format json` (start-up, MEF reading,
// P(top), the importance table and the cut-set approximations), instead of the engine alone.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const araliaDir = join(root, '..', 'shared', 'benchmarks', 'mef', 'scram-input', 'Aralia');
// The engine child starts without NODE_EXTRA_CA_CERTS, which Node would parse as it starts (tens of
// ms with a system CA bundle), as bin/ftree.js starts Node (docs/decisions.md).
const { NODE_EXTRA_CA_CERTS: _ca, ...childEnv } = process.env;

/** Exact P(top) by SCRAM's BDD (benchmarks/README.md); nus9601 has no reference. */
const REFERENCE = {
  baobab1: 0.000101708, baobab2: 0.000713018, baobab3: 0.00224117, cea9601: 0.00148409, chinese: 0.00117058,
  das9201: 0.0134237, das9202: 0.0101154, das9203: 0.0013488, das9204: 2.16942e-11, das9205: 1.38408e-8,
  das9206: 0.229687, das9207: 0.346696, das9208: 0.0130179, das9209: 1.058e-13, das9601: 0.0042344,
  das9701: 0.0744694, edf9201: 0.324591, edf9202: 0.781302, edf9203: 0.599589, edf9204: 0.525374,
  edf9205: 0.209351, edf9206: 8.615e-12, edfpa14b: 0.29562, edfpa14o: 0.297057, edfpa14p: 0.0807059,
  edfpa14q: 0.295905, edfpa14r: 0.0209977, edfpa15b: 0.362737, edfpa15o: 0.362956, edfpa15p: 0.0736302,
  edfpa15q: 0.362737, edfpa15r: 0.018975, elf9601: 0.0966291, ftr10: 0.448677, isp9601: 0.0571245,
  isp9602: 0.0172447, isp9603: 0.00323326, isp9604: 0.142751, isp9605: 1.37171e-5, isp9606: 0.0543174,
  isp9607: 9.4951e-7, jbd9601: 0.755091,
};

if (process.argv[2] === '--child') {
  await runChild(process.argv[3], process.argv[4]);
} else {
  await runParent(process.argv.slice(2));
}

/**
 * In the child: load, analyse, report one JSON line. `bundle` is the built MEF reader and engine
 * bundled into one file (as the CLI ships, see scripts/bundle.mjs), else dist/ is imported as is.
 */
async function runChild(file, bundle) {
  const dist = join(root, 'dist');
  const { loadMefSync, analyzeProbability } = bundle
    ? await import(pathToFileURL(bundle).href)
    : {
        ...(await import(pathToFileURL(join(dist, 'parse', 'mef', 'index.js')).href)),
        ...(await import(pathToFileURL(join(dist, 'engine', 'index.js')).href)),
      };
  const tree = loadMefSync([file]);
  const analysis = analyzeProbability(tree);
  const line = {
    events: tree.events.size,
    gates: tree.gates.size,
    bddNodes: analysis.bddNodes,
    pTop: analysis.pTop,
    engineSeconds: analysis.seconds,
    cpuSeconds: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6,
    peakKiB: process.resourceUsage().maxRSS,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function runParent(args) {
  let timeout = 60;
  let useScram = true;
  let jsonOut;
  let cli = false;
  const names = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--timeout') timeout = Number(args[++i]);
    else if (args[i] === '--no-scram') useScram = false;
    else if (args[i] === '--json') jsonOut = args[++i];
    else if (args[i] === '--cli') cli = true;
    else names.push(args[i]);
  }
  if (!existsSync(join(root, 'dist', 'engine', 'index.js'))) {
    console.error('bench/engine.mjs: dist/ is missing: run `npm run build` first');
    process.exit(2);
  }
  if (!existsSync(araliaDir)) {
    console.error(`bench/engine.mjs: the Aralia set is absent (${araliaDir})`);
    process.exit(2);
  }
  const scram = useScram && spawnSync('scram', ['--version']).status === 0;
  const bundleDir = mkdtempSync(join(tmpdir(), 'ftree-bench-'));
  const bundle = await bundleChild(join(bundleDir, 'engine-child.mjs'));
  process.on('exit', () => rmSync(bundleDir, { recursive: true, force: true }));
  const timeBin = existsSync('/usr/bin/time');
  const trees = (names.length > 0 ? names : readdirSync(araliaDir).filter((f) => f.endsWith('.xml')).map((f) => basename(f, '.xml'))).sort();

  const header = ['tree', 'events', 'gates', 'BDD nodes', 'P(top)', 'ok', 'wall s', 'CPU s', 'peak MiB'];
  if (scram) header.push('SCRAM s', 'SCRAM CPU s', 'SCRAM MiB', 'ratio');
  const rows = [];
  const results = [];
  let total = 0;
  let cpuTotal = 0;
  let scramTotal = 0;
  let scramCpuTotal = 0;
  let oursCpuOnCompared = 0;
  let scramCompared = 0;
  let oursOnCompared = 0;
  let failures = 0;
  for (const name of trees) {
    const file = join(araliaDir, `${name}.xml`);
    const ours = cli ? runCli(file, timeout, timeBin) : runTimed(process.execPath, [fileURLToPath(import.meta.url), '--child', file, ...(bundle ? [bundle] : [])], timeout, childEnv);
    let result = { tree: name, ...ours };
    if (ours.ok) {
      const line = cli ? ours.line : JSON.parse(ours.stdout.trim().split('\n').pop());
      result = { ...result, ...line, peakMiB: line.peakKiB / 1024 };
      const ref = REFERENCE[name];
      result.agrees = ref === undefined ? undefined : Math.abs(line.pTop - ref) <= 0.5e-5 * Math.abs(ref) + 1e-300;
      if (result.agrees === false) failures++;
    } else failures++;
    total += ours.seconds;
    cpuTotal += result.cpuSeconds ?? 0;
    if (scram) {
      // `timeout` ends SCRAM itself (ending /usr/bin/time alone would orphan it).
      const scramArgs = ['--bdd', '--probability', '1', '-l', '0', '-o', '/dev/null', file];
      const limited = ['-s', 'KILL', String(timeout), 'scram', ...scramArgs];
      const run = timeBin
        ? runTimed('/usr/bin/time', ['-f', '%M %U %S', 'timeout', ...limited], timeout + 5)
        : runTimed('timeout', limited, timeout + 5);
      run.timedOut ||= run.seconds >= timeout;
      result.scramSeconds = run.ok ? run.seconds : undefined;
      result.scramStatus = run.ok ? 'ok' : run.timedOut ? 'timeout' : 'failed';
      if (run.ok && timeBin) {
        const [kib, user, system] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
        result.scramPeakMiB = kib / 1024;
        result.scramCpuSeconds = user + system;
      }
      if (run.ok && ours.ok) {
        scramTotal += run.seconds;
        scramCpuTotal += result.scramCpuSeconds ?? 0;
        oursOnCompared += ours.seconds;
        oursCpuOnCompared += result.cpuSeconds ?? 0;
        scramCompared++;
      }
    }
    results.push(result);
    const row = [
      name,
      fmt(result.events),
      fmt(result.gates),
      fmt(result.bddNodes),
      result.pTop === undefined ? (ours.timedOut ? 'timeout' : 'failed') : result.pTop.toPrecision(6),
      result.agrees === undefined ? '-' : result.agrees ? 'yes' : 'NO',
      ours.seconds.toFixed(2),
      result.cpuSeconds === undefined ? '-' : result.cpuSeconds.toFixed(2),
      result.peakMiB === undefined ? '-' : result.peakMiB.toFixed(0),
    ];
    if (scram) {
      row.push(
        result.scramSeconds === undefined ? result.scramStatus : result.scramSeconds.toFixed(2),
        result.scramCpuSeconds === undefined ? '-' : result.scramCpuSeconds.toFixed(2),
        result.scramPeakMiB === undefined ? '-' : result.scramPeakMiB.toFixed(0),
        result.scramSeconds === undefined || !ours.ok ? '-' : (ours.seconds / result.scramSeconds).toFixed(2),
      );
    }
    rows.push(row);
    process.stderr.write(`${row.join('  ')}\n`);
  }
  printTable(header, rows);
  console.log(`\ntrees: ${trees.length}, solved and agreeing with the reference: ${trees.length - failures}`);
  console.log(`total wall time (ftree): ${total.toFixed(2)} s, CPU ${cpuTotal.toFixed(2)} s`);
  const withinTarget = results.filter((r) => r.ok && r.seconds <= 10 && r.peakMiB <= 2048).length;
  console.log(`solved within 10 s and 2 GiB: ${withinTarget} of ${trees.length}`);
  if (scram) {
    const notSlower = results.filter((r) => r.ok && r.scramSeconds !== undefined && r.seconds <= r.scramSeconds).length;
    const scramFailed = results.filter((r) => r.scramSeconds === undefined).map((r) => r.tree);
    console.log(`no slower than SCRAM (whole process): ${notSlower} of ${scramCompared}; SCRAM did not finish: ${scramFailed.join(', ') || 'none'}`);
    console.log(`on the ${scramCompared} trees SCRAM finished within ${timeout} s: ftree ${oursOnCompared.toFixed(2)} s, SCRAM ${scramTotal.toFixed(2)} s, ratio ${(oursOnCompared / scramTotal).toFixed(2)}`);
    console.log(`  CPU: ftree ${oursCpuOnCompared.toFixed(2)} s, SCRAM ${scramCpuTotal.toFixed(2)} s, ratio ${(oursCpuOnCompared / scramCpuTotal).toFixed(2)}`);
  } else {
    console.log('SCRAM not run (not on the PATH, or --no-scram)');
  }
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
  if (failures > 0) process.exitCode = 1;
}

/** Bundles dist/'s MEF reader and engine into one module with esbuild; undefined without esbuild. */
async function bundleChild(outfile) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  const dist = join(root, 'dist');
  await esbuild.build({
    stdin: {
      contents: `export { loadMefSync } from './parse/mef/index.js';\nexport { analyzeProbability } from './engine/index.js';\n`,
      resolveDir: dist,
      loader: 'js',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * `ftree analyze FILE --format json` as a user runs it (bin/ftree.js executed, so through its
 * `#!` line), with CPU time and peak memory from /usr/bin/time.
 */
function runCli(file, timeoutSeconds, timeBin) {
  const cli = join(root, 'bin', 'ftree.js');
  const cliArgs = ['analyze', file, '--format', 'json'];
  const run = timeBin ? runTimed('/usr/bin/time', ['-f', '%M %U %S', cli, ...cliArgs], timeoutSeconds) : runTimed(cli, cliArgs, timeoutSeconds);
  if (!run.ok) return run;
  const out = JSON.parse(run.stdout);
  const [kib, user, system] = timeBin ? run.stderr.trim().split('\n').pop().split(' ').map(Number) : [];
  const line = { events: out.model.events, gates: out.model.gates, bddNodes: out.model.bdd_nodes, pTop: out.top.probability, ...(timeBin ? { peakKiB: kib, cpuSeconds: user + system } : {}) };
  return { ...run, line };
}

/** Runs a command with a time limit; whole-process wall time. */
function runTimed(command, args, timeoutSeconds, env = process.env) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutSeconds * 1000, maxBuffer: 64 << 20, env });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const timedOut = run.error?.code === 'ETIMEDOUT' || run.signal === 'SIGTERM';
  return { ok: run.status === 0, timedOut, seconds, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

function fmt(x) {
  return x === undefined ? '-' : String(x);
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
