import { INVALID_TIMESTAMP, epochToMs, parseTimestampValue, readEpochTimestamp, readIsoTimestamp, readSyslogTimestamp } from './parse-timestamp.js';
import { UTC, parseTimeZone } from './time-zone.js';

const at = (iso: string): number => Date.parse(iso);

describe('readIsoTimestamp', () => {
  it.each([
    ['2026-11-22T10:05:00Z', '2026-11-22T10:05:00.000Z'],
    ['2026-11-22T10:05:00.123456789Z', '2026-11-22T10:05:00.123Z'],
    ['2026-11-22 10:05:00,250 INFO', '2026-11-22T10:05:00.250Z'],
    ['2026-11-22T11:05:00+01:00', '2026-11-22T10:05:00.000Z'],
    ['2026-11-22T05:05:00-0500', '2026-11-22T10:05:00.000Z'],
    ['2026-11-22T15:35:00+05:30 x', '2026-11-22T10:05:00.000Z'],
    ['2026/11/22 10:05:00 msg', '2026-11-22T10:05:00.000Z'],
    ['2026-11-22 10:05:00 UTC', '2026-11-22T10:05:00.000Z'],
    ['2026-11-22T10:05Z', '2026-11-22T10:05:00.000Z'],
  ])('%s', (text, expected) => {
    expect(readIsoTimestamp(text, 0, UTC)!.ms).toBe(at(expected));
  });

  it('applies the zone to times written without one', () => {
    const berlin = parseTimeZone('Europe/Berlin')!;
    expect(readIsoTimestamp('2026-01-15 11:00:00', 0, berlin)!.ms).toBe(at('2026-01-15T10:00:00Z')); // CET
    expect(readIsoTimestamp('2026-07-15 12:00:00', 0, berlin)!.ms).toBe(at('2026-07-15T10:00:00Z')); // CEST
    const ny = parseTimeZone('America/New_York')!;
    expect(readIsoTimestamp('2026-11-22 05:05:00', 0, ny)!.ms).toBe(at('2026-11-22T10:05:00Z'));
    expect(readIsoTimestamp('2026-11-22 12:05:00', 0, parseTimeZone('+02:00')!)!.ms).toBe(at('2026-11-22T10:05:00Z'));
    // an explicit offset wins over the zone
    expect(readIsoTimestamp('2026-11-22T10:05:00Z', 0, berlin)!.ms).toBe(at('2026-11-22T10:05:00Z'));
  });

  it('marks impossible dates and refuses other shapes', () => {
    expect(readIsoTimestamp('2026-13-01T00:00:00Z', 0, UTC)!.ms).toBe(INVALID_TIMESTAMP);
    expect(readIsoTimestamp('2026-02-30 10:00:00', 0, UTC)!.ms).toBe(INVALID_TIMESTAMP);
    expect(readIsoTimestamp('2026-11-22', 0, UTC)).toBeUndefined();
    expect(readIsoTimestamp('12345 hello', 0, UTC)).toBeUndefined();
  });
});

describe('epoch timestamps', () => {
  it('tells seconds, milliseconds, microseconds and nanoseconds apart', () => {
    const t = at('2026-11-22T10:05:00Z');
    expect(epochToMs(t / 1000)).toBe(t);
    expect(epochToMs(t)).toBe(t);
    expect(epochToMs(t * 1000)).toBe(t);
    expect(readEpochTimestamp(`${t / 1000}.5 started`, 0)!.ms).toBe(t + 500);
    expect(readEpochTimestamp(`${t}000000 x`, 0)!.ms).toBe(t);
    expect(readEpochTimestamp('12345 not a time', 0)).toBeUndefined();
    expect(parseTimestampValue(`${t * 1000}`, UTC)).toBe(t); // journald's __REALTIME_TIMESTAMP
    expect(parseTimestampValue(t / 1000 + 0.25, UTC)).toBe(t + 250); // zap's ts
  });
});

describe('readSyslogTimestamp', () => {
  it('takes the year nearest the reference time', () => {
    const ref = at('2026-11-22T12:00:00Z');
    expect(readSyslogTimestamp('Nov 22 10:05:00 host app: x', 0, UTC, ref)!.ms).toBe(at('2026-11-22T10:05:00Z'));
    expect(readSyslogTimestamp('Nov  2 10:05:00 host app: x', 0, UTC, ref)!.ms).toBe(at('2026-11-02T10:05:00Z'));
    // Late December seen from early January is last year
    expect(readSyslogTimestamp('Dec 31 23:59:59 h a: x', 0, UTC, at('2027-01-01T00:10:00Z'))!.ms).toBe(at('2026-12-31T23:59:59Z'));
    expect(readSyslogTimestamp('Foo 22 10:05:00', 0, UTC, ref)).toBeUndefined();
  });
});
