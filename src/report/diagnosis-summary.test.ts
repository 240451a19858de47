import { formatFactor, formatMinutes, formatOffset, formatPosterior } from './diagnosis-summary.js';

describe('diagnosis formatting', () => {
  it('offsets from the onset', () => {
    expect(formatOffset(0)).toBe('+0s');
    expect(formatOffset(41_000)).toBe('+41s');
    expect(formatOffset(-252_000)).toBe('−4m12s');
    expect(formatOffset(3_720_000)).toBe('+1h02m');
  });

  it('evidence factors', () => {
    expect(formatFactor(1)).toBe('×1');
    expect(formatFactor(2.46)).toBe('×2.5');
    expect(formatFactor(18.2)).toBe('×18');
    expect(formatFactor(1234.4)).toBe('×1.2e3');
    expect(formatFactor(0.106)).toBe('×0.11');
    expect(formatFactor(9e6)).toBe('×9e6');
    expect(formatFactor(Infinity)).toBe('×∞');
  });

  it('posteriors and minutes', () => {
    expect(formatPosterior(0.99999)).toBe('>0.999');
    expect(formatPosterior(1)).toBe('1');
    expect(formatPosterior(0.8712)).toBe('0.871');
    expect(formatMinutes(5)).toBe('5 min');
    expect(formatMinutes(120)).toBe('2 h');
  });
});
