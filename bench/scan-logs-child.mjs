#!/usr/bin/env node
// Child of bench/logs.mjs: scans one file with the given patterns through dist/evidence and prints
// lines, matches and peak RSS as JSON (a process of its own, so that its memory is measured alone).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [file, patternsJson, start, end, templates] = process.argv.slice(2);
const { compileLogSignal } = await import(join(root, 'dist', 'evidence', 'compile-log-signal.js'));
const { scanLogs } = await import(join(root, 'dist', 'evidence', 'scan-logs.js'));
const { listLogSources } = await import(join(root, 'dist', 'evidence', 'list-log-sources.js'));
const { UTC } = await import(join(root, 'dist', 'evidence', 'time-zone.js'));
const signals = JSON.parse(patternsJson).map((pattern) => compileLogSignal({ pattern }));
const window = { start: Number(start), end: Number(end) };
const r = await scanLogs(await listLogSources([file]), signals, { window, zone: UTC, templates: templates === '1' });
const matches = r.signals.reduce((a, s) => a + s.window, 0);
console.log(JSON.stringify({
  lines: r.sources[0].lines,
  matches,
  templates: r.miner ? r.miner.templates().length : 0,
  peakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
}));
