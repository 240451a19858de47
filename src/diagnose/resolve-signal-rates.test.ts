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
});
