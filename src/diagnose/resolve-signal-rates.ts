// Sensitivity and false-alarm rate of a signal (diagnose stage): the signal's own, else the tree's
// `defaults:`, else the command line's (`--sensitivity`, `--false-alarm`), else 0.9 and 0.05.

export const DEFAULT_SENSITIVITY = 0.9;
export const DEFAULT_FALSE_ALARM = 0.05;

export type RateSource = 'signal' | 'tree' | 'option' | 'built-in' | 'baseline';

export interface SignalRateDefaults {
  readonly sensitivity?: number;
  readonly falseAlarm?: number;
  /** `false_alarm: baseline`: use the signal's estimate from the baseline where it has one. */
  readonly falseAlarmFromBaseline?: boolean;
}

/** The estimate from the baseline is kept within these bounds (a few baseline points say little). */
export const BASELINE_FALSE_ALARM_RANGE = [0.001, 0.5] as const;

export interface ResolvedSignalRates {
  readonly sensitivity: number;
  readonly falseAlarm: number;
  readonly sensitivitySource: RateSource;
  readonly falseAlarmSource: RateSource;
}

export function resolveSignalRates(signal: SignalRateDefaults & { readonly baselineFalseAlarm?: number }, tree: SignalRateDefaults = {}, option: SignalRateDefaults = {}): ResolvedSignalRates {
  const estimate = signal.baselineFalseAlarm === undefined ? undefined : Math.min(BASELINE_FALSE_ALARM_RANGE[1], Math.max(BASELINE_FALSE_ALARM_RANGE[0], signal.baselineFalseAlarm));
  const pick = (key: 'sensitivity' | 'falseAlarm', builtIn: number): [number, RateSource] => {
    const fromBaseline = key === 'falseAlarm' && estimate !== undefined;
    const s = signal[key];
    if (s !== undefined) return [s, 'signal'];
    if (fromBaseline && signal.falseAlarmFromBaseline) return [estimate, 'baseline'];
    const t = tree[key];
    if (t !== undefined) return [t, 'tree'];
    if (fromBaseline && tree.falseAlarmFromBaseline) return [estimate, 'baseline'];
    const o = option[key];
    if (o !== undefined) return [o, 'option'];
    return [builtIn, 'built-in'];
  };
  const [sensitivity, sensitivitySource] = pick('sensitivity', DEFAULT_SENSITIVITY);
  const [falseAlarm, falseAlarmSource] = pick('falseAlarm', DEFAULT_FALSE_ALARM);
  return { sensitivity, falseAlarm, sensitivitySource, falseAlarmSource };
}
