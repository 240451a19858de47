#!/usr/bin/env node
// Benchmark: incident diagnosis end to end, the whole process (`node bin/ftree.js analyze … --format
// json`), on a generated 200-event tree (20 subsystems with shared events, every event with a log
// signal and a check, 50 metric signals of which 20 sit on gates, change signals) with 100,000 log
// lines (JSON and text, an hour: baseline then window) and 50 metric series (long CSV, 15 s step).
// Target (issue 7): under 1 s. Prints the median of FTREE_BENCH_RUNS runs (default 7) and the peak
// memory (maxRSS of the process). Run `npm run build` first. The generated files go to a temporary
// folder, deleted afterwards (FTREE_BENCH_KEEP=1 keeps it and prints where).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLoad, describeRuns, median, timeFtree } from './lib/time-cli.mjs';

const runs = Number(process.env.FTREE_BENCH_RUNS ?? 7);
const LINES = 100_000;
const SUBSYSTEMS = 20;
const PER = 10;
const T0 = Date.parse('2026-11-22T09:00:00Z');
const SINCE = T0 + 30 * 60_000;
const UNTIL = T0 + 60 * 60_000;
const CAUSE = 'e06_3'; // the planted root cause: its log pattern surges and its metric crosses

let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const iso = (ms) => new Date(ms).toISOString();
const eid = (k, i) => `e${String(k).padStart(2, '0')}_${i}`;

function writeTree(dir) {
  const out = ['ftree: 1', 'name: bench-200', 'title: Generated 200-event service tree', 'top: outage', 'defaults: { sensitivity: 0.85, false_alarm: 0.03 }', 'gates:'];
  out.push(`  outage: { type: or, inputs: [${Array.from({ length: SUBSYSTEMS }, (_, k) => `s${k}`).join(', ')}] }`);
  let metric = 0;
  for (let k = 0; k < SUBSYSTEMS; k++) {
    const e = (i) => eid(k, i);
    const shared = eid((k + SUBSYSTEMS - 1) % SUBSYSTEMS, 9); // one event shared with the previous subsystem
    out.push(`  s${k}:`);
    if (k % 3 === 0) out.push(`    type: or`, `    inputs: [${[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(e).join(', ')}, ${shared}]`);
    else if (k % 3 === 1) {
      out.push(`    type: or`, `    inputs: [s${k}_pair_a, s${k}_pair_b, ${[4, 5, 6, 7, 8, 9].map(e).join(', ')}]`);
    } else out.push(`    type: or`, `    inputs: [s${k}_vote, ${[4, 5, 6, 7, 8, 9].map(e).join(', ')}, ${shared}]`);
    out.push(`    evidence: { metrics: [ { query: m_gate_${k}, above: 100, label: subsystem ${k} error rate } ] }`);
    metric++;
    if (k % 3 === 1) {
      out.push(`  s${k}_pair_a: { type: and, inputs: [${e(0)}, ${e(1)}] }`, `  s${k}_pair_b: { type: and, inputs: [${e(2)}, ${e(3)}] }`);
    }
    if (k % 3 === 2) out.push(`  s${k}_vote: { type: atleast, k: 2, inputs: [${[0, 1, 2, 3].map(e).join(', ')}] }`);
  }
  out.push('events:');
  for (let k = 0; k < SUBSYSTEMS; k++) {
    for (let i = 0; i < PER; i++) {
      const id = eid(k, i);
      const p = (0.0005 + 0.004 * rand()).toFixed(5);
      out.push(`  ${id}:`, `    label: Fault ${i} of subsystem ${k}`, `    probability: ${p}`, '    evidence:');
      out.push(`      logs: [ { pattern: "ERR-${id.toUpperCase()} failure detected" } ]`);
      if ((k * PER + i) % 6 === 3 && metric < 50) {
        out.push(`      metrics: [ { query: m_event_${id}, above: 100 } ]`);
        metric++;
      }
      if (i === 0) out.push(`      changes: [ { service: svc-${k}, kind: deploy, within: 30m } ]`);
      out.push(`    check: { how: "inspect ${id}", cost: ${1 + (i % 5)}m }`);
    }
  }
  writeFileSync(join(dir, 'tree.yaml'), `${out.join('\n')}\n`);
  const queries = [...out.join('\n').matchAll(/query: (m_\w+)/g)].map((m) => m[1]);
  return queries;
}

