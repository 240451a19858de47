import type { BudgetCheck } from '../engine/check-budgets.js';
import type { SourceSpan } from '../model/source-span.js';
import type { CheckReport } from './check-result.js';
import { checkToGitlab } from './check-gitlab.js';

const span = (file: string, line: number): SourceSpan => ({ file, line, col: 3, start: 0, end: 1 });
const single: BudgetCheck = { rule: 'single-points', passed: false, from: { kind: 'cli' }, limit: 0, value: 2, offenders: [{ id: 'a', value: 0.1 }, { id: 'b', value: 0.2 }] };

function report(aLine: number, file = './trees/x.yaml'): CheckReport {
  return {
    version: '0',
    trees: [
      { file, name: 'x', topSpan: span(file, 2), eventSpans: new Map([['a', span(file, aLine)], ['b', span(file, 30)]]), diagnostics: [], checks: [single] },
      { file: 'trees\\bad.yaml', eventSpans: new Map(), diagnostics: [{ code: 'CYCLE', severity: 'error', message: 'm', span: span('trees\\bad.yaml', 4) }, { code: 'CYCLE', severity: 'error', message: 'm', span: span('trees\\bad.yaml', 4) }, { code: 'UNKNOWN_KEY', severity: 'warning', message: 'w' }], checks: [] },
    ],
  };
}

describe('checkToGitlab', () => {
  it('gives each offending event and tree error an issue at its line, with a severity per rule, and leaves out warnings', () => {
    const issues = checkToGitlab(report(20));
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([
      ['ftree/single-points', 'major', 'trees/x.yaml', 20],
      ['ftree/single-points', 'major', 'trees/x.yaml', 30],
      ['ftree/invalid-tree/CYCLE', 'blocker', 'trees/bad.yaml', 4],
      ['ftree/invalid-tree/CYCLE', 'blocker', 'trees/bad.yaml', 4],
    ]);
  });

  it('keeps fingerprints when a line moves, and numbers repeated issues so that each is unique', () => {
    const before = checkToGitlab(report(20)).map((i) => i.fingerprint);
    const after = checkToGitlab(report(25)).map((i) => i.fingerprint);
    expect(after).toEqual(before);
    expect(new Set(before).size).toBe(before.length);
    expect(checkToGitlab(report(20, './trees/y.yaml'))[0]!.fingerprint).not.toBe(before[0]);
  });
});

describe('checkToGitlab paths', () => {
  it('makes an absolute path inside the working folder relative to it, and leaves one outside as given', () => {
    const base = report(20, '/repo/trees/x.yaml');
    expect(checkToGitlab(base, '/repo')[0]!.location.path).toBe('trees/x.yaml');
    expect(checkToGitlab(base, '/elsewhere')[0]!.location.path).toBe('/repo/trees/x.yaml');
  });
});
