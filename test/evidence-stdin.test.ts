// `kubectl logs … | ftree evidence … --logs -` and `journalctl -o json | …`: logs from standard input,
// plain or gzip, through the built CLI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CLI, FIXTURES, REPO_ROOT } from './helpers/paths.js';

const tree = join(FIXTURES, 'evidence', 'checkout.yaml');
const window = ['--since', '2026-11-22T10:05:00Z', '--until', '2026-11-22T10:35:00Z', '--format', 'json'];

function run(input: Buffer | string, extra: string[] = []) {
  const r = spawnSync(process.execPath, [CLI, 'evidence', tree, '--logs', '-', ...extra, ...window], { cwd: REPO_ROOT, input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stderr: r.stderr, doc: r.status === 0 ? (JSON.parse(r.stdout) as { signals: { pattern?: string; state: string; count?: number }[]; logs: { sources: { name: string; lines: number }[] } }) : undefined };
}

describe('ftree evidence --logs -', () => {
  it('reads kubectl-style logs from standard input', () => {
    const r = run(readFileSync(join(FIXTURES, 'evidence', 'app.log')));
    expect(r.status).toBe(0);
    expect(r.doc!.logs.sources).toMatchObject([{ name: '-', lines: 285 }]);
    expect(r.doc!.signals.find((s) => s.pattern?.startsWith('Lock wait'))).toMatchObject({ state: 'fired', count: 22 });
  });

  it('reads gzip from standard input (journalctl -o json | gzip)', () => {
    const r = run(gzipSync(readFileSync(join(FIXTURES, 'evidence', 'journald.json'))));
    expect(r.doc!.signals.find((s) => s.pattern === 'InnoDB: Deadlock found')).toMatchObject({ state: 'fired', count: 7 });
  });

  it('reads standard input once only', () => {
    const r = run('', ['--logs', '-']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error[USAGE] Standard input (-) can be read once only');
  });
});
