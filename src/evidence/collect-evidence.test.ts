import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTree } from '../parse/yaml/load-tree.js';
import { LIBRARY_OPTION_NAMES } from '../model/option-names.js';
import { readInputFile } from '../model/read-input-file.js';
import { collectEvidence } from './collect-evidence.js';
import { listLogSources } from './list-log-sources.js';

const dir = mkdtempSync(join(tmpdir(), 'ftree-collect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const window = { start: Date.parse('2026-11-22T10:05:00Z'), end: Date.parse('2026-11-22T10:35:00Z') };
const baseline = { start: Date.parse('2026-11-22T09:35:00Z'), end: window.start };

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const TREE = `ftree: 1
name: mini
top: top
gates:
  top: { type: or, inputs: [db_locks, pool_small, deploy_bad] }
events:
  db_locks:
    probability: 0.01
    evidence:
      logs:
        - pattern: "Lock wait timeout exceeded"
        - pattern: "/deadlock found/i"
      metrics:
        - query: mysql_global_status_innodb_row_lock_waits
          above: 50
        - query: rate(mysql_global_status_innodb_row_lock_waits[5m])
          score: 5
  pool_small:
    probability: 0.02
    evidence:
      metrics:
        - query: hikaricp_connections_pending{application="payments-api"}
          score: 5
  deploy_bad:
    probability: 0.01
    evidence:
      changes:
        - { service: payments-api, kind: deploy, within: 1h }
`;

describe('collectEvidence', () => {
  it('gives every signal a state from logs, metric files and changes', async () => {
    const { tree } = await loadTree(write('tree.yaml', TREE));
    const log = write('app.log', [
      ...Array.from({ length: 10 }, (_, i) => `2026-11-22T09:${40 + i}:00Z INFO Captured payment ${i}`),
      ...Array.from({ length: 6 }, (_, i) => `2026-11-22T10:${10 + i}:00Z ERROR Lock wait timeout exceeded; try restarting transaction`),
      ...Array.from({ length: 4 }, (_, i) => `2026-11-22T10:${20 + i}:00Z WARN Pool stats (total=10, active=10, idle=0, waiting=${30 + i})`),
    ].join('\n'));
    const rows = ['time,metric,value,application'];
    for (let m = 0; m < 60; m++) {
      const t = new Date(baseline.start + m * 60_000).toISOString();
      rows.push(`${t},mysql_global_status_innodb_row_lock_waits,${m >= 35 ? 80 : 5},`);
      rows.push(`${t},hikaricp_connections_pending,${m < 30 ? m % 3 : 2},payments-api`);
    }
    const metrics = write('m.csv', rows.join('\n'));
    const changes = write('changes.jsonl', '{"time":"2026-11-22T09:45:00Z","service":"payments-api","kind":"deploy","description":"v2.14.0"}\n');
    const e = await collectEvidence(tree!, { logs: await listLogSources([log]), metricFiles: [metrics], changesFile: changes }, { window, baseline });
    const states = e.signals.map((s) => `${s.owner} ${s.kind} ${s.state}${s.count !== undefined ? ` ${s.count}` : ''}`);
    expect(states).toEqual([
      'db_locks log fired 6',
      'db_locks log silent 0',
      'db_locks metric fired',
      'db_locks metric fired',
      'pool_small metric silent',
      'deploy_bad change fired 1',
    ]);
    expect(e.signals[2]).toMatchObject({ value: 80, baseline: 5, source: 'files', firstSeen: Date.parse('2026-11-22T10:10:00Z') });
    // rate(…[5m]) is evaluated on the raw series of the file: the jump from 5 to 80 is a spike of the rate
    expect(e.signals[3]).toMatchObject({ source: 'files', direction: 'rose', samples: ['rate(mysql_global_status_innodb_row_lock_waits[5m])'] });
    expect(e.unexplained).toMatchObject([{ template: 'WARN Pool stats (total=<NUM>, active=<NUM>, idle=<NUM>, waiting=<NUM>)', why: 'new', window: 4, baseline: 0 }]);
    expect(e.logs[0]).toMatchObject({ lines: 20, windowLines: 10, baselineLines: 10 });
  });

  it("judges change signals without their own within by the tree's defaults.within, as analyze does", async () => {
    const tree = (within: string) => TREE.replace('top: top\n', `top: top\ndefaults: { within: ${within} }\n`).replace(', within: 1h }', ' }');
    // 09:45 is 20 minutes before the window: inside 30m, outside 10m (and inside the built-in 2h).
    const changes = write('changes2.jsonl', '{"time":"2026-11-22T09:45:00Z","service":"payments-api","kind":"deploy"}\n');
    for (const [within, state, rule] of [['30m', 'fired', 'within 30m'], ['10m', 'silent', 'within 10m']] as const) {
      const { tree: t } = await loadTree(write(`tree-within-${within}.yaml`, tree(within)));
      const e = await collectEvidence(t!, { changesFile: changes }, { window, baseline });
      expect(e.signals.find((s) => s.kind === 'change')).toMatchObject({ state, rule });
    }
  });

  it('without data sources every signal is unknown, with the reason', async () => {
    const { tree } = await loadTree(write('tree2.yaml', TREE));
    const e = await collectEvidence(tree!, {}, { window, baseline });
    expect(new Set(e.signals.map((s) => s.reason))).toEqual(new Set(['No logs were given (`logs`)', 'No metrics were given (`metricFiles` or `prometheus`)', 'No changes file was given (`changesFile`)']));
    // A caller's own names for its options (the CLI passes its flags).
    const optionNames = { ...LIBRARY_OPTION_NAMES, logs: 'LOGS', metricFiles: 'METRICS', prometheus: 'PROM', changesFile: 'CHANGES' };
    const named = await collectEvidence(tree!, {}, { window, baseline, optionNames });
    expect(new Set(named.signals.map((s) => s.reason))).toEqual(new Set(['No logs were given (LOGS)', 'No metrics were given (METRICS or PROM)', 'No changes file was given (CHANGES)']));
  });

  it('joins a series split over two files (the baseline in one, the incident in the other)', async () => {
    const tree = `ftree: 1
top: top
gates:
  top: { type: or, inputs: [a, idle] }
events:
  a:
    probability: 0.01
    evidence:
      metrics:
        - { query: 'latency{svc="api"}', score: 5, direction: rose }
  idle:
    probability: 0.01
    evidence:
      metrics:
        - { query: 'latency{svc="batch"}', above: 1, missing: silent }
        - { query: 'latency{svc="cron"}', above: 1 }
`;
    const { tree: t } = await loadTree(write('split.yaml', tree));
    const at = (start: number, minutes: number[], value: (m: number) => number) => minutes.map((m) => `${new Date(start + m * 60_000).toISOString()},latency,${value(m)},svc=api`);
    const minutes = Array.from({ length: 30 }, (_, m) => m);
    const base = write('split-base.csv', ['time,metric,value,labels', ...at(baseline.start, minutes, (m) => 100 + (m % 5))].join('\n'));
    // the incident file repeats the baseline's last point (at the same time, another value): the first read is kept
    const incident = write('split-incident.csv', ['time,metric,value,labels', ...at(baseline.start, [29], () => 999), ...at(window.start, minutes, (m) => (m === 10 ? 140 : 102))].join('\n'));
    const e = await collectEvidence(t!, { metricFiles: [base, incident] }, { window, baseline });
    expect(e.signals[0]).toMatchObject({ owner: 'a', state: 'fired', value: 19, direction: 'rose', strength: 19 / 5, baseline: 102 });
    expect(e.notes).toContain("1 metric point repeated a series' time in the metric files: the first read was kept (files in the order given)");
    // no series at all: silent when the signal says missing data is normal, unknown otherwise
    expect(e.signals[1]).toMatchObject({ owner: 'idle', state: 'silent', reason: 'No series in the metric files matches latency{svc="batch"}: silent, as missing: silent says' });
    expect(e.signals[2]).toMatchObject({ owner: 'idle', state: 'unknown', reason: 'No series in the metric files matches latency{svc="cron"}' });
    // each file alone: the baseline file has nothing in the window, the incident file no baseline for the score
    const alone = await collectEvidence(t!, { metricFiles: [incident] }, { window, baseline });
    expect(alone.signals[0]).toMatchObject({ state: 'unknown', reason: 'Only 1 baseline point for the anomaly score of latency{svc="api"}: it needs at least 8 (min_baseline)' });
  });

  it('takes the tree-level defaults.missing for signals that set none', async () => {
    const tree = TREE.replace('top: top\n', 'top: top\ndefaults: { missing: silent }\n');
    const { tree: t } = await loadTree(write('tree-missing.yaml', tree));
    const emptyLog = write('empty-window.log', '2026-11-22T09:40:00Z ERROR Lock wait timeout exceeded\n');
    const e = await collectEvidence(t!, { logs: await listLogSources([emptyLog]) }, { window, baseline });
    expect(e.signals.filter((s) => s.kind === 'log').map((s) => s.state)).toEqual(['silent', 'silent']);
  });

  it('reads every file once and returns what it read: the changes, each file with its SHA-256', async () => {
    const { tree } = await loadTree(write('tree-once.yaml', TREE));
    const log = write('once.log', '2026-11-22T10:10:00Z ERROR Lock wait timeout exceeded\n');
    const metrics = write('once.csv', 'time,metric,value\n2026-11-22T10:10:00Z,mysql_global_status_innodb_row_lock_waits,80\n');
    const changes = write('once.jsonl', '{"time":"2026-11-22T10:00:00Z","service":"payments-api","kind":"deploy","description":"v2.14.0"}\n');
    const reads: string[] = [];
    const readFile = (path: string, maxBytes: number): Promise<Buffer> => {
      reads.push(path);
      return readInputFile(path, maxBytes);
    };
    // A log source that can be read once only, like standard input.
    const [source] = await listLogSources([log]);
    let opened = 0;
    const once = { name: source!.name, open: () => (opened++ === 0 ? source!.open() : failing()) };
    const e = await collectEvidence(tree!, { logs: [once], metricFiles: [metrics], changesFile: changes }, { window, baseline, readFile });
    expect(reads).toEqual([metrics, changes]);
    expect(opened).toBe(1);
    expect(e.read.changes).toMatchObject({ file: changes, skipped: 0, changes: [{ time: Date.parse('2026-11-22T10:00:00Z'), service: 'payments-api', kind: 'deploy', description: 'v2.14.0' }] });
    expect(e.signals.find((s) => s.kind === 'metric')).toMatchObject({ source: 'files', value: 80 });
    const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(e.read.files).toEqual([
      { path: log, role: 'logs', sha256: sha(log) },
      { path: metrics, role: 'metrics', sha256: sha(metrics) },
      { path: changes, role: 'changes', sha256: sha(changes) },
    ]);
  });
});

async function* failing(): AsyncGenerator<Buffer> {
  throw new Error('The source was read twice');
}
