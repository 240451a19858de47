import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTree } from './load-tree.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftree-load-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(text: string, name = 'tree.yaml') {
  const file = join(dir, name);
  await writeFile(file, text);
  return loadTree(file);
}

describe('loadTree', () => {
  it('builds every probability model at the mission time', async () => {
    const r = await load(`ftree: 1
name: models
top: top
mission_time: 1y
parameters:
  lambda: 1e-4/h
  half: "lambda / 2"
gates:
  top: { type: or, inputs: [c, r, r2, rep, w, x] }
events:
  c: { probability: 0.003 }
  r: { rate: 1e-5 }
  r2: { rate: 100 fit, mission_time: 10h }
  rep: { rate: 1e-3/h, mttr: 10h }
  w: { weibull: { scale: 2y, shape: 2 } }
  x: { probability: "1 - exp(-half * mission_time)" }
`);
    expect(r.diagnostics).toEqual([]);
    const t = r.tree!;
    expect(t.missionTime).toBe(8760);
    const p = (id: string) => t.events.get(id)!.probability;
    expect(p('c')).toBe(0.003);
    expect(p('r')).toBeCloseTo(1 - Math.exp(-1e-5 * 8760), 14);
    expect(p('r2')).toBeCloseTo(1 - Math.exp(-1e-7 * 10), 16);
    expect(p('rep')).toBeCloseTo((1e-3 / (1e-3 + 0.1)) * (1 - Math.exp(-(1e-3 + 0.1) * 8760)), 14);
    expect(p('w')).toBeCloseTo(1 - Math.exp(-0.25), 14);
    expect(p('x')).toBeCloseTo(1 - Math.exp(-5e-5 * 8760), 14);
    expect(t.parameters.get('half')!.value).toBeCloseTo(5e-5, 18);
    expect(t.events.get('rep')!.model).toMatchObject({ kind: 'repairable', repairRate: 0.1 });
  });

  it('treats __proto__, constructor and toString as ordinary ids', async () => {
    const r = await load(`ftree: 1
top: __proto__
gates:
  __proto__: { type: and, inputs: [constructor, toString] }
events:
  constructor: { probability: 0.5 }
  toString: { probability: 0.25 }
houses:
  hasOwnProperty: true
`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['UNUSED_HOUSE']);
    expect(r.tree!.top).toBe('__proto__');
    expect(r.tree!.gates.get('__proto__')!.inputs).toEqual(['constructor', 'toString']);
    expect(r.tree!.events.get('toString')!.probability).toBe(0.25);
    expect(Object.prototype.hasOwnProperty.call({}, '__proto__')).toBe(false);
  });

  it('keeps shared events once, house events and gate details', async () => {
    const r = await load(`ftree: 1
name: shared
top: top
gates:
  top: { type: atleast, k: 2, inputs: [a, b, g] }
  g: { type: inhibit, inputs: [a, maint] }
events:
  a: { probability: 0.1, label: Shared database down }
  b: { probability: 0.2 }
houses:
  maint: { state: true, label: Maintenance mode }
`);
    expect(r.diagnostics).toEqual([]);
    const t = r.tree!;
    expect(t.name).toBe('shared');
    expect(t.gates.get('top')).toMatchObject({ type: 'atleast', k: 2, inputs: ['a', 'b', 'g'] });
    expect(t.houses.get('maint')).toMatchObject({ state: true, label: 'Maintenance mode' });
    expect(t.events.size).toBe(2);
    expect(t.gates.get('top')!.span).toMatchObject({ line: 5, col: 3 });
  });

  it('joins transferred files into one namespace', async () => {
    await writeFile(join(dir, 'db.yaml'), `ftree: 1
name: db
top: db_down
gates:
  db_down: { type: or, inputs: [primary_lost, power] }
events:
  primary_lost: { probability: 0.01 }
  power: { probability: 0.001 }
`);
    const r = await load(`ftree: 1
name: app
top: top
gates:
  top: { type: or, inputs: [db, power, app_bug] }
events:
  app_bug: { probability: 0.02 }
  power: { probability: 0.001 }
transfers:
  db: db.yaml
`, 'app.yaml');
    expect(r.diagnostics).toEqual([]);
    const t = r.tree!;
    expect(t.files).toHaveLength(2);
    expect(t.gates.get('db')).toMatchObject({ type: 'or', inputs: ['db_down'] });
    expect([...t.events.keys()].sort()).toEqual(['app_bug', 'power', 'primary_lost']);
  });

  it('reports a shared id with different definitions across files', async () => {
    await writeFile(join(dir, 'other.yaml'), `ftree: 1
top: g
gates:
  g: { type: or, inputs: [power] }
events:
  power: { probability: 0.5 }
`);
    const r = await load(`ftree: 1
top: top
gates:
  top: { type: or, inputs: [x, power] }
events:
  power: { probability: 0.001 }
transfers:
  x: { file: other.yaml, gate: g }
`, 'main2.yaml');
    const dup = r.diagnostics.find((d) => d.code === 'DUPLICATE_ID');
    expect(dup?.span?.file).toBe(join(dir, 'other.yaml'));
    expect(r.tree).toBeUndefined();
  });

  it('collects every problem of a file at once, sorted by position', async () => {
    const r = await load(`ftree: 1
top: top
gates:
  top: { type: or, inputs: [a, missing] }
  g2: { type: xor, inputs: [a] }
events:
  a: { probability: 2 }
`);
    const lines = r.diagnostics.map((d) => d.span!.line);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
    expect(r.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['UNDEFINED_REFERENCE', 'ARITY', 'PROBABILITY_RANGE']));
  });

  it('refuses parameter names that expressions cannot read or that are reserved', async () => {
    const r = await load(`ftree: 1
top: a
parameters:
  mission_time: 5
  lambda-db: 1e-5
events:
  a: { probability: 0.1 }
`);
    expect(r.diagnostics.filter((d) => d.code === 'INVALID_ID').map((d) => d.span!.line)).toEqual([4, 5]);
  });

  it('refuses a metric signal that mixes an anomaly score with a threshold', async () => {
    const r = await load(`ftree: 1
top: a
events:
  a:
    probability: 0.1
    evidence:
      metrics:
        - { query: up, score: 5, above: 3 }
`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CONFLICTING_KEYS']);
  });

  it('reads direction, min_spread, min_baseline and missing on signals, and refuses bad ones with positions', async () => {
    const ok = await load(`ftree: 1
top: a
events:
  a:
    probability: 0.1
    evidence:
      logs:
        - { pattern: timeout, missing: silent }
      metrics:
        - { query: availability, score: 5, direction: fell, min_spread: 0.5, min_baseline: 12, missing: silent }
        - { query: up, below: 1, min_baseline: 4 }
`);
    expect(ok.diagnostics).toEqual([]);
    const evidence = ok.tree!.events.get('a')!.evidence!;
    expect(evidence.logs[0]).toMatchObject({ pattern: 'timeout', missing: 'silent' });
    expect(evidence.metrics[0]).toMatchObject({ direction: 'fell', minSpread: 0.5, minBaseline: 12, missing: 'silent' });
    expect(evidence.metrics[1]).toMatchObject({ below: 1, minBaseline: 4 });
    const bad = await load(`ftree: 1
top: a
events:
  a:
    probability: 0.1
    evidence:
      logs:
        - { pattern: timeout, missing: zero }
      metrics:
        - { query: availability, score: 5, direction: down, min_spread: -1, min_baseline: 0 }
        - { query: up, below: 1, direction: fell }
`);
    expect(bad.diagnostics.map((d) => [d.code, d.span!.line, d.span!.col])).toEqual([
      ['INVALID_VALUE', 8, 40],
      ['INVALID_VALUE', 10, 55],
      ['INVALID_NUMBER', 10, 73],
      ['INVALID_NUMBER', 10, 91],
      ['CONFLICTING_KEYS', 11, 34],
    ]);
    expect(bad.diagnostics[1]!.hint).toBe('use one of rose, fell, both');
  });
});

