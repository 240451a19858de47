import { didYouMean, editDistance } from './did-you-mean.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(editDistance('db_lock', 'db_lok')).toBe(1);
    expect(editDistance('inputs', 'inptus')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('didYouMean', () => {
  it('suggests the closest candidate within the bound', () => {
    expect(didYouMean('db_lok', ['db_lock', 'db_index', 'cache'])).toBe('db_lock');
    expect(didYouMean('inptus', ['inputs', 'label', 'type'])).toBe('inputs');
    expect(didYouMean('Type', ['type', 'label'])).toBe('type');
  });
  it('suggests nothing when nothing is close', () => {
    expect(didYouMean('zzz', ['inputs', 'label'])).toBeUndefined();
  });
});
