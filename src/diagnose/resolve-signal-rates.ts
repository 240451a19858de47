// Sensitivity and false-alarm rate of a signal (diagnose stage): the signal's own, else the tree's
// `defaults:`, else the command line's (`--sensitivity`, `--false-alarm`), else 0.9 and 0.05.

export const DEFAULT_SENSITIVITY = 0.9;
export const DEFAULT_FALSE_ALARM = 0.05;

export type RateSource = 'signal' | 'tree' | 'option' | 'built-in';

export interface SignalRateDefaults {
  readonly sensitivity?: number;
  readonly falseAlarm?: number;
}

export interface ResolvedSignalRates {
  readonly sensitivity: number;
  readonly falseAlarm: number;
  readonly sensitivitySource: RateSource;
  readonly falseAlarmSource: RateSource;
}

export function resolveSignalRates(signal: SignalRateDefaults, tree: SignalRateDefaults = {}, option: SignalRateDefaults = {}): ResolvedSignalRates {
  const pick = (key: keyof SignalRateDefaults, builtIn: number): [number, RateSource] => {
    const s = signal[key];
    if (s !== undefined) return [s, 'signal'];
    const t = tree[key];
    if (t !== undefined) return [t, 'tree'];
    const o = option[key];
    if (o !== undefined) return [o, 'option'];
    return [builtIn, 'built-in'];
  };
  const [sensitivity, sensitivitySource] = pick('sensitivity', DEFAULT_SENSITIVITY);
  const [falseAlarm, falseAlarmSource] = pick('falseAlarm', DEFAULT_FALSE_ALARM);
  return { sensitivity, falseAlarm, sensitivitySource, falseAlarmSource };
}
