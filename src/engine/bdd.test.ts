import { Bdd, ONE, ZERO, type BddRef } from './bdd.js';
import { siftLevels } from './sift-levels.js';
import { FtreeError } from '../model/diagnostic.js';

/** Value of `f` under an assignment of levels (bit `level` of `mask`). */
function valueOf(bdd: Bdd, f: BddRef, mask: number): boolean {
  let sign = f < 0;
  let n = Math.abs(f);
  while (n !== 1) {
    const next = (mask >> bdd.level(n)) & 1 ? bdd.high(n) : bdd.low(n);
    if (next < 0) sign = !sign;
    n = Math.abs(next);
  }
  return !sign;
}

function truthTable(bdd: Bdd, f: BddRef, levels: number): boolean[] {
  return Array.from({ length: 1 << levels }, (_, mask) => valueOf(bdd, f, mask));
}

describe('Bdd', () => {
  it('builds the single-variable functions with a regular then-edge', () => {
    const bdd = new Bdd();
    const a = bdd.variable(0);
    expect(a).toBeGreaterThan(1);
    expect(bdd.variable(0)).toBe(a);
    expect(bdd.high(a)).toBe(ONE);
    expect(bdd.low(a)).toBe(ZERO);
    expect(bdd.not(a)).toBe(-a);
  });

  it('is canonical: equal functions have one reference', () => {
    const bdd = new Bdd();
    const [a, b, c] = [0, 1, 2].map((l) => bdd.variable(l)) as [number, number, number];
    expect(bdd.and(a, bdd.or(b, c))).toBe(bdd.or(bdd.and(a, b), bdd.and(c, a)));
    expect(bdd.not(bdd.and(a, b))).toBe(bdd.or(-a, -b));
    expect(bdd.xor(a, b)).toBe(bdd.or(bdd.and(a, -b), bdd.and(-a, b)));
    expect(bdd.xor(bdd.xor(a, b), b)).toBe(a);
    expect(bdd.or(a, -a)).toBe(ONE);
    expect(bdd.and(a, -a)).toBe(ZERO);
    expect(bdd.ite(a, b, c)).toBe(bdd.or(bdd.and(a, b), bdd.and(-a, c)));
  });

  it('keeps every stored then-edge regular', () => {
    const bdd = new Bdd();
    const v = [0, 1, 2, 3].map((l) => bdd.variable(l));
    let f = ZERO;
    for (let i = 0; i < 4; i++) f = bdd.xor(f, bdd.and(v[i]!, -v[(i + 1) % 4]!));
    for (let n = 2; n <= bdd.nodeCount; n++) expect(bdd.high(n)).toBeGreaterThan(0);
    expect(truthTable(bdd, f, 4)).toEqual(
      Array.from({ length: 16 }, (_, m) => {
        let x = false;
        for (let i = 0; i < 4; i++) x = x !== (((m >> i) & 1) === 1 && ((m >> ((i + 1) % 4)) & 1) === 0);
        return x;
      }),
    );
  });

  it('computes and, or, xor as their truth tables', () => {
    const bdd = new Bdd();
    const [a, b, c] = [0, 1, 2].map((l) => bdd.variable(l)) as [number, number, number];
    const f = bdd.or(bdd.and(a, -b), bdd.xor(b, c));
    expect(truthTable(bdd, f, 3)).toEqual(
      Array.from({ length: 8 }, (_, m) => {
        const [x, y, z] = [m & 1, (m >> 1) & 1, (m >> 2) & 1];
        return (x === 1 && y === 0) || (y ^ z) === 1;
      }),
    );
  });

  it('computes n-ary and/or, and conjunctions of clauses, in one pass as the fold of binary applies', () => {
    const bdd = new Bdd();
    const v = Array.from({ length: 6 }, (_, l) => bdd.variable(l));
    // Random functions of 6 variables from a fixed seed, and lists of them with repeats,
    // complements and constants.
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const pool: number[] = [ONE, ZERO];
    for (let i = 0; i < 40; i++) {
      const a = pool.length > 2 && rand(2) === 0 ? pool[rand(pool.length)]! : v[rand(6)]!;
      const b = v[rand(6)]!;
      const ops = [bdd.and(a, b), bdd.or(a, -b), bdd.xor(a, b)];
      pool.push(ops[rand(3)]!);
    }
    for (let t = 0; t < 200; t++) {
      const args = Array.from({ length: 3 + rand(6) }, () => {
        const f = pool[rand(pool.length)]!;
        return rand(4) === 0 ? -f : f;
      });
      let and = ONE;
      let or = ZERO;
      for (const a of args) {
        and = bdd.and(and, a);
        or = bdd.or(or, a);
      }
      expect(bdd.andAll(args)).toBe(and);
      expect(bdd.orAll(args)).toBe(or);
    }
    for (let t = 0; t < 200; t++) {
      const groups = Array.from({ length: 1 + rand(4) }, () =>
        Array.from({ length: 1 + rand(4) }, () => {
          const f = pool[rand(pool.length)]!;
          return rand(4) === 0 ? -f : f;
        }),
      );
      let cnf = ONE;
      let dnf = ZERO;
      for (const g of groups) {
        let clause = ZERO;
        let term = ONE;
        for (const a of g) {
          clause = bdd.or(clause, a);
          term = bdd.and(term, a);
        }
        cnf = bdd.and(cnf, clause);
        dnf = bdd.or(dnf, term);
      }
      expect(bdd.andOfOrs(groups)).toBe(cnf);
      expect(bdd.orOfAnds(groups)).toBe(dnf);
    }
    expect(bdd.andOfOrs([])).toBe(ONE);
    expect(bdd.andOfOrs([[]])).toBe(ZERO);
    expect(bdd.andAll([])).toBe(ONE);
    expect(bdd.orAll([])).toBe(ZERO);
    expect(bdd.andAll([v[0]!, v[1]!, -v[0]!])).toBe(ZERO);
    expect(bdd.orAll([v[0]!, v[1]!, -v[0]!])).toBe(ONE);
  });

  it('restricts a variable', () => {
    const bdd = new Bdd();
    const [a, b, c] = [0, 1, 2].map((l) => bdd.variable(l)) as [number, number, number];
    const f = bdd.or(bdd.and(a, b), bdd.and(-b, c));
    expect(bdd.restrict(f, 1, true)).toBe(a);
    expect(bdd.restrict(f, 1, false)).toBe(c);
  });

  it('compacts to the live nodes and keeps their functions', () => {
    const bdd = new Bdd();
    const v = Array.from({ length: 8 }, (_, l) => bdd.variable(l));
    let garbage = ZERO;
    for (let i = 0; i < 8; i++) garbage = bdd.xor(garbage, v[i]!);
    const f = bdd.or(bdd.and(v[0]!, v[1]!), bdd.and(-v[2]!, v[7]!));
    const before = truthTable(bdd, f, 8);
    const roots = Int32Array.of(-f);
    bdd.compact(roots);
    expect(bdd.nodeCount).toBeLessThan(10);
    expect(truthTable(bdd, -roots[0]!, 8)).toEqual(before);
    // The unique table is rebuilt: the same function gives the same reference.
    const w = Array.from({ length: 8 }, (_, l) => bdd.variable(l));
    expect(bdd.or(bdd.and(w[0]!, w[1]!), bdd.and(-w[2]!, w[7]!))).toBe(-roots[0]!);
  });

  it('throws BDD_NODE_LIMIT beyond its node limit', () => {
    const bdd = new Bdd({ maxNodes: 5000 });
    // Parity of x_i ∧ y_i pairs with the x's first: exponential in this order.
    const build = (): void => {
      let f = ZERO;
      for (let i = 0; i < 20; i++) f = bdd.xor(f, bdd.and(bdd.variable(i), bdd.variable(20 + i)));
    };
    expect(build).toThrow(FtreeError);
    try {
      build();
    } catch (e) {
      expect((e as FtreeError).code).toBe('BDD_NODE_LIMIT');
      expect((e as FtreeError).message).toMatch(/The BDD exceeds 5000 nodes: /);
    }
  });

  it('swaps adjacent levels in place, keeping every function and its reference', () => {
    const bdd = new Bdd();
    const v = Array.from({ length: 5 }, (_, l) => bdd.variable(l));
    const f = bdd.or(bdd.and(v[0]!, v[1]!), bdd.and(-v[1]!, bdd.xor(v[2]!, v[4]!)));
    const g = bdd.and(-f, bdd.or(v[3]!, v[0]!));
    const tables = [truthTable(bdd, f, 5), truthTable(bdd, g, 5)];
    const roots = Int32Array.of(f, g);
    bdd.beginReorder(roots, 5);
    bdd.swapLevels(0);
    bdd.swapLevels(1);
    bdd.swapLevels(3);
    // The variables of old levels 0..4 are now at levels 2, 0, 1, 4, 3.
    expect([0, 1, 2, 3, 4].map((l) => bdd.levelOfVariable(l))).toEqual([2, 0, 1, 4, 3]);
    const moved = (mask: number): number => [2, 0, 1, 4, 3].reduce((m, to, from) => m | (((mask >> from) & 1) << to), 0);
    const levelOf = bdd.endReorder(roots);
    expect([...levelOf]).toEqual([2, 0, 1, 4, 3]);
    expect(roots[0]).not.toBe(0);
    for (const [i, root] of [roots[0]!, roots[1]!].entries()) {
      expect(Array.from({ length: 32 }, (_, mask) => valueOf(bdd, root, moved(mask)))).toEqual(tables[i]);
    }
  });

  it('sifts to a smaller diagram: the interleaved order for a sum of pairs', () => {
    const bdd = new Bdd();
    // x_i ∧ y_i summed over i, x's first: exponential; interleaved: linear.
    let f = ZERO;
    for (let i = 0; i < 8; i++) f = bdd.or(f, bdd.and(bdd.variable(i), bdd.variable(8 + i)));
    const table = truthTable(bdd, f, 16);
    const roots = Int32Array.of(f);
    bdd.compact(roots);
    const before = bdd.nodeCount;
    const levelOf = siftLevels(bdd, roots, 16);
    expect(bdd.nodeCount).toBeLessThan(before / 4);
    const moved = (mask: number): number => Array.from(levelOf).reduce((m, to, from) => m | (((mask >> from) & 1) << to), 0);
    expect(Array.from({ length: 1 << 16 }, (_, mask) => valueOf(bdd, roots[0]!, moved(mask)))).toEqual(table);
    // The manager goes on after a session: apply works in the new order.
    const x0 = bdd.variable(levelOf[0]!);
    expect(bdd.and(roots[0]!, x0)).not.toBe(ZERO);
  });
});
