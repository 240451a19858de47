import { DEFAULT_LAG_MS, STRENGTH_CAP, strengthFactor, timingFactor } from './evidence-likelihood.js';

describe('strengthFactor', () => {
  const z = 1 + STRENGTH_CAP ** -2;
  it('is Z·σ/2, capped, and 1 without a strength', () => {
    expect(strengthFactor(undefined)).toBe(1);
    expect(strengthFactor(1)).toBeCloseTo(z / 2, 15);
    expect(strengthFactor(4)).toBeCloseTo(2 * z, 15);
    expect(strengthFactor(1e9)).toBeCloseTo((z * STRENGTH_CAP) / 2, 12);
    expect(strengthFactor(Infinity)).toBeCloseTo((z * STRENGTH_CAP) / 2, 12);
    expect(strengthFactor(0.2)).toBeCloseTo(z / 2, 15);
  });

  it('is the ratio of two proper densities: it averages 1 under the false-alarm density', () => {
    // f0 = 2σ^−3 below the cap C, (2/C)σ^−2 beyond it, over Z; midpoint rule on a log grid up to 1e6
    // and the rest of the tail in closed form.
    const f0 = (s: number) => (s < STRENGTH_CAP ? 2 * s ** -3 : (2 / STRENGTH_CAP) * s ** -2) / z;
    let sum = 0;
    const steps = 400_000;
    const top = Math.log(1e6);
    for (let i = 0; i < steps; i++) {
      const a = Math.exp((top * i) / steps);
      const b = Math.exp((top * (i + 1)) / steps);
      const m = (a + b) / 2;
      sum += strengthFactor(m) * f0(m) * (b - a);
    }
    sum += strengthFactor(1e6) * ((2 / STRENGTH_CAP) * 1e-6) / z;
    expect(sum).toBeCloseTo(1, 5);
    // and f1 = σ^−2 integrates to 1 as well: f1 = factor · f0.
    let one = 0;
    for (let i = 0; i < steps; i++) {
      const a = Math.exp((top * i) / steps);
      const b = Math.exp((top * (i + 1)) / steps);
      one += ((a + b) / 2) ** -2 * (b - a);
    }
    expect(one + 1e-6).toBeCloseTo(1, 5);
  });
});

describe('timingFactor', () => {
  const window = { start: 0, end: 1_800_000 };
  it('favours the onset, penalises late signals, and is 1 without a time', () => {
    const context = { onset: 300_000, window };
    expect(timingFactor(undefined, context)).toBe(1);
    const at = timingFactor(300_000, context);
    const late = timingFactor(300_000 + 10 * 60_000, context);
    const early = timingFactor(300_000 - 2 * 60_000, context);
    expect(at).toBeGreaterThan(3);
    expect(late).toBeLessThan(0.3);
    expect(late).toBeGreaterThan(0.2); // the uniform share (1 − w) is a floor
    expect(early).toBeCloseTo(at, 12); // a cause may lead its symptom by a few minutes
    expect(timingFactor(300_000 - 15 * 60_000, { onset: 1_200_000, window })).toBeLessThan(timingFactor(1_200_000, { onset: 1_200_000, window }));
  });

  it('averages 1 over the window under the uniform density of a false alarm', () => {
    for (const onset of [0, 300_000, 1_799_000]) {
      const steps = 100_000;
      let sum = 0;
      for (let i = 0; i < steps; i++) sum += timingFactor(((i + 0.5) / steps) * window.end, { onset, window, lag: DEFAULT_LAG_MS });
      expect(sum / steps).toBeCloseTo(1, 3);
    }
  });
});
