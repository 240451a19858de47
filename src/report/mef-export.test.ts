import { join } from 'node:path';
import type { FaultTree, Gate } from '../model/fault-tree.js';
import { loadMefSync, parseMefText, type LoadMefOptions } from '../parse/mef/load-mef.js';
import { mefBenchmarksDir, mefFixturesDir } from '../../test/helpers/mef-benchmarks.js';
import { exportMef } from './mef-export.js';

/** The model without source positions, maps sorted by id: what a round trip must keep. */
function canonical(tree: FaultTree): unknown {
  const byId = <T extends { id: string }>(values: Iterable<T>): T[] => [...values].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const noSpan = <T extends { span?: unknown }>({ span, ...rest }: T): Omit<T, 'span'> => (void span, rest);
  return {
    name: tree.name,
    title: tree.title,
    description: tree.description,
    top: tree.top,
    missionTime: tree.missionTime,
    gates: byId(tree.gates.values()).map(({ inputSpans, ...g }) => (void inputSpans, noSpan(g))),
    events: byId(tree.events.values()).map(noSpan),
    houses: byId(tree.houses.values()).map(noSpan),
    parameters: byId(tree.parameters.values()).map(noSpan),
  };
}

function roundTrip(tree: FaultTree, options: LoadMefOptions = {}): FaultTree {
  return parseMefText(exportMef(tree), 'exported.xml', options);
}

const BENCH = mefBenchmarksDir();
const describeBench = BENCH ? describe : describe.skip;
const input = (path: string): string => join(BENCH ?? '', path);

