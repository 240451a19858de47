// Number formatting for every report (report stage), so that the terminal, Markdown and HTML print
// a figure alike: probabilities with three significant digits, scientific below 1e-3; posteriors
// (">0.999" just below 1); factors on the odds (×0.11, ×2.5, ×18, ×340, ×3.4e5); durations.

/** 0.0123 → "0.0123", 1.2345e-6 → "1.23e-6", 1 → "1", 0 → "0". */
export function formatProbability(p: number, digits = 3): string {
  if (!Number.isFinite(p)) return p > 0 ? '∞' : Number.isNaN(p) ? 'n/a' : '−∞';
  if (p === 0) return '0';
  const abs = Math.abs(p);
  if (abs < 1e-3 || abs >= 1e6) {
    const [m, e] = p.toExponential(digits - 1).split('e');
    return `${trimZeros(m!)}e${Number(e)}`;
  }
  return trimZeros(p.toPrecision(digits));
}

/** A posterior: 0.87, 0.0012, ">0.999" when it rounds to 1 without being 1. */
export function formatPosterior(p: number): string {
  if (p >= 0.9995 && p < 1) return '>0.999';
  return formatProbability(p);
}

/** A factor on the odds: ×0.11, ×2.5, ×18, ×340, then two significant digits in scientific notation (×1.9e4, ×3.2e5). */
export function formatFactor(f: number): string {
  if (!Number.isFinite(f)) return f > 0 ? '×∞' : '×?';
  if (f >= 1000) {
    const [m, e] = f.toExponential(1).split('e');
    return `×${trimZeros(m!)}e${Number(e)}`;
  }
  if (f >= 10) return `×${Math.round(f)}`;
  if (f >= 1) return `×${Number(f.toFixed(1))}`;
  return `×${formatProbability(f, 2)}`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Seconds as "12 ms", "1.4 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 1) return `${Math.max(0, seconds * 1000).toFixed(seconds < 0.01 ? 1 : 0)} ms`;
  return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
}

/** Thousands separators: 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  // Whole numbers by hand: the first toLocaleString of a process loads ICU's data (~20 ms of start-up).
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** Short numbers for narrow columns: 0.35, 42, 1250 (three significant digits), 262k, 1.85M, ∞. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'n/a' : v > 0 ? '∞' : '−∞';
  const abs = Math.abs(v);
  // toPrecision(3) writes 1250 as 1.25e+3: from 1,000 to 10,000 the plain rounded number reads better.
  const rounded = Number(v.toPrecision(3));
  if (abs >= 1e3 && Math.abs(rounded) < 1e4) return String(rounded);
  if (abs >= 1e3) {
    for (const [scale, unit] of [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']] as const) {
      if (abs >= scale) return `${Number((v / scale).toPrecision(3))}${unit}`;
    }
  }
  return formatProbability(v);
}
