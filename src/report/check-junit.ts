// `ftree check --format junit` (report stage): JUnit XML as the Ant JUnit schema (JUnit.xsd) defines
// it, which GitLab, Jenkins and most CI servers read: one testsuite per tree, one testcase for its
// validity and one per limit in force.

import { BUDGET_RULES } from '../engine/check-budgets.js';
import { describeCheck, describeSource, isInvalid, RULE_TITLES, type CheckReport } from './check-result.js';

export interface JunitOptions {
  /** When the check ran, local time without a zone (the schema's format): 2026-11-22T10:05:00. */
  readonly timestamp: string;
  readonly hostname: string;
}

/** The report at `now` on `hostname`, as `ftree check --format junit` prints it. */
export function renderCheckJunitAt(report: CheckReport, context: { readonly now: Date; readonly hostname: string }): string {
  return renderCheckJunit(report, { timestamp: localTimestamp(context.now), hostname: context.hostname || 'localhost' }).trimEnd();
}

/** JUnit's timestamp: local date and time without a zone. */
export function localTimestamp(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function renderCheckJunit(report: CheckReport, options: JunitOptions): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>'];
  report.trees.forEach((t, i) => {
    const cases: string[] = [];
    let failures = 0;
    let skipped = 0;
    const classname = xml(t.name ?? t.file);
    const invalid = isInvalid(t);
    if (invalid) {
      failures++;
      const errors = t.diagnostics.filter((d) => d.severity === 'error');
      const text = errors.map((d) => `${d.span ? `${d.span.file}:${d.span.line}:${d.span.col} ` : ''}error[${d.code}] ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`).join('\n');
      cases.push(`    <testcase name="valid" classname="${classname}" time="0">\n      <failure message="${xml(`${errors.length} error${errors.length === 1 ? '' : 's'} in the tree`)}" type="invalid-tree">${xml(text)}</failure>\n    </testcase>`);
    } else cases.push(`    <testcase name="valid" classname="${classname}" time="0"/>`);
    if (invalid) {
      // Budgets cannot be evaluated on an invalid tree.
      for (const rule of BUDGET_RULES) {
        skipped++;
        cases.push(`    <testcase name="${rule}" classname="${classname}" time="0">\n      <skipped message="the tree is invalid"/>\n    </testcase>`);
      }
    } else if (t.checks.length === 0) {
      skipped++;
      cases.push(`    <testcase name="budget" classname="${classname}" time="0">\n      <skipped message="no budget: set one with budget: in the tree or --max-probability, --no-single-points, --max-importance"/>\n    </testcase>`);
    }
    for (const c of t.checks) {
      if (c.passed) {
        cases.push(`    <testcase name="${c.rule}" classname="${classname}" time="0"/>`);
        continue;
      }
      failures++;
      const detail = [`${describeCheck(c)} (${describeSource(c)})`, ...c.offenders.map((o) => `${o.id}: ${o.value}`)].join('\n');
      cases.push(`    <testcase name="${c.rule}" classname="${classname}" time="0">\n      <failure message="${xml(RULE_TITLES[c.rule])}: ${xml(describeCheck(c))}" type="${c.rule}">${xml(detail)}</failure>\n    </testcase>`);
    }
    out.push(
      `  <testsuite name="${xml(t.file)}" package="ftree" id="${i}" timestamp="${options.timestamp}" hostname="${xml(options.hostname)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
      '    <properties>',
      `      <property name="ftree.version" value="${xml(report.version)}"/>`,
      ...(t.pTop !== undefined ? [`      <property name="p_top" value="${t.pTop}"/>`] : []),
      '    </properties>',
      ...cases,
      '    <system-out/>',
      '    <system-err/>',
      '  </testsuite>',
    );
  });
  out.push('</testsuites>', '');
  return out.join('\n');
}

/** Text safe in XML attributes and content; characters XML 1.0 forbids are dropped. */
export function xml(s: string): string {
  return s
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
