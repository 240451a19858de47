import { formatRelativeError } from './format-approximation.js';

describe('formatRelativeError', () => {
  it('shows the sign in front and keeps the exponent of tiny errors', () => {
    expect(formatRelativeError(0)).toBe('0%');
    expect(formatRelativeError(0.003)).toBe('+0.30%');
    expect(formatRelativeError(-0.003)).toBe('−0.30%');
    expect(formatRelativeError(0.25)).toBe('+25.0%');
    expect(formatRelativeError(1.6e-16)).toBe('+1.6e-14%');
    expect(formatRelativeError(-1.6e-16)).toBe('−1.6e-14%');
    expect(formatRelativeError(12)).toBe('+1200.0%');
  });
});