describe('exportMef', () => {
  it('round-trips the kitchen-sink model: nested formulas, components, time models, deviates', () => {
    const tree = loadMefSync([join(mefFixturesDir(), 'valid/kitchen-sink.xml')]);
    const xml = exportMef(tree);
    expect(xml).toContain('<and>\n          <basic-event name="grid"/>\n          <not>'); // nested again
    expect(xml).toContain('<define-component name="Pumps" role="private">');
    expect(xml).toContain('<exponential><float value="0.00001"/><system-mission-time/></exponential>');
    expect(xml).toContain('<lognormal-deviate><float value="0.002"/><float value="3"/><float value="0.95"/></lognormal-deviate>');
    expect(canonical(roundTrip(tree))).toEqual(canonical(tree));
  });

  it('escapes labels and keeps mission time and top through model attributes', () => {
    const tree: FaultTree = {
      name: 'escapes',
      title: 'Cooling & "power" <demo> \'quoted\'',
      file: 'escapes.yaml',
      files: ['escapes.yaml'],
      top: 'only',
      missionTime: 24,
      parameters: new Map(),
      gates: new Map(),
      events: new Map([['only', { id: 'only', label: 'A < B && C > "D"', probability: -Math.expm1(-24e-4), model: { kind: 'rate', rate: 1e-4, missionTime: 24 } }]]),
      houses: new Map(),
    };
    const xml = exportMef(tree);
    expect(xml).toContain('<label>A &lt; B &amp;&amp; C &gt; "D"</label>');
    expect(xml).toContain('<attribute name="mission-time" value="24" type="hours"/>');
    expect(xml).toContain('<!-- Mission time 24 h: SCRAM takes it from its settings (its mission-time option). -->');
    const back = roundTrip(tree);
    expect(back.events.get('only')).toMatchObject({ label: 'A < B && C > "D"', model: { kind: 'rate', rate: 1e-4, missionTime: 24 } });
    expect(back.title).toBe(tree.title);
    expect(back.top).toBe('only');
    expect(back.missionTime).toBe(24);
  });

  it('renames ids MEF cannot hold, keeps dotted ids as private elements, and says what it left out', () => {
    const gate = (id: string, type: Gate['type'], inputs: string[], extra: Partial<Gate> = {}): [string, Gate] => [id, { id, type, inputs, ...extra }];
    const tree: FaultTree = {
      name: 'payments',
      file: 'payments.yaml',
      files: ['payments.yaml'],
      top: 'slo:breach',
      missionTime: 8760,
      parameters: new Map([['lambda_db', { id: 'lambda_db', value: 2e-5, source: '1e-5 * 2' }]]),
      gates: new Map([
        gate('slo:breach', 'or', ['db.primary', 'cache-', 'guarded']),
        gate('guarded', 'inhibit', ['psp', 'maintenance'], { description: 'only while maintained' }),
      ]),
      events: new Map([
        ['db.primary', { id: 'db.primary', probability: 0.002, model: { kind: 'constant', value: 0.002 }, distribution: { kind: 'lognormal', mean: 0.002, errorFactor: 3 } }],
        ['cache-', { id: 'cache-', probability: 0.01, model: { kind: 'expression', source: 'lambda_db * 500' }, distribution: { kind: 'loguniform', min: 0.001, max: 0.1 } }],
        ['psp', { id: 'psp', probability: 0.003, model: { kind: 'constant', value: 0.003 }, distribution: { kind: 'uniform', min: 0, max: 0.1 }, evidence: { logs: [{ pattern: 'timeout' }], metrics: [], changes: [] } }],
      ]),
      houses: new Map([['maintenance', { id: 'maintenance', state: true }]]),
    };
    const xml = exportMef(tree);
    expect(xml).toContain('<!-- Ids renamed to valid MEF names: "slo:breach" → slo_breach, "cache-" → cache. -->');
    expect(xml).toMatch(/Left out: .*loguniform distribution of event "cache-".*distribution of event "psp" \(its mean 0\.05 is not the point value 0\.003\).*evidence and checks of 1 event/);
    expect(xml).toContain('<define-fault-tree name="db">');
    expect(xml).toContain('<define-basic-event name="primary" role="private">');
    expect(xml).toContain('<attribute name="flavor" value="inhibit"/>');
    expect(xml).toContain('<!-- expression: lambda_db * 500 -->');
    const back = roundTrip(tree);
    expect(back.top).toBe('slo_breach');
    expect(back.gates.get('slo_breach')!.inputs).toEqual(['db.primary', 'cache', 'guarded']);
    expect(back.gates.get('guarded')).toMatchObject({ type: 'inhibit', description: 'only while maintained' });
    expect(back.events.get('db.primary')).toMatchObject({ probability: 0.002, distribution: { kind: 'lognormal', mean: 0.002, errorFactor: 3 } });
    expect(back.events.get('cache')).toMatchObject({ probability: 0.01, model: { kind: 'constant', value: 0.01 } });
    expect(back.events.get('psp')!.distribution).toBeUndefined();
    expect(back.parameters.get('lambda_db')!.value).toBe(2e-5);
  });

  it('renames the arrows of probabilistic inputs to XML name characters, and reads back with the same P(top)', () => {
    const tree: FaultTree = {
      name: 'chain',
      file: 'chain.yaml',
      files: ['chain.yaml'],
      top: 'a_slow',
      missionTime: 24,
      parameters: new Map(),
      gates: new Map([
        ['a_slow', { id: 'a_slow', type: 'or', inputs: ['a', 'b→a_slow'] }],
        ['b→a_slow', { id: 'b→a_slow', type: 'and', inputs: ['b', 'b⇢a_slow'], propagation: { from: 'b', to: 'a_slow', probability: 0.5 } }],
      ]),
      events: new Map([
        ['a', { id: 'a', probability: 0.01, model: { kind: 'constant', value: 0.01 } }],
        ['b', { id: 'b', probability: 0.02, model: { kind: 'constant', value: 0.02 } }],
        ['b⇢a_slow', { id: 'b⇢a_slow', probability: 0.5, model: { kind: 'constant', value: 0.5 }, suspect: false, propagation: { from: 'b', to: 'a_slow', probability: 0.5 } }],
      ]),
      houses: new Map(),
    };
    const xml = exportMef(tree);
    expect(xml).not.toMatch(/name="[^"]*[→⇢]/);
    expect(xml).toContain('"b→a_slow" → b_a_slow');
    const back = parseMefText(xml, 'chain.xml', { missionTime: 24 });
    expect([...back.gates.keys()].sort()).toEqual(['a_slow', 'b_a_slow']);
    expect(back.events.size).toBe(3);
  });

  it('writes each probability model and distribution kind as MEF', () => {
    const event = (id: string, rest: object) => [id, { id, ...rest }] as const;
    const tree = {
      name: 'models',
      file: '',
      files: [],
      top: 'top',
      missionTime: 100,
      parameters: new Map(),
      gates: new Map([['top', { id: 'top', type: 'or', inputs: ['r', 'g', 'w', 'p', 'n', 'b', 'm', 'h', 'l'] }]]),
      events: new Map([
        event('r', { probability: -Math.expm1(-1e-3 * 50), model: { kind: 'rate', rate: 1e-3, missionTime: 50 } }),
        event('g', { probability: 0.5, model: { kind: 'repairable', rate: 1e-3, repairRate: 0.1, missionTime: 100, gamma: 0.01 } }),
        event('w', { probability: 0.5, model: { kind: 'weibull', scale: 1000, shape: 2, missionTime: 100, location: 5 } }),
        event('p', { probability: 0.5, model: { kind: 'periodic-test', rate: 1e-4, testInterval: 30, firstTest: 10, missionTime: 100 } }),
        event('n', { probability: 0.2, model: { kind: 'constant', value: 0.2 }, distribution: { kind: 'normal', mean: 0.2, sd: 0.01 } }),
        event('b', { probability: 0.25, model: { kind: 'constant', value: 0.25 }, distribution: { kind: 'beta', alpha: 1, beta: 3 } }),
        event('m', { probability: 0.06, model: { kind: 'constant', value: 0.06 }, distribution: { kind: 'gamma', shape: 0.2, scale: 0.3 } }),
        event('h', { probability: 0.125, model: { kind: 'constant', value: 0.125 }, distribution: { kind: 'histogram', bounds: [0, 0.1, 0.3], weights: [1, 1] } }),
        event('l', { probability: Math.exp(-5 + 0.5), model: { kind: 'constant', value: Math.exp(-5 + 0.5) }, distribution: { kind: 'lognormal-mu-sigma', mu: -5, sigma: 1 } }),
      ]),
      houses: new Map(),
    } as unknown as FaultTree;
    const xml = exportMef(tree);
    expect(xml).toContain('<exponential><float value="0.001"/><float value="50"/></exponential>');
    expect(xml).toContain('<GLM><float value="0.01"/><float value="0.001"/><float value="0.1"/><system-mission-time/></GLM>');
    expect(xml).toContain('<Weibull><float value="1000"/><float value="2"/><float value="5"/><system-mission-time/></Weibull>');
    expect(xml).toContain('<periodic-test><float value="0.0001"/><float value="30"/><float value="10"/><system-mission-time/></periodic-test>');
    expect(xml).toContain('<histogram><float value="0"/><bin><float value="0.1"/><float value="1"/></bin><bin><float value="0.3"/><float value="1"/></bin></histogram>');
    const back = roundTrip(tree);
    for (const id of ['r', 'g', 'w', 'p']) expect(back.events.get(id)!.model).toEqual(tree.events.get(id)!.model);
    for (const id of ['n', 'b', 'h', 'l']) expect(back.events.get(id)!.distribution).toEqual(tree.events.get(id)!.distribution);
    expect(back.events.get('m')!.probability).toBeCloseTo(0.06, 15);
  });
});

