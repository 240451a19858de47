import type { SignalResult } from '../evidence/index.js';
import type { ChangeLog } from '../evidence/read-changes.js';
import type { FaultTree } from '../model/fault-tree.js';
import { evaluateChangesAtOnset } from './evaluate-changes-at-onset.js';

const H = 3_600_000;
const tree: FaultTree = {
  name: 't',
  file: 't.yaml',
  files: ['t.yaml'],
  top: 'top',
  missionTime: 24,
  parameters: new Map(),
  gates: new Map([['top', { id: 'top', type: 'or', inputs: ['bad_deploy', 'config'] }]]),
  events: new Map([
    ['bad_deploy', { id: 'bad_deploy', probability: 0.01, model: { kind: 'constant', value: 0.01 }, evidence: { logs: [], metrics: [], changes: [{ service: 'api', kind: 'deploy', within: 0.5 }] } }],
    ['config', { id: 'config', probability: 0.01, model: { kind: 'constant', value: 0.01 }, evidence: { logs: [], metrics: [], changes: [{ kind: 'config' }] } }],
  ]),
  houses: new Map(),
};
const result = (owner: string, service: string | undefined, changeKind: string): SignalResult => ({
  owner,
  ownerKind: 'event',
  kind: 'change',
  ...(service !== undefined ? { service } : {}),
  changeKind,
  rule: 'within 2h',
  state: 'fired',
  samples: [],
});
const log = (times: [number, string, string][]): ChangeLog => ({ file: 'c.jsonl', skipped: 0, changes: times.map(([time, service, kind]) => ({ time, service, kind, description: '' })) });

describe('evaluateChangesAtOnset', () => {
  const signals = [result('bad_deploy', 'api', 'deploy'), result('config', undefined, 'config')];
  const onset = 10 * H;

  it('fires for a matching change within `within` before the onset, the onset included', () => {
    const out = evaluateChangesAtOnset(tree, signals, log([[onset - 0.25 * H, 'API', 'Deploy'], [onset, 'web', 'config']]), onset);
    expect(out.map((s) => [s.owner, s.state, s.count, s.firstSeen, s.rule])).toEqual([
      ['bad_deploy', 'fired', 1, onset - 0.25 * H, 'within 30m before onset'],
      ['config', 'fired', 1, onset, 'within 2h before onset'],
    ]);
  });

  it('is silent for a change after the onset or too long before it', () => {
    const out = evaluateChangesAtOnset(tree, signals, log([[onset + 60_000, 'api', 'deploy'], [onset - H, 'api', 'deploy'], [onset - 3 * H, 'x', 'config']]), onset);
    expect(out.map((s) => s.state)).toEqual(['silent', 'silent']);
  });

  it('uses the tree default `within` when the signal has none', () => {
    const out = evaluateChangesAtOnset(tree, signals, log([[onset - 3 * H, 'x', 'config']]), onset, { within: 4 });
    expect(out[1]!.state).toBe('fired');
  });

  it('leaves other signals and unmatched results alone', () => {
    const other: SignalResult = { owner: 'config', ownerKind: 'event', kind: 'log', rule: '', state: 'silent', samples: [] };
    const stray = result('config', 'nope', 'nope');
    const out = evaluateChangesAtOnset(tree, [other, stray], log([]), onset);
    expect(out[0]).toBe(other);
    expect(out[1]).toBe(stray);
  });
});
