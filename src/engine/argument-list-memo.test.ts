import { ArgumentListMemo, compareRefs, hashArgumentList } from './argument-list-memo.js';

describe('ArgumentListMemo', () => {
  it('finds the lists it holds, and only those, across table growth', () => {
    const memo = new ArgumentListMemo(4);
    const lists = Array.from({ length: 3000 }, (_, i) => [2 + (i % 7), 10 + i, -(20 + ((i * 31) % 500))]);
    const put = (list: number[], base: number): number => {
      memo.reserve(base + list.length);
      memo.stack.set(list, base);
      return hashArgumentList(memo.stack, base, list.length);
    };
    lists.forEach((list, i) => memo.insert(5, list.length, put(list, 5), 1000 + i));
    lists.forEach((list, i) => expect(memo.find(0, list.length, put(list, 0))).toBe(1000 + i));
    expect(memo.find(0, 3, put([2, 9, -20], 0))).toBe(0);
    expect(memo.find(0, 2, put([2, 10], 0))).toBe(0);
  });

  it('starts afresh past its bound, and still finds what it holds since', () => {
    const memo = new ArgumentListMemo(2, 64);
    const put = (list: number[]): number => {
      memo.stack.set(list, 0);
      return hashArgumentList(memo.stack, 0, list.length);
    };
    for (let i = 0; i < 40; i++) memo.insert(0, 2, put([2, 3 + i]), 100 + i);
    expect(memo.find(0, 2, put([2, 3]))).toBe(0);
    expect(memo.find(0, 2, put([2, 42]))).toBe(139);
  });

  it('gives up with BDD_NODE_LIMIT once it has started afresh more than maxClears times', () => {
    const memo = new ArgumentListMemo(2, 64, 1);
    const put = (list: number[]): number => {
      memo.stack.set(list, 0);
      return hashArgumentList(memo.stack, 0, list.length);
    };
    for (let i = 0; i < 25; i++) memo.insert(0, 2, put([2, 3 + i]), 100 + i); // 100 entries: one clear
    expect(() => {
      for (let i = 25; i < 40; i++) memo.insert(0, 2, put([2, 3 + i]), 100 + i);
    }).toThrow(expect.objectContaining({ code: 'BDD_NODE_LIMIT' }));
  });

  it('finds its lists across arena chunks (more than 2^20 entries)', () => {
    const memo = new ArgumentListMemo(4);
    const n = 150_000;
    const put = (i: number): number => {
      const list = [2 + (i % 5), 10 + i, -(20 + (i % 1000)), 7 + i * 3, 11, 12];
      memo.reserve(list.length);
      memo.stack.set(list, 0);
      return hashArgumentList(memo.stack, 0, list.length);
    };
    for (let i = 0; i < n; i++) memo.insert(0, 6, put(i), 1000 + i);
    for (let i = 0; i < n; i += 997) expect(memo.find(0, 6, put(i))).toBe(1000 + i);
    expect(memo.find(0, 6, put(n - 1))).toBe(1000 + n - 1);
  });

  it('orders references by node, the regular one first', () => {
    expect([5, -3, 3, -5, 2].sort(compareRefs)).toEqual([2, 3, -3, 5, -5]);
  });
});
