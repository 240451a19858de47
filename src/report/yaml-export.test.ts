import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { FaultTree } from '../model/fault-tree.js';
import { loadTree } from '../parse/yaml/load-tree.js';
import { loadMefSync, type LoadMefOptions } from '../parse/mef/load-mef.js';
import { mefBenchmarksDir, mefFixturesDir } from '../../test/helpers/mef-benchmarks.js';
import { exportYaml } from './yaml-export.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftree-yaml-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the YAML and reads it back with the YAML path; fails on any error. */
async function throughYaml(tree: FaultTree, name = 'tree.yaml'): Promise<FaultTree> {
  const file = join(dir, name);
  writeFileSync(file, exportYaml(tree));
  const result = await loadTree(file);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.tree!;
}

/** Gates, events (probability), houses and top under a renaming of ids. */
function expectSameStructure(yaml: FaultTree, mef: FaultTree, rename: (id: string) => string = (id) => id): void {
  expect(yaml.top).toBe(rename(mef.top));
  expect(yaml.missionTime).toBe(mef.missionTime);
  expect(yaml.gates.size).toBe(mef.gates.size);
  for (const gate of mef.gates.values()) {
    const other = yaml.gates.get(rename(gate.id));
    expect(other).toMatchObject({ type: gate.type, inputs: gate.inputs.map(rename), ...(gate.k !== undefined ? { k: gate.k } : {}), ...(gate.max !== undefined ? { max: gate.max } : {}) });
    expect(other!.label).toBe(gate.label);
  }
  expect(yaml.events.size).toBe(mef.events.size);
  for (const event of mef.events.values()) {
    const other = yaml.events.get(rename(event.id))!;
    expect(other.probability).toBeCloseTo(event.probability, 14);
    expect(other.distribution).toEqual(event.distribution);
    expect(other.label).toBe(event.label);
    if (event.model.kind !== 'periodic-test' && !(event.model.kind === 'repairable' && event.model.gamma)) expect(other.model).toEqual(event.model);
  }
  const houses = (t: FaultTree, name: (id: string) => string) => [...t.houses.values()].map((h) => `${name(h.id)}=${h.state}`).sort();
  expect(houses(yaml, (id) => id)).toEqual(houses(mef, rename));
}

