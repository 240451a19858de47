#!/usr/bin/env node
// PetShop root-cause benchmark (amazon-science/petshop-root-cause-analysis, CC BY 4.0): runs
// `ftree analyze` on every issue of every traffic regime found under the dataset folder, the way
// the dataset's own evaluation (code/rca_task.py) does: top-1 and top-3 recall of the injected root
// cause per regime and target metric, and specificity on fault-free windows cut from `noissue`.
// The tree comes from `graph.csv` and the metric names only (never from the labels).
//
//   node bench/petshop.mjs [dataset folder]   (default ../shared/datasets/petshop/dataset)
//   FTREE_PETSHOP_JSON=out.json               also writes every run's outcome
//   FTREE_PETSHOP_DUMP=folder                 also writes each issue's and quiet window's `analyze` JSON there
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'ftree.js');
const dataset = resolve(process.argv[2] ?? join(root, '..', 'shared', 'datasets', 'petshop', 'dataset'));
if (!existsSync(dataset)) {
  console.error(`No PetShop dataset at ${dataset}: give its folder (the one holding low_traffic/, …)`);
  process.exit(2);
}
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

/** The first column of a wide PetShop CSV: epoch seconds of each row after the three header rows and `unix_timestamp`. */
function timestamps(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('unix_timestamp'));
  return lines.slice(start + 1).filter((l) => l.trim() !== '').map((l) => Number(l.split(',')[0]));
}

