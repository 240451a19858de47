import { normalQuantile } from './normal-quantile.js';

describe('normalQuantile', () => {
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

  it('is NaN outside (0, 1)', () => {
    expect(normalQuantile(0)).toBeNaN();
    expect(normalQuantile(1)).toBeNaN();
  });
});
