// The standard normal CDF and quantile (model stage: the engine samples lognormal and truncated
// normal deviates with them, the MEF reader converts a lognormal's error factor at another confidence
// level). Φ by the series Φ(z) = 1/2 + φ(z)·Σ z^{2n+1}/(1·3·…·(2n+1)) for |z| < 1.5 and by Laplace's continued
// fraction for the Mills ratio above (Abramowitz & Stegun 26.2.10 and 26.2.14, Lentz's method), with
// e^{−z²/2} from an exact split of z²; Φ⁻¹ by Acklam's rational approximation refined by one Halley
// step (Acklam 2003). Relative error near 1e-15 in both tails.

// Math's functions at module scope: property lookups on Math are slow in Jest's VM contexts.
const { exp, fround, abs, sqrt, log } = Math;

const SQRT_2PI = sqrt(2 * Math.PI);
const SERIES_LIMIT = 1.5;

/** φ(z), the density; z² split into an exact head (z rounded to 24 bits, squared) and a small tail. */
export function normalDensity(z: number): number {
  const hi = fround(z);
  const lo = z - hi;
  return (exp(-0.5 * hi * hi) * exp(-(hi * lo + 0.5 * lo * lo))) / SQRT_2PI;
}

/** P(Z > z) for z ≥ SERIES_LIMIT: φ(z)/(z + 1/(z + 2/(z + 3/(z + …)))). */
function upperTail(z: number): number {
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 1000; n++) {
    d = z + n * d;
    if (d === 0) d = tiny;
    c = z + n / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (abs(delta - 1) < 1e-16) break;
  }
  return normalDensity(z) / f;
}

/** Φ(z) = P(Z ≤ z). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const x = abs(z);
  if (x >= SERIES_LIMIT) {
    const tail = upperTail(x);
    return z < 0 ? tail : 1 - tail;
  }
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
    term *= x2 / (2 * n + 1);
    sum += term;
  }
  const half = normalDensity(x) * sum; // Φ(|z|) − 1/2
  return z < 0 ? 0.5 - half : 0.5 + half;
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const LOW = 0.02425;

/** z such that Φ(z) = p, for 0 < p < 1 (−∞ and +∞ at 0 and 1). */
export function normalQuantile(p: number): number {
  if (p <= 0) return p === 0 ? -Infinity : Number.NaN;
  if (p >= 1) return p === 1 ? Infinity : Number.NaN;
  let z: number;
  if (p < LOW) {
    const q = sqrt(-2 * log(p));
    z = (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else if (p <= 1 - LOW) {
    const q = p - 0.5;
    const r = q * q;
    z = ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) / (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  } else {
    const q = sqrt(-2 * log(1 - p));
    z = -(((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  // One Halley step on Φ(z) − p, from the tail that keeps the digits.
  const e = z < 0 ? normalCdf(z) - p : 1 - p - normalCdf(-z);
  const u = e * SQRT_2PI * exp((z * z) / 2);
  return z - u / (1 + (z * u) / 2);
}