function ftree(args) {
  const r = spawnSync(bin, args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`ftree ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return r.stdout;
}

const iso = (s) => new Date(s * 1000).toISOString();

/** Blamed components in order: the suspects when the verdict blames someone, else none. */
function blamed(json, labelOf) {
  if (json.verdict.kind !== 'suspects') return [];
  return json.events
    .filter((e) => e.rank !== undefined && e.suspect !== false)
    .sort((a, b) => a.rank - b.rank)
    .map((e) => labelOf(e));
}

const regimes = readdirSync(dataset).filter((d) => existsSync(join(dataset, d, 'graph.csv'))).sort();
const work = mkdtempSync(join(tmpdir(), 'ftree-petshop-'));
const outcomes = [];
const summary = [];
try {
  for (const regime of regimes) {
    const dir = join(dataset, regime);
    const tree = join(work, `${regime}.yaml`);
    ftree(['generate', join(dir, 'graph.csv'), '--template', 'petshop', '-o', tree]);
    const graph = readGraph(join(dir, 'graph.csv'));
    const normal = join(dir, 'noissue', 'metrics.csv');
    const normalTimes = timestamps(normal);
    const labelOf = (e) => e.label ?? e.id;
    const issues = [];
    for (const split of ['train', 'test']) {
      const sdir = join(dir, split);
      if (!existsSync(sdir)) continue;
      for (const issue of readdirSync(sdir).filter((d) => !d.startsWith('.')).sort()) {
        issues.push({ split, issue, dir: join(sdir, issue), target: JSON.parse(readFileSync(join(sdir, issue, 'target.json'), 'utf8')) });
      }
    }
    const baseline = `${iso(normalTimes[0])}..${iso(normalTimes[normalTimes.length - 1] + 1)}`;
    const top = (target) => `${target.target.node}_${target.target.metric}`;
    for (const it of issues) {
      const metrics = join(it.dir, 'metrics.csv');
      const times = timestamps(metrics);
      // The issue's rows: the dataset's method looks at its third point, or the first later one where the target is anomalous.
      const last = times[times.length - 1];
      const args = ['analyze', tree, '--top-event', idOf(top(it.target)), '--metrics', normal, metrics, '--baseline', baseline,
        '--since', iso(times[0]), '--until', iso(last + 1), '--no-templates', '--format', 'json'];
      const json = JSON.parse(ftree(args));
      if (process.env.FTREE_PETSHOP_DUMP) writeFileSync(join(process.env.FTREE_PETSHOP_DUMP, `${regime}-${it.split}-${it.issue}.json`), JSON.stringify(json));
      const ranked = blamed(json, labelOf);
      const truth = it.target.root_cause.node;
      const rank = ranked.indexOf(truth) + 1;
      const trav = traversal(json, graph, it.target.target.node, it.target.target.metric);
      outcomes.push({ regime, split: it.split, issue: it.issue, metric: it.target.target.metric, truth, rank, traversalRank: trav.indexOf(truth) + 1, blamed: ranked.slice(0, 3), verdict: json.verdict.reason });
    }
    // Specificity: fault-free windows cut from noissue as rca_task.evaluate_specificity does: the
    // baseline is the data before the split, and the analysis looks at the first time after it (from
    // its third point on) where the top's own signal fires, as an on-call engineer would when the
    // SLO alert fires; a window as long as an issue's around that time (or the first such window
    // when the alert never fires) must blame nothing.
    const targets = [...new Set(issues.map((i) => `${i.target.target.node}|${i.target.target.metric}`))];
    const n = normalTimes.length;
    const step = normalTimes[1] - normalTimes[0];
    for (const t of targets) {
      const [node, metric] = t.split('|');
      const topId = idOf(`${node}_${metric}`);
      for (let split = Math.floor(n / 2); split < n - 3; split += Math.floor(n * 0.1)) {
        const baselineArg = `${iso(normalTimes[0])}..${iso(normalTimes[split])}`;
        const scan = JSON.parse(ftree(['evidence', tree, '--metrics', normal, '--baseline', baselineArg, '--since', iso(normalTimes[split + 2]), '--until', iso(normalTimes[n - 1] + 1), '--no-templates', '--format', 'json']));
        const symptom = scan.signals.find((s) => s.id === topId && s.state === 'fired');
        const alert = symptom ? Date.parse(symptom.first_seen) / 1000 : normalTimes[split + 2];
        const args = ['analyze', tree, '--top-event', topId, '--metrics', normal, '--baseline', baselineArg,
          '--since', iso(Math.max(normalTimes[split], alert - 2 * step)), '--until', iso(alert + 2 * step + 1), '--no-templates', '--format', 'json'];
        const json = JSON.parse(ftree(args));
        if (process.env.FTREE_PETSHOP_DUMP) writeFileSync(join(process.env.FTREE_PETSHOP_DUMP, `${regime}-noissue-split_${split}-${metric}.json`), JSON.stringify(json));
        const ranked = blamed(json, labelOf);
        outcomes.push({ regime, split: 'noissue', issue: `split_${split}`, metric, truth: null, rank: 0, blamed: ranked.slice(0, 3), verdict: json.verdict.reason });
      }
    }
    for (const metric of ['latency', 'availability', 'all']) {
      const rows = outcomes.filter((o) => o.regime === regime && o.truth !== null && (metric === 'all' || o.metric === metric));
      const quiet = outcomes.filter((o) => o.regime === regime && o.truth === null && (metric === 'all' || o.metric === metric));
      if (rows.length === 0) continue;
      const share = (k) => rows.filter((o) => o.rank >= 1 && o.rank <= k).length / rows.length;
      const tshare = (k) => rows.filter((o) => o.traversalRank >= 1 && o.traversalRank <= k).length / rows.length;
      summary.push({ regime, metric, issues: rows.length, top1: share(1), top3: share(3), traversalTop1: tshare(1), traversalTop3: tshare(3), windows: quiet.length, specificity: quiet.filter((o) => o.blamed.length === 0).length / Math.max(1, quiet.length) });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** graph.csv: row calls column. */
function readGraph(file) {
  const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => parseCsvLine(l));
  const names = rows[0].slice(1);
  const calls = new Map(names.map((n) => [n, []]));
  for (const r of rows.slice(1)) r.slice(1).forEach((v, j) => { if (Number(v) === 1) calls.get(r[0]).push(names[j]); });
  return { names, calls };
}
function parseCsvLine(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * The dataset's published baseline, on ftree's own anomaly signals: anomalous components (their
 * gate's signal fired) without an anomalous callee, with an all-anomalous call path from the
 * target, ranked by the sum of the scores along the best such path.
 */
function traversal(json, graph, target, metric) {
  const score = new Map();
  for (const g of json.gates ?? []) {
    const s = g.signals.find((x) => x.state === 'fired');
    if (!s || !g.id.endsWith(`_${metric}`)) continue;
    const name = graph.names.find((n) => `${idOf(n)}_${metric}` === g.id);
    if (name) score.set(name, s.score ?? 1e9);
  }
  if (!score.has(target)) return [];
  const best = new Map();
  const walk = (node, sum, seen) => {
    const total = sum + score.get(node);
    const callees = graph.calls.get(node).filter((c) => score.has(c) && !seen.has(c));
    const anomalousCallees = graph.calls.get(node).filter((c) => score.has(c));
    if (node !== target && anomalousCallees.length === 0) best.set(node, Math.max(best.get(node) ?? -Infinity, total));
    for (const c of callees) walk(c, total, new Set([...seen, c]));
  };
  walk(target, 0, new Set([target]));
  return [...best].sort((a, b) => b[1] - a[1]).map(([n]) => n);
}

/** The tree's id of a component's gate, as `ftree generate` writes it. */
function idOf(name) {
  return name.replace(/[^A-Za-z0-9_.:-]/g, '_');
}

for (const o of outcomes) console.log(`${o.regime.padEnd(12)} ${o.split.padEnd(7)} ${o.issue.padEnd(10)} ${o.metric.padEnd(12)} t${o.traversalRank ?? ''} ${o.truth === null ? 'quiet'.padEnd(40) : `rank ${o.rank || '-'}`.padEnd(8) + o.truth.slice(0, 32).padEnd(32)} ${o.verdict.padEnd(16)} ${o.blamed.map((b) => b.slice(0, 28)).join(', ')}`);
console.log('');
console.log('regime       metric        issues  top-1  top-3  quiet windows  specificity   traversal top-1  top-3');
for (const s of summary) console.log(`${s.regime.padEnd(12)} ${s.metric.padEnd(13)} ${String(s.issues).padStart(6)}  ${s.top1.toFixed(2)}   ${s.top3.toFixed(2)}   ${String(s.windows).padStart(13)}  ${s.specificity.toFixed(2)}          ${s.traversalTop1.toFixed(2)}   ${s.traversalTop3.toFixed(2)}`);
if (process.env.FTREE_PETSHOP_JSON) writeFileSync(process.env.FTREE_PETSHOP_JSON, JSON.stringify({ summary, outcomes }, null, 2));
