import { compileLogSignal } from './compile-log-signal.js';
import { evaluateLogSignal, startOfExcess } from './evaluate-log-signal.js';
import type { LogSignalCounts } from './scan-logs.js';

const window = { start: 3_600_000, end: 7_200_000 };
const baseline = { start: 0, end: 3_600_000 };
const counts = (window: number, baselineCount: number, lines = 100): LogSignalCounts => ({ window, baseline: baselineCount, windowLines: lines, baselineLines: lines, samples: [] });
const timeout = compileLogSignal({ pattern: 'timeout' });

describe('evaluateLogSignal', () => {
  it('a stray line against an empty baseline of the same length does not fire; a few dozen do', () => {
    const one = evaluateLogSignal(timeout, counts(1, 0), window, baseline);
    expect(one).toMatchObject({ state: 'silent', count: 1, baseline: 0 });
    expect(one.pValue).toBeCloseTo(1 - Math.SQRT1_2, 12);
    expect(one.strength).toBeUndefined();
    const many = evaluateLogSignal(timeout, counts(30, 0), window, baseline);
    expect(many).toMatchObject({ state: 'fired', count: 30 });
    // strength ln(p) / ln(alpha): p = alpha would give 1
    expect(many.strength).toBeCloseTo(Math.log(many.pValue!) / Math.log(0.01), 9);
    expect(many.strength).toBeGreaterThan(3);
  });

  it('judges the count against the baseline rate, with the window-to-baseline length ratio', () => {
    expect(evaluateLogSignal(timeout, counts(12, 10), window, baseline)).toMatchObject({ state: 'silent' });
    expect(evaluateLogSignal(timeout, counts(60, 10), window, baseline)).toMatchObject({ state: 'fired' });
    // 3 lines in the window against none in a baseline ten times as long
    expect(evaluateLogSignal(timeout, counts(3, 0), window, { start: -32_400_000, end: 3_600_000 })).toMatchObject({ state: 'fired' });
  });

  it('without baseline data the count alone decides, and the strength is count / min_count', () => {
    const signal = compileLogSignal({ pattern: 'timeout', minCount: 4 });
    expect(evaluateLogSignal(signal, { ...counts(10, 0), baselineLines: 0 }, window, baseline)).toMatchObject({ state: 'fired', strength: 2.5, reason: 'No baseline data: fired on the count alone' });
    expect(evaluateLogSignal(signal, counts(10, 0), window, undefined)).toMatchObject({ state: 'fired', strength: 2.5 });
    expect(evaluateLogSignal(signal, counts(3, 0), window, undefined).strength).toBeUndefined();
  });

  it('missing: silent makes a window without lines silent; no logs at all stay unknown', () => {
    const quiet = { ...counts(0, 3), windowLines: 0 };
    expect(evaluateLogSignal(timeout, quiet, window, baseline)).toMatchObject({ state: 'unknown', reason: 'No log line falls in the window' });
    const idle = compileLogSignal({ pattern: 'timeout', missing: 'silent' });
    expect(evaluateLogSignal(idle, quiet, window, baseline)).toMatchObject({ state: 'silent', reason: 'No log line falls in the window: silent, as missing: silent says' });
    expect(evaluateLogSignal(timeout, quiet, window, baseline, { missing: 'silent' })).toMatchObject({ state: 'silent' });
    expect(evaluateLogSignal(idle, undefined, window, baseline)).toMatchObject({ state: 'unknown', reason: 'No logs were given (`logs`)' });
  });
});

describe('startOfExcess', () => {
  const window = { start: 0, end: 1_800_000 };
  it('starts at the surge, not at a routine match long before it', () => {
    // One routine match at 1 min, then 40 matches from 20 min on; the baseline rate is 1 per 30 min.
    const times = [60_000, ...Array.from({ length: 40 }, (_, i) => 1_200_000 + i * 10_000)];
    const counts = { window: times.length, baseline: 1, windowLines: 100, baselineLines: 100, times, samples: [] };
    expect(startOfExcess(counts, window, 1.5 / 1_800_000)).toBe(1_200_000);
  });

  it('keeps the first match when the matches are spread evenly, and gives up without every time', () => {
    const times = Array.from({ length: 30 }, (_, i) => 30_000 + i * 60_000);
    const counts = { window: 30, baseline: 0, windowLines: 100, baselineLines: 100, times, samples: [] };
    expect(startOfExcess(counts, window, 0.5 / 1_800_000)).toBe(30_000);
    expect(startOfExcess({ ...counts, window: 31 }, window, 0.5 / 1_800_000)).toBeUndefined();
  });
});