describeBench('exportMef round trips of the benchmark models', () => {
  it.each([
    ['scram-input/Aralia/das9601.xml', {}],
    ['scram-input/Aralia/edf9203.xml', {}],
    ['scram-input/Aralia/cea9601.xml', {}],
    ['scram-input/ThreeMotor/three_motor.xml', {}],
    ['scram-input/HIPPS/HIPPS.xml', {}],
    ['scram-input/SmallTree/SmallTree.xml', {}],
    ['scram-input/BSCU/BSCU.xml', {}],
    ['scram-input/TransTest/trans_one.xml', {}],
    ['scram-tests-input/fta/correct_expressions.xml', {}],
    ['scram-tests-input/fta/mixed_roles.xml', { defaultProbability: 0.5 }],
    ['scram-tests-input/fta/ambiguous_events_with_roles.xml', { defaultProbability: 0.5 }],
    ['scram-tests-input/fta/constant_in_formulas.xml', { defaultProbability: 0.5, top: 'AND' }],
    ['scram-tests-input/fta/nested_not_not.xml', { defaultProbability: 0.5 }],
    ['scram-tests-input/core/cardinality.xml', {}],
  ])('%s: import → export → import gives the same model', (file, options: LoadMefOptions) => {
    const tree = loadMefSync([input(file)], options);
    expect(canonical(roundTrip(tree, { defaultProbability: options.defaultProbability }))).toEqual(canonical(tree));
  });

  it('round-trips an expanded CCF model, the CCF events renamed', () => {
    const tree = loadMefSync([input('scram-tests-input/core/alpha_factor_ccf.xml')]);
    const xml = exportMef(tree);
    expect(xml).toContain('"[PumpOne PumpTwo]" → CCF_PumpOne_PumpTwo');
    const back = roundTrip(tree);
    const rename = (id: string): string => (id.startsWith('[') ? `CCF_${id.slice(1, -1).replace(/ /g, '_')}` : id);
    for (const gate of tree.gates.values()) expect(back.gates.get(gate.id)!.inputs).toEqual(gate.inputs.map(rename));
    for (const event of tree.events.values()) expect(back.events.get(rename(event.id))!.probability).toBe(event.probability);
  });
});
