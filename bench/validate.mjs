#!/usr/bin/env node
// Benchmark: `ftree validate` of a generated 50-event tree, without and with parameter expressions
// (every fifth event `1 - exp(-lambda * mission_time)`), and of trees/payment-latency.yaml, against
// `node -e 0`. Target (issues 2 and 16): median wall time within 3× of `node -e 0`. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'ftree.js');
const runs = Number(process.env.BENCH_RUNS ?? 30);

/** A layered tree: 50 events under 17 gates of mixed types, some events shared. */
function generateTree(events, expressions = false) {
  const lines = ['ftree: 1', 'name: bench-50', 'top: top', 'mission_time: 24h'];
  if (expressions) lines.push('parameters:', ...Array.from({ length: 10 }, (_, i) => `  lambda_${i}: ${(i + 1) * 1e-6}/h`));
  lines.push('gates:');
  const gates = [];
  for (let g = 0; g < Math.ceil(events / 4); g++) {
    const inputs = [0, 1, 2, 3].map((i) => `e${(g * 4 + i) % events}`);
    if (g % 3 === 0) inputs.push(`e${(g * 7 + 5) % events}`);
    const type = ['and', 'or', 'atleast'][g % 3];
    gates.push(`g${g}`);
    lines.push(`  g${g}:`, `    label: Gate ${g}`, `    type: ${type}`, ...(type === 'atleast' ? ['    k: 2'] : []), `    inputs: [${[...new Set(inputs)].join(', ')}]`);
  }
  lines.push('  top:', '    type: or', `    inputs: [${gates.join(', ')}]`, 'events:');
  for (let e = 0; e < events; e++) {
    lines.push(`  e${e}:`, `    label: Event ${e}`);
    if (expressions && e % 5 === 0) lines.push(`    probability: "1 - exp(-lambda_${(e / 5) % 10} * mission_time)"`);
    else if (e % 3 === 0) lines.push(`    rate: ${(e + 1) * 1e-6}/h`);
    else if (e % 3 === 1) lines.push(`    probability: ${((e % 17) + 1) / 1000}`);
    else lines.push(`    rate: ${(e + 1) * 1e-5}/h`, '    mttr: 4h');
    lines.push('    evidence:', '      logs:', `        - pattern: "error code ${e}"`, '      metrics:', `        - query: metric_${e}_total`, '          above: 10');
  }
  return `${lines.join('\n')}\n`;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(command, args, env = process.env) {
  const samples = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stdout}${r.stderr}`);
    if (i >= 2) samples.push(ms); // two warm-up runs
  }
  return median(samples);
}

const dir = mkdtempSync(join(tmpdir(), 'ftree-bench-'));
try {
  const file = join(dir, 'bench-50.yaml');
  writeFileSync(file, generateTree(50));
  const withExpressions = join(dir, 'bench-50-expressions.yaml');
  writeFileSync(withExpressions, generateTree(50, true));
  // bin/ftree.js starts Node without NODE_EXTRA_CA_CERTS (see its header): so does the baseline.
  const { NODE_EXTRA_CA_CERTS: _ca, ...plainEnv } = process.env;
  const baseline = time(process.execPath, ['-e', '0'], plainEnv);
  const rows = [
    ['ftree validate (50 events)', time(cli, ['validate', file])],
    ['  with 10 expressions', time(cli, ['validate', withExpressions])],
    ['  trees/payment-latency.yaml', time(cli, ['validate', join(root, 'trees', 'payment-latency.yaml')])],
  ];
  console.log(`runs per command: ${runs} (median wall time)`);
  console.log(`node -e 0                          ${baseline.toFixed(1)} ms`);
  let over = false;
  for (const [name, ms] of rows) {
    const ratio = ms / baseline;
    over ||= ratio > 3;
    console.log(`${name.padEnd(35)}${ms.toFixed(1)} ms  ${ratio.toFixed(2)}× (target ≤ 3×) ${ratio <= 3 ? 'OK' : 'OVER TARGET'}`);
  }
  process.exitCode = over ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
