// The ZBDD operations against plain sets of sets, on random families over a few variables.
import fc from 'fast-check';
import { BASE, EMPTY, UNLIMITED_ORDER, Zbdd, type ZbddRef } from './zbdd.js';

type Family = number[]; // sets as bit masks, variable i ↔ bit i

function build(zbdd: Zbdd, family: Family): ZbddRef {
  let r = EMPTY;
  for (const mask of family) {
    let set = BASE;
    for (let v = 7; v >= 0; v--) if ((mask >> v) & 1) set = zbdd.makeNode(v, EMPTY, set);
    r = zbdd.union(r, set);
  }
  return r;
}

function read(zbdd: Zbdd, f: ZbddRef): Family {
  const out: number[] = [];
  const walk = (z: ZbddRef, mask: number): void => {
    if (z === EMPTY) return;
    if (z === BASE) {
      out.push(mask);
      return;
    }
    walk(zbdd.low(z), mask);
    walk(zbdd.high(z), mask | (1 << zbdd.variable(z)));
  };
  walk(f, 0);
  return out.sort((a, b) => a - b);
}

const uniq = (f: Family): Family => [...new Set(f)].sort((a, b) => a - b);
const size = (m: number): number => (m === 0 ? 0 : (m & 1) + size(m >>> 1));
const family = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 });

describe('Zbdd', () => {
  it('union, difference, without, product, truncate and onset agree with sets of sets', () => {
    fc.assert(
      fc.property(family, family, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 7 }), (a, b, k, v) => {
        const zbdd = new Zbdd();
        const f = build(zbdd, a);
        const g = build(zbdd, b);
        expect(read(zbdd, f)).toEqual(uniq(a));
        expect(read(zbdd, zbdd.union(f, g))).toEqual(uniq([...a, ...b]));
        expect(read(zbdd, zbdd.difference(f, g))).toEqual(uniq(a.filter((x) => !b.includes(x))));
        expect(read(zbdd, zbdd.without(f, g))).toEqual(uniq(a.filter((x) => !b.some((y) => (x & y) === y))));
        const limit = k === 9 ? UNLIMITED_ORDER : k;
        expect(read(zbdd, zbdd.product(f, g, limit))).toEqual(uniq(a.flatMap((x) => b.map((y) => x | y)).filter((m) => size(m) <= limit)));
        expect(read(zbdd, zbdd.truncate(f, k))).toEqual(uniq(a.filter((x) => size(x) <= k)));
        expect(read(zbdd, zbdd.onset(f, v))).toEqual(uniq(a.filter((x) => (x >> v) & 1).map((x) => x & ~(1 << v))));
        expect(zbdd.containsEmpty(f)).toBe(a.includes(0));
      }),
      { numRuns: 300 },
    );
  });

  it('gives each family one node', () => {
    const zbdd = new Zbdd();
    expect(build(zbdd, [3, 5, 6])).toBe(build(zbdd, [6, 3, 5, 3]));
    expect(zbdd.makeNode(2, BASE, EMPTY)).toBe(BASE);
  });

  it('throws ZBDD_NODE_LIMIT beyond its node limit', () => {
    const zbdd = new Zbdd({ maxNodes: 5000 });
    expect(() => {
      for (let i = 0; i < 100_000; i++) zbdd.single(i);
    }).toThrow(/ZBDD nodes/);
  });

  it('throws ZBDD_NODE_LIMIT beyond its step limit', () => {
    const family = [3, 5, 6, 9, 10, 12, 7, 11, 13, 14];
    const free = new Zbdd();
    free.product(build(free, family), build(free, family), UNLIMITED_ORDER);
    expect(free.steps).toBeGreaterThan(10);
    const limited = new Zbdd({ maxSteps: 10 });
    expect(() => limited.product(build(limited, family), build(limited, family), UNLIMITED_ORDER)).toThrow(/ZBDD steps/);
  });
});
