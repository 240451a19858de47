import { join } from 'node:path';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { BasicEvent, FaultTree, Formula } from './fault-tree.js';
import { eventProbabilityAt, isTimeDependent } from './event-probability-at.js';
import { loadTree } from '../parse/yaml/load-tree.js';
import { steadyStateProbability } from './steady-state-probability.js';
import { treeAtTime } from './tree-at-time.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftree-at-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(text: string): Promise<FaultTree> {
  const file = join(dir, 'tree.yaml');
  await writeFile(file, text);
  const r = await loadTree(file);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.tree!;
}

const TREE = `ftree: 1
name: timed
top: top
mission_time: 24h
gates:
  top: { type: or, inputs: [c, r, pinned, rep, w, x] }
events:
  c: { probability: 0.003 }
  r: { rate: 1e-4 }
  pinned: { rate: 1e-3, mission_time: 10h }
  rep: { rate: 1e-3, mttr: 10h }
  w: { weibull: { scale: 1000h, shape: 2 } }
  x: { probability: "1 - exp(-2e-4 * mission_time)" }
`;

describe('treeAtTime', () => {
  it('re-evaluates the events on the tree clock and keeps the others', async () => {
    const tree = await load(TREE);
    const at = treeAtTime(tree, 100);
    expect(at.missionTime).toBe(100);
    const p = (id: string) => at.events.get(id)!.probability;
    expect(p('c')).toBe(0.003);
    expect(p('r')).toBeCloseTo(-Math.expm1(-1e-2), 15);
    expect(p('pinned')).toBeCloseTo(-Math.expm1(-1e-2), 15); // its own 10 h
    expect(p('rep')).toBeCloseTo((1e-3 / 0.101) * -Math.expm1(-0.101 * 100), 15);
    expect(p('w')).toBeCloseTo(-Math.expm1(-0.01), 15);
    expect(p('x')).toBeCloseTo(-Math.expm1(-2e-2), 15);
    expect(at.events.get('r')!.model).toMatchObject({ kind: 'rate', missionTime: 100 });
    expect(treeAtTime(tree, 24).events.get('x')!.probability).toBeCloseTo(tree.events.get('x')!.probability, 15);
    expect(['c', 'r', 'pinned', 'rep', 'w', 'x'].filter((id) => isTimeDependent(tree.events.get(id)!, tree))).toEqual(['r', 'rep', 'w', 'x']);
  });

  it('refuses a formula that leaves [0, 1] at the time asked', async () => {
    const tree = await load(TREE.replace('"1 - exp(-2e-4 * mission_time)"', '"mission_time * 1e-3"'));
    expect(() => treeAtTime(tree, 2000)).toThrow('The probability of event "x" at t = 2000 h is 2, outside [0, 1]');
  });
});

describe('steadyStateProbability', () => {
  it('is λ/(λ+μ) for repairable events, 1 for rates and wear-out, the value itself for the rest', async () => {
    const tree = await load(TREE);
    const limit = (id: string) => steadyStateProbability(tree.events.get(id)!, tree);
    expect(limit('rep')).toBeCloseTo(1e-3 / 0.101, 15);
    expect(limit('r')).toBe(1);
    expect(limit('w')).toBe(1);
    expect(limit('c')).toBe(0.003);
    expect(limit('pinned')).toBe(tree.events.get('pinned')!.probability);
    expect(limit('x')).toBeUndefined(); // an arbitrary expression
  });

  it('reads limits through MEF-style formulas, 20 × mission time included', () => {
    const T: Formula = { kind: 'mission-time' };
    const event = (formula: Formula): BasicEvent => ({ id: 'e', probability: 0, model: { kind: 'constant', value: 0 }, formula });
    const tree = { parameters: new Map(), missionTime: 10 };
    const num = (value: number): Formula => ({ kind: 'number', value });
    const glm: Formula = { kind: 'call', fn: 'GLM', args: [num(0.1), num(1e-3), num(1e-2), T] };
    expect(steadyStateProbability(event(glm), tree)).toBeCloseTo(1e-3 / 1.1e-2, 15);
    const stretched: Formula = { kind: 'call', fn: 'exponential', args: [num(1e-4), { kind: 'call', fn: 'mul', args: [num(20), T] }] };
    expect(steadyStateProbability(event(stretched), tree)).toBe(1);
    expect(eventProbabilityAt(event(stretched), tree, 10)).toBeCloseTo(-Math.expm1(-0.02), 15);
    const periodic: Formula = { kind: 'call', fn: 'periodic-test', args: [num(1e-3), num(100), num(50), T] };
    expect(steadyStateProbability(event(periodic), tree)).toBeUndefined();
  });
});
