// Every tree shipped in trees/ loads without a diagnostic and analyses exactly; the hand-checkable
// two-train tree gives SCRAM's 0.7225.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeProbability } from '../src/engine/index.js';
import { loadTree } from '../src/parse/yaml/load-tree.js';
import { REPO_ROOT } from './helpers/paths.js';

const TREES = join(REPO_ROOT, 'trees');
const files = readdirSync(TREES).filter((f) => /\.ya?ml$/.test(f)).sort();

it('ships at least five payment trees and the two-train reference', () => {
  expect(files.filter((f) => f.startsWith('payment') || f.startsWith('settlement') || f.startsWith('risk')).length).toBeGreaterThanOrEqual(5);
  expect(files).toContain('two-train.yaml');
});

describe.each(files)('trees/%s', (file) => {
  it('loads with no error or warning, and its name is its file name', async () => {
    const r = await loadTree(join(TREES, file));
    expect(r.diagnostics).toEqual([]);
    expect(r.tree!.name).toBe(file.replace(/\.ya?ml$/, ''));
  });

  it('has a top-event probability strictly between 0 and 1 and posteriors that are probabilities', async () => {
    const { tree } = await loadTree(join(TREES, file));
    const a = analyzeProbability(tree!);
    expect(a.pTop).toBeGreaterThan(0);
    expect(a.pTop).toBeLessThan(1);
    for (const e of a.events) {
      expect(e.posterior).toBeGreaterThanOrEqual(0);
      expect(e.posterior).toBeLessThanOrEqual(1 + 1e-12);
      // P(x|T) ≥ P(x) for every event of a coherent tree: occurring can only make the top more likely.
      expect(e.birnbaum).toBeGreaterThanOrEqual(-1e-12);
    }
  });
});

it('two-train: P(top) = 0.7225', async () => {
  const { tree } = await loadTree(join(TREES, 'two-train.yaml'));
  expect(analyzeProbability(tree!).pTop).toBeCloseTo(0.7225, 12);
});
