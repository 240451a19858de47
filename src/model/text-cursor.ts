// A position in a text for the hand-written expression parsers (model stage): the plain subset of
// formulas (simple-expression.ts) and the PromQL subset the evidence evaluates (evaluate-promql.ts).

export class TextCursor {
  protected i = 0;

  /** `blank` matches one character to skip between tokens. */
  constructor(
    protected readonly s: string,
    private readonly blank: RegExp,
  ) {}

  /** Whether only blanks are left. */
  atEnd(): boolean {
    this.skip();
    return this.i === this.s.length;
  }

  /** The next character after blanks, not consumed. */
  protected peek(): string | undefined {
    this.skip();
    return this.s[this.i];
  }

  protected skip(): void {
    while (this.i < this.s.length && this.blank.test(this.s[this.i]!)) this.i++;
  }

  /** operand (op operand)*, grouped left to right; undefined when an operand is missing. */
  protected leftAssociative<N>(operand: () => N | undefined, operators: readonly string[], combine: (op: string, left: N, right: N) => N): N | undefined {
    let left = operand();
    for (;;) {
      if (left === undefined) return undefined;
      const op = this.peek();
      if (op === undefined || !operators.includes(op)) return left;
      this.i++;
      const right = operand();
      if (right === undefined) return undefined;
      left = combine(op, left, right);
    }
  }
}
