// What a review of the reshaped CLI found, each run on the built CLI: an MEF model with several roots
// diagnosed with --top-event; calibrate honouring --allow-outside-paths; `-o -` as standard output
// for cutsets and importance; generate naming its own --prometheus flag in a hint.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, REPO_ROOT } from './helpers/paths.js';

function ftree(args: string[], cwd = REPO_ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const AMBIGUOUS = 'src/parse/mef/fixtures/invalid/ambiguous-top.xml';
const EVIDENCE = ['--logs', 'examples/latency-connection-leak-deploy/logs', '--since', '2026-11-20T10:00:00Z', '--until', '2026-11-20T10:30:00Z', '--format', 'json'];

describe('analyze with evidence on an MEF model with several roots', () => {
  it('diagnoses the root --top-event names, as analyze without evidence does', () => {
    const r = ftree(['analyze', AMBIGUOUS, '--top-event', 'first', ...EVIDENCE]);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { top: { id: string } }).top.id).toBe('first');
  });

  it('says the top is unknown (exit 2) for an id that is none of its gates, and asks for one without it', () => {
    const unknown = ftree(['analyze', AMBIGUOUS, '--top-event', 'nope', ...EVIDENCE]);
    expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringContaining('error[UNKNOWN_TOP]')]);
    const none = ftree(['analyze', AMBIGUOUS, ...EVIDENCE]);
    expect([none.status, none.stderr]).toEqual([1, expect.stringContaining('hint: choose one with --top-event <id>')]);
  });
});

describe('calibrate', () => {
  it('follows a transfer outside the tree\'s folder with --allow-outside-paths, and refuses it without', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftree-calibrate-outside-'));
    try {
      // a/tree.yaml takes its database gate from b/db.yaml, a folder beside its own.
      for (const sub of ['a', 'b']) mkdirSync(join(dir, sub));
      const tree = join(dir, 'a', 'tree.yaml');
      writeFileSync(tree, 'ftree: 1\nname: shop\ntop: top\ngates:\n  top: { type: or, inputs: [a, db] }\nevents:\n  a: { probability: 0.1 }\ntransfers:\n  db: ../b/db.yaml\n');
      writeFileSync(join(dir, 'b', 'db.yaml'), 'ftree: 1\nname: db\ntop: db_down\ngates:\n  db_down: { type: or, inputs: [disk, lock] }\nevents:\n  disk: { probability: 0.01 }\n  lock: { probability: 0.02 }\n');
      const history = join(dir, 'history.jsonl');
      writeFileSync(history, '{"period": "2025-01-01..2026-01-01"}\n{"events": ["a"], "start": "2025-02-03T04:00:00Z", "duration": "3h"}\n');
      const refused = ftree(['calibrate', tree, '--history', history]);
      expect([refused.status, refused.stderr]).toEqual([1, expect.stringContaining('error[PATH_OUTSIDE_TREE]')]);
      const allowed = ftree(['--allow-outside-paths', 'calibrate', tree, '--history', history]);
      expect([allowed.status, allowed.stderr]).toEqual([0, '']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('-o -', () => {
  it.each([['cutsets'], ['importance']])('%s writes to standard output, as every command\'s -o - does', (command) => {
    const dir = mkdtempSync(join(tmpdir(), 'ftree-dash-'));
    try {
      copyFileSync(join(REPO_ROOT, 'trees/two-train.yaml'), join(dir, 'two-train.yaml'));
      const plain = ftree([command, 'two-train.yaml', '--format', 'json'], dir);
      const dash = ftree([command, 'two-train.yaml', '--format', 'json', '-o', '-'], dir);
      expect(dash.status).toBe(0);
      expect(JSON.parse(dash.stdout)).toMatchObject({ tree: expect.anything() });
      expect(dash.stdout.replace(/"seconds": [0-9.e-]+/g, '')).toBe(plain.stdout.replace(/"seconds": [0-9.e-]+/g, ''));
      expect(existsSync(join(dir, '-'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('generate --prometheus', () => {
  it('names its own flag in the hint for a URL that is not http(s)', () => {
    const r = ftree(['generate', '--prometheus', 'ftp://x', '--since', '-1h']);
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('hint: for example --prometheus http://127.0.0.1:9090')]);
  });
});

describe('evidence', () => {
  it('reads an Open-PSA MEF model of several files, as analyze does', () => {
    const dir = 'src/parse/mef/fixtures/valid';
    const r = ftree(['evidence', `${dir}/split-tree.xml`, `${dir}/split-tree-data.xml`, `${dir}/split-tree-more.xml`, '--since', '2026-11-20T10:00:00Z', '--until', '2026-11-20T10:30:00Z', '--format', 'json']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect((JSON.parse(r.stdout) as { tree: string }).tree).toBe('split');
  });
});
