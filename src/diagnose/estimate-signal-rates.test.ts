import type { EvidenceResult, SignalResult } from '../evidence/evidence-result.js';
import type { FaultTree } from '../model/fault-tree.js';
import { estimateSignalRates } from './estimate-signal-rates.js';

const tree: FaultTree = {
  name: 't', file: 't.yaml', files: ['t.yaml'], top: 'top', missionTime: 24, parameters: new Map(), houses: new Map(),
  gates: new Map([
    ['top', { id: 'top', type: 'atleast', k: 2, inputs: ['a', 'b', 'via'] }],
    ['via', { id: 'via', type: 'and', inputs: ['c', 'c⇢via'] }],
  ]),
  events: new Map([
    ['a', { id: 'a', probability: 0.1, model: { kind: 'constant', value: 0.1 } }],
    ['b', { id: 'b', probability: 0.1, model: { kind: 'constant', value: 0.1 } }],
    ['c', { id: 'c', probability: 0.1, model: { kind: 'constant', value: 0.1 } }],
    ['c⇢via', { id: 'c⇢via', probability: 0.5, model: { kind: 'constant', value: 0.5 }, propagation: { from: 'c', to: 'via', probability: 0.5 } }],
  ]),
};

function evidence(...states: SignalResult['state'][]): EvidenceResult {
  const signal = (state: SignalResult['state']): SignalResult => ({ owner: 'top', ownerKind: 'gate', kind: 'metric', query: 'errors', rule: 'score ≥ 5', state, samples: [] });
  return { window: { start: 0, end: 1 }, timezone: 'UTC', signals: states.map(signal), logs: [], metricFiles: [], unexplained: [], notes: [], warnings: [] } as unknown as EvidenceResult;
}

describe('estimateSignalRates', () => {
  it('sets a gate signal against the gate\'s value under the incident\'s root causes, propagations passing', () => {
    const estimates = estimateSignalRates(tree, [
      { line: 1, events: ['a', 'b'], evidence: evidence('fired') }, // top true
      { line: 2, events: ['a', 'c'], evidence: evidence('silent') }, // true through the propagation
      { line: 3, events: ['a'], evidence: evidence('fired') }, // false: a false alarm
      { line: 4, events: ['c'], evidence: evidence('silent') }, // false
      { line: 5, events: ['b', 'c'], evidence: evidence('unknown') }, // counts for neither
    ], { minIncidents: 2 });
    expect(estimates).toEqual([
      { owner: 'top', ownerKind: 'gate', signal: 'metric errors (score ≥ 5)', firedWhenTrue: 1, knownWhenTrue: 2, firedWhenFalse: 1, knownWhenFalse: 2, sensitivity: 0.5, falseAlarm: 0.5 },
    ]);
  });
});
