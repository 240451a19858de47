import type { EvidenceResult, SignalResult, SignalState } from '../evidence/index.js';
import type { BasicEvent, FaultTree, Gate } from '../model/fault-tree.js';
import { diagnoseIncident } from './diagnose-incident.js';

/**
 * top = slow_db ∨ cache_cold ∨ psp_slow, cache_cold = deploy ∧ key_bump (a deploy is a normal
 * event, prior 0.9). Checks are declared on every event.
 */
function tree(): FaultTree {
  const gates: Gate[] = [
    { id: 'top', type: 'or', inputs: ['slow_db', 'cache_cold', 'psp_slow'] },
    { id: 'cache_cold', type: 'and', inputs: ['deploy', 'key_bump'] },
  ];
  const p: [string, number, number | undefined][] = [
    ['slow_db', 0.004, 5],
    ['deploy', 0.9, 1],
    ['key_bump', 0.003, undefined],
    ['psp_slow', 0.01, 2],
  ];
  const events = p.map(([id, q, cost]): BasicEvent => ({ id, probability: q, model: { kind: 'constant', value: q }, check: { how: `check ${id}`, ...(cost !== undefined ? { cost } : {}) } }));
  return {
    name: 't',
    file: 't.yaml',
    files: ['t.yaml'],
    top: 'top',
    missionTime: 24,
    parameters: new Map(),
    gates: new Map(gates.map((g) => [g.id, g])),
    events: new Map(events.map((e) => [e.id, e])),
    houses: new Map(),
  };
}

const sig = (owner: string, state: SignalState, extra: Partial<SignalResult> = {}): SignalResult => ({
  owner,
  ownerKind: owner === 'top' || owner === 'cache_cold' ? 'gate' : 'event',
  kind: 'log',
  pattern: owner,
  rule: '≥ 1',
  state,
  samples: [],
  ...(state === 'fired' ? { firstSeen: 1_000_000, count: 12 } : {}),
  ...extra,
});

const evidence = (signals: SignalResult[]): EvidenceResult => ({ window: { start: 900_000, end: 2_700_000 }, timezone: 'UTC', signals, logs: [], metricFiles: [], unexplained: [], notes: [], warnings: [] });

const allSignals = (state: SignalState) => ['slow_db', 'deploy', 'key_bump', 'psp_slow'].map((id) => sig(id, state));