describe('exportYaml', () => {
  it('writes the format: header only with a schema, then ftree, name, top, mission_time and the sections', () => {
    const tree = loadMefSync([join(mefFixturesDir(), 'valid/kitchen-sink.xml')]);
    const plain = exportYaml(tree);
    expect(plain.startsWith('# yaml-language-server')).toBe(false);
    const text = exportYaml(tree, { schema: '../schema/ftree.schema.json' });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/ftree.schema.json');
    const doc = parse(text) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['ftree', 'name', 'title', 'top', 'mission_time', 'parameters', 'gates', 'events', 'houses']);
    expect(doc['ftree']).toBe(1);
    expect(text).toContain('inputs: [ trains, top.1, both, parity ]');
    expect(text).toContain('#   "Plant.Pumps.lambda" → Plant_Pumps_lambda');
    expect(text).toMatch(/# {3}event "train-c": periodic test/);
  });

  it('quotes ids that YAML would read as other types, and keeps odd ones as map keys', async () => {
    const tree: FaultTree = {
      name: 'Odd Names',
      file: '',
      files: [],
      top: 'true',
      missionTime: 8760,
      parameters: new Map([['e', { id: 'e', value: 2 }]]),
      gates: new Map([['true', { id: 'true', type: 'or', inputs: ['1e3', '__proto__', 'null', 'h'] }]]),
      events: new Map([
        ['1e3', { id: '1e3', probability: 0.1, model: { kind: 'constant', value: 0.1 } }],
        ['__proto__', { id: '__proto__', label: 'a: b # c', probability: 0.2, model: { kind: 'constant', value: 0.2 } }],
        ['null', { id: 'null', probability: 1e-7, model: { kind: 'constant', value: 1e-7 } }],
      ]),
      houses: new Map([['h', { id: 'h', state: true, label: 'maintenance' }]]),
    };
    const text = exportYaml(tree);
    expect(text).toContain('name: odd-names');
    expect(text).toContain('"e" → e_parameter');
    const back = await throughYaml(tree, 'odd.yaml');
    expect(back.gates.get('true')!.inputs).toEqual(['1e3', '__proto__', 'null', 'h']);
    expect(back.events.get('__proto__')!.label).toBe('a: b # c');
    expect(back.events.get('null')!.probability).toBe(1e-7);
    expect(back.houses.get('h')).toMatchObject({ state: true, label: 'maintenance' });
    expect(back.parameters.get('e_parameter')!.value).toBe(2);
  });

  it('writes rate, repairable and Weibull models, own mission times and distributions', async () => {
    const tree: FaultTree = {
      name: 'models',
      file: '',
      files: [],
      top: 'top',
      missionTime: 24,
      parameters: new Map(),
      gates: new Map([['top', { id: 'top', type: 'atleast', k: 2, inputs: ['r', 'g', 'w', 'd'] }]]),
      events: new Map([
        ['r', { id: 'r', probability: -Math.expm1(-1e-3 * 100), model: { kind: 'rate', rate: 1e-3, missionTime: 100 } }],
        ['g', { id: 'g', probability: 1e-3 / 0.101 * -Math.expm1(-0.101 * 24), model: { kind: 'repairable', rate: 1e-3, repairRate: 0.1, missionTime: 24 } }],
        ['w', { id: 'w', probability: -Math.expm1(-Math.pow(24 / 1000, 1.5)), model: { kind: 'weibull', scale: 1000, shape: 1.5, missionTime: 24 } }],
        ['d', { id: 'd', probability: 0.01, model: { kind: 'constant', value: 0.01 }, distribution: { kind: 'histogram', bounds: [0, 0.01, 0.03], weights: [3, 1] } }],
      ]),
      houses: new Map(),
    };
    const text = exportYaml(tree);
    expect(text).toContain('    rate: 0.001\n    mission_time: 100\n');
    expect(text).toContain('bounds: [ 0, 0.01, 0.03 ]');
    expectSameStructure(await throughYaml(tree, 'models.yaml'), tree);
  });

  it('keeps the signal defaults and the budget', async () => {
    const tree: FaultTree = {
      name: 'limits',
      file: '',
      files: [],
      top: 'top',
      missionTime: 1,
      defaults: { sensitivity: 0.8, falseAlarm: 0.02, within: 0.5 },
      budget: { maxProbability: 1e-4, singlePoints: false, maxImportance: 0.5 },
      parameters: new Map(),
      gates: new Map([['top', { id: 'top', type: 'or', inputs: ['a', 'b'] }]]),
      events: new Map([
        ['a', { id: 'a', probability: 0.01, model: { kind: 'constant', value: 0.01 } }],
        ['b', { id: 'b', probability: 0.02, model: { kind: 'constant', value: 0.02 } }],
      ]),
      houses: new Map(),
    };
    const back = await throughYaml(tree, 'limits.yaml');
    expect(back.defaults).toEqual(tree.defaults);
    expect({ ...back.budget, spans: undefined }).toEqual({ ...tree.budget, spans: undefined });
    expect(Object.keys(parse(exportYaml({ ...tree, defaults: {}, budget: {} })) as object)).not.toContain('budget');
  });
});

const BENCH = mefBenchmarksDir();
(BENCH ? describe : describe.skip)('MEF → YAML → loadTree', () => {
  const input = (path: string): string => join(BENCH ?? '', path);

  it.each([
    ['scram-input/Aralia/das9601.xml', {}],
    ['scram-input/Aralia/cea9601.xml', {}],
    ['scram-input/Chinese/chinese.xml+scram-input/Chinese/chinese-basic-events.xml', {}],
    ['scram-input/ThreeMotor/three_motor.xml', {}],
    ['scram-input/HIPPS/HIPPS.xml', {}],
    ['scram-input/SmallTree/SmallTree.xml', {}],
    ['scram-tests-input/fta/correct_expressions.xml', {}],
    ['scram-tests-input/fta/mixed_roles.xml', { defaultProbability: 0.5 }],
    ['scram-tests-input/core/cardinality.xml', {}],
    ['scram-tests-input/core/imply.xml', {}],
  ])('%s keeps its structure and probabilities', async (files, options: LoadMefOptions) => {
    const mef = loadMefSync(files.split('+').map(input), options);
    expectSameStructure(await throughYaml(mef, 'bench.yaml'), mef);
  });

  it('keeps the kitchen-sink model, nested formulas and private paths included', async () => {
    const mef = loadMefSync([join(mefFixturesDir(), 'valid/kitchen-sink.xml')]);
    expectSameStructure(await throughYaml(mef, 'kitchen.yaml'), mef);
  });

  it('renames CCF events and keeps their probabilities', async () => {
    const mef = loadMefSync([input('scram-tests-input/core/phi_factor_ccf.xml')]);
    const rename = (id: string): string => (id.startsWith('[') ? `CCF_${id.slice(1, -1).replace(/ /g, '_')}` : id);
    expectSameStructure(await throughYaml(mef, 'ccf.yaml'), mef, rename);
  });
});
