// `ftree check --format gitlab` (report stage): a GitLab Code Quality report, the part of the Code
// Climate issue format that GitLab reads from `artifacts: reports: codequality`, so that a broken
// budget or an invalid tree shows in the merge request's widget at its file and line.

import { createHash } from 'node:crypto';
import { isAbsolute, relative } from 'node:path';
import { listCheckFindings, type CheckFinding, type CheckReport } from './check-result.js';

/** GitLab's five severities, one per kind of finding. */
const SEVERITY: Readonly<Record<CheckFinding['rule'], 'info' | 'minor' | 'major' | 'critical' | 'blocker'>> = {
  'invalid-tree': 'blocker',
  'max-probability': 'critical',
  'single-points': 'major',
  'max-importance': 'major',
};

export interface GitlabIssue {
  readonly description: string;
  readonly check_name: string;
  /** Stable across runs and line moves: the rule, the file, the event or error code, the message; numbered when repeated. */
  readonly fingerprint: string;
  readonly severity: (typeof SEVERITY)[CheckFinding['rule']];
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/** `cwd`: the repository's root (where CI runs), against which absolute paths are made relative. */
export function checkToGitlab(report: CheckReport, cwd = ''): GitlabIssue[] {
  const seen = new Map<string, number>();
  return listCheckFindings(report).map((f) => {
    const path = repoPath(f.span?.file ?? f.tree, cwd);
    const identity = [f.rule, path, f.event ?? f.code ?? '', f.message].join('\0');
    const n = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, n);
    return {
      description: f.message,
      check_name: `ftree/${f.rule}${f.code ? `/${f.code}` : ''}`,
      fingerprint: createHash('sha256').update(`${identity}\0${n}`).digest('hex').slice(0, 32),
      severity: SEVERITY[f.rule],
      location: { path, lines: { begin: f.span?.line ?? 1 } },
    };
  });
}

export function renderCheckGitlab(report: CheckReport, context: { readonly cwd: string }): string {
  return JSON.stringify(checkToGitlab(report, context.cwd), null, 2);
}

/** GitLab wants the path from the repository's root: relative to `cwd` when absolute and inside it, forward slashes, no leading `./`. */
function repoPath(file: string, cwd: string): string {
  const inside = cwd !== '' && isAbsolute(file) ? relative(cwd, file) : file;
  const path = inside.startsWith('..') || isAbsolute(inside) ? file : inside;
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
