// The tree-level `defaults:` block of the evidence signals (read-declarations.ts, build-model.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTree } from '../parse/yaml/load-tree.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftree-defaults-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(defaults: string) {
  const file = join(dir, 'tree.yaml');
  await writeFile(file, `ftree: 1
top: t
${defaults}
gates:
  t: { type: or, inputs: [a, b] }
events:
  a: { probability: 0.01 }
  b: { probability: 0.02 }
`);
  return loadTree(file);
}

describe('defaults:', () => {
  it('reads sensitivity, false_alarm and within (a duration, in hours)', async () => {
    const r = await load('defaults: { sensitivity: 0.8, false_alarm: 0.02, within: 30m }');
    expect(r.diagnostics).toEqual([]);
    expect(r.tree!.defaults).toEqual({ sensitivity: 0.8, falseAlarm: 0.02, within: 0.5 });
  });

  it('reads the missing-data rule of log and metric signals', async () => {
    const r = await load('defaults: { missing: silent }');
    expect(r.diagnostics).toEqual([]);
    expect(r.tree!.defaults).toEqual({ missing: 'silent' });
    const bad = await load('defaults: { missing: silnet }');
    expect(bad.diagnostics.map((d) => [d.code, d.hint])).toEqual([['INVALID_VALUE', 'did you mean "silent"?']]);
  });

  it('is absent when not written', async () => {
    const r = await load('');
    expect(r.tree!.defaults).toBeUndefined();
  });

  it('refuses unknown keys and probabilities outside [0, 1], with positions', async () => {
    const r = await load('defaults: { sensitivity: 1.5, flase_alarm: 0.1 }');
    const codes = r.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col]);
    expect(codes).toContainEqual(['PROBABILITY_RANGE', 3, 26]);
    expect(codes.map((c) => c[0])).toContain('UNKNOWN_KEY');
  });

  it('warns when the default sensitivity does not exceed the default false-alarm rate', async () => {
    const r = await load('defaults: { sensitivity: 0.1, false_alarm: 0.2 }');
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['SIGNAL_NOT_INFORMATIVE', 'warning']]);
    expect(r.tree!.defaults).toEqual({ sensitivity: 0.1, falseAlarm: 0.2 });
  });
});
