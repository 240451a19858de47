import { resolveTimeWindow } from './resolve-time-window.js';
import { UTC, parseTimeZone } from './time-zone.js';

const now = Date.parse('2026-11-22T10:40:00Z');
const at = (iso: string): number => Date.parse(iso);

describe('resolveTimeWindow', () => {
  it('ISO times; the default baseline is as long as the window, just before it', () => {
    expect(resolveTimeWindow({ since: '2026-11-22T10:05:00Z', until: '2026-11-22 10:35', now })).toEqual({
      window: { start: at('2026-11-22T10:05:00Z'), end: at('2026-11-22T10:35:00Z') },
      baseline: { start: at('2026-11-22T09:35:00Z'), end: at('2026-11-22T10:05:00Z') },
    });
  });

  it('relative times, now, times of day in a zone, baseline lengths, ranges and none', () => {
    expect(resolveTimeWindow({ since: '-30m', now, baseline: '2h' })).toEqual({
      window: { start: now - 1_800_000, end: now },
      baseline: { start: now - 1_800_000 - 7_200_000, end: now - 1_800_000 },
    });
    const berlin = parseTimeZone('Europe/Berlin')!;
    expect(resolveTimeWindow({ since: '11:05', until: 'now', now, zone: berlin }).window.start).toBe(at('2026-11-22T10:05:00Z'));
    expect(resolveTimeWindow({ since: '-1h', now, baseline: 'none' }).baseline).toBeUndefined();
    expect(resolveTimeWindow({ since: '-1h', now, baseline: '2026-11-15T09:40:00Z..2026-11-15T10:40:00Z' }).baseline).toEqual({ start: at('2026-11-15T09:40:00Z'), end: at('2026-11-15T10:40:00Z') });
    expect(resolveTimeWindow({ since: String(now / 1000 - 60), now, zone: UTC }).window.start).toBe(now - 60_000);
  });

  it('bad times are usage errors (exit 2) with a hint', () => {
    expect(() => resolveTimeWindow({ now })).toThrow('The incident window needs a start: give --since');
    expect(() => resolveTimeWindow({ since: 'yesterday', now })).toThrow('Cannot read --since "yesterday": not a time');
    expect(() => resolveTimeWindow({ since: '2026-11-31T10:00:00Z', now })).toThrow('out of range');
    expect(() => resolveTimeWindow({ since: '-10m', until: '-20m', now })).toThrow(/^BAD_TIME: The window is empty/);
    expect(() => resolveTimeWindow({ since: '-10m', now, baseline: 'forever' })).toThrow(/Cannot read --baseline "forever"/);
    try {
      resolveTimeWindow({ since: '25:00', now });
    } catch (e) {
      expect(e).toMatchObject({ exitCode: 2, code: 'BAD_TIME' });
    }
  });
});
