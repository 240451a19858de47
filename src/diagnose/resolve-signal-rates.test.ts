import { resolveSignalRates } from './resolve-signal-rates.js';

describe('resolveSignalRates', () => {
  it('takes the signal, then the tree, then the option, then 0.9 / 0.05', () => {
    expect(resolveSignalRates({}, {}, {})).toEqual({ sensitivity: 0.9, falseAlarm: 0.05, sensitivitySource: 'built-in', falseAlarmSource: 'built-in' });
    expect(resolveSignalRates({}, {}, { sensitivity: 0.7, falseAlarm: 0.2 })).toMatchObject({ sensitivity: 0.7, falseAlarm: 0.2, sensitivitySource: 'option' });
    expect(resolveSignalRates({}, { sensitivity: 0.8 }, { sensitivity: 0.7, falseAlarm: 0.2 })).toEqual({
      sensitivity: 0.8,
      falseAlarm: 0.2,
      sensitivitySource: 'tree',
      falseAlarmSource: 'option',
    });
    expect(resolveSignalRates({ falseAlarm: 0.01 }, { sensitivity: 0.8, falseAlarm: 0.03 }, {})).toEqual({
      sensitivity: 0.8,
      falseAlarm: 0.01,
      sensitivitySource: 'tree',
      falseAlarmSource: 'signal',
    });
  });

  it('keeps an explicit 0', () => {
    expect(resolveSignalRates({ falseAlarm: 0 }, { falseAlarm: 0.5 }).falseAlarm).toBe(0);
  });

  it('uses the estimate from the baseline where the signal or the tree asks for it, within bounds', () => {
    const estimate = { baselineFalseAlarm: 0.2 };
    expect(resolveSignalRates({ ...estimate, falseAlarmFromBaseline: true }, { falseAlarm: 0.01 })).toMatchObject({ falseAlarm: 0.2, falseAlarmSource: 'baseline' });
    expect(resolveSignalRates(estimate, { falseAlarmFromBaseline: true })).toMatchObject({ falseAlarm: 0.2, falseAlarmSource: 'baseline' });
    // a number on the signal wins over the tree's `baseline`; without an estimate the next level applies
    expect(resolveSignalRates({ ...estimate, falseAlarm: 0.03 }, { falseAlarmFromBaseline: true })).toMatchObject({ falseAlarm: 0.03, falseAlarmSource: 'signal' });
    expect(resolveSignalRates({ falseAlarmFromBaseline: true }, {}, { falseAlarm: 0.07 })).toMatchObject({ falseAlarm: 0.07, falseAlarmSource: 'option' });
    // not asked for: the estimate is ignored
    expect(resolveSignalRates(estimate)).toMatchObject({ falseAlarm: 0.05, falseAlarmSource: 'built-in' });
    expect(resolveSignalRates({ baselineFalseAlarm: 1e-9, falseAlarmFromBaseline: true }).falseAlarm).toBe(0.001);
    expect(resolveSignalRates({ baselineFalseAlarm: 0.9, falseAlarmFromBaseline: true }).falseAlarm).toBe(0.5);
  });
});
