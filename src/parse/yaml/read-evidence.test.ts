import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTree } from './load-tree.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftree-read-evidence-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function diagnose(evidence: string) {
  const file = join(dir, 'tree.yaml');
  await writeFile(file, `ftree: 1\ntop: top\ngates:\n  top: { type: or, inputs: [db] }\nevents:\n  db:\n    probability: 0.01\n    evidence:\n${evidence}`);
  const { diagnostics } = await loadTree(file);
  return diagnostics.map((d) => `${d.span?.line ?? '?'} ${d.code} ${d.message}`);
}

describe('readEvidence', () => {
  it('names the signal whose required key is missing or not a string', async () => {
    expect(await diagnose('      logs: [{ min_count: 2 }]\n      metrics: [{ above: 3 }]\n')).toEqual([
      '9 MISSING_KEY A log signal of "db" has no pattern',
      '10 MISSING_KEY A metric signal of "db" has no query',
    ]);
    expect((await diagnose('      logs: [{ pattern: [a] }]\n'))[0]).toMatch(/^9 \w+ The pattern of a log signal of "db"/);
  });

  it('takes min_count and min_baseline as whole numbers of at least 1', async () => {
    expect(await diagnose('      logs: [{ pattern: boom, min_count: 0 }]\n      metrics: [{ query: up, score: 5, min_baseline: 0 }]\n')).toEqual([
      '9 INVALID_NUMBER The min_count of "boom" of "db" must be at least 1, not 0',
      '10 INVALID_NUMBER The min_baseline of "up" of "db" must be at least 1, not 0',
    ]);
  });
});
