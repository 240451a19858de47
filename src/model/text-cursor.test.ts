import { TextCursor } from './text-cursor.js';

type Tree = string | [string, Tree, Tree];

/** Digits joined by - and ^, both grouped left to right (enough to see the grouping). */
class Digits extends TextCursor {
  expression(): Tree | undefined {
    return this.leftAssociative(() => this.digit(), ['-', '^'], (op, left, right): Tree => [op, left, right]);
  }

  private digit(): string | undefined {
    const c = this.peek();
    if (c === undefined || !/\d/.test(c)) return undefined;
    this.i++;
    return c;
  }
}

function parse(text: string, blank = /[ \t]/): Tree | undefined {
  const p = new Digits(text, blank);
  const tree = p.expression();
  return tree !== undefined && p.atEnd() ? tree : undefined;
}

describe('TextCursor.leftAssociative', () => {
  it('groups operators left to right, skipping blanks', () => {
    expect(parse('1')).toBe('1');
    expect(parse(' 1 - 2\t^ 3 ')).toEqual(['^', ['-', '1', '2'], '3']);
  });

  it('is undefined when an operand is missing, and stops at what is not an operator', () => {
    expect(parse('1 -')).toBeUndefined();
    expect(parse('- 1')).toBeUndefined();
    expect(parse('1 + 2')).toBeUndefined();
  });

  it('skips only the blanks it was given', () => {
    expect(parse('1 -\n2')).toBeUndefined();
    expect(parse('1 -\n2', /\s/)).toEqual(['-', '1', '2']);
  });
});
