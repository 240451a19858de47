import { checkQueryResult } from './check-query-result.js';

describe('checkQueryResult', () => {
  it('accepts matrix and vector items', () => {
    expect(checkQueryResult([{ metric: { a: 'x' }, values: [[1, '2'], ['3.5', 'NaN']] }, { value: [1, '2'] }, {}])).toBeUndefined();
  });

  it.each([
    [[7], 'data.result[0] is not an object'],
    [[{ metric: 7 }], 'data.result[0].metric is not a set of labels'],
    [[{ metric: { a: 1 } }], 'data.result[0].metric is not a set of labels'],
    [[{}, { values: { a: 1 } }], 'data.result[1].values is not a list of [time, value]'],
    [[{ values: [[1, '2'], [1]] }], 'data.result[0].values[1] is not [time, value]'],
    [[{ values: [[1, 2]] }], 'data.result[0].values[0] is not [time, value]'],
    [[{ value: 'x' }], 'data.result[0].value is not [time, value]'],
  ])('names what is wrong in %j', (result, why) => {
    expect(checkQueryResult(result)).toBe(why);
  });
});
