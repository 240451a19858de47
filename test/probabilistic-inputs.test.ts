import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeProbability } from '../src/engine/index.js';
import { loadTree } from '../src/parse/yaml/load-tree.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftree-prob-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(text: string) {
  const file = join(dir, 'tree.yaml');
  await writeFile(file, text);
  return loadTree(file);
}

const CHAIN = `ftree: 1
name: chain
top: a_slow
gates:
  a_slow: {type: or, inputs: [a, {id: b_slow, probability: 0.5}]}
  b_slow:
    type: or
    inputs:
      - b
      - id: c
        probability: 0.25
events:
  a: {probability: 0.01}
  b: {probability: 0.02}
  c: {probability: 0.1, suspect: false}
`;

describe('probabilistic gate inputs', () => {
  it('expand into a gate and a modelling event, and P(top) is the noisy-OR value', async () => {
    const r = await load(CHAIN);
    expect(r.diagnostics).toEqual([]);
    const t = r.tree!;
    expect(t.gates.get('a_slow')!.inputs).toEqual(['a', 'b_slow→a_slow']);
    expect(t.gates.get('b_slow→a_slow')).toMatchObject({ type: 'and', inputs: ['b_slow', 'b_slow⇢a_slow'], propagation: { from: 'b_slow', to: 'a_slow', probability: 0.5 } });
    expect(t.events.get('b_slow⇢a_slow')).toMatchObject({ probability: 0.5, suspect: false });
    expect(t.events.get('c⇢b_slow')).toMatchObject({ probability: 0.25, suspect: false });
    expect(t.events.get('c')!.suspect).toBe(false);
    expect(t.events.get('a')!.suspect).toBeUndefined();
    const pB = 1 - (1 - 0.02) * (1 - 0.1 * 0.25);
    const expected = 1 - (1 - 0.01) * (1 - pB * 0.5);
    expect(analyzeProbability(t).pTop).toBeCloseTo(expected, 14);
  });

  it('keeps a probability of 1 as a plain input', async () => {
    const r = await load(CHAIN.replace('probability: 0.5', 'probability: 1'));
    expect(r.tree!.gates.get('a_slow')!.inputs).toEqual(['a', 'b_slow']);
  });

  it('reports a probability outside [0, 1], a missing id and an unknown key', async () => {
    const bad = await load(CHAIN.replace('probability: 0.5', 'probability: 1.5'));
    expect(bad.diagnostics.map((d) => [d.code, d.span?.line])).toEqual([['PROBABILITY_RANGE', 5]]);
    const noId = await load(CHAIN.replace('{id: b_slow, probability: 0.5}', '{probability: 0.5}'));
    expect(noId.diagnostics.map((d) => d.code)).toContain('MISSING_KEY');
    const unknown = await load(CHAIN.replace('{id: b_slow, probability: 0.5}', '{id: b_slow, p: 0.5}'));
    expect(unknown.diagnostics.map((d) => d.code)).toContain('UNKNOWN_KEY');
    const notBool = await load(CHAIN.replace('suspect: false', 'suspect: maybe'));
    expect(notBool.diagnostics.map((d) => d.code)).toEqual(['INVALID_TYPE']);
  });

  it('reports an unknown id inside a probabilistic input at its place', async () => {
    const r = await load(CHAIN.replace('{id: b_slow,', '{id: b_slw,'));
    expect(r.diagnostics.map((d) => [d.code, d.span?.line, d.hint])).toEqual([['UNDEFINED_REFERENCE', 5, 'did you mean "b_slow"?']]);
  });
});
