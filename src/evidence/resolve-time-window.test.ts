import { LIBRARY_OPTION_NAMES } from '../model/option-names.js';
import { resolveTimeWindow } from './resolve-time-window.js';
import { UTC, parseTimeZone } from './time-zone.js';

const now = Date.parse('2026-11-22T10:40:00Z');
const at = (iso: string): number => Date.parse(iso);

describe('resolveTimeWindow', () => {
  it('ISO times; the default baseline is as long as the window, just before it', () => {
    expect(resolveTimeWindow({ since: '2026-11-22T10:05:00Z', until: '2026-11-22 10:35', now })).toEqual({
      window: { start: at('2026-11-22T10:05:00Z'), end: at('2026-11-22T10:35:00Z') },
      baseline: { start: at('2026-11-22T09:35:00Z'), end: at('2026-11-22T10:05:00Z') },
      notes: [],
    });
  });

  it('relative times, now, times of day in a zone, baseline lengths, ranges and none', () => {
    expect(resolveTimeWindow({ since: '-30m', now, baseline: '2h' })).toEqual({
      window: { start: now - 1_800_000, end: now },
      baseline: { start: now - 1_800_000 - 7_200_000, end: now - 1_800_000 },
      notes: [],
    });
    const berlin = parseTimeZone('Europe/Berlin')!;
    expect(resolveTimeWindow({ since: '11:05', until: 'now', now, zone: berlin }).window.start).toBe(at('2026-11-22T10:05:00Z'));
    expect(resolveTimeWindow({ since: '-1h', now, baseline: 'none' }).baseline).toBeUndefined();
    expect(resolveTimeWindow({ since: '-1h', now, baseline: '2026-11-15T09:40:00Z..2026-11-15T10:40:00Z' }).baseline).toEqual({ start: at('2026-11-15T09:40:00Z'), end: at('2026-11-15T10:40:00Z') });
    expect(resolveTimeWindow({ since: String(now / 1000 - 60), now, zone: UTC }).window.start).toBe(now - 60_000);
  });

  it('bad times are usage errors (exit 2) with a hint', () => {
    expect(() => resolveTimeWindow({ now })).toThrow('The incident window needs a start: give `since`');
    expect(() => resolveTimeWindow({ since: 'yesterday', now })).toThrow('Cannot read `since` "yesterday": not a time');
    expect(() => resolveTimeWindow({ since: '2026-11-31T10:00:00Z', now })).toThrow('out of range');
    expect(() => resolveTimeWindow({ since: '-10m', until: '-20m', now })).toThrow(/^BAD_TIME: The window is empty/);
    expect(() => resolveTimeWindow({ since: '-10m', now, baseline: 'forever' })).toThrow(/Cannot read `baseline` "forever"/);
    try {
      resolveTimeWindow({ since: '25:00', now });
    } catch (e) {
      expect(e).toMatchObject({ code: 'BAD_TIME' });
    }
  });
});

describe('resolveTimeWindow explains itself', () => {
  it('takes a time of day that is still to come as yesterday, and says so', () => {
    const late = Date.parse('2026-11-22T01:40:00Z');
    const r = resolveTimeWindow({ since: '23:50', now: late });
    expect(r.window).toEqual({ start: at('2026-11-21T23:50:00Z'), end: late });
    expect(r.notes).toEqual(['`since` 23:50 is later than the time now (01:40), so the window starts yesterday, 2026-11-21 23:50 UTC; give a date to choose another day']);
    // The end follows the start's day, across midnight.
    expect(resolveTimeWindow({ since: '23:50', until: '00:20', now: late }).window).toEqual({ start: at('2026-11-21T23:50:00Z'), end: at('2026-11-22T00:20:00Z') });
    expect(resolveTimeWindow({ since: '10:05', until: '10:35', now }).notes).toEqual([]);
  });

  it('warns about a window in the future, and refuses one that until = now would make empty', () => {
    expect(resolveTimeWindow({ since: '10:30', until: '11:10', now }).notes).toEqual(['The window ends 30 min after now (2026-11-22 10:40 UTC): the part after now holds no data yet']);
    expect(resolveTimeWindow({ since: '2026-11-23T10:00:00Z', until: '2026-11-23T11:00:00Z', now }).notes).toEqual(['The window is in the future (it starts 23 h 20 min after now, 2026-11-22 10:40 UTC): no log line or sample can be in it yet']);
    expect(() => resolveTimeWindow({ since: '2026-11-23T10:00:00Z', now })).toThrow('The window is empty: `since` 2026-11-23 10:00 UTC is after the time now (2026-11-22 10:40 UTC) and `until` defaults to now');
  });

  it('wants a unit on durations', () => {
    expect(() => resolveTimeWindow({ since: '-30', now })).toThrow('Cannot read `since` "-30": a duration needs a unit');
    expect(() => resolveTimeWindow({ since: '-30m', baseline: '2', now })).toThrow('Cannot read `baseline` "2": a length needs a unit');
  });

  it('names since, until and baseline as the caller calls them', () => {
    const optionNames = { ...LIBRARY_OPTION_NAMES, since: 'START', until: 'END', baseline: 'BEFORE' };
    expect(() => resolveTimeWindow({ now, optionNames })).toThrow(expect.objectContaining({ diagnostics: [expect.objectContaining({ message: 'The incident window needs a start: give START', hint: 'for example START -30m, START 10:05 or START 2026-11-22T10:05:00Z' })] }));
    expect(() => resolveTimeWindow({ since: '-10m', until: 'soon', now, optionNames })).toThrow('Cannot read END "soon": not a time');
    expect(() => resolveTimeWindow({ since: '-10m', baseline: '2', now, optionNames })).toThrow('Cannot read BEFORE "2": a length needs a unit');
    expect(resolveTimeWindow({ since: '23:50', now: Date.parse('2026-11-22T01:40:00Z'), optionNames }).notes[0]).toMatch(/^START 23:50 is later than the time now/);
  });

  it('refuses times outside 1970–9999 as BAD_TIME instead of an internal error', () => {
    for (const o of [{ since: '-99999999y' }, { since: '-1h', baseline: '1e9y' }, { since: '-1e400h' }]) {
      expect(() => resolveTimeWindow({ ...o, now })).toThrow(expect.objectContaining({ code: 'BAD_TIME' }));
    }
  });
});
