// Time zones for timestamps written without one (evidence stage): UTC, a fixed offset such as
// +02:00, or an IANA name such as Europe/Berlin resolved through Intl, with the offset cached per hour.

/** Converts a wall-clock time, written as if it were UTC milliseconds, to the real UTC instant. */
export interface TimeZone {
  readonly name: string;
  toUtc(wallMs: number): number;
}

const HOUR = 3_600_000;
const OFFSET_RE = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

export const UTC: TimeZone = { name: 'UTC', toUtc: (wallMs) => wallMs };

/** `UTC`, `Z`, `+02:00`, `-0530`, `UTC+1`, or an IANA name; undefined when not a zone. */
export function parseTimeZone(name: string): TimeZone | undefined {
  const trimmed = name.trim();
  if (/^(utc|gmt|z)$/i.test(trimmed)) return UTC;
  const m = OFFSET_RE.exec(trimmed);
  if (m) {
    const hours = Number(m[2]);
    const minutes = Number(m[3] ?? 0);
    if (hours > 18 || minutes > 59) return undefined;
    const offset = (m[1] === '-' ? -1 : 1) * (hours * HOUR + minutes * 60_000);
    return { name: trimmed, toUtc: (wallMs) => wallMs - offset };
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: trimmed,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  return ianaZone(format.resolvedOptions().timeZone, format);
}

function ianaZone(name: string, format: Intl.DateTimeFormat): TimeZone {
  const cache = new Map<number, number>();
  /** Offset of the zone from UTC at the UTC instant `utcMs`, in milliseconds. */
  const offsetAt = (utcMs: number): number => {
    const hour = Math.floor(utcMs / HOUR);
    const hit = cache.get(hour);
    if (hit !== undefined) return hit;
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(hour * HOUR))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
    const offset = wall - hour * HOUR;
    if (cache.size > 4096) cache.clear();
    cache.set(hour, offset);
    return offset;
  };
  return {
    name,
    toUtc(wallMs) {
      // Two steps settle the offset except in the hour a clock skips, where the earlier offset wins.
      const first = wallMs - offsetAt(wallMs);
      return wallMs - offsetAt(first);
    },
  };
}
