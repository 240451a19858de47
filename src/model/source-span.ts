// Where a piece of a tree came from: file, 1-based line and column, and the extent (for caret snippets).
// Shared by every stage that reports problems in user input.

export interface SourceSpan {
  readonly file: string;
  /** 1-based line of the first character. */
  readonly line: number;
  /** 1-based column of the first character. */
  readonly col: number;
  /** 0-based character offsets into the file text, [start, end). */
  readonly start: number;
  readonly end: number;
}

export function formatLocation(span: SourceSpan): string {
  return `${span.file}:${span.line}:${span.col}`;
}
