import fc from 'fast-check';
import { formatCount, formatFactor, formatPosterior, formatProbability, formatSeconds, formatValue } from './format-number.js';

describe('formatProbability', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [0.7225, '0.723'],
    [0.0123, '0.0123'],
    [0.001, '0.001'],
    [1.2823e-6, '1.28e-6'],
    [0.5, '0.5'],
    [Infinity, '∞'],
  ])('formats %p as %p', (p, s) => {
    expect(formatProbability(p)).toBe(s);
  });
});

it('formats seconds and counts', () => {
  expect(formatSeconds(0.0123)).toBe('12 ms');
  expect(formatSeconds(2.345)).toBe('2.35 s');
  expect(formatCount(1615876)).toBe('1,615,876');
  for (const n of [0, 7, 999, 1000, -1000, 123456, -1234567, 10 ** 15, Number.MAX_SAFE_INTEGER, 2.5, 1e21]) {
    expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
  }
});

describe('formatCount', () => {
  it('groups as toLocaleString("en-US") does, whole numbers or not', () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ min: -2e9, max: 2e9 }), fc.maxSafeInteger(), fc.constantFrom(0, -0, 999, 1000, -1000, 0.5, 1234.5678, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60)), (n) => expect(formatCount(n)).toBe(n.toLocaleString('en-US'))), { numRuns: 2000 });
  });
});

describe('formatPosterior and formatFactor, shared by the terminal, Markdown and HTML', () => {
  it.each([
    [1, '1'],
    [0.9999, '>0.999'],
    [0.9994, '0.999'],
    [0.0012, '0.0012'],
  ])('posterior %p is %p', (p, s) => expect(formatPosterior(p)).toBe(s));

  it.each([
    [0.0028, '×0.0028'],
    [2.54, '×2.5'],
    [18.4, '×18'],
    [340.6, '×341'],
    [18_877, '×1.9e4'],
    [340_618, '×3.4e5'],
    [9e6, '×9e6'],
    [Infinity, '×∞'],
  ])('factor %p is %p: one style from ×1,000 up', (f, s) => expect(formatFactor(f)).toBe(s));
});

describe('formatValue, for the narrow columns of the evidence and diagnosis tables', () => {
  it.each([
    [0.35, '0.35'],
    [42, '42'],
    [999, '999'],
    [1250, '1250'],
    [1234.5, '1230'],
    [-9_876, '-9880'],
    [9_996, '10k'],
    [262_144, '262k'],
    [1_850_000, '1.85M'],
    [-12_500, '-12.5k'],
    [3.2e12, '3.2T'],
    [Infinity, '∞'],
    [-Infinity, '−∞'],
    [NaN, 'n/a'],
  ])('%p → %p', (v, text) => expect(formatValue(v)).toBe(text));
});
