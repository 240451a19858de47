import type { BasicEvent, FaultTree } from '../model/fault-tree.js';
import { computeProbabilityCurve } from './probability-curve.js';

function tree(events: readonly BasicEvent[], type: 'or' | 'and' = 'or'): FaultTree {
  return {
    name: 't',
    file: 't.yaml',
    files: ['t.yaml'],
    top: 'top',
    missionTime: 100,
    parameters: new Map(),
    gates: new Map([['top', { id: 'top', type, inputs: events.map((e) => e.id) }]]),
    events: new Map(events.map((e) => [e.id, e])),
    houses: new Map(),
  };
}

const rate = (id: string, lambda: number, missionTime = 100): BasicEvent => ({ id, probability: -Math.expm1(-lambda * missionTime), model: { kind: 'rate', rate: lambda, missionTime } });
const repairable = (id: string, lambda: number, mu: number): BasicEvent => ({
  id,
  probability: (lambda / (lambda + mu)) * -Math.expm1(-(lambda + mu) * 100),
  model: { kind: 'repairable', rate: lambda, repairRate: mu, missionTime: 100 },
});

describe('computeProbabilityCurve', () => {
  it('evaluates P(top) at each time, and its limit when every event has one', () => {
    const curve = computeProbabilityCurve(tree([repairable('a', 1e-3, 0.1), repairable('b', 2e-3, 0.05)], 'and'), [0, 10, 1000]);
    const u = (l: number, m: number, t: number) => (l / (l + m)) * -Math.expm1(-(l + m) * t);
    expect(curve.pTop[0]).toBe(0);
    expect(curve.pTop[1]).toBeCloseTo(u(1e-3, 0.1, 10) * u(2e-3, 0.05, 10), 15);
    expect(curve.pTop[2]).toBeCloseTo(u(1e-3, 0.1, 1000) * u(2e-3, 0.05, 1000), 15);
    expect(curve.events).toEqual([
      { id: 'a', limit: expect.closeTo(1e-3 / 0.101, 15) },
      { id: 'b', limit: expect.closeTo(2e-3 / 0.052, 15) },
    ]);
    expect(curve.limit).toBeCloseTo((1e-3 / 0.101) * (2e-3 / 0.052), 15);
  });

  it('keeps constant and pinned events, and has no limit with a periodic test', () => {
    const constant: BasicEvent = { id: 'c', probability: 0.01, model: { kind: 'constant', value: 0.01 } };
    const periodic: BasicEvent = { id: 'p', probability: 0, model: { kind: 'periodic-test', rate: 1e-4, testInterval: 50, firstTest: 20, missionTime: 100 } };
    const curve = computeProbabilityCurve(tree([constant, rate('pinned', 1e-3, 10), periodic]), [0, 30, 60]);
    const pinned = -Math.expm1(-1e-2);
    expect(curve.pTop[0]).toBeCloseTo(1 - 0.99 * (1 - pinned), 15);
    expect(curve.pTop[1]).toBeCloseTo(1 - 0.99 * (1 - pinned) * Math.exp(-1e-4 * 10), 15);
    expect(curve.events.map((e) => e.id)).toEqual(['p']);
    expect(curve.limit).toBeUndefined();
  });
});
