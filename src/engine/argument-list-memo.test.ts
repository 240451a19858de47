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

  it('orders references by node, the regular one first', () => {
    expect([5, -3, 3, -5, 2].sort(compareRefs)).toEqual([2, 3, -3, 5, -5]);
  });
});
