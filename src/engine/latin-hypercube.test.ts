import { drawInStratum, StratumPermutation } from './latin-hypercube.js';

describe('StratumPermutation', () => {
  it.each([1, 2, 3, 7, 100, 1000, 4097])('is a permutation of 0..%d − 1', (n) => {
    const p = new StratumPermutation(n, 1, 0);
    const seen = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const s = p.stratum(i);
      expect(s >= 0 && s < n).toBe(true);
      seen[s]!++;
    }
    expect(seen.every((c) => c === 1)).toBe(true);
  });

  it('differs between inputs and seeds', () => {
    const order = (seed: number, input: number) => Array.from({ length: 50 }, (_, i) => new StratumPermutation(50, seed, input).stratum(i));
    expect(order(1, 0)).not.toEqual(order(1, 1));
    expect(order(1, 0)).not.toEqual(order(2, 0));
    expect(order(1, 0)).toEqual(order(1, 0));
  });
});

describe('drawInStratum', () => {
  it('stays inside its stratum even when v rounds up', () => {
    const n = 100_000;
    for (const s of [0, 1, 99_998, 99_999]) {
      for (const v of [Number.MIN_VALUE, 0.5, 1 - 2 ** -53]) {
        const u = drawInStratum(s, n, v);
        expect(Math.floor(u * n)).toBe(s);
        expect(u > 0 && u < 1).toBe(true);
      }
    }
  });
});
