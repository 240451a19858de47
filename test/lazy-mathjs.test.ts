// mathjs costs about a second to import: only trees with expressions beyond plain arithmetic load it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, FIXTURES, REPO_ROOT } from './helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'ftree-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mathjsLoaded(tree: string): boolean {
  const trace = join(dir, `trace-${Math.random()}`);
  const r = spawnSync(process.execPath, ['--import', join(REPO_ROOT, 'test/helpers/trace-mathjs.mjs'), CLI, 'validate', tree], {
    env: { ...process.env, FTREE_TRACE_FILE: trace, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  return existsSync(trace) && readFileSync(trace, 'utf8').includes('mathjs');
}

it('does not load mathjs for a tree without expressions', () => {
  expect(mathjsLoaded(join(FIXTURES, 'valid', 'small.yaml'))).toBe(false);
});

it('does not load mathjs for plain arithmetic (src/model/simple-expression.ts reads it)', () => {
  const tree = join(dir, 'expr.yaml');
  writeFileSync(tree, 'ftree: 1\ntop: a\nparameters:\n  lambda: 1e-5\nevents:\n  a:\n    probability: "1 - exp(-lambda * mission_time)"\n');
  expect(mathjsLoaded(tree)).toBe(false);
});

it('loads mathjs for an expression beyond plain arithmetic', () => {
  const tree = join(dir, 'expr-min.yaml');
  writeFileSync(tree, 'ftree: 1\ntop: a\nparameters:\n  lambda: 1e-5\nevents:\n  a:\n    probability: "min(1, lambda * mission_time)"\n');
  expect(mathjsLoaded(tree)).toBe(true);
});
