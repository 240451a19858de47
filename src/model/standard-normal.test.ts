import { normalCdf, normalDensity, normalQuantile } from './standard-normal.js';

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [-1.4, 0.08075665923377107],
    [2, 0.9772498680518208],
    [1, 0.8413447460685429],
    [-2.9, 0.0018658133003840378],
    [-3, 0.0013498980316300946],
    [-5, 2.866515718791939e-7],
    [-10, 7.619853024160527e-24],
    [-30, 4.906713927148187e-198],
  ])('Φ(%d) = %d', (z, p) => {
    expect(Math.abs(normalCdf(z) - p)).toBeLessThanOrEqual(4e-15 * p);
  });
  it('is symmetric', () => {
    for (const z of [0.1, 1.3, 2.99, 3.01, 6]) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 15);
    expect(normalDensity(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 16);
  });
});

describe('normalQuantile', () => {
  it.each([
    [0.5, 0],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.05, -1.6448536269514722],
    [1e-10, -6.361340902404056],
    [1 - 1e-10, 6.361340889697422],
  ])('Φ⁻¹(%d) = %d', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(z)));
  });
  it('inverts Φ to full precision', () => {
    for (const p of [1e-200, 1e-20, 1e-5, 0.01, 0.3, 0.7, 0.99, 0.999999]) {
      expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThanOrEqual(1e-13 * Math.min(p, 1 - p));
    }
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});

describe('normalQuantile at the confidence levels of MEF error factors', () => {
  it.each([
    [0.5, 0],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.9, 1.2815515655446004],
    [0.01, -2.3263478740408408],
    [0.999, 3.090232306167813],
  ])('Φ⁻¹(%f) = %f', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 8);
  });

  it('is NaN outside [0, 1]', () => {
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});
