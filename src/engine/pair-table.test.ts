import { PairTable } from './pair-table.js';

it('keeps every pair through growth, negative keys included', () => {
  const table = new PairTable(4);
  for (let a = -500; a < 500; a++) for (let b = 0; b < 5; b++) table.set(a, b, a * 10 + b);
  expect(table.size).toBe(5000);
  for (let a = -500; a < 500; a++) for (let b = 0; b < 5; b++) expect(table.get(a, b)).toBe(a * 10 + b);
  expect(table.get(7, 99)).toBe(-1);
  table.set(7, 1, 42);
  expect(table.get(7, 1)).toBe(42);
  expect(table.size).toBe(5000);
});
