import { logGamma } from './log-gamma.js';

describe('logGamma', () => {
  it.each([
    [0.5, 0.5723649429247001],
    [1, 0],
    [2, 0],
    [10, Math.log(362880)],
    [0.1, 2.252712651734206],
    [100, 359.1342053695754],
  ])('ln Γ(%d) = %d', (x, v) => {
    expect(Math.abs(logGamma(x) - v)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(v)));
  });
});