function writeLogs(dir) {
  const lines = [];
  const span = UNTIL - T0;
  for (let n = 0; n < LINES; n++) {
    const t = T0 + Math.floor((n / LINES) * span);
    const k = Math.floor(rand() * SUBSYSTEMS);
    const inWindow = t >= SINCE;
    const r = rand();
    let msg;
    if (inWindow && r < 0.004) msg = `ERR-${CAUSE.toUpperCase()} failure detected on node-${Math.floor(rand() * 9)}`;
    else if (r < 0.0006) msg = `ERR-${eid(Math.floor(rand() * SUBSYSTEMS), Math.floor(rand() * PER)).toUpperCase()} failure detected (routine)`;
    else msg = [`GET /api/v1/items/${Math.floor(rand() * 1e6)} 200 ${Math.floor(rand() * 90)}ms`, `worker ${Math.floor(rand() * 64)} processed batch ${Math.floor(rand() * 1e5)} in ${Math.floor(rand() * 900)}ms`, `cache hit ratio ${90 + Math.floor(rand() * 10)}% for keyspace items:v3`][n % 3];
    lines.push(n % 2 === 0 ? JSON.stringify({ time: iso(t), level: 'info', service: `svc-${k}`, msg }) : `${iso(t)} INFO [svc-${k}] ${msg}`);
  }
  writeFileSync(join(dir, 'app.log'), `${lines.join('\n')}\n`);
}

function writeMetrics(dir, queries) {
  const rows = ['time,series,labels,value'];
  for (let t = T0; t < UNTIL; t += 15_000) {
    for (const q of queries) {
      const hot = t >= SINCE + 60_000 && (q === `m_event_${CAUSE}` || q === 'm_gate_6');
      rows.push(`${iso(t)},${q},,${hot ? 400 + Math.floor(rand() * 50) : 20 + Math.floor(rand() * 30)}`);
    }
  }
  writeFileSync(join(dir, 'metrics.csv'), `${rows.join('\n')}\n`);
}

const dir = mkdtempSync(join(tmpdir(), 'ftree-bench-diagnose-'));
try {
  const queries = writeTree(dir);
  if (!queries.includes(`m_event_${CAUSE}`)) throw new Error(`the planted cause ${CAUSE} has no metric signal`);
  writeLogs(dir);
  writeMetrics(dir, queries);
  writeFileSync(join(dir, 'changes.jsonl'), `${JSON.stringify({ time: iso(SINCE - 3_600_000), service: 'svc-3', kind: 'deploy', description: 'an old deploy' })}\n`);
  const args = ['analyze', join(dir, 'tree.yaml'), '--logs', join(dir, 'app.log'), '--metrics', join(dir, 'metrics.csv'), '--changes', join(dir, 'changes.jsonl'), '--since', iso(SINCE), '--until', iso(UNTIL), '--format', 'json'];
  const result = timeFtree(dir, args, runs);
  const { last } = result;
  const stats = last.evidence;
  console.log(`Tree: ${SUBSYSTEMS * PER} events, ${last.gates.length} gates with signals · logs: ${LINES.toLocaleString('en-US')} lines · metrics: ${queries.length} series · signals: ${stats.signals} (${stats.fired} fired)`);
  console.log(`Diagnosis: ${last.verdict.summary} · in-process ${(last.seconds * 1000).toFixed(0)} ms · BDD ${last.model.bdd_nodes.toLocaleString('en-US')} nodes`);
  console.log(describeRuns(result));
  console.log(describeLoad());
  const ok = median(result.times) < 1000 && last.verdict.top_suspect === CAUSE;
  console.log(`Target: under 1 s with ${CAUSE} ranked first: ${ok ? 'met' : 'NOT met'}`);
  if (process.env.FTREE_BENCH_KEEP === '1') console.log(`Files kept in ${dir}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  if (process.env.FTREE_BENCH_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
}
