import { parseDuration, parseRate } from './units.js';

const value = (r: ReturnType<typeof parseDuration>) => (r.ok ? r.value : Number.NaN);

describe('parseDuration', () => {
  it.each([
    [24, 24],
    ['24h', 24],
    ['30m', 0.5],
    ['90s', 0.025],
    ['7d', 168],
    ['2w', 336],
    ['1y', 8760],
    ['1h30m', 1.5],
    ['1h 30m', 1.5],
    ['12', 12],
    ['1.5e1h', 15],
  ])('reads %p as %p hours', (input, hours) => {
    expect(value(parseDuration(input))).toBeCloseTo(hours, 12);
  });
  it.each(['', 'abc', '5 minutes', '3x', 'h'])('refuses %p', (input) => {
    expect(parseDuration(input).ok).toBe(false);
  });
});

describe('parseRate', () => {
  it.each([
    [2e-5, 2e-5],
    ['2e-5/h', 2e-5],
    ['2e-5', 2e-5],
    ['24/d', 1],
    ['8760/y', 1],
    ['1/m', 60],
    ['100 fit', 1e-7],
    ['100FIT', 1e-7],
  ])('reads %p as %p per hour', (input, perHour) => {
    expect(value(parseRate(input))).toBeCloseTo(perHour, 15);
  });
  it.each(['fast', '1/fortnight', '/h', '2e-5 per hour'])('refuses %p', (input) => {
    expect(parseRate(input).ok).toBe(false);
  });
});
