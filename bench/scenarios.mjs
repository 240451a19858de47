#!/usr/bin/env node
// npm run bench:scenarios [-- --seed N] [-- --json] [-- --keep DIR]: generates the hard scenario
// suite (scenarios/generate.mjs), runs the built `ftree analyze` on every scenario and prints
// first-rank and top-3 accuracy and quiet-window specificity per family and overall, then each
// scenario that ftree gets wrong. Needs `npm run build` first.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_SEED, generateScenarios } from '../scenarios/generate.mjs';
import { evaluateSuite, summarizeSuite } from '../scenarios/evaluate.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const seed = Number(option('--seed') ?? DEFAULT_SEED);
const keep = option('--keep');
const root = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'ftree-scenarios-'));

try {
  const started = performance.now();
  const truths = generateScenarios(root, { seed });
  const results = await evaluateSuite(root, truths);
  const summary = summarizeSuite(results);
  const seconds = (performance.now() - started) / 1000;
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify({ seed, seconds, ...summary, results }, null, 2) + '\n');
  } else {
    const pct = (x) => (x === null ? '   –' : `${(100 * x).toFixed(0).padStart(3)}%`);
    const line = (name, s) =>
      `${name.padEnd(16)} ${String(s.with_cause).padStart(5)} ${pct(s.first_rank).padStart(7)} ${pct(s.top3).padStart(6)} ${String(s.quiet).padStart(6)} ${pct(s.quiet_specificity).padStart(12)}`;
    process.stdout.write(`Scenario suite, seed ${seed}: ${truths.length} scenarios in ${seconds.toFixed(1)} s\n\n`);
    process.stdout.write(`${'family'.padEnd(16)} cause  first   top3  quiet  specificity\n`);
    for (const [f, s] of Object.entries(summary.families)) process.stdout.write(line(f, s) + '\n');
    process.stdout.write(line('overall', summary.overall) + '\n');
    const o = summary.overall;
    if (o.two_causes > 0) process.stdout.write(`\nTwo causes at once: both ranked first and second in ${pct(o.both_first_two).trim()} of ${o.two_causes}\n`);
    const wrong = results.filter((r) => !r.pass);
    if (wrong.length > 0) {
      process.stdout.write(`\nWrong (${wrong.length}):\n`);
      for (const r of wrong) {
        const truth = r.quiet ? 'nothing' : r.causes.join(' + ');
        const known = r.knownMiss ? ' [known miss]' : '';
        process.stdout.write(`  ${r.name}${known}: truth ${truth}; verdict ${r.verdict} (${r.reason}); ranked ${r.ranked.slice(0, 3).join(', ')}\n`);
      }
    }
  }
} finally {
  if (!keep) rmSync(root, { recursive: true, force: true });
}