describe('diagnoseIncident', () => {
  it('with no data keeps P(x|T) exactly and blames nothing', () => {
    const d = diagnoseIncident(tree(), evidence(allSignals('unknown')));
    expect(d.verdict).toEqual({ kind: 'nothing-stands-out', reason: 'no-data', suspects: [] });
    for (const e of d.events) {
      expect(e.posterior).toBeCloseTo(e.posteriorWithoutEvidence, 14);
      expect(e.bayesFactor).toBeCloseTo(1, 10);
      expect(e.adjusted).toBe(e.prior);
    }
    expect(d.onset.source).toBe('since');
  });

  it('with every signal silent, the symptom too, sees no incident unless told the top occurred', () => {
    const quiet = evidence([...allSignals('silent'), sig('top', 'silent')]);
    const seen = diagnoseIncident(tree(), quiet);
    expect(seen.verdict).toEqual({ kind: 'nothing-stands-out', reason: 'symptom-not-seen', suspects: [] });
    expect(seen.top.givenEvidence * 10).toBeLessThan(seen.top.prior);
    const d = diagnoseIncident(tree(), quiet, { topObserved: true });
    expect(d.verdict.kind).toBe('nothing-stands-out');
    expect(d.verdict.reason).toBe('nothing-fired');
    const byTree = [...d.events].sort((a, b) => b.posteriorWithoutEvidence - b.prior - (a.posteriorWithoutEvidence - a.prior)).map((e) => e.id);
    expect(d.suspects.map((e) => e.id)).toEqual(byTree);
    expect(d.events.every((e) => !e.standsOut)).toBe(true);
  });

  it('names the event whose signals fired, and keeps JSON order by posterior', () => {
    const d = diagnoseIncident(tree(), evidence([sig('slow_db', 'fired'), sig('psp_slow', 'silent'), sig('key_bump', 'silent'), sig('deploy', 'unknown')]));
    expect(d.verdict).toMatchObject({ kind: 'suspects', reason: 'stands-out', suspects: ['slow_db'] });
    expect(d.suspects[0]!.id).toBe('slow_db');
    // The deploy (prior 0.9) has a higher posterior than most, but it does not lead the suspects.
    expect(d.events.map((e) => e.id)).toEqual([...d.events].sort((a, b) => b.posterior - a.posterior || (a.id < b.id ? -1 : 1)).map((e) => e.id));
    expect(d.events[0]!.posterior).toBeGreaterThanOrEqual(d.events[1]!.posterior);
  });

  it('a normally-true event confirmed by its change does not outrank the fault it combines with', () => {
    const d = diagnoseIncident(tree(), evidence([sig('deploy', 'fired', { kind: 'change' }), sig('key_bump', 'fired'), sig('slow_db', 'silent'), sig('psp_slow', 'silent')]));
    const deploy = d.events.find((e) => e.id === 'deploy')!;
    const bump = d.events.find((e) => e.id === 'key_bump')!;
    expect(deploy.posterior).toBeGreaterThan(bump.posterior);
    expect(d.events[0]!.id).toBe('deploy');
    expect(d.suspects[0]!.id).toBe('key_bump');
    expect(d.verdict.suspects[0]).toBe('key_bump');
  });

  it('sees no incident when the symptom is silent even though a cause fired', () => {
    const d = diagnoseIncident(tree(), evidence([sig('slow_db', 'fired'), sig('top', 'silent')]));
    expect(d.verdict).toEqual({ kind: 'nothing-stands-out', reason: 'symptom-not-seen', suspects: [] });
    expect(diagnoseIncident(tree(), evidence([sig('slow_db', 'fired'), sig('top', 'silent')]), { topObserved: true }).verdict.suspects).toEqual(['slow_db']);
    // without a signal of its own, the top is diagnosed as asked
    expect(diagnoseIncident(tree(), evidence([sig('slow_db', 'fired')])).verdict.suspects).toEqual(['slow_db']);
  });

  it("evidence on a gate supports the events below it; the top's own signal supports nothing", () => {
    const d = diagnoseIncident(tree(), evidence([sig('cache_cold', 'fired'), sig('top', 'fired')]));
    expect(d.verdict.suspects[0]).toBe('key_bump');
    expect(d.verdict.suspects).not.toContain('slow_db');
    const only = diagnoseIncident(tree(), evidence([sig('top', 'fired')]));
    expect(only.verdict.kind).toBe('nothing-stands-out');
    expect(only.verdict.reason).toBe('nothing-fired');
    expect(only.onset).toEqual({ time: 1_000_000, source: 'symptom', owner: 'top' });
  });

  it('without the top observed gives P(x|E) and the risk P(T|E)', () => {
    const d = diagnoseIncident(tree(), evidence([sig('slow_db', 'fired')]), { topObserved: false });
    const slow = d.events.find((e) => e.id === 'slow_db')!;
    expect(slow.posterior).toBeCloseTo(slow.adjusted, 14);
    expect(d.events.find((e) => e.id === 'psp_slow')!.posterior).toBeCloseTo(0.01, 14);
    expect(d.top.givenEvidence).toBeGreaterThan(d.top.prior);
    expect(d.conditioning).toBe('evidence-only');
    expect(d.verdict.suspects).toEqual(['slow_db']);
  });

  it('resolves rates: signal, then tree defaults, then options', () => {
    const t = { ...tree(), defaults: { sensitivity: 0.6 } };
    const d = diagnoseIncident(t, evidence([sig('slow_db', 'fired', { falseAlarm: 0.2 })]), { rates: { sensitivity: 0.99, falseAlarm: 0.01 } });
    const s = d.signals[0]!;
    expect([s.sensitivity, s.falseAlarm, s.sensitivitySource, s.falseAlarmSource]).toEqual([0.6, 0.2, 'tree', 'signal']);
    // s/f = 3, times the timing factor of a signal that fired at the onset (it set the onset).
    expect(s.timingFactor).toBeGreaterThan(1);
    expect(s.strengthFactor).toBe(1);
    expect(s.likelihoodRatio / s.timingFactor).toBeCloseTo(3, 12);
  });

  it('orders next checks by posterior per minute, 15 min when the cost is not given', () => {
    const d = diagnoseIncident(tree(), evidence([sig('key_bump', 'fired')]));
    const scores = d.nextChecks.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const bump = d.nextChecks.find((c) => c.id === 'key_bump')!;
    expect(bump).toMatchObject({ cost: 15, costAssumed: true });
    for (const c of d.nextChecks) expect(c.informationGain).toBeGreaterThanOrEqual(0);
  });

  it('ranks given cut sets by their posterior', () => {
    const d = diagnoseIncident(tree(), evidence([sig('key_bump', 'fired'), sig('slow_db', 'silent')]), { cutSets: [['slow_db'], ['deploy', 'key_bump'], ['psp_slow']] });
    expect(d.cutSets!.map((c) => c.events.join('+'))).toEqual(['deploy+key_bump', 'psp_slow', 'slow_db']);
    expect(d.cutSets![0]!.posterior).toBeLessThanOrEqual(d.events.find((e) => e.id === 'key_bump')!.posterior);
  });

  it('stops ranking cut sets early without changing the top ones', () => {
    const input = evidence([sig('key_bump', 'fired'), sig('slow_db', 'fired'), sig('cache_cold', 'silent')]);
    const all = diagnoseIncident(tree(), input, { limit: 100 }).cutSets;
    expect(all.length).toBe(3);
    expect(diagnoseIncident(tree(), input, { limit: 2 }).cutSets).toEqual(all.slice(0, 2));
  });

  it('is deterministic', () => {
    const input = evidence([sig('slow_db', 'fired'), sig('cache_cold', 'silent'), sig('psp_slow', 'fired', { firstSeen: 1_500_000 })]);
    const strip = (d: ReturnType<typeof diagnoseIncident>) => ({ ...d, seconds: 0 });
    expect(strip(diagnoseIncident(tree(), input))).toEqual(strip(diagnoseIncident(tree(), input)));
  });
});
