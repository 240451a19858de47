import type { SignalResult } from '../evidence/index.js';
import { estimateOnset } from './estimate-onset.js';

const fired = (owner: string, firstSeen: number, kind: SignalResult['kind'] = 'log'): SignalResult => ({ owner, ownerKind: 'event', kind, rule: '', state: 'fired', firstSeen, samples: [] });
const window = { start: 1000, end: 10_000 };

describe('estimateOnset', () => {
  it('prefers a given time, then the symptom, then the first fired signal, then --since', () => {
    const signals = [fired('cause', 2000), fired('top', 3000), fired('deploy', 1500, 'change')];
    expect(estimateOnset('top', signals, window, { given: 2500 })).toEqual({ time: 2500, source: 'option' });
    expect(estimateOnset('top', signals, window)).toEqual({ time: 3000, source: 'symptom', owner: 'top' });
    expect(estimateOnset('other', signals, window)).toEqual({ time: 2000, source: 'signal', owner: 'cause' });
    expect(estimateOnset('top', [fired('deploy', 1500, 'change')], window)).toEqual({ time: 1000, source: 'since' });
  });

  it('ignores times outside the window and signals that did not fire', () => {
    const signals = [fired('early', 500), { ...fired('quiet', 1200), state: 'silent' as const }, fired('x', 4000)];
    expect(estimateOnset('top', signals, window)).toEqual({ time: 4000, source: 'signal', owner: 'x' });
  });
});
