import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTree } from '../parse/yaml/load-tree.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftree-fa-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tree = (defaults: string, signal: string) => `ftree: 1
name: fa
top: slow
${defaults}
gates:
  slow:
    type: or
    inputs: [db]
    evidence:
      metrics:
        - query: latency
          score: 3
${signal}
events:
  db: {probability: 0.01}
`;

async function load(text: string) {
  const file = join(dir, 'tree.yaml');
  await writeFile(file, text);
  return loadTree(file);
}

describe('false_alarm: baseline', () => {
  it('is read on a signal and in the defaults', async () => {
    const own = await load(tree('', '          false_alarm: baseline'));
    expect(own.diagnostics).toEqual([]);
    expect(own.tree!.gates.get('slow')!.evidence!.metrics[0]).toMatchObject({ falseAlarmFromBaseline: true });
    expect(own.tree!.gates.get('slow')!.evidence!.metrics[0]!.falseAlarm).toBeUndefined();
    const byDefault = await load(tree('defaults: {sensitivity: 0.99, false_alarm: baseline}', ''));
    expect(byDefault.diagnostics).toEqual([]);
    expect(byDefault.tree!.defaults).toEqual({ sensitivity: 0.99, falseAlarmFromBaseline: true });
  });

  it('is an error when misspelt', async () => {
    const r = await load(tree('', '          false_alarm: baseline-ish'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['INVALID_TYPE']);
  });
});

describe('additive', () => {
  it('is read on a score signal and refused on a threshold', async () => {
    const ok = await load(tree('', '          additive: true'));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.tree!.gates.get('slow')!.evidence!.metrics[0]).toMatchObject({ additive: true });
    const threshold = await load(tree('', '          additive: true').replace('score: 3', 'above: 3'));
    expect(threshold.diagnostics.map((d) => d.code)).toEqual(['CONFLICTING_KEYS']);
  });
});
