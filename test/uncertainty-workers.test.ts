// The same seed gives the same Monte Carlo result with one worker thread and with two: the built
// CLI (whose worker script is dist/bundle/uncertainty-worker.js) run both ways, outputs compared.
import { spawnSync } from 'node:child_process';
import { CLI, REPO_ROOT } from './helpers/paths.js';

function run(args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, [CLI, 'uncertainty', ...args, '--format', 'json'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const json = JSON.parse(r.stdout) as { seconds?: number; uncertainty: { workers?: number } };
  delete json.seconds;
  return json as unknown as Record<string, unknown>;
}

describe('uncertainty with worker threads', () => {
  it.each([
    ['a YAML tree with a random parameter, Monte Carlo', ['test/fixtures/time/uncertain-pumps.yaml', '--trials', '5500', '--seed', '42']],
    ['an MEF model, Latin hypercube', ['test/fixtures/time/standby.xml', '--trials', '4321', '--seed', '9', '--lhs']],
  ])('gives identical output with 1 and 2 workers: %s', (_name, args) => {
    const one = run([...args, '--workers', '1']);
    const two = run([...args, '--workers', '2']);
    const threads = (json: Record<string, unknown>): number | undefined => {
      const u = json['uncertainty'] as { workers?: number };
      const n = u.workers;
      delete u.workers;
      return n;
    };
    expect([threads(one), threads(two)]).toEqual([1, 2]);
    expect(two).toEqual(one);
    expect((one['uncertainty'] as { trials: number }).trials).toBeGreaterThan(4000);
  });
});
