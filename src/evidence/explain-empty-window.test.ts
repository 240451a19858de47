import { LIBRARY_OPTION_NAMES } from '../model/option-names.js';
import { explainEmptyWindow } from './explain-empty-window.js';
import { UTC, parseTimeZone } from './time-zone.js';

const at = (iso: string): number => Date.parse(iso);
const window = { start: at('2026-12-05T10:05:00Z'), end: at('2026-12-05T10:35:00Z') };

describe('explainEmptyWindow', () => {
  it('moves the window to the day of the data when its times of day fall in the data, naming since and until as the caller does', () => {
    const data = { start: at('2026-11-20T09:05:00Z'), end: at('2026-11-20T10:44:55Z') };
    const optionNames = { ...LIBRARY_OPTION_NAMES, since: '--since', until: '--until' };
    expect(explainEmptyWindow(window, { logs: data, metrics: data }, { zone: UTC, optionNames })).toBe(
      'No log line or metric sample falls in the window (2026-12-05 10:05 → 10:35 UTC): the logs cover 2026-11-20 09:05 → 10:44:55 UTC, the metric files 2026-11-20 09:05 → 10:44:55 UTC; for example --since 2026-11-20T10:05:00Z --until 2026-11-20T10:35:00Z',
    );
  });

  it('else proposes the span of the data, in the zone given', () => {
    const berlin = parseTimeZone('Europe/Berlin')!;
    const note = explainEmptyWindow(window, { metrics: { start: at('2026-11-20T01:00:30Z'), end: at('2026-11-20T02:00:10Z') } }, { zone: berlin });
    expect(note).toBe('No metric sample falls in the window (2026-12-05 11:05 → 11:35 Europe/Berlin): the metric files 2026-11-20 02:00:30 → 03:00:10 Europe/Berlin; for example `since` 2026-11-20T02:00:00 `until` 2026-11-20T03:01:00');
  });

  it('says nothing when no data has a time', () => {
    expect(explainEmptyWindow(window, {}, { zone: UTC })).toBeUndefined();
  });
});
