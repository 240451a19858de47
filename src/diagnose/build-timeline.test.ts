import type { SignalResult } from '../evidence/index.js';
import { buildTimeline } from './build-timeline.js';

const signal = (owner: string, firstSeen: number | undefined, extra: Partial<SignalResult> = {}): SignalResult => ({
  owner,
  ownerKind: 'event',
  kind: 'log',
  rule: '≥ 1',
  state: 'fired',
  samples: [],
  ...(firstSeen !== undefined ? { firstSeen } : {}),
  ...extra,
});

describe('buildTimeline', () => {
  const onset = { time: 600_000, source: 'symptom' as const, owner: 'top' };

  it('orders fired signals by first time and places them around the onset', () => {
    const t = buildTimeline(
      [
        signal('late', 900_000),
        signal('silent', 100_000, { state: 'silent' }),
        signal('top', 600_000),
        signal('cause', 420_000),
        signal('deploy', 60_000, { kind: 'change' }),
        signal('near', 700_000),
        signal('untimed', undefined),
      ],
      'top',
      onset,
    );
    expect(t.map((e) => [e.signal.owner, e.offset / 1000, e.phase, e.isSymptom, e.isLikelyEffect])).toEqual([
      ['deploy', -540, 'before', false, false],
      ['cause', -180, 'before', false, false],
      ['top', 0, 'onset', true, false],
      ['near', 100, 'onset', false, false],
      ['late', 300, 'after', false, true],
    ]);
  });

  it('never calls a change or the symptom an effect', () => {
    const t = buildTimeline([signal('top', 900_000), signal('rollback', 900_000, { kind: 'change' })], 'top', onset);
    expect(t.every((e) => !e.isLikelyEffect)).toBe(true);
  });
});
