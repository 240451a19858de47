import { EngineLimitError } from '../engine/engine-limit-error.js';
import { FtreeError, type Diagnostic } from '../model/diagnostic.js';
import type { ErrorCode } from '../model/error-codes.js';
import { EXIT, exitCodeOf, withOptionHints } from './error-table.js';

const error = (code: ErrorCode, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ code, severity, message: 'Something' });

describe('exitCodeOf', () => {
  it('maps each code through the table, invalid input (1) by default', () => {
    expect(exitCodeOf(new FtreeError(error('USAGE')))).toBe(EXIT.usage);
    expect(exitCodeOf(new FtreeError(error('BAD_TIME')))).toBe(EXIT.usage);
    expect(exitCodeOf(new FtreeError([error('FILE_UNREADABLE'), error('FILE_UNREADABLE')]))).toBe(EXIT.usage);
    expect(exitCodeOf(new FtreeError(error('PROMETHEUS_FAILED')))).toBe(EXIT.dataSource);
    expect(exitCodeOf(new FtreeError(error('CYCLE')))).toBe(EXIT.invalid);
    expect(exitCodeOf(new EngineLimitError('bdd-nodes', 10, 'Too large'))).toBe(EXIT.invalid);
  });

  it('is invalid input when the errors disagree, and ignores warnings beside errors', () => {
    expect(exitCodeOf(new FtreeError([error('FILE_UNREADABLE'), error('YAML_SYNTAX')]))).toBe(EXIT.invalid);
    expect(exitCodeOf(new FtreeError([error('FILE_UNREADABLE'), error('UNUSED_GATE', 'warning')]))).toBe(EXIT.usage);
  });

  it('is a usage error for a value given on the command line', () => {
    expect(exitCodeOf(new FtreeError(error('UNKNOWN_TOP'), { fromCommandLine: true }))).toBe(EXIT.usage);
    expect(exitCodeOf(new FtreeError(error('UNKNOWN_TOP')))).toBe(EXIT.invalid);
  });
});

describe('withOptionHints', () => {
  const has = (...flags: string[]) => (flag: string) => flags.includes(flag);

  it('names the option of the running command that changes the limit', () => {
    const e = new EngineLimitError('bdd-nodes', 10, 'The BDD exceeds 10 nodes');
    expect(withOptionHints(e, has('--max-bdd-nodes')).diagnostics[0]!.hint).toMatch(/^raise the limit \(--max-bdd-nodes\)/);
    expect(withOptionHints(e, has()).diagnostics[0]!.hint).toMatch(/^ftree analyze takes a higher limit/);
    const z = new EngineLimitError('zbdd-nodes', 10, 'The cut sets exceed 10 ZBDD nodes');
    expect(withOptionHints(z, has('--max-order', '--cutoff')).diagnostics[0]!.hint).toBe('lower the order limit (--max-order) or raise the probability cut-off (--cutoff)');
    expect(withOptionHints(z, has('--max-order')).diagnostics[0]!.hint).toBe('lower the order limit (--max-order)');
    expect(withOptionHints(z, has()).diagnostics[0]!.hint).toBeUndefined();
  });

  it('keeps the hint the engine gave, and leaves other errors alone', () => {
    const memo = new EngineLimitError('bdd-memo', 10, 'One gate needs more', 'ftree has no better order for this tree');
    expect(withOptionHints(memo, has('--max-bdd-nodes')).diagnostics[0]!.hint).toBe('ftree has no better order for this tree');
    const plain = new FtreeError(error('CYCLE'));
    expect(withOptionHints(plain, has('--max-bdd-nodes'))).toBe(plain);
  });

  it('names --top-event for a model with several tops only where the command has it', () => {
    const ambiguous = new FtreeError(error('AMBIGUOUS_TOP'));
    expect(withOptionHints(ambiguous, has('--top-event')).diagnostics[0]!.hint).toBe('choose one with --top-event <id>');
    expect(withOptionHints(ambiguous, has())).toBe(ambiguous);
  });
});