describe('loadTree on extreme values', () => {
  it.each(['0./proc/self/environ7', '2 .* 3', '2 .^ 2'])('refuses the element-wise operators of %s (found by the fuzzer: exit 70)', async (expression) => {
    const r = await load(`ftree: 1\ntop: a\nevents:\n  a: { probability: "${expression}" }\n`, 'dot.yaml');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['INVALID_EXPRESSION']);
    expect(r.diagnostics[0]!.message).toMatch(/the operator "\.[*/^]" is not allowed/);
  });

  it('refuses a probability that computes to NaN (mttr: 1e-320) instead of analysing it as n/a', async () => {
    const r = await load(`ftree: 1
top: top
gates:
  top: { type: or, inputs: [a, b] }
events:
  a: { rate: 1e-3/h, mttr: 1e-320 }
  b: { probability: 0.1 }
`, 'nan.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.span?.line])).toEqual([['PROBABILITY_RANGE', 6]]);
    expect(r.tree).toBeUndefined();
  });

  it('refuses a quoted number where the schema says number or integer (k: "2")', async () => {
    const r = await load(`ftree: 1
top: top
gates:
  top: { type: atleast, k: "2", inputs: [a, b, c] }
events:
  a: { probability: 0.1 }
  b: { probability: 0.1 }
  c: { probability: 0.1 }
`, 'quoted.yaml');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'INVALID_TYPE', message: 'The k of gate "top" must be a number, not the text "2"', hint: 'write the number without quotes: 2' })]);
  });
});
