// Durations and rates with units, as written in tree files (model stage).
// Internally every time is in hours and every rate is per hour.

const HOURS_PER_UNIT: Readonly<Record<string, number>> = {
  s: 1 / 3600,
  m: 1 / 60,
  h: 1,
  d: 24,
  w: 24 * 7,
  y: 8760,
};

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const DURATION_PART = new RegExp(String.raw`(${NUMBER})\s*([smhdwy])`, 'y');
const RATE = new RegExp(String.raw`^(${NUMBER})\s*(?:/\s*([smhdwy])|\s*(fit))$`, 'i');

export type UnitResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string };

/** A duration in hours: a number (hours) or a string such as `30s`, `24h`, `7d`, `1h30m`. */
export function parseDuration(input: number | string): UnitResult {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, reason: 'not a finite number' };
  }
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty duration' };
  if (new RegExp(`^${NUMBER}$`).test(text)) return { ok: true, value: Number(text) };
  let total = 0;
  let pos = 0;
  while (pos < text.length) {
    DURATION_PART.lastIndex = pos;
    const m = DURATION_PART.exec(text);
    if (!m) return { ok: false, reason: `cannot read "${text.slice(pos)}" (units: s m h d w y)` };
    total += Number(m[1]) * HOURS_PER_UNIT[m[2]!]!;
    pos = DURATION_PART.lastIndex;
    while (text[pos] === ' ') pos++;
  }
  return Number.isFinite(total) ? { ok: true, value: total } : { ok: false, reason: 'not a finite number' };
}

/** A rate per hour: a number (per hour) or a string such as `2e-5/h`, `3/d`, `0.5/y`, `100 fit`. */
export function parseRate(input: number | string): UnitResult {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, reason: 'not a finite number' };
  }
  const text = input.trim();
  if (new RegExp(`^${NUMBER}$`).test(text)) return { ok: true, value: Number(text) };
  const m = RATE.exec(text);
  if (!m) return { ok: false, reason: `cannot read "${text}" as a rate (write 2e-5/h, 3/d, 0.5/y or 100 fit)` };
  const n = Number(m[1]);
  const value = m[3] ? n * 1e-9 : n / HOURS_PER_UNIT[m[2]!.toLowerCase()]!;
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'not a finite number' };
}
