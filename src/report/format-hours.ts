// Times in hours as short readable durations for reports (report stage): "36 h", "7.5 d", "1 y".

import { formatProbability } from './format-number.js';

/** Hours in the largest unit that keeps the number at least 1 (s, min, h, d, y). */
export function formatHours(hours: number): string {
  if (hours === 0) return '0 h';
  const abs = Math.abs(hours);
  const [value, unit] =
    abs >= 8760 ? [hours / 8760, 'y'] : abs >= 48 ? [hours / 24, 'd'] : abs >= 1 ? [hours, 'h'] : abs >= 1 / 60 ? [hours * 60, 'min'] : [hours * 3600, 's'];
  return `${formatProbability(value, 3)} ${unit}`;
}
