import { probabilityAt } from './probability-at.js';

describe('probabilityAt', () => {
  it('gives 1 − e^{−λt} for a rate', () => {
    expect(probabilityAt({ kind: 'rate', rate: 1e-3, missionTime: 24 }, 24)).toBeCloseTo(1 - Math.exp(-0.024), 15);
  });
  it('gives the steady-state-approaching unavailability for a repairable event', () => {
    const m = { kind: 'repairable', rate: 1e-3, repairRate: 0.1, missionTime: 1e6 } as const;
    expect(probabilityAt(m, 1e6)).toBeCloseTo(1e-3 / 0.101, 12);
    expect(probabilityAt(m, 0)).toBe(0);
  });
  it('gives 1 − exp(−(t/α)^β) for Weibull', () => {
    expect(probabilityAt({ kind: 'weibull', scale: 100, shape: 2, missionTime: 50 }, 50)).toBeCloseTo(1 - Math.exp(-0.25), 15);
  });
  it('restarts the exposure at each periodic test', () => {
    const m = { kind: 'periodic-test', rate: 1e-3, testInterval: 100, firstTest: 50, missionTime: 0 } as const;
    expect(probabilityAt(m, 40)).toBeCloseTo(-Math.expm1(-0.04), 15);
    expect(probabilityAt(m, 170)).toBeCloseTo(-Math.expm1(-0.02), 15);
  });
});
