// The `chronic` signal state through every renderer of `ftree analyze` and `ftree report` (built
// CLI, graded fixtures of test/fixtures/evidence/): it is counted and shown, never a crash, and the
// diagnosis takes it as no evidence.
import { spawnSync } from 'node:child_process';
import { CLI, REPO_ROOT } from './helpers/paths.js';

const ARGS = [
  'test/fixtures/evidence/graded.yaml',
  '--logs', 'test/fixtures/evidence/graded.log',
  '--metrics', 'test/fixtures/evidence/graded-baseline.csv', 'test/fixtures/evidence/graded-window.csv',
  '--since', '2026-11-22T10:30:00Z', '--until', '2026-11-22T11:00:00Z',
];

function run(args: readonly string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  expect(r.stderr).not.toMatch(/bug|Error:/);
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('chronic signals in the diagnosis renderers', () => {
  it('analyze --format text and markdown count them', () => {
    expect(run(['analyze', ...ARGS])).toMatch(/Signals {3}2 fired, 1 chronic, 3 silent, 1 unknown/);
    expect(run(['analyze', ...ARGS, '--format', 'markdown'])).toContain('- Signals: 2 fired, 1 chronic, 3 silent, 1 unknown');
  });

  it('analyze --format json keeps the state and gives the chronic signal no weight', () => {
    type Event = { id: string; prior: number; adjusted: number; signals: { state: string; likelihood_ratio: number; reason: string }[] };
    const d = JSON.parse(run(['analyze', ...ARGS, '--format', 'json'])) as { evidence: Record<string, number>; events: Event[] };
    expect(d.evidence).toMatchObject({ fired: 2, chronic: 1, silent: 3, unknown: 1 });
    // txlog_full's only signal is chronic: no evidence either way, its probability stays the prior
    const txlog = d.events.find((e) => e.id === 'txlog_full')!;
    expect(txlog.signals).toMatchObject([{ state: 'chronic', likelihood_ratio: 1, reason: expect.stringContaining('a chronic condition') }]);
    expect(txlog.adjusted).toBe(txlog.prior);
  });

  it('report renders Markdown and HTML', () => {
    expect(run(['report', ...ARGS, '--format', 'markdown']).length).toBeGreaterThan(100);
    expect(run(['report', ...ARGS, '--format', 'html'])).toContain('<svg');
  });
});
